/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, ISO 8601 `YYYY-MM-DD`, in Danish local time. */
  Date: { input: string; output: string; }
  /** A point in time, ISO 8601 with time zone. */
  DateTime: { input: string; output: string; }
};

/** Whether an access-log entry records a read or a change. */
export type AccessAction =
  /** Personal data was changed. */
  | 'CHANGE'
  /** Personal data was read. */
  | 'READ';

/**
 * One entry of a child's access log: who read or changed which parts of the child's data, when and why. Entries can
 * never be changed or deleted.
 */
export type AccessLogEntry = {
  __typename?: 'AccessLogEntry';
  /** Whether data was read or changed. */
  action: AccessAction;
  /** The actor's name, for the citizen's and auditors' view (never written to technical logs). */
  actorName: Scalars['String']['output'];
  /** The actor's organisation. */
  actorOrganisation: Scalars['String']['output'];
  /** The actor's roles at the time. */
  actorRoles: Array<Scalars['String']['output']>;
  /** The actor's sector. */
  actorSector: Sector;
  /** The actor's user id. */
  actorSubject: Scalars['String']['output'];
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** The child's pseudonym. */
  childId: Scalars['ID']['output'];
  /** Time-ordered id (UUIDv7) of the entry. */
  id: Scalars['ID']['output'];
  /** The GraphQL operation. */
  operation: Scalars['String']['output'];
  /** Which parts of the child's data were read or changed. */
  parts: Array<Scalars['String']['output']>;
  /** The purpose the actor stated. */
  purpose: Purpose;
  /** The request id, to follow the request across services. */
  requestId: Scalars['String']['output'];
  /** The subgraph (data owner) that logged it. */
  source: Scalars['String']['output'];
};

/** A page of access-log entries, newest first. */
export type AccessLogPage = {
  __typename?: 'AccessLogPage';
  /** The entries on this page. */
  entries: Array<AccessLogEntry>;
  /** Pass as `before` to get the next, older page; null on the last page. */
  nextBefore?: Maybe<Scalars['ID']['output']>;
};

/** Age bands that matter to the agreement and to consent. */
export type AgeBand =
  /** 18 or older: outside the agreement's target group. */
  | 'ADULT'
  /** 6-12 years: school children. */
  | 'AGE_6_TO_12'
  /** 13-14 years: custody holders still consent on the young person's behalf. */
  | 'AGE_13_TO_14'
  /** 15-17 years: the young person consents alone; the transition at 18 is planned. */
  | 'AGE_15_TO_17'
  /** 0-5 years: small children, typically followed by the health visitor (sundhedsplejerske). */
  | 'UNDER_6';

/** A child's registration as a patient at Børne- og Ungdomspsykiatrisk Afdeling (BUA). Owned by the BUA subgraph. */
export type BuaPatient = {
  __typename?: 'BuaPatient';
  /** The date BUA registered the child as a patient. */
  registeredOn: Scalars['Date']['output'];
  /** True when this record is synthetic demo data, never a real person. */
  synthetic: Scalars['Boolean']['output'];
};

/** MedCom CareCommunication categories (MedComCareCommunicationCategories), the kind of a correspondence letter. */
export type CareCommunicationCategory =
  /** acute-ambulant: acute ambulant care; always refused for a correspondence letter (acute problems go to the emergency service). */
  | 'ACUTE_AMBULANT'
  /** alcohol-and-drug-treatment: alcohol and drug treatment. */
  | 'ALCOHOL_AND_DRUG_TREATMENT'
  /** assistive-devices: assistive devices. */
  | 'ASSISTIVE_DEVICES'
  /** carecoordination: coordination of care. */
  | 'CARECOORDINATION'
  /** decease: death. */
  | 'DECEASE'
  /** discharge: discharge from hospital. */
  | 'DISCHARGE'
  /** examination-results: examination results. */
  | 'EXAMINATION_RESULTS'
  /** extended-care-responsibility: extended care responsibility. */
  | 'EXTENDED_CARE_RESPONSIBILITY'
  /** healthcare: health care. */
  | 'HEALTHCARE'
  /** home-care-assessment: home care assessment. */
  | 'HOME_CARE_ASSESSMENT'
  /** medicine: medicine. */
  | 'MEDICINE'
  /** nursing: nursing. */
  | 'NURSING'
  /** other: anything else; needs a topic. */
  | 'OTHER'
  /** outpatient: outpatient treatment. */
  | 'OUTPATIENT'
  /** psychiatry-social-disability: psychiatry and social disability; the usual category for a child in mental distress. */
  | 'PSYCHIATRY_SOCIAL_DISABILITY'
  /** regarding-referral: about a referral. */
  | 'REGARDING_REFERRAL'
  /** telemedicine: telemedicine. */
  | 'TELEMEDICINE'
  /** training: training. */
  | 'TRAINING';

/** A departure from the MedCom standard that the parser accepted after normalising it. */
export type CareCommunicationDeviation = {
  __typename?: 'CareCommunicationDeviation';
  /** The deviation's code. */
  code: Scalars['String']['output'];
  /** What was wrong and how it was read. */
  description: Scalars['String']['output'];
  /** Where in the bundle it was found (FHIR path). */
  element: Scalars['String']['output'];
};

/** A child or young person (0-18), identified across all subgraphs by a pseudonym (`id`), never by CPR number. */
export type Child = {
  __typename?: 'Child';
  /**
   * The child's age in whole years today (Danish time), from the municipality's date of birth. Null when the
   * municipality does not know the child, or withheld its data from you (then `withheld` lists MUNICIPALITY).
   */
  age?: Maybe<Scalars['Int']['output']>;
  /**
   * The child's age band today. The bands follow the agreement's rules: from 15 the young person consents alone,
   * and at 18 the target group ends and the transition to adult services is planned. Null exactly when `age` is.
   */
  ageBand?: Maybe<AgeBand>;
  /** Date of birth, derived from the CPR number. Null when the municipality does not know the child. */
  birthDate?: Maybe<Scalars['Date']['output']>;
  /** The consents BUA holds to disclose its data about the child. */
  buaConsents?: Maybe<Array<Consent>>;
  /** The child's registration as a BUA patient; null when BUA does not know the child. */
  buaPatient?: Maybe<BuaPatient>;
  /** The consents the child's own general practice holds to disclose its data about the child. */
  generalPracticeConsents?: Maybe<Array<Consent>>;
  /** The child's pseudonym: a keyed hash of the CPR number, the same in every subgraph. */
  id: Scalars['ID']['output'];
  /**
   * The sectors involved with the child, derived from what each sector shares with you; ordered as the enum. A sector
   * that withheld its data from you is left out and listed in `withheld`: the list is then partial (the sectors known
   * to be involved, not necessarily all that are).
   */
  involvedSectors: Array<InvolvedSector>;
  /**
   * Whether the child is registered as a patient at Børne- og Ungdomspsykiatrisk Afdeling (BUA), the child and
   * adolescent psychiatric department of Region Midtjylland (kendt i BUA).
   */
  knownToBua?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the child has an open case in the residence municipality (kendt i kommunen). */
  knownToMunicipality?: Maybe<Scalars['Boolean']['output']>;
  /**
   * The practice the child is listed with (egen læge), which writes to and hears back from the municipality about the
   * child. Null when the child is unknown to general practice.
   */
  listedPractice?: Maybe<Practice>;
  /** The consents the municipality holds to disclose its data about the child. */
  municipalityConsents?: Maybe<Array<Consent>>;
  /** The municipality the child lives in, when known to a municipality of the region. */
  residenceMunicipality?: Maybe<Municipality>;
  /** The consents the screening tracks holds to disclose its data about the child. */
  screeningConsents?: Maybe<Array<Consent>>;
  /** The screening tracks (spor) the child belongs to, in track order; empty when the child is in none. */
  screeningTracks?: Maybe<Array<TrackMembership>>;
  /** True when this record is synthetic demo data, never a real person. */
  synthetic?: Maybe<Scalars['Boolean']['output']>;
  /**
   * The sectors whose data was not shared with you, and why, in the order of `InvolvedSector`; empty when every sector
   * shared its data. The computed fields above are built without it: a withheld MUNICIPALITY makes `age` and `ageBand`
   * null, and any withheld sector makes `involvedSectors` partial. Selecting the sectors' own fields (e.g.
   * `knownToBua`) instead gives their refusals as errors.
   */
  withheld: Array<WithheldPart>;
};

/** A page of children. */
export type ChildConnection = {
  __typename?: 'ChildConnection';
  /** The children on this page, each with its cursor. */
  edges: Array<ChildEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** One child in a page, with the cursor that points at it. */
export type ChildEdge = {
  __typename?: 'ChildEdge';
  /** Opaque cursor; pass it as `after` to continue after this child. */
  cursor: Scalars['String']['output'];
  /** The child. */
  node: Child;
};

/** Aggregate counts about a municipality's children, with small counts suppressed. */
export type ChildStatistics = {
  __typename?: 'ChildStatistics';
  /** Children with an open municipal case; null when from 1 to 4. */
  childrenWithOpenCase?: Maybe<Scalars['Int']['output']>;
  /** Children registered with the municipality; null when from 1 to 4. */
  registeredChildren?: Maybe<Scalars['Int']['output']>;
};

/** A consent (samtykke) to disclose the holding sector's data about a child to another sector or organisation. */
export type Consent = {
  __typename?: 'Consent';
  /** Whether the consent is honoured today (not withdrawn, within its dates, and not a custody holder's after 18). */
  active: Scalars['Boolean']['output'];
  /** The child's pseudonym. */
  childId: Scalars['ID']['output'];
  /** Who gave the consent. */
  givenBy: ConsentingParty;
  /** The day the consent was given. */
  givenOn: Scalars['Date']['output'];
  /** The consent's id. */
  id: Scalars['ID']['output'];
  /** The purposes the disclosure is for. */
  purposes: Array<Purpose>;
  /** The one organisation of that sector it may be disclosed to; null for the whole sector. */
  recipientOrganisation?: Maybe<Scalars['String']['output']>;
  /** The sector the data may be disclosed to. */
  recipientSector: Sector;
  /** When the consent was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** First day the consent applies. */
  validFrom: Scalars['Date']['output'];
  /** Last day the consent applies; null until withdrawn. */
  validUntil?: Maybe<Scalars['Date']['output']>;
  /** When the consent was withdrawn; withdrawal takes effect at once. */
  withdrawnAt?: Maybe<Scalars['DateTime']['output']>;
};

/** Who gave a consent: the young person from the age of 15, a custody holder (forældremyndighedsindehaver) before. */
export type ConsentingParty =
  /** A custody holder, for a child under 15; not honoured after the child's 18th birthday. */
  | 'CUSTODY_HOLDER'
  /** The young person, 15 or older on the day of consent. */
  | 'YOUNG_PERSON';

/** When the child is known to the municipality, whom the municipality commits to contacting to settle the further course. */
export type ContactCommitment =
  /** The municipality contacts the family. */
  | 'CONTACT_FAMILY'
  /** The municipality contacts the GP. */
  | 'CONTACT_GP';

/**
 * A correspondence letter (korrespondancebrev) a practice sent to a municipality about a child. Only the sending
 * practice sees it.
 */
export type CorrespondenceLetter = {
  __typename?: 'CorrespondenceLetter';
  /** The MedCom category. */
  category: CareCommunicationCategory;
  /** The child the letter is about. */
  child: Child;
  /** Who consented to the disclosure. */
  consentGivenBy: ConsentingParty;
  /** When the consent was given. */
  consentGivenOn: Scalars['Date']['output'];
  /** The letter as a MedCom CareCommunication bundle (JSON), as it was delivered. */
  exportBundle?: Maybe<Scalars['String']['output']>;
  /** The letter's id (UUIDv7). */
  id: Scalars['ID']['output'];
  /** The id the sending system chose; the MedCom MessageHeader id. */
  messageId: Scalars['ID']['output'];
  /** True when no reply has come and the due day has passed. */
  overdue: Scalars['Boolean']['output'];
  /** The municipality inbox it was sent to. */
  recipient: LetterRecipient;
  /** The municipality's reply; null until it arrives. */
  reply?: Maybe<LetterReply>;
  /** The last working day a reply is on time (the municipality's deadline). */
  replyDueOn: Scalars['Date']['output'];
  /** When it was sent. */
  sentAt: Scalars['DateTime']['output'];
  /** The signing GP's name. */
  signedBy: Scalars['String']['output'];
  /** The current status. */
  status: LetterStatus;
  /** Every status it has had, oldest first. */
  statusHistory: Array<LetterStatusChange>;
  /** The pathway step it concerns. */
  step: PathwayStep;
  /** The subject. */
  subject: Scalars['String']['output'];
  /** The text. */
  text: Scalars['String']['output'];
  /** MedCom's topic (emne). */
  topic: Scalars['String']['output'];
};

/** A page of letters, newest first. */
export type CorrespondenceLetterConnection = {
  __typename?: 'CorrespondenceLetterConnection';
  /** The letters on this page. */
  edges: Array<CorrespondenceLetterEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** One letter in a page, with its cursor. */
export type CorrespondenceLetterEdge = {
  __typename?: 'CorrespondenceLetterEdge';
  /** Opaque cursor; pass it as `after` to continue after this letter. */
  cursor: Scalars['String']['output'];
  /** The letter. */
  node: CorrespondenceLetter;
};

/** A MedCom CareCommunication bundle read by importCareCommunication. */
export type ImportedCareCommunication = {
  __typename?: 'ImportedCareCommunication';
  /** new-message or reply-message. */
  activity: Scalars['String']['output'];
  /** When the message is a reply to one of this practice's letters: that letter, now with the reply stored. */
  answeredLetter?: Maybe<CorrespondenceLetter>;
  /** The MedCom category. */
  category: CareCommunicationCategory;
  /** The child the message is about. */
  child: Child;
  /** The departures from the standard that were accepted; empty for a standard message. */
  deviations: Array<CareCommunicationDeviation>;
  /** The MessageHeader id. */
  messageId: Scalars['ID']['output'];
  /** The receiving organisation's location number (GLN). */
  receiverLocationNumber: Scalars['String']['output'];
  /** The sending organisation's location number (GLN). */
  senderLocationNumber: Scalars['String']['output'];
  /** The sending organisation's name, when given. */
  senderName?: Maybe<Scalars['String']['output']>;
  /** The texts of the message's own segments. */
  texts: Array<Scalars['String']['output']>;
  /** The topic, when given. */
  topic?: Maybe<Scalars['String']['output']>;
};

/**
 * A correspondence letter (korrespondancemeddelelse) from a GP in the municipality's inbox. It is the child's personal
 * data: every read is logged in the child's access log.
 */
export type InboxLetter = {
  __typename?: 'InboxLetter';
  /** Who it is assigned to, if anyone. */
  assignee?: Maybe<LetterAssignee>;
  /** The MedCom category of the letter, e.g. PSYCHIATRY_SOCIAL_DISABILITY. */
  category: CareCommunicationCategory;
  /** The child the letter is about. */
  child: Child;
  /** The department that received it (agreement section 7). */
  department: ReceivingDepartment;
  /** The GP who signed the letter. */
  gpSignature?: Maybe<Scalars['String']['output']>;
  /** What has happened to it, oldest first. */
  history: Array<InboxLetterEvent>;
  /** The letter's id in this inbox. */
  id: Scalars['ID']['output'];
  /** Whether the child has an open case in the receiving municipality (kendt i kommunen), decided now. */
  knownToMunicipality: Scalars['Boolean']['output'];
  /** The MedCom message id (MessageHeader id) of the letter. */
  messageId: Scalars['ID']['output'];
  /** The municipality whose inbox received it. */
  municipality: Municipality;
  /** Whether the reply is late: past replyDueOn and not answered. */
  overdue: Scalars['Boolean']['output'];
  /** When it arrived. */
  receivedAt: Scalars['DateTime']['output'];
  /** The municipality's reply, once sent. */
  reply?: Maybe<InboxLetterReply>;
  /** The last day a reply is on time (the municipality's deadline in working days from receipt). */
  replyDueOn: Scalars['Date']['output'];
  /** The practice that sent it. */
  senderPractice: LetterSenderPractice;
  /** Where it is in its handling. */
  status: InboxLetterStatus;
  /** The step of the graduated pathway, when the GP named it. */
  step?: Maybe<PathwayStep>;
  /** A one-line subject: the letter's topic, or its category when it has none. */
  subject: Scalars['String']['output'];
  /** The letter's text. */
  text: Scalars['String']['output'];
  /** The letter's topic (emne), when given. */
  topic?: Maybe<Scalars['String']['output']>;
};

/** A page of letters, newest first. */
export type InboxLetterConnection = {
  __typename?: 'InboxLetterConnection';
  /** The letters on this page, each with its cursor. */
  edges: Array<InboxLetterEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** One letter in a page, with the cursor that points at it. */
export type InboxLetterEdge = {
  __typename?: 'InboxLetterEdge';
  /** Opaque cursor; pass it as `after` to continue after this letter. */
  cursor: Scalars['String']['output'];
  /** The letter. */
  node: InboxLetter;
};

/** One step in a letter's history. */
export type InboxLetterEvent = {
  __typename?: 'InboxLetterEvent';
  /** Who did it; null for the delivery. */
  actorName?: Maybe<Scalars['String']['output']>;
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** Details, e.g. to whom the letter was assigned. */
  detail?: Maybe<Scalars['String']['output']>;
  /** What happened: RECEIVED, ASSIGNED, READ or REPLIED. */
  kind: Scalars['String']['output'];
};

/** The municipality's reply to a letter. */
export type InboxLetterReply = {
  __typename?: 'InboxLetterReply';
  /** For a child known to the municipality: whom the municipality will contact. */
  contactCommitment?: Maybe<ContactCommitment>;
  /** For a child not known to the municipality: the contact options the GP can give the family. */
  contactOptions?: Maybe<Scalars['String']['output']>;
  /** What has been initiated. */
  initiated: Array<InitiatedAction>;
  /** The reply's message id (its MessageHeader id), as the GP's system receives it. */
  messageId: Scalars['ID']['output'];
  /** When the reply was recorded and queued for delivery. */
  repliedAt: Scalars['DateTime']['output'];
  /** Who replied. */
  repliedByName: Scalars['String']['output'];
  /** The free text of the reply; empty when none was written. */
  text: Scalars['String']['output'];
};

/** Where a letter is in its handling. */
export type InboxLetterStatus =
  /** The municipality has replied to the GP. */
  | 'ANSWERED'
  /** Read by a professional of the municipality; the GP is told it was read. */
  | 'READ'
  /** Delivered to the inbox and not yet opened by anyone. */
  | 'RECEIVED';

/** What the municipality has initiated for the child, as the reply tells the GP. */
export type InitiatedAction =
  /** Family guidance or counselling. */
  | 'FAMILY_GUIDANCE'
  /** Contact from the health visitor. */
  | 'HEALTH_VISITOR_CONTACT'
  /** A network meeting with the family and the professionals. */
  | 'NETWORK_MEETING'
  /** No municipal intervention is needed; may not be combined with other items. */
  | 'NO_ACTION_NEEDED'
  /** Something else, described in the reply's text. */
  | 'OTHER'
  /** An assessment by PPR. */
  | 'PPR_ASSESSMENT'
  /** Support in school or day care. */
  | 'SCHOOL_SUPPORT'
  /** A case opened in the social services. */
  | 'SOCIAL_CASE_OPENED';

/** The sectors that share a child's pathway. */
export type InvolvedSector =
  /** The child and adolescent psychiatric department (BUA): Trin 3. */
  | 'BUA'
  /** General practice (almen praksis). */
  | 'GENERAL_PRACTICE'
  /** The municipality (kommune): Trin 1, 2 and 4. */
  | 'MUNICIPALITY'
  /** The screening tracks (tidlig opsporing). */
  | 'SCREENING';

/** The professional a letter is assigned to. */
export type LetterAssignee = {
  __typename?: 'LetterAssignee';
  /** Their name, as the assigner gave it. */
  displayName: Scalars['String']['output'];
  /** Their role for this letter. */
  role: LetterHandlerRole;
  /** The professional's user id. */
  subject: Scalars['String']['output'];
};

/** The professional to assign a letter to; they must work for the receiving municipality. */
export type LetterAssigneeInput = {
  /** Their name, shown in the inbox. */
  displayName: Scalars['String']['input'];
  /** Their organisation: the municipality code of the receiving municipality. */
  organisation: Scalars['String']['input'];
  /** Their role for this letter. */
  role: LetterHandlerRole;
  /** Their user id. */
  subject: Scalars['String']['input'];
};

/** The consent to disclose the child's data to the municipality with this letter. */
export type LetterConsentInput = {
  /** Who gave it: the young person from 15, a custody holder before. */
  givenBy: ConsentingParty;
  /** The day it was given; not in the future. */
  givenOn: Scalars['Date']['input'];
};

/**
 * The professional roles a letter can be assigned to in the receiving municipality (agreement 6.2: psychologist,
 * health visitor, social worker, ...).
 */
export type LetterHandlerRole =
  /** Caseworker in the children's area who runs the inbox. */
  | 'CASEWORKER'
  /** Health visitor (sundhedsplejerske), employed by the municipality. */
  | 'HEALTH_VISITOR'
  /** PPR psychologist (pædagogisk-psykologisk rådgivning). */
  | 'PPR_PSYCHOLOGIST'
  /** Social worker (socialrådgiver). */
  | 'SOCIAL_WORKER';

/** MedCom priority of a letter. ASAP means acute, which is always refused for a correspondence letter. */
export type LetterPriority =
  /** As soon as possible: acute; refused (phone the psychiatric emergency service, refer to BUA, file a notification). */
  | 'ASAP'
  /** Routine: the only priority a correspondence letter can have. */
  | 'ROUTINE';

/** What a letter is meant to be. Only care coordination can be a correspondence letter. */
export type LetterPurpose =
  /** Coordinating a preventive effort for a child in mild mental distress (the purpose of agreement 6.2). */
  | 'CARE_COORDINATION'
  /** A child-welfare notification (underretning): always refused, it must go through the usual notification channel. */
  | 'CHILD_WELFARE_NOTIFICATION';

/** The municipality inbox a letter was sent to. */
export type LetterRecipient = {
  __typename?: 'LetterRecipient';
  /** The municipality code (kommunekode). */
  code: Scalars['Int']['output'];
  /** The inbox's name, e.g. Aarhus Kommune – Børn og Unge: korrespondance fra almen praksis. */
  inboxName: Scalars['String']['output'];
  /** The inbox's location number (GLN). */
  locationNumber: Scalars['String']['output'];
  /** The municipality. */
  municipality: Municipality;
};

/** The municipality's reply to a letter: what it has initiated (agreement 6.2: the GP always gets a reply). */
export type LetterReply = {
  __typename?: 'LetterReply';
  /** The municipality's commitment to contact the family or the GP, when it gave one. */
  contactCommitment?: Maybe<ContactCommitment>;
  /** The reply's MedCom CareCommunication bundle (JSON), as received. */
  exportBundle: Scalars['String']['output'];
  /** What the municipality has initiated, one item per entry; empty when not itemised. */
  initiatedItems: Array<InitiatedAction>;
  /** The reply's MedCom message id. */
  messageId: Scalars['ID']['output'];
  /** When the reply arrived. */
  receivedAt: Scalars['DateTime']['output'];
  /** The reply's text. */
  text: Scalars['String']['output'];
};

/** The GP practice that sent a letter, as the letter names it. */
export type LetterSenderPractice = {
  __typename?: 'LetterSenderPractice';
  /** The practice's location number (GLN): where the reply is delivered. */
  locationNumber: Scalars['String']['output'];
  /** The practice's name, as sent. */
  name?: Maybe<Scalars['String']['output']>;
  /** The practice's ydernummer (provider number), when the message carried it. */
  ydernummer?: Maybe<Scalars['String']['output']>;
};

/** The GP's signature under the letter: who the municipality calls back. */
export type LetterSignatureInput = {
  /** The GP's full name. */
  name: Scalars['String']['input'];
  /** A phone number the municipality can call, 8-16 digits, optionally with + and spaces. */
  phone: Scalars['String']['input'];
  /** The GP's title, e.g. Praktiserende læge. */
  title: Scalars['String']['input'];
};

/** A letter's delivery status as the sending practice sees it. */
export type LetterStatus =
  /** The municipality's reply has arrived. */
  | 'ANSWERED'
  /** The municipality's system has received it. */
  | 'DELIVERED'
  /** Delivery gave up after the allowed number of attempts; retry with retryLetterDelivery. */
  | 'FAILED'
  /** Written and waiting in the outbox for delivery. */
  | 'QUEUED'
  /** The municipality has opened it. */
  | 'READ';

/** One status a letter has had. */
export type LetterStatusChange = {
  __typename?: 'LetterStatusChange';
  /** When the letter got it. */
  at: Scalars['DateTime']['output'];
  /** Why, when there is more to say (e.g. the delivery error). */
  note?: Maybe<Scalars['String']['output']>;
  /** The status. */
  status: LetterStatus;
};

/**
 * A municipality (kommune) of Region Midtjylland, a party to the collaboration agreement. Owned by the municipality
 * subgraph as reference data.
 */
export type Municipality = {
  __typename?: 'Municipality';
  /**
   * Aggregate figures about the children known to this municipality, for analysts and planners. Counts from 1 to 4 are
   * suppressed (null) so that no child can be singled out.
   */
  childStatistics: ChildStatistics;
  /**
   * Children known to this municipality (whose residence municipality it is), ordered by pseudonym, paginated. Only
   * the municipality's own staff may list them; for others it is null with a FORBIDDEN error.
   */
  children?: Maybe<ChildConnection>;
  /** The official three-digit municipality code (kommunekode), e.g. 751 for Aarhus. */
  code: Scalars['Int']['output'];
  /** The municipality's clearly named digital inbox for correspondence letters from general practice (agreement 6.2). */
  inbox: MunicipalityInbox;
  /** The municipality's name, e.g. Aarhus. */
  name: Scalars['String']['output'];
};


/**
 * A municipality (kommune) of Region Midtjylland, a party to the collaboration agreement. Owned by the municipality
 * subgraph as reference data.
 */
export type MunicipalityChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A municipality's inbox for correspondence letters (korrespondancemeddelelser) from general practice. */
export type MunicipalityInbox = {
  __typename?: 'MunicipalityInbox';
  /** The inbox's location number (lokationsnummer): a 13-digit GLN with a valid GS1 check digit. */
  locationNumber: Scalars['String']['output'];
  /** The inbox's display name, as general practitioners see it in their directory. */
  name: Scalars['String']['output'];
  /** The department that receives and routes the letters (agreement section 7). */
  receivingDepartment: ReceivingDepartment;
  /** Working days (Monday to Friday) the municipality allows itself to reply to a letter; later letters are overdue. */
  replyDeadlineWorkingDays: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Assigns a letter to a professional of the receiving municipality (or reassigns it). */
  assignLetter: InboxLetter;
  /**
   * Reads a MedCom CareCommunication bundle (JSON). Refused with BAD_USER_INPUT naming the element for a bundle that
   * breaks the standard, and for a patient outside the target group (0-17). A reply to one of your letters is stored
   * as its reply; anything else is only read and returned.
   */
  importCareCommunication: ImportedCareCommunication;
  /** Marks a letter read; the first time, the GP is told (a status message). Marking it again changes nothing. */
  markLetterRead: InboxLetter;
  /** Records a consent to disclose BUA's data about a child. Only the organisation holding the child's record can record it. */
  recordBuaConsent: Consent;
  /** Records a consent to disclose the child's own general practice's data about a child. Only the organisation holding the child's record can record it. */
  recordGeneralPracticeConsent: Consent;
  /** Records a consent to disclose the municipality's data about a child. Only the organisation holding the child's record can record it. */
  recordMunicipalityConsent: Consent;
  /** Records a consent to disclose the screening tracks's data about a child. Only the organisation holding the child's record can record it. */
  recordScreeningConsent: Consent;
  /**
   * Replies to a letter: records the reply and queues it for delivery to the GP's practice in one transaction. A letter
   * takes one reply; a second is refused with CONFLICT.
   */
  replyToLetter: InboxLetter;
  /** Queues a FAILED letter for delivery again. CONFLICT when the letter has not failed. */
  retryLetterDelivery: CorrespondenceLetter;
  /**
   * Sends a correspondence letter to a municipality: stores it and queues it for delivery in one transaction. Sending
   * the same messageId again returns the first letter. Refused with BAD_USER_INPUT (nothing stored) for an invalid CPR
   * number, a child outside 0-17, missing or wrong-party consent, an unknown municipality or inbox, an empty or too long
   * text, a child-welfare notification or an acute problem. GPs only.
   */
  sendCorrespondenceLetter: CorrespondenceLetter;
  /**
   * Sets the municipality's reply deadline in working days (1-60), for letters received from now on. Only the
   * municipality's own caseworkers and administrators may change it.
   */
  setReplyDeadline: Municipality;
  /** Withdraws a consent held by BUA, with immediate effect. */
  withdrawBuaConsent: Consent;
  /** Withdraws a consent held by the child's own general practice, with immediate effect. */
  withdrawGeneralPracticeConsent: Consent;
  /** Withdraws a consent held by the municipality, with immediate effect. */
  withdrawMunicipalityConsent: Consent;
  /** Withdraws a consent held by the screening tracks, with immediate effect. */
  withdrawScreeningConsent: Consent;
};


export type MutationAssignLetterArgs = {
  assignee: LetterAssigneeInput;
  id: Scalars['ID']['input'];
};


export type MutationImportCareCommunicationArgs = {
  bundle: Scalars['String']['input'];
};


export type MutationMarkLetterReadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecordBuaConsentArgs = {
  input: RecordConsentInput;
};


export type MutationRecordGeneralPracticeConsentArgs = {
  input: RecordConsentInput;
};


export type MutationRecordMunicipalityConsentArgs = {
  input: RecordConsentInput;
};


export type MutationRecordScreeningConsentArgs = {
  input: RecordConsentInput;
};


export type MutationReplyToLetterArgs = {
  id: Scalars['ID']['input'];
  input: ReplyToLetterInput;
};


export type MutationRetryLetterDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSendCorrespondenceLetterArgs = {
  input: SendLetterInput;
};


export type MutationSetReplyDeadlineArgs = {
  municipalityCode: Scalars['Int']['input'];
  workingDays: Scalars['Int']['input'];
};


export type MutationWithdrawBuaConsentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationWithdrawGeneralPracticeConsentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationWithdrawMunicipalityConsentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationWithdrawScreeningConsentArgs = {
  id: Scalars['ID']['input'];
};

/** Pagination state of a connection (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item on this page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** The step of the graduated pathway (trin) a correspondence letter concerns; letters belong to steps 1 and 2. */
export type PathwayStep =
  /** Trin 1: early intervention by the municipality, possibly with the GP. */
  | 'TRIN_1'
  /** Trin 2: in-depth assessment and intervention by the municipality, with advisory from psychiatry. */
  | 'TRIN_2';

/**
 * A general practice (almen praksis) in the region, identified by its provider number (ydernummer). Owned by the
 * general-practice subgraph.
 */
export type Practice = {
  __typename?: 'Practice';
  /**
   * The practice's location number (lokationsnummer): a 13-digit GLN with a valid GS1 check digit, where the
   * municipality's replies to the practice's correspondence letters are delivered.
   */
  locationNumber: Scalars['String']['output'];
  /** The municipality the practice is in. */
  municipality: Municipality;
  /** The practice's name, e.g. Lægehuset Søndergade. */
  name: Scalars['String']['output'];
  /** True when this record is synthetic demo data, never a real practice. */
  synthetic: Scalars['Boolean']['output'];
  /** The practice's provider number (ydernummer) under the collective agreement with the regions: up to six digits. */
  ydernummer: Scalars['String']['output'];
};

/** A page of practices. */
export type PracticeConnection = {
  __typename?: 'PracticeConnection';
  /** The practices on this page, each with its cursor. */
  edges: Array<PracticeEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** One practice in a page, with the cursor that points at it. */
export type PracticeEdge = {
  __typename?: 'PracticeEdge';
  /** Opaque cursor; pass it as `after` to continue after this practice. */
  cursor: Scalars['String']['output'];
  /** The practice. */
  node: Practice;
};

/** Why data is read or disclosed (formål); a consent names the purposes it covers. */
export type Purpose =
  /** Assessment and treatment (udredning og behandling). */
  | 'ASSESSMENT_AND_TREATMENT'
  /** Coordinating the child's pathway across sectors (koordinering af forløb). */
  | 'CARE_COORDINATION'
  /** Screening and early detection (tidlig opsporing). */
  | 'EARLY_DETECTION';

export type Query = {
  __typename?: 'Query';
  /** This subgraph's part of a child's access log, newest first. Administrators only. */
  buaAccessLog: AccessLogPage;
  /** A child by pseudonym. A malformed id is refused with BAD_USER_INPUT. */
  child: Child;
  /**
   * A child's access log merged from every sector subgraph, newest first: who read or changed the child's data, when,
   * from which sector and why. Administrators only.
   */
  childAccessLog: AccessLogPage;
  /**
   * A child by CPR number, returned by pseudonym: pass the CPR in variables, never in a URL. A malformed number or an
   * impossible date is refused with BAD_USER_INPUT; a number that fails only the modulus-11 check is accepted.
   */
  childByCpr: Child;
  /** This subgraph's part of a child's access log, newest first. Administrators only. */
  generalPracticeAccessLog: AccessLogPage;
  /**
   * A municipality's inbox of correspondence letters, newest first. Only the municipality's own professionals
   * (caseworkers, PPR psychologists, social workers, health visitors) may read it; everyone else gets FORBIDDEN.
   */
  inbox: InboxLetterConnection;
  /** The MedCom CareCommunication bundle (JSON) of one of your practice's letters. */
  letterBundle: Scalars['String']['output'];
  /** All 19 municipalities of Region Midtjylland, ordered by code. */
  municipalities: Array<Municipality>;
  /** One municipality by its code. An unknown code is refused with BAD_USER_INPUT. */
  municipality: Municipality;
  /** This subgraph's part of a child's access log, newest first. Administrators only. */
  municipalityAccessLog: AccessLogPage;
  /**
   * The municipality whose inbox has this location number (GLN). A malformed number or a wrong check digit is refused
   * with BAD_USER_INPUT; a valid number that is no municipality's inbox gives NOT_FOUND.
   */
  municipalityByLocationNumber: Municipality;
  /**
   * The directory of municipal inboxes for general practice: every municipality whose name, inbox name, code or inbox
   * location number (GLN) matches `search` (case-insensitive; all when omitted), ordered by code. Open to any
   * authenticated user.
   */
  municipalityDirectory: Array<Municipality>;
  /**
   * One practice by its provider number (ydernummer). A number that is not one to six digits is refused with
   * BAD_USER_INPUT; a well-formed number that no practice has gives NOT_FOUND.
   */
  practice: Practice;
  /**
   * The practice with this location number (GLN). A malformed number or a wrong check digit is refused with
   * BAD_USER_INPUT; a valid number that is no practice's gives NOT_FOUND.
   */
  practiceByLocationNumber: Practice;
  /**
   * Practices ordered by provider number (ydernummer), paginated; only those in one municipality when
   * `municipalityCode` is given. A code outside Region Midtjylland is refused with BAD_USER_INPUT.
   */
  practices: PracticeConnection;
  /** One received letter. NOT_FOUND when there is none; FORBIDDEN for anyone but the receiving municipality's professionals. */
  receivedLetter: InboxLetter;
  /** This subgraph's part of a child's access log, newest first. Administrators only. */
  screeningAccessLog: AccessLogPage;
  /** One of your practice's letters. Another practice's letter is FORBIDDEN; an unknown id NOT_FOUND. */
  sentLetter: CorrespondenceLetter;
  /** The letters your practice has sent, newest first, optionally only those with one status. GPs only. */
  sentLetters: CorrespondenceLetterConnection;
};


export type QueryBuaAccessLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  childId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryChildArgs = {
  id: Scalars['ID']['input'];
};


export type QueryChildAccessLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  childId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryChildByCprArgs = {
  cpr: Scalars['String']['input'];
};


export type QueryGeneralPracticeAccessLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  childId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryInboxArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assignee?: InputMaybe<Scalars['String']['input']>;
  department?: InputMaybe<ReceivingDepartment>;
  first?: InputMaybe<Scalars['Int']['input']>;
  municipalityCode: Scalars['Int']['input'];
  olderThanDays?: InputMaybe<Scalars['Int']['input']>;
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  receivedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  status?: InputMaybe<InboxLetterStatus>;
  unassigned?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryLetterBundleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMunicipalityArgs = {
  code: Scalars['Int']['input'];
};


export type QueryMunicipalityAccessLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  childId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMunicipalityByLocationNumberArgs = {
  locationNumber: Scalars['String']['input'];
};


export type QueryMunicipalityDirectoryArgs = {
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPracticeArgs = {
  ydernummer: Scalars['String']['input'];
};


export type QueryPracticeByLocationNumberArgs = {
  locationNumber: Scalars['String']['input'];
};


export type QueryPracticesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  municipalityCode?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReceivedLetterArgs = {
  id: Scalars['ID']['input'];
};


export type QueryScreeningAccessLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  childId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySentLetterArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySentLettersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<LetterStatus>;
};

/** Which part of the municipality receives correspondence letters about children (agreement section 7). */
export type ReceivingDepartment =
  /** The children and young people's area (børne- og ungeområdet, PPR): the default. */
  | 'CHILDREN_AND_YOUTH'
  /** The health and elderly area (sundheds- og ældreområdet), for municipalities that route letters there. */
  | 'HEALTH_AND_ELDERLY';

/** A consent to record. */
export type RecordConsentInput = {
  /** The child's pseudonym. */
  childId: Scalars['ID']['input'];
  /** Who gave the consent; must be the young person from 15, a custody holder before. */
  givenBy: ConsentingParty;
  /** The day the consent was given. */
  givenOn: Scalars['Date']['input'];
  /** The purposes the consent covers; at least one. */
  purposes: Array<Purpose>;
  /** Limit the disclosure to one organisation of that sector (municipality code, ydernummer or SOR code). */
  recipientOrganisation?: InputMaybe<Scalars['String']['input']>;
  /** The sector the data may be disclosed to. */
  recipientSector: Sector;
  /** First day the consent applies. */
  validFrom: Scalars['Date']['input'];
  /** Last day the consent applies; omit for no end date. */
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

/** The municipality's reply to a letter (agreement 6.2). */
export type ReplyToLetterInput = {
  /** Required when the child is known to the municipality; not allowed otherwise. */
  contactCommitment?: InputMaybe<ContactCommitment>;
  /** Required (10 to 2000 characters) when the child is not known to the municipality: the contact options the GP can give the family. */
  contactOptions?: InputMaybe<Scalars['String']['input']>;
  /** What has been initiated; at least one item (NO_ACTION_NEEDED when nothing is). */
  initiated: Array<InitiatedAction>;
  /** Free text for the GP, at most 4000 characters; required with OTHER. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The three risk groups (spor) of the terms of reference for early detection (tidlig opsporing): each track has its
 * own screening and early-detection model, and an action plan (handleplan) for the children who need an offer.
 */
export type ScreeningTrack =
  /** Spor 2: children with a chronic somatic illness (børn med kronisk somatisk sygdom). */
  | 'CHRONIC_SOMATIC_ILLNESS'
  /** Spor 1: children and young people with recognised mental problems (børn og unge med erkendte psykiske problemer). */
  | 'RECOGNISED_MENTAL_PROBLEMS'
  /**
   * Spor 3: children and young people who are relatives (pårørende) of a parent or sibling with a mental illness, found
   * for instance when adult psychiatry asks its patients whether they have children.
   */
  | 'RELATIVE_OF_MENTALLY_ILL';

/** The sectors and organisation kinds a person can act for. */
export type Sector =
  /** Adult psychiatry (screening track 3: patients' children); organisation = SOR code. */
  | 'ADULT_PSYCHIATRY'
  /** The child and adolescent psychiatric department (Børne- og Ungdomspsykiatrisk Afdeling); organisation = SOR code. */
  | 'BUA'
  /** General practice (almen praksis); organisation = the practice's ydernummer. */
  | 'GENERAL_PRACTICE'
  /** Health visitors (sundhedsplejen); organisation = municipality code. */
  | 'HEALTH_VISITING'
  /** A municipality (kommune); organisation = municipality code. */
  | 'MUNICIPALITY'
  /** Paediatric departments and outpatient clinics (screening track 2); organisation = SOR code. */
  | 'PAEDIATRICS'
  /** Regional administration and analysis (Region Midtjylland). */
  | 'REGION';

/** A correspondence letter to send. Address it with `municipalityCode` or `inboxLocationNumber` (or both, if they agree). */
export type SendLetterInput = {
  /** True for an acute psychiatric problem: always refused, phone the psychiatric emergency service instead. */
  acute?: InputMaybe<Scalars['Boolean']['input']>;
  /** The MedCom category. */
  category: CareCommunicationCategory;
  /** The consent for disclosing the child's data to the municipality. */
  consent?: InputMaybe<LetterConsentInput>;
  /** The child's CPR number, DDMMYYSSSS or DDMMYY-SSSS; the child must be 0-17 today. Never returned by the API. */
  cpr: Scalars['String']['input'];
  /** The receiving municipality inbox's location number (GLN). */
  inboxLocationNumber?: InputMaybe<Scalars['String']['input']>;
  /** True for a child-welfare notification (underretning): always refused, use the usual notification channel. */
  isChildWelfareNotification?: InputMaybe<Scalars['Boolean']['input']>;
  /** Your system's id for this letter (1-64 letters, digits, - or .; a UUID is best). Sending it again returns the first letter. */
  messageId: Scalars['ID']['input'];
  /** The receiving municipality's code (kommunekode). */
  municipalityCode?: InputMaybe<Scalars['Int']['input']>;
  /** MedCom priority; ASAP is acute and refused. */
  priority?: InputMaybe<LetterPriority>;
  /** What the letter is; CHILD_WELFARE_NOTIFICATION is always refused. Default CARE_COORDINATION. */
  purpose?: InputMaybe<LetterPurpose>;
  /** The GP's signature. */
  signature: LetterSignatureInput;
  /** The pathway step the letter concerns. */
  step: PathwayStep;
  /** A short subject, up to 200 characters. */
  subject: Scalars['String']['input'];
  /** The letter's text, 1 to 10 000 characters. */
  text: Scalars['String']['input'];
  /** MedCom's topic (emne), up to 200 characters; the subject when omitted. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** A child's membership of one screening track (risikogruppe). */
export type TrackMembership = {
  __typename?: 'TrackMembership';
  /** The date the child entered the track. */
  since: Scalars['Date']['output'];
  /** The track the child belongs to. */
  track: ScreeningTrack;
};

/** One sector's data about a child that was not shared with the reader, and why. */
export type WithheldPart = {
  __typename?: 'WithheldPart';
  /** The sector's refusal, worded exactly as a refusal of its own fields: what is missing and what to do about it. */
  message: Scalars['String']['output'];
  /** Why it was withheld. */
  reason: WithheldReason;
  /** The sector that withheld its data. */
  sector: InvolvedSector;
};

/**
 * Why a sector's data about a child was not shared with the reader: the reason a refusal of one of that sector's own
 * fields would give.
 */
export type WithheldReason =
  /** The reader's role sees no single child's data, e.g. an analyst or an administrator (FORBIDDEN). */
  | 'NOT_PERMITTED_FOR_ROLE'
  /** The sector holds no active consent to disclose the data to the reader's sector for the stated purpose (CONSENT_REQUIRED). */
  | 'NO_CONSENT'
  /** The data belongs to another organisation of the reader's own sector, e.g. another municipality (FORBIDDEN). */
  | 'OTHER_ORGANISATION'
  /** The sector's data did not arrive, or not in the form its schema declares; nothing is known about it. */
  | 'UNAVAILABLE';

export type ChildOverviewQueryVariables = Exact<{
  cpr: Scalars['String']['input'];
}>;


export type ChildOverviewQuery = { __typename?: 'Query', childByCpr: { __typename?: 'Child', id: string, birthDate?: string | null, ageBand?: AgeBand | null, involvedSectors: Array<InvolvedSector>, listedPractice?: { __typename?: 'Practice', name: string } | null, withheld: Array<{ __typename?: 'WithheldPart', sector: InvolvedSector, reason: WithheldReason }> } };


export const ChildOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChildOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cpr"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childByCpr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cpr"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cpr"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"listedPractice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"involvedSectors"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ChildOverviewQuery, ChildOverviewQueryVariables>;