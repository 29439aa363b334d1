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
  /** The request id the caller chose for it (its `x-request-id` at the gateway), kept beside ours; null when it sent none. */
  callerRequestId?: Maybe<Scalars['String']['output']>;
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
  /** The subgraphs whose entries this page lacks because they did not answer (e.g. `bua` while it is down); empty when the page is complete. Ask again later for the missing part. */
  unavailableSources: Array<Scalars['String']['output']>;
};

/**
 * An action plan (handleplan) for a child who screened positive: offers from the municipality's catalogue, who is
 * responsible, and when to follow up. Owned by the screening tracks; addressed to the organisation that made it, the
 * responsible one and those of its screening result; other sectors need a consent held by screening.
 */
export type ActionPlan = {
  __typename?: 'ActionPlan';
  /** The child. */
  child: Child;
  /** When it was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** Who made it. */
  createdBy: RecordedBy;
  /** The day the plan was made. */
  createdOn: Scalars['Date']['output'];
  /** Days from the positive screening to the plan. */
  daysFromScreening: Scalars['Int']['output'];
  /** When the plan is followed up (re-screening). */
  followUpOn: Scalars['Date']['output'];
  /** The plan's id. */
  id: Scalars['ID']['output'];
  /** The municipality whose offers they are. */
  municipality?: Maybe<Municipality>;
  /** A note, when given. */
  note?: Maybe<Scalars['String']['output']>;
  /** The offers chosen, from the municipality subgraph (the gateway resolves them). */
  offers: Array<MunicipalOffer>;
  /** Who is responsible. */
  responsible: PlanResponsible;
  /** The positive screening the plan answers. */
  screeningResult: ScreeningResult;
  /** The track. */
  track: ScreeningTrack;
};

/** The advice BUA's adviser recorded after a meeting, as the municipality reads it. */
export type AdvisoryAdvice = {
  __typename?: 'AdvisoryAdvice';
  /** Whether it was amended after it was first recorded. */
  amended: Scalars['Boolean']['output'];
  /** When this version was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** The adviser who recorded it (user id). */
  recordedBy: Scalars['String']['output'];
  /** The advice given (the latest version). */
  text: Scalars['String']['output'];
  /** 1 for the first record; higher when amended. */
  version: Scalars['Int']['output'];
};

/** A booking of an advisory slot by a member of a municipality's staff. Carries no child id: the case is anonymous. */
export type AdvisoryBooking = {
  __typename?: 'AdvisoryBooking';
  /** The advice recorded after the meeting; null until recorded. */
  advice?: Maybe<AdvisoryAdvice>;
  /** When it was booked. */
  bookedAt: Scalars['DateTime']['output'];
  /** Who booked (user id). */
  bookerId: Scalars['String']['output'];
  /** When it was cancelled; null while it stands. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who cancelled it (user id). */
  cancelledBy?: Maybe<Scalars['String']['output']>;
  /** The written description; null until sent. */
  description?: Maybe<AdvisoryCaseDescription>;
  /** When the description is due (BUA_ADVISORY_DESCRIPTION_DEADLINE before the meeting); null for teaching. */
  descriptionDueAt?: Maybe<Scalars['DateTime']['output']>;
  /** The flag: true when the description is past due and the meeting has not begun; shown to the booker's municipality and to BUA's advisers. */
  descriptionOverdue: Scalars['Boolean']['output'];
  /** Where the description stands. */
  descriptionStatus: AdvisoryDescriptionStatus;
  /** GPs invited to the meeting. */
  gpInvitations: Array<AdvisoryGpInvitation>;
  /** The booking's id. */
  id: Scalars['ID']['output'];
  /** Sparring, supervision or teaching. */
  kind: AdvisoryBookingKind;
  /** The booker's municipality. */
  municipalityCode: Scalars['Int']['output'];
  /** The slot booked. */
  slot: AdvisorySlot;
};

/** A page of bookings, newest first. */
export type AdvisoryBookingConnection = {
  __typename?: 'AdvisoryBookingConnection';
  /** The bookings of this page. */
  edges: Array<AdvisoryBookingEdge>;
  /** Whether more follow. */
  pageInfo: PageInfo;
};

/** One booking of a page. */
export type AdvisoryBookingEdge = {
  __typename?: 'AdvisoryBookingEdge';
  /** Pass as `after` to continue after this booking. */
  cursor: Scalars['String']['output'];
  /** The booking. */
  node: AdvisoryBooking;
};

/** What a booking of an advisory slot is for (agreement 6.3). */
export type AdvisoryBookingKind =
  /** Sparring on an anonymous concrete case (sparring på anonyme konkrete sager), e.g. a suspicion of psychiatric illness. */
  | 'SPARRING'
  /** Supervision on method, interventions and one's own role in the case (supervision), for the staff's competence development. */
  | 'SUPERVISION'
  /** A seat at a teaching session (undervisning i psykopatologi og assessment). */
  | 'TEACHING';

/** Counts by what bookings were for. */
export type AdvisoryBookingKindCounts = {
  __typename?: 'AdvisoryBookingKindCounts';
  /** Sparring. */
  sparring: Scalars['Int']['output'];
  /** Supervision. */
  supervision: Scalars['Int']['output'];
  /** Teaching seats. */
  teaching: Scalars['Int']['output'];
  /** All three. */
  total: Scalars['Int']['output'];
};

/**
 * A calendar subscription (iCalendar, RFC 5545) of advisory meetings. Its address holds a secret, shown only when the
 * feed is created; the feed itself holds no personal data (meeting times, kinds, links and whether they are booked).
 */
export type AdvisoryCalendarFeed = {
  __typename?: 'AdvisoryCalendarFeed';
  /** ADVISER: whose (user id). */
  adviserId?: Maybe<Scalars['String']['output']>;
  /** When. */
  createdAt: Scalars['DateTime']['output'];
  /** Who created it (user id). */
  createdBy: Scalars['String']['output'];
  /** The feed's id. */
  id: Scalars['ID']['output'];
  /** A municipality's or an adviser's meetings. */
  kind: AdvisoryCalendarFeedKind;
  /** MUNICIPALITY: which. */
  municipalityCode?: Maybe<Scalars['Int']['output']>;
  /** When it was revoked; null while its address works. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * A new calendar feed with its secret address. Keep it like a password: anyone with the address sees the meetings
 * (not who booked them or why). Revoke it with `revokeAdvisoryCalendarFeed` if it leaks.
 */
export type AdvisoryCalendarFeedCreated = {
  __typename?: 'AdvisoryCalendarFeedCreated';
  /** The feed. */
  feed: AdvisoryCalendarFeed;
  /** The feed's path on the BUA subgraph, secret included: prefix it with the BUA subgraph's public address and subscribe in the calendar program. */
  path: Scalars['String']['output'];
  /** The secret of its address (shown this once; BUA keeps only a hash). */
  token: Scalars['String']['output'];
};

/** Whose meetings a calendar feed shows. */
export type AdvisoryCalendarFeedKind =
  /** An adviser's own meetings, with every municipality. */
  | 'ADVISER'
  /** A municipality's slots and which of them its staff have booked. */
  | 'MUNICIPALITY';

/** The written description of the problem before a meeting: anonymous, without CPR numbers or names. */
export type AdvisoryCaseDescription = {
  __typename?: 'AdvisoryCaseDescription';
  /** The problem, described anonymously (e.g. 'a girl of 12 with school absence and anxiety'). */
  problem: Scalars['String']['output'];
  /** Any screening results, as text (e.g. 'SDQ total 19, WHO-5 36'); null when none. */
  screeningResults?: Maybe<Scalars['String']['output']>;
  /** When it was sent (or last changed). */
  submittedAt: Scalars['DateTime']['output'];
  /** Who sent it (user id). */
  submittedBy: Scalars['String']['output'];
};

/** An anonymous case description to send before a meeting. */
export type AdvisoryCaseDescriptionInput = {
  /** The problem, anonymously: no CPR number, no name; at most 4000 characters. */
  problem: Scalars['String']['input'];
  /** Any screening results, as text; at most 2000 characters. */
  screeningResults?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A municipality's fixed contact person at BUA (fast kontaktperson) for one period. Each municipality has one at a
 * time; a change closes the current period, so the history shows who it was on any day.
 */
export type AdvisoryContactPerson = {
  __typename?: 'AdvisoryContactPerson';
  /** The adviser's user id at BUA. */
  adviserId: Scalars['String']['output'];
  /** The adviser's name, as the municipality sees it. */
  adviserName: Scalars['String']['output'];
  /** When the period was recorded. */
  changedAt: Scalars['DateTime']['output'];
  /** Who at BUA recorded the period. */
  changedBy: Scalars['String']['output'];
  /** Whether this is the contact person today. */
  current: Scalars['Boolean']['output'];
  /** The municipality (kommunekode). */
  municipalityCode: Scalars['Int']['output'];
  /** First day of the period. */
  validFrom: Scalars['Date']['output'];
  /** The day the next contact person took over (exclusive); null while this one is the latest. */
  validUntil?: Maybe<Scalars['Date']['output']>;
};

/**
 * Where the written description of a booked meeting stands (agreement 6.3: a short description of the problem,
 * including any screening results, is sent before each meeting).
 */
export type AdvisoryDescriptionStatus =
  /** No description is needed: a teaching seat, or a cancelled booking or meeting. */
  | 'NOT_REQUIRED'
  /** Not sent, and past its deadline: flagged to the booker and the adviser. */
  | 'OVERDUE'
  /** Not sent yet, and not yet due. */
  | 'PENDING'
  /** The description has been sent. */
  | 'SUBMITTED';

/** An invitation of a general practice to an advisory meeting; any GP of the practice may answer. */
export type AdvisoryGpInvitation = {
  __typename?: 'AdvisoryGpInvitation';
  /** When. */
  changedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who gave the latest answer or withdrew it (user id). */
  changedBy?: Maybe<Scalars['String']['output']>;
  /** The invitation's id. */
  id: Scalars['ID']['output'];
  /** When. */
  invitedAt: Scalars['DateTime']['output'];
  /** Who invited (user id). */
  invitedBy: Scalars['String']['output'];
  /** The meeting. */
  meeting: AdvisoryInvitedMeeting;
  /** Why the GP is invited (anonymous); null when no note was given. */
  note?: Maybe<Scalars['String']['output']>;
  /** Where it stands. */
  status: AdvisoryInvitationStatus;
  /** The invited practice's ydernummer. */
  ydernummer: Scalars['String']['output'];
};

/** A page of invitations, newest first. */
export type AdvisoryGpInvitationConnection = {
  __typename?: 'AdvisoryGpInvitationConnection';
  /** The invitations of this page. */
  edges: Array<AdvisoryGpInvitationEdge>;
  /** Whether more follow. */
  pageInfo: PageInfo;
};

/** One invitation of a page. */
export type AdvisoryGpInvitationEdge = {
  __typename?: 'AdvisoryGpInvitationEdge';
  /** Pass as `after` to continue after this invitation. */
  cursor: Scalars['String']['output'];
  /** The invitation. */
  node: AdvisoryGpInvitation;
};

/** A GP's answer to an invitation. */
export type AdvisoryInvitationAnswer =
  /** Take part in the meeting. */
  | 'ACCEPT'
  /** Do not take part. */
  | 'DECLINE';

/** Where a GP's invitation to an advisory meeting stands (agreement 6.3: general practice takes part when relevant). */
export type AdvisoryInvitationStatus =
  /** The GP takes part. */
  | 'ACCEPTED'
  /** The GP does not take part. */
  | 'DECLINED'
  /** Invited; the GP has not answered. */
  | 'INVITED'
  /** The inviting side withdrew the invitation. */
  | 'WITHDRAWN';

/** The meeting a GP is invited to, as the GP sees it: when, where and what about, without any child. */
export type AdvisoryInvitedMeeting = {
  __typename?: 'AdvisoryInvitedMeeting';
  /** The anonymous description of the problem; null until the municipality sends it. */
  description?: Maybe<AdvisoryCaseDescription>;
  /** When it ends. */
  endsAt: Scalars['DateTime']['output'];
  /** Sparring or supervision. */
  kind: AdvisoryBookingKind;
  /** The virtual meeting's link. */
  meetingUrl: Scalars['String']['output'];
  /** The municipality that booked the meeting. */
  municipalityCode: Scalars['Int']['output'];
  /** When it starts. */
  startsAt: Scalars['DateTime']['output'];
  /** Whether it still takes place (the slot scheduled and the booking standing). */
  takesPlace: Scalars['Boolean']['output'];
};

/** What an exception does to one meeting of a series. */
export type AdvisoryOccurrenceAction =
  /** The meeting is cancelled. */
  | 'CANCEL'
  /** The meeting is moved to another working day or time. */
  | 'MOVE';

/**
 * A change to one meeting of a series, named by the date the recurrence puts it on. Days Danish public offices are
 * closed (public holidays, Constitution Day, 24 and 31 December) never hold a meeting and need no exception.
 */
export type AdvisoryOccurrenceException = {
  __typename?: 'AdvisoryOccurrenceException';
  /** Cancelled or moved. */
  action: AdvisoryOccurrenceAction;
  /** MOVE: the working day it is moved to. */
  date?: Maybe<Scalars['Date']['output']>;
  /** MOVE: the new length in minutes; null keeps the series'. */
  durationMinutes?: Maybe<Scalars['Int']['output']>;
  /** The date the recurrence puts the meeting on. */
  occurrenceDate: Scalars['Date']['output'];
  /** MOVE: the new start, HH:MM Danish time. */
  startTime?: Maybe<Scalars['String']['output']>;
};

/** A change to one meeting of a series. */
export type AdvisoryOccurrenceExceptionInput = {
  /** CANCEL or MOVE. */
  action: AdvisoryOccurrenceAction;
  /** MOVE: the working day to move it to, at most 28 days away. */
  date?: InputMaybe<Scalars['Date']['input']>;
  /** MOVE: the new length in minutes (15-180); omit to keep the series'. */
  durationMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** The date the recurrence puts the meeting on. */
  occurrenceDate: Scalars['Date']['input'];
  /** MOVE: the new start, HH:MM Danish time (24-hour clock); at most 5 characters. */
  startTime?: InputMaybe<Scalars['String']['input']>;
};

/** How a series recurs. */
export type AdvisoryRecurrence = {
  __typename?: 'AdvisoryRecurrence';
  /** WEEKLY: every how many weeks (1-4); null for MONTHLY. */
  everyWeeks?: Maybe<Scalars['Int']['output']>;
  /** Weekly or monthly. */
  frequency: AdvisoryRecurrenceFrequency;
  /** MONTHLY: the 1st-4th weekday of the month, or -1 for the last; null for WEEKLY. */
  nth?: Maybe<Scalars['Int']['output']>;
  /** The weekday of the meetings. */
  weekday: AdvisoryWeekday;
};

/** How a series of advisory meetings recurs. */
export type AdvisoryRecurrenceFrequency =
  /** The `nth` weekday of each month (-1: the last). */
  | 'MONTHLY'
  /** Every `everyWeeks` weeks on the weekday (1: weekly). */
  | 'WEEKLY';

/** How a series recurs. */
export type AdvisoryRecurrenceInput = {
  /** WEEKLY: every how many weeks, 1-4; default 1. */
  everyWeeks?: InputMaybe<Scalars['Int']['input']>;
  /** Weekly or monthly. */
  frequency: AdvisoryRecurrenceFrequency;
  /** MONTHLY: the 1st-4th weekday of the month, or -1 for the last. */
  nth?: InputMaybe<Scalars['Int']['input']>;
  /** The weekday of the meetings. */
  weekday: AdvisoryWeekday;
};

/** One advisory meeting: a slot that municipal staff book. */
export type AdvisorySlot = {
  __typename?: 'AdvisorySlot';
  /** The BUA adviser holding it (user id). */
  adviserId: Scalars['String']['output'];
  /** Whether you can book it now (eligible staff of one of its municipalities, in the future, not full, not yours already). */
  bookable: Scalars['Boolean']['output'];
  /** Active bookings (all municipalities). */
  bookedCount: Scalars['Int']['output'];
  /** Its active and cancelled bookings you may see: your municipality's; every one for BUA's advisers. */
  bookings: Array<AdvisoryBooking>;
  /** Bookings it takes. */
  capacity: Scalars['Int']['output'];
  /** When it ends. */
  endsAt: Scalars['DateTime']['output'];
  /** The slot's id, stable for the meeting even when it is moved. */
  id: Scalars['ID']['output'];
  /** Consultation or teaching. */
  kind: AdvisorySlotKind;
  /** The virtual meeting's link. */
  meetingUrl: Scalars['String']['output'];
  /** Whether it was moved from its recurring date or time. */
  moved: Scalars['Boolean']['output'];
  /** The municipalities whose staff may book it. */
  municipalityCodes: Array<Scalars['Int']['output']>;
  /** The date the recurrence put it on, before any move. */
  occurrenceDate: Scalars['Date']['output'];
  /** Seats left; 0 when cancelled. */
  seatsLeft: Scalars['Int']['output'];
  /** The series it belongs to. */
  seriesId: Scalars['ID']['output'];
  /** When the meeting starts. */
  startsAt: Scalars['DateTime']['output'];
  /** Scheduled or cancelled. */
  status: AdvisorySlotStatus;
};

/** A page of advisory slots, in the order they start. */
export type AdvisorySlotConnection = {
  __typename?: 'AdvisorySlotConnection';
  /** The slots of this page. */
  edges: Array<AdvisorySlotEdge>;
  /** Whether more follow. */
  pageInfo: PageInfo;
};

/** One slot of a page. */
export type AdvisorySlotEdge = {
  __typename?: 'AdvisorySlotEdge';
  /** Pass as `after` to continue after this slot. */
  cursor: Scalars['String']['output'];
  /** The slot. */
  node: AdvisorySlot;
};

/**
 * What generating a planning horizon did. Generating the same horizon again changes nothing (all counts but
 * `unchanged` are 0): slot ids are derived from the series and the meeting's date.
 */
export type AdvisorySlotGeneration = {
  __typename?: 'AdvisorySlotGeneration';
  /** Stored future slots changed (moved, cancelled, new link or capacity); calendars see a higher SEQUENCE. */
  changed: Scalars['Int']['output'];
  /** Slots stored for the first time. */
  created: Scalars['Int']['output'];
  /** First day of the horizon. */
  from: Scalars['Date']['output'];
  /** The series. */
  series: AdvisorySlotSeries;
  /** Last day of the horizon. */
  to: Scalars['Date']['output'];
  /** Stored slots that stayed as they were (past ones included). */
  unchanged: Scalars['Int']['output'];
  /** Stored future slots the series no longer gives, now cancelled. */
  withdrawn: Scalars['Int']['output'];
};

/** What an advisory slot offers. */
export type AdvisorySlotKind =
  /** A municipality's fixed virtual meeting time with BUA (faste tidspunkter, about 45 minutes), booked by one member of its staff for sparring or supervision. */
  | 'CONSULTATION'
  /** A virtual teaching session in psychopathology and assessment (virtuel undervisning), open to several municipalities up to its capacity. */
  | 'TEACHING';

/** Counts by kind of slot. */
export type AdvisorySlotKindCounts = {
  __typename?: 'AdvisorySlotKindCounts';
  /** Consultation slots. */
  consultation: Scalars['Int']['output'];
  /** Teaching sessions (each counted once, whatever its seats). */
  teaching: Scalars['Int']['output'];
  /** Both. */
  total: Scalars['Int']['output'];
};

/**
 * A recurring series of advisory meetings: a municipality's fixed meeting times, or a teaching series open to several
 * municipalities. Slots are generated from it for a planning horizon (`generateAdvisorySlots`).
 */
export type AdvisorySlotSeries = {
  __typename?: 'AdvisorySlotSeries';
  /** The BUA adviser holding the meetings (user id). */
  adviserId: Scalars['String']['output'];
  /** Bookings each meeting takes: 1 for CONSULTATION, the seats for TEACHING. */
  capacity: Scalars['Int']['output'];
  /** Length of each meeting in minutes (the agreement's meetings are about 45). */
  durationMinutes: Scalars['Int']['output'];
  /** Last day it may meet; null while it runs. */
  endsOn?: Maybe<Scalars['Date']['output']>;
  /** Cancelled and moved meetings. */
  exceptions: Array<AdvisoryOccurrenceException>;
  /** The series' id. */
  id: Scalars['ID']['output'];
  /** Consultation (one municipality) or teaching (several). */
  kind: AdvisorySlotKind;
  /** The virtual meeting's link (https). */
  meetingUrl: Scalars['String']['output'];
  /** The municipalities whose staff may book it: exactly one for CONSULTATION. */
  municipalityCodes: Array<Scalars['Int']['output']>;
  /** How it recurs. */
  recurrence: AdvisoryRecurrence;
  /** Start of each meeting, HH:MM Danish time. */
  startTime: Scalars['String']['output'];
  /** First day the series may meet. */
  startsOn: Scalars['Date']['output'];
  /** When the series was last saved. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A series of advisory meetings to save. */
export type AdvisorySlotSeriesInput = {
  /** The BUA adviser holding the meetings (their user id); at most 200 characters; default: you. */
  adviserId?: InputMaybe<Scalars['String']['input']>;
  /** TEACHING: the seats, 2-200. CONSULTATION: 1 (the default). */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** Length in minutes, 15-180; default 45. */
  durationMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** Last day it may meet; omit while it runs. */
  endsOn?: InputMaybe<Scalars['Date']['input']>;
  /** Cancelled and moved meetings, one per date at most; at most 100. */
  exceptions?: InputMaybe<Array<AdvisoryOccurrenceExceptionInput>>;
  /** The id of the series to change; omit to create a new series. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** CONSULTATION or TEACHING. */
  kind: AdvisorySlotKind;
  /** The virtual meeting's link: https, without a user name or password; at most 500 characters. */
  meetingUrl: Scalars['String']['input'];
  /** The municipalities whose staff may book it: exactly one for CONSULTATION; at most 19. */
  municipalityCodes: Array<Scalars['Int']['input']>;
  /** How it recurs. */
  recurrence: AdvisoryRecurrenceInput;
  /** Start of each meeting, HH:MM Danish time (24-hour clock), within office hours 07:00-19:00; at most 5 characters. */
  startTime: Scalars['String']['input'];
  /** First day the series may meet. */
  startsOn: Scalars['Date']['input'];
};

/** Whether an advisory slot takes place. */
export type AdvisorySlotStatus =
  /** BUA has cancelled the meeting (aflyst); its bookings no longer meet. */
  | 'CANCELLED'
  /** The meeting takes place as planned. */
  | 'SCHEDULED';

/**
 * Usage of the advisory service by one municipality in a period (agreement 9: advisory sessions offered and used), by
 * the day meetings start. Counts of staff meetings, not of children: no figure concerns a child, so none is suppressed.
 * `booked` = `cancelled` + `used` + `upcoming`.
 */
export type AdvisoryUsage = {
  __typename?: 'AdvisoryUsage';
  /** Bookings its staff made, whatever became of them. */
  booked: AdvisoryBookingKindCounts;
  /** Of those, cancelled (by the municipality, or with the slot by BUA). */
  cancelled: AdvisoryBookingKindCounts;
  /** First day of the period. */
  from: Scalars['Date']['output'];
  /** The municipality. */
  municipalityCode: Scalars['Int']['output'];
  /** Slots offered to it that BUA cancelled. */
  slotsCancelled: AdvisorySlotKindCounts;
  /** Slots offered to the municipality (not cancelled by BUA). */
  slotsOffered: AdvisorySlotKindCounts;
  /** Last day of the period. */
  to: Scalars['Date']['output'];
  /** Of those, not cancelled and still ahead. */
  upcoming: AdvisoryBookingKindCounts;
  /** Of those, held: not cancelled, and the meeting has begun. */
  used: AdvisoryBookingKindCounts;
};

/** The working days advisory meetings are held on. */
export type AdvisoryWeekday =
  /** Friday (fredag). */
  | 'FRIDAY'
  /** Monday (mandag). */
  | 'MONDAY'
  /** Thursday (torsdag). */
  | 'THURSDAY'
  /** Tuesday (tirsdag). */
  | 'TUESDAY'
  /** Wednesday (onsdag). */
  | 'WEDNESDAY';

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

/** A medicine by its ATC code and name. */
export type AgreedMedicine = {
  __typename?: 'AgreedMedicine';
  /** The level-5 ATC code, e.g. N06BA04 (methylphenidate). */
  atcCode: Scalars['String']['output'];
  /** The medicine's name. */
  name: Scalars['String']['output'];
};

/**
 * The outcome of BUA's assessment (Trin 3): the diagnoses, the treatment started, the child's needs and the results,
 * communicated to the parents, the municipality and the GP.
 */
export type AssessmentOutcome = {
  __typename?: 'AssessmentOutcome';
  /** The child's needs (barnets behov), assessed in every case. */
  childNeeds: Scalars['String']['output'];
  /** When the assessment concluded. */
  concludedAt: Scalars['DateTime']['output'];
  /** Whether the assessment concluded with a diagnosis. */
  conclusion: OutcomeConclusion;
  /** The diagnoses (ICD-10, chapter F expected); empty with NO_DIAGNOSIS. */
  diagnoses: Array<Diagnosis>;
  /** The results of the assessment. */
  results: Scalars['String']['output'];
  /** The treatment started; null when none was. */
  treatment?: Maybe<StartedTreatment>;
};

/** The outcome of an assessment. */
export type AssessmentOutcomeInput = {
  /** The child's needs (barnets behov); at most 8000 characters. */
  childNeeds: Scalars['String']['input'];
  /** When the assessment concluded; not in the future. */
  concludedAt: Scalars['DateTime']['input'];
  /** The conclusion. */
  conclusion: OutcomeConclusion;
  /** ICD-10 diagnosis codes, as SKS (DF900) or ICD-10 (F90.0), chapter F expected; at most 10 codes of at most 10 characters; none with NO_DIAGNOSIS. */
  diagnoses?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The results of the assessment; at most 8000 characters. */
  results: Scalars['String']['input'];
  /** The treatment started, if any. */
  treatment?: InputMaybe<StartedTreatmentInput>;
};

/** A new fixed contact person for a municipality. */
export type AssignAdvisoryContactPersonInput = {
  /** The adviser's user id at BUA; at most 200 characters. */
  adviserId: Scalars['String']['input'];
  /** The adviser's name, as the municipality should see it; at most 200 characters. */
  adviserName: Scalars['String']['input'];
  /** First day of the new contact person: today or later. */
  from: Scalars['Date']['input'];
  /** The municipality (kommunekode). */
  municipalityCode: Scalars['Int']['input'];
};

/** A child's registration as a patient at Børne- og Ungdomspsykiatrisk Afdeling (BUA). Owned by the BUA subgraph. */
export type BuaPatient = {
  __typename?: 'BuaPatient';
  /** The date BUA registered the child as a patient. */
  registeredOn: Scalars['Date']['output'];
  /** True when this record is synthetic demo data, never a real person. */
  synthetic: Scalars['Boolean']['output'];
};

/** A referral (henvisning) BUA received (Trin 3): what the referrer sent, and BUA's course of it. */
export type BuaReferral = {
  __typename?: 'BuaReferral';
  /** Whether the referral is acute. */
  acute: Scalars['Boolean']['output'];
  /** Whole days since BUA received it. */
  ageInDays: Scalars['Int']['output'];
  /** The child referred. */
  child: Child;
  /** To whom the outcome (or the no-assessment decision) was communicated, and when. */
  communications: Array<OutcomeCommunication>;
  /** The consents recorded with the referral. */
  consents: Array<ReferralConsent>;
  /** The phone call to the emergency service (acute only). */
  emergencyPhoneContact?: Maybe<EmergencyPhoneContact>;
  /** The referral's id, the same in every sector. */
  id: Scalars['ID']['output'];
  /** The interventions tried before the referral. */
  interventionsTried: Array<InterventionTried>;
  /** The child's municipality (kommunekode), told of every status. */
  municipalityCode: Scalars['Int']['output'];
  /** The notification filed with the municipality (acute GP referrals). */
  notificationFiled?: Maybe<NotificationFiled>;
  /** The assessment outcome; null until assessed. */
  outcome?: Maybe<AssessmentOutcome>;
  /** How the outcome was communicated to the parents; null until recorded. */
  parentCommunication?: Maybe<ParentCommunication>;
  /** The sectors around the child BUA may not tell of the referral's course now, and why (e.g. their consent was a custody holder's, which ended at 18); its status messages do not go to them. Shown to BUA's own staff; empty for other readers. */
  partiesNotTold: Array<ReferralPartyNotTold>;
  /** Who must still be told before the referral can close (a sector BUA may no longer tell, see `partiesNotTold`, does not count). */
  pendingCommunications: Array<OutcomeRecipient>;
  /** Why the child is referred. */
  reason: Scalars['String']['output'];
  /** When BUA received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** Who referred. */
  referrer: ReferralReferrer;
  /** The person who made the referral. */
  requestedBy: ReferralRequester;
  /** Screening results sent by reference (ids in the screening subgraph). */
  screeningResultIds: Array<Scalars['ID']['output']>;
  /** When the referrer sent it. */
  sentAt: Scalars['DateTime']['output'];
  /** Where the referral stands. */
  status: ReferralStatus;
  /** Every status reached, oldest first, each with its time. */
  statusHistory: Array<ReferralStatusChange>;
  /** The time of each status. */
  statusTimes: ReferralStatusTimes;
  /** How far the graduated pathway had come. */
  stepReached: StepReached;
  /** Who holds treatment responsibility (BUA from the decision to assess until the referral closes). */
  treatmentResponsibility: TreatmentResponsibility;
  /** The visitation decision; null until visited. */
  visitation?: Maybe<ReferralVisitation>;
  /** Who decided at visitation; null until visited. */
  visitationDecidedBy?: Maybe<Scalars['String']['output']>;
  /** The child's GP practice (ydernummer), told of every status. */
  ydernummer: Scalars['String']['output'];
};

/** A page of BUA's referral worklist: acute referrals first, then the oldest received. */
export type BuaReferralConnection = {
  __typename?: 'BuaReferralConnection';
  /** The referrals on this page. */
  edges: Array<BuaReferralEdge>;
  /** Whether more follow. */
  pageInfo: PageInfo;
};

/** One referral of the worklist. */
export type BuaReferralEdge = {
  __typename?: 'BuaReferralEdge';
  /** Pass as `after` to continue after this referral. */
  cursor: Scalars['String']['output'];
  /** The referral. */
  node: BuaReferral;
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
  /** The child's action plans (handleplaner), oldest first. */
  actionPlans?: Maybe<Array<ActionPlan>>;
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
  /** BUA's coordinating contact person for the child now (or that none was considered or agreed). */
  buaContactPerson?: Maybe<CoordinatingContactPerson>;
  /** The history of BUA's contact person for the child, oldest first. */
  buaContactPersonHistory?: Maybe<Array<ContactPersonRecord>>;
  /** The child's medication agreements between BUA and the GP, oldest first, as BUA holds them. */
  buaMedicationAgreements?: Maybe<Array<MedicationAgreement>>;
  /** The interventions the child's municipality told BUA of, oldest first. Readers: BUA; other sectors with a consent held by BUA. */
  buaMunicipalInterventions?: Maybe<Array<ReceivedMunicipalIntervention>>;
  /** The network meetings BUA recorded about the child, oldest first. */
  buaNetworkMeetings?: Maybe<Array<NetworkMeeting>>;
  /** The child's registration as a BUA patient; null when BUA does not know the child. */
  buaPatient?: Maybe<BuaPatient>;
  /** The child's referrals at BUA, oldest first; BUA's own data (other sectors need BUA's consent). */
  buaReferrals?: Maybe<Array<BuaReferral>>;
  /** The young person's transition plan in force as BUA holds it (its own or the municipality's); null when none. */
  buaTransitionPlan?: Maybe<TransitionPlan>;
  /** The consents the child's own general practice holds to disclose its data about the child. */
  generalPracticeConsents?: Maybe<Array<Consent>>;
  /** The practice's coordinating contact person for the child now (or that none was considered or agreed). Readers: the child's own practice; other sectors with a consent held by it. */
  generalPracticeContactPerson?: Maybe<CoordinatingContactPerson>;
  /** The history of the practice's contact person for the child, oldest first. Readers as for `generalPracticeContactPerson`. */
  generalPracticeContactPersonHistory?: Maybe<Array<ContactPersonRecord>>;
  /** The child's medication agreements between BUA and the GP, oldest first, as general practice holds them. */
  generalPracticeMedicationAgreements?: Maybe<Array<MedicationAgreement>>;
  /** The network meetings the practice recorded about the child, oldest first. Readers as for `generalPracticeContactPerson`, and the organisations owning one of a meeting's actions (that meeting only). */
  generalPracticeNetworkMeetings?: Maybe<Array<NetworkMeeting>>;
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
  /** The municipality's interventions for the child, oldest first. Readers: the child's residence municipality; other sectors with a consent held by it. */
  municipalInterventions?: Maybe<Array<MunicipalIntervention>>;
  /** The consents the municipality holds to disclose its data about the child. */
  municipalityConsents?: Maybe<Array<Consent>>;
  /** The municipality's coordinating contact person for the child now (or that none was considered or agreed). Readers: the child's residence municipality; other sectors with a consent held by it. */
  municipalityContactPerson?: Maybe<CoordinatingContactPerson>;
  /** The history of the municipality's contact person for the child, oldest first. Readers as for `municipalityContactPerson`. */
  municipalityContactPersonHistory?: Maybe<Array<ContactPersonRecord>>;
  /** The network meetings the municipality recorded about the child, oldest first. Readers as for `municipalityContactPerson`, and the organisations owning one of a meeting's actions (that meeting only). */
  municipalityNetworkMeetings?: Maybe<Array<NetworkMeeting>>;
  /** The young person's transition plan in force as the municipality holds it (its own, or the one BUA sent); null when none. Readers: the child's residence municipality; other sectors with a consent held by it. */
  municipalityTransitionPlan?: Maybe<TransitionPlan>;
  /**
   * The coordinated view of the child's pathway across the sectors (samlet forløb, agreement section 2): the current
   * step, the merged timeline, each sector's contact person and what is withheld from you. Each of its fields is
   * computed only from the sector facts it needs, so you pay for what you select.
   */
  pathway: Pathway;
  /** The municipality the child lives in, when known to a municipality of the region. */
  residenceMunicipality?: Maybe<Municipality>;
  /** The consents the screening tracks holds to disclose its data about the child. */
  screeningConsents?: Maybe<Array<Consent>>;
  /** The screening tracks (spor) the child belongs to today, in track order; empty when the child is in none. */
  screeningTracks?: Maybe<Array<TrackMembership>>;
  /**
   * The trend of the child's repeated screenings, per instrument, informant and score: the scores over time and the
   * change between consecutive results, with whether it reaches the instrument's meaningful change (10 points on
   * WHO-5's 0-100 index).
   */
  screeningTrends?: Maybe<Array<ScreeningTrend>>;
  /** The child's screening results, oldest first; optionally of one track or instrument. */
  screenings?: Maybe<Array<ScreeningResult>>;
  /** True when this record is synthetic demo data, never a real person. */
  synthetic?: Maybe<Scalars['Boolean']['output']>;
  /** Every track membership the child has had, ended ones included, in track order and then by start. */
  trackMemberships?: Maybe<Array<TrackMembership>>;
  /**
   * The sectors whose data was not shared with you, and why, in the order of `InvolvedSector`; empty when every sector
   * shared its data. The computed fields above are built without it: a withheld MUNICIPALITY makes `age` and `ageBand`
   * null, and any withheld sector makes `involvedSectors` partial. Selecting the sectors' own fields (e.g.
   * `knownToBua`) instead gives their refusals as errors.
   */
  withheld: Array<WithheldPart>;
};


/** A child or young person (0-18), identified across all subgraphs by a pseudonym (`id`), never by CPR number. */
export type ChildScreeningTrendsArgs = {
  instrumentId?: InputMaybe<Scalars['ID']['input']>;
  track?: InputMaybe<ScreeningTrack>;
};


/** A child or young person (0-18), identified across all subgraphs by a pseudonym (`id`), never by CPR number. */
export type ChildScreeningsArgs = {
  instrumentId?: InputMaybe<Scalars['ID']['input']>;
  track?: InputMaybe<ScreeningTrack>;
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

/** An ICD-10 diagnosis code, in the Danish SKS form and the WHO form. */
export type ChronicIllnessDiagnosis = {
  __typename?: 'ChronicIllnessDiagnosis';
  /** The ICD-10 chapter, as a Roman numeral (V is chapter F). */
  chapter: Scalars['String']['output'];
  /** The SKS code, e.g. DF900 or DE109. */
  code: Scalars['String']['output'];
  /** The ICD-10 code, e.g. F90.0; null for an SKS code finer than ICD-10's. */
  icd10?: Maybe<Scalars['String']['output']>;
  /** The Danish title, for chapter F codes; null for other chapters, whose titles are not shipped. */
  title?: Maybe<Scalars['String']['output']>;
  /**
   * Why the code was taken on trust, when it was: codes outside chapter F are checked for their form and chapter only,
   * as those chapters are not shipped. Null for a chapter F code.
   */
  warning?: Maybe<Scalars['String']['output']>;
};

/** Track 2's basis. */
export type ChronicIllnessInput = {
  /** The chronic illness as an ICD-10 code outside chapter F (e.g. DE109 or E10.9); at most 10 characters. */
  diagnosisCode: Scalars['String']['input'];
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

/** A coordinating contact person. */
export type ContactPerson = {
  __typename?: 'ContactPerson';
  /** The person's name. */
  name: Scalars['String']['output'];
  /** A phone number; null when not given. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The person's role. */
  role: Scalars['String']['output'];
};

/** A contact person to appoint. */
export type ContactPersonInput = {
  /** The person's name; at most 200 characters. */
  name: Scalars['String']['input'];
  /** A phone number; at most 40 characters. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** The person's role; at most 200 characters. */
  role: Scalars['String']['input'];
};

/** One recorded change of the contact person, kept as history. */
export type ContactPersonRecord = {
  __typename?: 'ContactPersonRecord';
  /** When it took effect. */
  at: Scalars['DateTime']['output'];
  /** The entry's id. */
  id: Scalars['ID']['output'];
  /** The note (NONE_AGREED). */
  note?: Maybe<Scalars['String']['output']>;
  /** The person appointed (APPOINTED). */
  person?: Maybe<ContactPerson>;
  /** When it was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** What happened. */
  type: ContactPersonRecordType;
};

/** One entry of a sector's contact-person history. */
export type ContactPersonRecordType =
  /** A contact person was appointed (replacing any active one). */
  | 'APPOINTED'
  /** The active appointment ended. */
  | 'ENDED'
  /** Agreed that no contact person is appointed. */
  | 'NONE_AGREED';

/**
 * Whether a coordinating contact person was considered and agreed for a sector ("der tages altid stilling til og
 * aftales, om der skal udpeges en ansvarlig kontaktperson", agreement 6.1).
 */
export type ContactPersonStatus =
  /** A contact person is appointed (one active per sector at a time). */
  | 'APPOINTED'
  /** The last contact person's appointment ended; none is active. */
  | 'ENDED'
  /** Considered, and agreed that none is appointed (with the reason). */
  | 'NONE_AGREED'
  /** Not considered yet: an open question for the sector. */
  | 'NOT_CONSIDERED';

/** The sector's coordinating contact person for the child now. */
export type CoordinatingContactPerson = {
  __typename?: 'CoordinatingContactPerson';
  /** Since when; null when not considered. */
  at?: Maybe<Scalars['DateTime']['output']>;
  /** Why none is appointed (NONE_AGREED). */
  note?: Maybe<Scalars['String']['output']>;
  /** The active contact person; null unless APPOINTED. */
  person?: Maybe<ContactPerson>;
  /** The last contact person (ENDED). */
  previous?: Maybe<ContactPerson>;
  /** The sector. */
  sector: Sector;
  /** Where it stands. */
  status: ContactPersonStatus;
};

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

/** A new action plan. */
export type CreateActionPlanInput = {
  /** When the plan is followed up: after today, within a year. */
  followUpOn: Scalars['Date']['input'];
  /** A note, at most 2000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The offers, 1 to 10, from the catalogue of the child's municipality (municipalOffers); each must be available, serve the track and take the child's age. */
  offerIds: Array<Scalars['ID']['input']>;
  /** Who is responsible. */
  responsible: PlanResponsibleInput;
  /** The positive screening result the plan answers. */
  screeningResultId: Scalars['ID']['input'];
};

/** A diagnosis of the ICD-10 classification, in its Danish SKS form and its ICD-10 form. */
export type Diagnosis = {
  __typename?: 'Diagnosis';
  /** The ICD-10 chapter as a Roman numeral: V for chapter F (mental and behavioural disorders). */
  chapter: Scalars['String']['output'];
  /** The WHO ICD-10 form, e.g. F90.0; null for an SKS subdivision finer than ICD-10's four characters. */
  icd10?: Maybe<Scalars['String']['output']>;
  /** The SKS diagnosis code, e.g. DF900. */
  sks: Scalars['String']['output'];
  /** The Danish title from the shipped chapter F classification; null for other chapters, whose titles are not shipped. */
  title?: Maybe<Scalars['String']['output']>;
};

/** A remark on a diagnosis that does not block it, e.g. a code outside chapter F. */
export type DiagnosisWarning = {
  __typename?: 'DiagnosisWarning';
  /** The kind of remark, e.g. OUTSIDE_CHAPTER_F. */
  code: Scalars['String']['output'];
  /** The input the remark is about, e.g. diagnoses[1]. */
  field: Scalars['String']['output'];
  /** The remark, in words. */
  message: Scalars['String']['output'];
};

/** The phone call to the psychiatric emergency service an acute referral needs first (agreement 6.2). */
export type EmergencyPhoneContact = {
  __typename?: 'EmergencyPhoneContact';
  /** When the emergency service was phoned. */
  at: Scalars['DateTime']['output'];
  /** With whom the referrer spoke. */
  withWhom: Scalars['String']['output'];
};

/** The phone call to the psychiatric emergency service, made before an acute referral. */
export type EmergencyPhoneContactInput = {
  /** When the emergency service was phoned; not in the future. */
  at: Scalars['DateTime']['input'];
  /** With whom you spoke; at most 200 characters. */
  withWhom: Scalars['String']['input'];
};

/** A measure of the evaluation. */
export type EvaluationMeasure =
  /** Children improved on re-screening. */
  | 'CHILDREN_IMPROVED_ON_RESCREENING'
  /** Children registered in the track. */
  | 'CHILDREN_REGISTERED'
  /** Children screened. */
  | 'CHILDREN_SCREENED'
  /** Children screened positive. */
  | 'CHILDREN_SCREENED_POSITIVE'
  /** Children with an action plan. */
  | 'CHILDREN_WITH_ACTION_PLAN'
  /** The median days from a positive screening to its plan. */
  | 'MEDIAN_DAYS_TO_ACTION_PLAN';

/**
 * The joint decision of the municipality and the GP on the further course after BUA found no need for assessment
 * (agreement 6.1, Trin 3: "der tages fælles stilling til det videre forløb").
 */
export type FurtherCourse = {
  __typename?: 'FurtherCourse';
  /** When the last part was recorded; null while pending. */
  agreedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The parts recorded so far. */
  parts: Array<FurtherCoursePart>;
  /** Pending until both parts are recorded. */
  status: JointDecisionStatus;
  /** The sectors whose part is still missing. */
  waitingFor: Array<Sector>;
};

/** One sector's part of the joint decision on the further course. */
export type FurtherCoursePart = {
  __typename?: 'FurtherCoursePart';
  /** What the sector will do; the further course it agrees to. */
  furtherCourse: Scalars['String']['output'];
  /** When it was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** The sector whose part it is. */
  sector: Sector;
};

/** The four steps of the graduated pathway (Trin 1-4, agreement 6.1). */
export type GraduatedStep =
  /** Trin 1: early intervention by the municipality, possibly with the GP. */
  | 'TRIN_1'
  /** Trin 2: in-depth assessment and intervention by the municipality, with advisory from psychiatry. */
  | 'TRIN_2'
  /** Trin 3: assessment and treatment in child and adolescent psychiatry (BUA), which holds full treatment responsibility. */
  | 'TRIN_3'
  /** Trin 4: follow-up by the municipality; psychiatry and the GP agree who continues and follows up any medication. */
  | 'TRIN_4';

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
  /** What happened: RECEIVED, ASSIGNED, READ, REPLIED, REPLY_RETRIED or REPLY_GIVEN_UP. */
  kind: Scalars['String']['output'];
};

/** The municipality's reply to a letter. */
export type InboxLetterReply = {
  __typename?: 'InboxLetterReply';
  /** For a child known to the municipality: whom the municipality will contact. */
  contactCommitment?: Maybe<ContactCommitment>;
  /** For a child not known to the municipality: the contact options the GP can give the family. */
  contactOptions?: Maybe<Scalars['String']['output']>;
  /** How the reply fares on its way to the GP's practice, by general practice's MedCom Acknowledgement. */
  delivery: ReplyDelivery;
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

/** Who filled in the form. */
export type Informant =
  /** A parent or carer. */
  | 'PARENT'
  /** The child or young person (self-report). */
  | 'SELF'
  /** A teacher. */
  | 'TEACHER';

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

/** Whether an intervention had the expected effect ("den forventede effekt"). */
export type InterventionEffect =
  /** It had the expected effect. */
  | 'AS_EXPECTED'
  /** It did not have the expected effect; at Trin 2 this is when the municipality refers to BUA. */
  | 'NOT_AS_EXPECTED';

/** The kind of a municipal intervention (agreement 6.1: social, psychological or pedagogical). */
export type InterventionKind =
  /** A pedagogical intervention (pædagogisk indsats). */
  | 'PEDAGOGICAL'
  /** A psychological intervention (psykologisk indsats). */
  | 'PSYCHOLOGICAL'
  /** A social intervention (socialfaglig indsats). */
  | 'SOCIAL';

/** Why an intervention was not sent to BUA when it was recorded or changed. */
export type InterventionNotSentReason =
  /** BUA holds no active referral for the child, so there is no course in psychiatry to keep informed. */
  | 'NO_ACTIVE_BUA_REFERRAL'
  /** No active consent held by the municipality lets it disclose to BUA for care coordination. */
  | 'NO_CONSENT';

/** The step of the graduated pathway a municipal intervention belongs to (Trin 3 is psychiatry's). */
export type InterventionStep =
  /** Trin 1, early intervention. */
  | 'TRIN_1'
  /** Trin 2, in-depth assessment and intervention. */
  | 'TRIN_2'
  /** Trin 4, follow-up (opfølgning). */
  | 'TRIN_4';

/** An intervention tried before the referral, attached to it (Trin 1 or 2). */
export type InterventionTried = {
  __typename?: 'InterventionTried';
  /** What was done. */
  description: Scalars['String']['output'];
  /** Whether it had the expected effect; null when not yet known. */
  effect?: Maybe<InterventionEffect>;
  /** When it ended; null while it runs. */
  endedOn?: Maybe<Scalars['Date']['output']>;
  /** The kind of intervention. */
  kind: InterventionKind;
  /** The step it belongs to. */
  pathwayStep: InterventionStep;
  /** Who is responsible for it (a role or team). */
  responsible: Scalars['String']['output'];
  /** When it started. */
  startedOn: Scalars['Date']['output'];
};

/** An intervention tried before the referral. */
export type InterventionTriedInput = {
  /** What was done; at most 2000 characters. */
  description: Scalars['String']['input'];
  /** Whether it had the expected effect. */
  effect?: InputMaybe<InterventionEffect>;
  /** When it ended; omit while it runs. */
  endedOn?: InputMaybe<Scalars['Date']['input']>;
  /** The kind of intervention. */
  kind: InterventionKind;
  /** The step it belongs to (TRIN_1 or TRIN_2 before a referral). */
  pathwayStep: InterventionStep;
  /** Who is responsible (a role or team, never needed as a person's name); at most 200 characters. */
  responsible: Scalars['String']['input'];
  /** When it started. */
  startedOn: Scalars['Date']['input'];
};

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

/** Whether the joint decision on the further course after a no-assessment visitation is still pending. */
export type JointDecisionStatus =
  /** Both the municipality and the GP recorded their part. */
  | 'AGREED'
  /** One or both sectors have not recorded their part yet. */
  | 'PENDING';

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
  /** Their name, shown in the inbox. At most 200 characters. */
  displayName: Scalars['String']['input'];
  /** Their organisation: the municipality code of the receiving municipality. At most 40 characters. */
  organisation: Scalars['String']['input'];
  /** Their role for this letter. */
  role: LetterHandlerRole;
  /** Their user id. At most 200 characters. */
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
  /** The GP's full name. At most 200 characters. */
  name: Scalars['String']['input'];
  /** A phone number the municipality can call, 8-16 digits, optionally with + and spaces. At most 20 characters. */
  phone: Scalars['String']['input'];
  /** The GP's title, e.g. Praktiserende læge. At most 200 characters. */
  title: Scalars['String']['input'];
};

/** A letter's delivery status as the sending practice sees it. */
export type LetterStatus =
  /** The municipality's reply has arrived. */
  | 'ANSWERED'
  /** The municipality's system has received it. */
  | 'DELIVERED'
  /** Delivery gave up after the allowed number of attempts, or the municipality refused it; retry with retryLetterDelivery, or give it up with giveUpLetterDelivery. */
  | 'FAILED'
  /** After it FAILED, the practice gave it up (giveUpLetterDelivery): it is not sent again and no longer holds back later letters about the child; the status history says why. */
  | 'GIVEN_UP'
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
 * An agreement between BUA and the child's GP on continuing pharmacological treatment (Trin 4, agreement 6.1: "Der
 * indgås aftale ... om eventuel videreførelse af og opfølgning på farmakologisk behandling"). Both sides hold it.
 */
export type MedicationAgreement = {
  __typename?: 'MedicationAgreement';
  /** The child. */
  child: Child;
  /** The agreement's id, the same on both sides. */
  id: Scalars['ID']['output'];
  /** The medicine. */
  medicine: AgreedMedicine;
  /** A note with the proposal. */
  note?: Maybe<Scalars['String']['output']>;
  /** Who prescribes: BUA or GENERAL_PRACTICE. */
  prescriber: Sector;
  /** From when that side prescribes. */
  prescribesFrom: Scalars['Date']['output'];
  /** When it was proposed. */
  proposedAt: Scalars['DateTime']['output'];
  /** Who proposed it: BUA or GENERAL_PRACTICE. */
  proposedBy: Sector;
  /** The referral whose treatment it continues. */
  referralId: Scalars['ID']['output'];
  /** The other side's answer; null while proposed. */
  response?: Maybe<MedicationAgreementResponse>;
  /** Whether the review date has come for an agreement in force. */
  reviewDue: Scalars['Boolean']['output'];
  /** When the treatment is reviewed. */
  reviewOn: Scalars['Date']['output'];
  /** Where it stands. */
  status: MedicationAgreementStatus;
  /** When a newer proposal replaced it; null otherwise. */
  supersededAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A proposal of a medication agreement. */
export type MedicationAgreementInput = {
  /** The level-5 ATC code, e.g. N06BA04; at most 7 characters. */
  atcCode: Scalars['String']['input'];
  /** The medicine's name; at most 200 characters. */
  medicineName: Scalars['String']['input'];
  /** A note; at most 2000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Who prescribes: BUA or GENERAL_PRACTICE. */
  prescriber: Sector;
  /** From when that side prescribes. */
  prescribesFrom: Scalars['Date']['input'];
  /** The referral to BUA whose treatment it continues. */
  referralId: Scalars['ID']['input'];
  /** When the treatment is reviewed; after prescribesFrom and not in the past. */
  reviewOn: Scalars['Date']['input'];
};

/** The other side's answer to a proposal. */
export type MedicationAgreementResponse = {
  __typename?: 'MedicationAgreementResponse';
  /** Whether the proposal was accepted. */
  accepted: Scalars['Boolean']['output'];
  /** When. */
  at: Scalars['DateTime']['output'];
  /** Who answered: BUA or GENERAL_PRACTICE. */
  by: Sector;
  /** Why it was declined; null when accepted. */
  reason?: Maybe<Scalars['String']['output']>;
};

/** Where a medication agreement stands. */
export type MedicationAgreementStatus =
  /** Accepted by the other side: in force. */
  | 'ACCEPTED'
  /** Declined by the other side, with the reason. */
  | 'DECLINED'
  /** Proposed by one side; waiting for the other's answer. */
  | 'PROPOSED'
  /** Replaced by a newer proposal on the same medicine. */
  | 'SUPERSEDED';

/** A remark on a medicine that does not block it, e.g. an ATC code outside the psychiatric groups. */
export type MedicineWarning = {
  __typename?: 'MedicineWarning';
  /** The kind of remark, e.g. OUTSIDE_PSYCHIATRIC_GROUPS. */
  code: Scalars['String']['output'];
  /** The input the remark is about. */
  field: Scalars['String']['output'];
  /** The remark, in words. */
  message: Scalars['String']['output'];
};

/** Who took part in a network meeting: a sector of the collaboration, or the family. */
export type MeetingParticipantSector =
  /** Adult psychiatry. */
  | 'ADULT_PSYCHIATRY'
  /** The child and adolescent psychiatric department (BUA). */
  | 'BUA'
  /** The family: the child or young person, the parents or other custody holders. */
  | 'FAMILY'
  /** General practice (almen praksis). */
  | 'GENERAL_PRACTICE'
  /** Health visitors (sundhedsplejen). */
  | 'HEALTH_VISITING'
  /** A municipality (kommune): caseworkers, PPR, social workers, schools. */
  | 'MUNICIPALITY'
  /** Paediatric departments and outpatient clinics. */
  | 'PAEDIATRICS';

/** Why a track membership ended. */
export type MembershipEndReason =
  /** The family declined to take part. */
  | 'FAMILY_DECLINED'
  /** The child moved out of the region. */
  | 'MOVED_OUT_OF_REGION'
  /** The child is no longer at risk in this track. */
  | 'NO_LONGER_AT_RISK'
  /** Another reason. */
  | 'OTHER'
  /** The registration was a mistake. */
  | 'REGISTERED_IN_ERROR'
  /** The child is in treatment now (e.g. referred to BUA), which takes over. */
  | 'TRANSFERRED_TO_TREATMENT'
  /** The child turned 18: the target group ends. */
  | 'TURNED_18';

/** How a cross-sector message fares on its way to the receiving sector. */
export type MessageDeliveryStatus =
  /** The receiving sector stored it. */
  | 'DELIVERED'
  /** The receiver refused it, or it could not be delivered; the accompanying note says why. */
  | 'FAILED'
  /** After it FAILED, a person of the sending sector gave it up: it is not sent again and no longer holds back later messages about the child; the note says why. */
  | 'GIVEN_UP'
  /** Waiting in the sender's outbox; the delivery worker sends it, and retries while the receiver is unreachable. */
  | 'QUEUED';

/** Why a score could not be computed. */
export type MissingScoreReason =
  /** A score it is built from is missing. */
  | 'COMPONENT_SCORE_MISSING'
  /** Fewer items were answered than the score needs (SDQ: 3 of a subscale's 5). */
  | 'TOO_FEW_ITEMS_ANSWERED';

/**
 * A young person under BUA's treatment responsibility who turns 18 within six months and has no transition plan: an
 * open action of BUA.
 */
export type MissingTransitionPlan = {
  __typename?: 'MissingTransitionPlan';
  /** The young person. */
  child: Child;
  /** When the plan is due (three months before the 18th birthday). */
  dueOn: Scalars['Date']['output'];
  /** Whether it is overdue. */
  overdue: Scalars['Boolean']['output'];
  /** The referral under which BUA holds treatment responsibility. */
  referral: BuaReferral;
  /** The 18th birthday. */
  turns18On: Scalars['Date']['output'];
};

/**
 * A social, psychological or pedagogical intervention (indsats) the municipality started for a child at Trin 1, 2 or 4
 * (agreement 6.1). While BUA holds an active referral for the child and a consent held by the municipality allows it,
 * it is also sent to BUA ("kommunen holder børne- og ungdomspsykiatrien orienteret").
 */
export type MunicipalIntervention = {
  __typename?: 'MunicipalIntervention';
  /** The child. */
  child: Child;
  /** What the intervention is. */
  description: Scalars['String']['output'];
  /** Whether it had the expected effect; null until judged. */
  effect?: Maybe<InterventionEffect>;
  /** The day it ended; null while it runs. */
  endedOn?: Maybe<Scalars['Date']['output']>;
  /** The intervention's id. */
  id: Scalars['ID']['output'];
  /** Social, psychological or pedagogical. */
  kind: InterventionKind;
  /** The municipality that runs it (kommunekode). */
  municipalityCode: Scalars['Int']['output'];
  /** The step of the graduated pathway it belongs to (Trin 1, 2 or 4). */
  pathwayStep: InterventionStep;
  /** When it was recorded (or last changed). */
  recordedAt: Scalars['DateTime']['output'];
  /** Who is responsible for it: a role or team. */
  responsible: Scalars['String']['output'];
  /** When it was last sent to BUA; null when it never was (BUA held no active referral, or no consent allowed it). */
  sentToBuaAt?: Maybe<Scalars['DateTime']['output']>;
  /** The day it started (or is planned to start). */
  startedOn: Scalars['Date']['output'];
};

/** The end and effect of a running intervention (Trin 4 follow-up, or the Trin 2 outcome that leads to a referral). */
export type MunicipalInterventionFollowUpInput = {
  /** Whether it had the expected effect. */
  effect?: InputMaybe<InterventionEffect>;
  /** The day it ended; null while it still runs. Not before it started. */
  endedOn?: InputMaybe<Scalars['Date']['input']>;
};

/** A municipal intervention to record. */
export type MunicipalInterventionInput = {
  /** The child's pseudonym (a resident of your municipality). */
  childId: Scalars['ID']['input'];
  /** What the intervention is; at most 2000 characters. */
  description: Scalars['String']['input'];
  /** Whether it had the expected effect, once judged. */
  effect?: InputMaybe<InterventionEffect>;
  /** The day it ended, if it has; not before startedOn. */
  endedOn?: InputMaybe<Scalars['Date']['input']>;
  /** Social, psychological or pedagogical. */
  kind: InterventionKind;
  /** Trin 1, 2 or 4 (Trin 3 is psychiatry's). */
  pathwayStep: InterventionStep;
  /** Who is responsible: a role or team, e.g. 'PPR-psykolog'; at most 200 characters. */
  responsible: Scalars['String']['input'];
  /** The day it starts or started. */
  startedOn: Scalars['Date']['input'];
};

/** The intervention as recorded, and whether it went to BUA. */
export type MunicipalInterventionResult = {
  __typename?: 'MunicipalInterventionResult';
  /** The intervention. */
  intervention: MunicipalIntervention;
  /** What to do so that it can be shared (e.g. record a consent); null when it was sent. */
  notSentExplanation?: Maybe<Scalars['String']['output']>;
  /** Why it was not sent; null when it was. */
  notSentReason?: Maybe<InterventionNotSentReason>;
  /** Whether it was queued for BUA in the same transaction. */
  sentToBua: Scalars['Boolean']['output'];
};

/**
 * One offer of a municipality's catalogue of offers for children who screen positive in a track. Reference data about
 * a service, no child's data: readable by everyone signed in. The screening subgraph's action plans refer to offers by
 * id, and the gateway resolves them here.
 */
export type MunicipalOffer = {
  __typename?: 'MunicipalOffer';
  /** Whether it exists or is proposed. */
  availability: OfferAvailability;
  /** Whether it can go into an action plan today: existing and not retired. */
  available: Scalars['Boolean']['output'];
  /** How to get in touch: phone, address, who to ask. */
  contact: Scalars['String']['output'];
  /** The offer's id. */
  id: Scalars['ID']['output'];
  /** What kind of help it gives. */
  kind: OfferKind;
  /** The oldest age (whole years) it takes. */
  maxAge: Scalars['Int']['output'];
  /** The youngest age (whole years) it takes. */
  minAge: Scalars['Int']['output'];
  /** The municipality whose catalogue it is in. */
  municipality: Municipality;
  /** The offer's name, as families know it. */
  name: Scalars['String']['output'];
  /** The day it was retired; null while it is offered. A retired offer stays, so plans made with it still name it. */
  retiredOn?: Maybe<Scalars['Date']['output']>;
  /** Whether this is synthetic demo data. */
  synthetic: Scalars['Boolean']['output'];
  /** Who it is for (målgruppe), in the municipality's words. */
  targetGroup: Scalars['String']['output'];
  /** The screening tracks it serves, in track order. */
  tracks: Array<ScreeningTrack>;
};

/** Changes to an offer; a field left out keeps its value. */
export type MunicipalOfferChangesInput = {
  /** Whether it exists or is proposed. */
  availability?: InputMaybe<OfferAvailability>;
  /** How to get in touch, at most 500 characters. */
  contact?: InputMaybe<Scalars['String']['input']>;
  /** What kind of help it gives. */
  kind?: InputMaybe<OfferKind>;
  /** The oldest age it takes, 0 to 18, not below minAge. */
  maxAge?: InputMaybe<Scalars['Int']['input']>;
  /** The youngest age it takes, 0 to 18. */
  minAge?: InputMaybe<Scalars['Int']['input']>;
  /** The offer's name, at most 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Who it is for, at most 500 characters. */
  targetGroup?: InputMaybe<Scalars['String']['input']>;
  /** The screening tracks it serves; at least one, each once. */
  tracks?: InputMaybe<Array<ScreeningTrack>>;
};

/** A page of offers. */
export type MunicipalOfferConnection = {
  __typename?: 'MunicipalOfferConnection';
  /** The offers on this page, each with its cursor. */
  edges: Array<MunicipalOfferEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** One offer in a page, with the cursor that points at it. */
export type MunicipalOfferEdge = {
  __typename?: 'MunicipalOfferEdge';
  /** Opaque cursor; pass it as `after` to continue after this offer. */
  cursor: Scalars['String']['output'];
  /** The offer. */
  node: MunicipalOffer;
};

/**
 * A referral of a resident child to BUA by the municipality (henvisning, Trin 3): when the Trin 2 intervention did not
 * have the expected effect (agreement 6.1), with the interventions tried attached; or an acute referral, after the phone
 * call to the psychiatric emergency service.
 */
export type MunicipalReferralInput = {
  /** Whether the matter is acute (then phone the emergency service first). */
  acute: Scalars['Boolean']['input'];
  /** The child's pseudonym; the child must be a resident of your municipality. */
  childId: Scalars['ID']['input'];
  /** The consents to refer and share: the young person's own from 15, a custody holder's before; at most 4. */
  consents: Array<ReferralConsentInput>;
  /** Acute only: the phone call to the psychiatric emergency service. */
  emergencyPhoneContact?: InputMaybe<EmergencyPhoneContactInput>;
  /** The interventions tried; at least one Trin 2 intervention with effect NOT_AS_EXPECTED unless acute; at most 20. */
  interventionsTried?: InputMaybe<Array<InterventionTriedInput>>;
  /** A UUID you generate for this referral; sending again with the same id returns the same referral. */
  messageId: Scalars['ID']['input'];
  /** Why the child is referred: the problem, what was tried and what you want assessed; at most 4000 characters. */
  reason: Scalars['String']['input'];
  /** Ids of screening results in the screening subgraph, sent by reference; at most 20. */
  screeningResultIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** How far the graduated pathway has come: TRIN_2 unless the referral is acute. */
  stepReached: StepReached;
  /** The child's GP practice (ydernummer, 1 to 6 digits), which BUA keeps informed. At most 20 characters. */
  ydernummer: Scalars['String']['input'];
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

/** A track-3 registration's message to the family services of the child's municipality, sent with the patient's consent. */
export type MunicipalityNotification = {
  __typename?: 'MunicipalityNotification';
  /** Why it failed; null unless FAILED. */
  error?: Maybe<Scalars['String']['output']>;
  /** The municipality it went to. */
  municipality: Municipality;
  /** The day the patient consented to telling the municipality. */
  patientConsentOn: Scalars['Date']['output'];
  /** The day the municipality received it; null until it has. */
  receivedOn?: Maybe<Scalars['Date']['output']>;
  /** Where the message is. */
  status: MessageDeliveryStatus;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** A GP of the invited practice accepts or declines, until the meeting starts (and may change the answer). */
  answerAdvisoryInvitation: AdvisoryGpInvitation;
  /** Makes an adviser a municipality's fixed contact person from a day on; the current one's period ends that day. BUA's advisers and administrators. */
  assignAdvisoryContactPerson: AdvisoryContactPerson;
  /** Assigns a letter to a professional of the receiving municipality (or reassigns it). */
  assignLetter: InboxLetter;
  /**
   * Books a slot of your own municipality (or a teaching session open to it) for sparring, supervision or teaching.
   * Eligible municipal staff only (PPR, pedagogical and psychological consultants, social workers, caseworkers). A
   * slot is booked at most once, a teaching session up to its capacity: the database refuses the rest with CONFLICT.
   */
  bookAdvisorySlot: AdvisoryBooking;
  /** Cancels a booking before the meeting starts, freeing the slot: the booker, their municipality's eligible staff or BUA's advisers. */
  cancelAdvisoryBooking: AdvisoryBooking;
  /** Cancels one future meeting (an exception of its series, so regenerating keeps it cancelled). BUA's advisers and administrators. */
  cancelAdvisorySlot: AdvisorySlot;
  /** Closes a referral once its outcome was communicated to everyone the agreement names; refused before. */
  closeBuaReferral: BuaReferral;
  /** Marks an agreed action of a network meeting as completed. */
  completeBuaNetworkMeetingAction: NetworkMeeting;
  /** Marks an agreed action of one of the practice's network meetings as completed: by the practice that held it, or the organisation owning the action. */
  completeGeneralPracticeNetworkMeetingAction: NetworkMeeting;
  /** Marks an agreed action of one of the municipality's network meetings as completed: by the municipality that held it, or the organisation owning the action. */
  completeMunicipalityNetworkMeetingAction: NetworkMeeting;
  /**
   * Makes the action plan for a positive screening, from the child's municipality's offers. A result takes one plan;
   * a second is refused with CONFLICT.
   */
  createActionPlan: ActionPlan;
  /**
   * Creates a calendar feed (.ics) with a secret address: a municipality's (its eligible staff, or BUA's advisers and
   * administrators) or your own as an adviser.
   */
  createAdvisoryCalendarFeed: AdvisoryCalendarFeedCreated;
  /** Adds an offer to a municipality's catalogue. Only the municipality's own staff may. */
  createMunicipalOffer: MunicipalOffer;
  /** Visitation (once per referral): assessment, or no need for it with the reason; the municipality and the GP are told. */
  decideBuaVisitation: BuaReferral;
  /** Ends a track membership (the history stays). The registering organisation or the screening tracks' own staff may. */
  endTrackMembership: TrackMembership;
  /** Records the end and effect of an intervention (follow-up); sent to BUA again under the same rules, updating BUA's copy. */
  followUpMunicipalIntervention: MunicipalInterventionResult;
  /**
   * Generates a series' slots for a planning horizon (at most 400 days), skipping days Danish public offices are
   * closed and applying its exceptions; idempotent. Past slots stay as they were. BUA's advisers and administrators.
   */
  generateAdvisorySlots: AdvisorySlotGeneration;
  /**
   * Gives up a FAILED letter (its status is then GIVEN_UP): it is not sent again, and the later letters about the child
   * it held back go on to the municipality. Reach the municipality another way. GPs of the sending practice only;
   * CONFLICT when the letter has not failed.
   */
  giveUpLetterDelivery: CorrespondenceLetter;
  /**
   * Gives up the letter's FAILED reply (its delivery is then GIVEN_UP): it is not sent again, and the later messages of
   * the municipality to that practice about the child it held back go on. Tell the GP another way. Only the receiving
   * municipality's professionals who may reply; CONFLICT when the letter has no reply or its reply has not failed.
   */
  giveUpReplyDelivery: InboxLetter;
  /**
   * Reads a MedCom CareCommunication bundle (JSON). Refused with BAD_USER_INPUT naming the element for a bundle that
   * breaks the standard, and for a patient outside the target group (0-17). A reply to one of your letters is stored
   * as its reply; anything else is only read and returned.
   */
  importCareCommunication: ImportedCareCommunication;
  /** Invites a general practice to a booked sparring or supervision meeting: the booking municipality's eligible staff or BUA's advisers. */
  inviteGpToAdvisoryMeeting: AdvisoryGpInvitation;
  /** Marks a letter read; the first time, the GP is told (a status message). Marking it again changes nothing. */
  markLetterRead: InboxLetter;
  /** BUA proposes a medication agreement to the child's GP (Trin 4); the GP accepts or declines it. */
  proposeBuaMedicationAgreement: ProposeMedicationAgreementPayload;
  /** The GP proposes a medication agreement to BUA (Trin 4); BUA accepts or declines it. */
  proposePracticeMedicationAgreement: ProposeMedicationAgreementPayload;
  /**
   * Records the advice given at a sparring or supervision meeting, once it has begun; a later call amends it as a new
   * version (by the adviser who recorded it). BUA's advisers. Refused when it holds a personal identifier.
   */
  recordAdvisoryAdvice: AdvisoryBooking;
  /** Records the assessment outcome, sent to the municipality and the GP; refused for a referral whose assessment has not started. */
  recordBuaAssessmentOutcome: RecordAssessmentOutcomePayload;
  /** Records a consent to disclose BUA's data about a child. Only the organisation holding the child's record can record it. */
  recordBuaConsent: Consent;
  /** Records a change of BUA's coordinating contact person for a child (appointed, ended, or agreed that none is). */
  recordBuaContactPerson: CoordinatingContactPerson;
  /** Records a network meeting BUA held about a child, with its agreed actions. */
  recordBuaNetworkMeeting: NetworkMeeting;
  /** Records BUA's transition plan for a young person turning 18; sent to the municipality of the open referral. */
  recordBuaTransitionPlan: TransitionPlan;
  /** Records a consent to disclose the child's own general practice's data about a child. Only the organisation holding the child's record can record it. */
  recordGeneralPracticeConsent: Consent;
  /** Records a change of the practice's coordinating contact person for a listed child (appointed, ended, or agreed that none is). The child's own practice only. */
  recordGeneralPracticeContactPerson: CoordinatingContactPerson;
  /** Records a network meeting the practice held about a listed child (agreement 6.1: coordination around every pathway), with its agreed actions. The child's own practice only. */
  recordGeneralPracticeNetworkMeeting: NetworkMeeting;
  /** The municipality's part of the joint decision on the further course after BUA found no need for assessment. */
  recordMunicipalFurtherCourse: ReferralToBua;
  /** Records an intervention for a resident child; sent to BUA when BUA holds an active referral for the child and a consent allows it. Municipal staff of the child's residence municipality only. */
  recordMunicipalIntervention: MunicipalInterventionResult;
  /** Records a consent to disclose the municipality's data about a child. Only the organisation holding the child's record can record it. */
  recordMunicipalityConsent: Consent;
  /** Records a change of the municipality's coordinating contact person for a resident child (appointed, ended, or agreed that none is). The child's residence municipality only. */
  recordMunicipalityContactPerson: CoordinatingContactPerson;
  /** Records a network meeting the municipality held about a resident child (most network meetings are the municipality's), with its agreed actions. */
  recordMunicipalityNetworkMeeting: NetworkMeeting;
  /** Records the municipality's transition plan for a resident young person turning 18 (the municipality is responsible while BUA does not hold treatment responsibility); sent to BUA when BUA holds an active referral for the child and a consent allows it. */
  recordMunicipalityTransitionPlan: TransitionPlan;
  /** Records that the outcome was communicated to the parents (when, how, by whom). */
  recordOutcomeCommunicatedToParents: BuaReferral;
  /** General practice's part of the joint decision on the further course after BUA found no need for assessment. */
  recordPracticeFurtherCourse: ReferralToBua;
  /**
   * Records a screening, scored on the server; a wrong answer set is refused with BAD_USER_INPUT naming the item and
   * why, and nothing is stored. Only the track's screening participants may.
   */
  recordScreening: ScreeningResult;
  /** Records a consent to disclose the screening tracks's data about a child. Only the organisation holding the child's record can record it. */
  recordScreeningConsent: Consent;
  /** Refers a child to BUA (Trin 3): stored and queued for BUA in one step; every rule is checked before anything is stored. */
  referChildToBua: ReferralToBua;
  /** Refers a resident child to BUA after Trin 2 (Trin 3): stored and queued for BUA in one step; every rule is checked first. */
  referChildToBuaFromMunicipality: ReferralToBua;
  /**
   * Registers a child in a track, with its basis. Only the track's registering participants may (track 2: paediatrics
   * or the GP; track 3: adult psychiatry). A child already in the track is refused with CONFLICT. A track-3
   * registration with the patient's consent is sent to the child's municipality, exactly once.
   */
  registerInScreeningTrack: TrackMembership;
  /**
   * Replies to a letter: records the reply and queues it for delivery to the GP's practice in one transaction. A letter
   * takes one reply; a second is refused with CONFLICT.
   */
  replyToLetter: InboxLetter;
  /** BUA answers the GP's proposal. */
  respondToBuaMedicationAgreement: MedicationAgreement;
  /** The GP answers BUA's proposal. */
  respondToPracticeMedicationAgreement: MedicationAgreement;
  /** Retires an offer: it stays in the catalogue, and can no longer be chosen for an action plan. */
  retireMunicipalOffer: MunicipalOffer;
  /** Queues a FAILED letter for delivery again. CONFLICT when the letter has not failed. */
  retryLetterDelivery: CorrespondenceLetter;
  /**
   * Queues the letter's FAILED reply for delivery to the GP's practice again (its delivery is then QUEUED), once the
   * cause of the failure is dealt with. A FAILED reply holds back every later message of the municipality to that
   * practice about the child, so it must be retried or given up (giveUpReplyDelivery). Only the receiving
   * municipality's professionals who may reply; CONFLICT when the letter has no reply or its reply has not failed.
   */
  retryReplyDelivery: InboxLetter;
  /** Revokes a calendar feed: its address stops working at once. Its creator, the municipality's eligible staff, or BUA's administrators. */
  revokeAdvisoryCalendarFeed: AdvisoryCalendarFeed;
  /** Creates or changes a series of advisory meetings (then `generateAdvisorySlots`). BUA's advisers and administrators. */
  saveAdvisorySlotSeries: AdvisorySlotSeries;
  /** Sends the outcome (or the no-assessment decision) to the sectors around the child BUA may tell now and that were not told, e.g. one the young person consented to after it was withheld at 18 (`partiesNotTold`). Refused (CONFLICT) before an outcome, after closing, and when there is nobody to send it to. */
  sendBuaReferralOutcome: BuaReferral;
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
  /** Records the start of the assessment of a referral visited for assessment; both sectors around the child are told. */
  startBuaAssessment: BuaReferral;
  /**
   * Sends (or replaces) the written description of a sparring or supervision meeting, before it starts. Refused when
   * it holds a personal identifier (a CPR number in any spelling, a known child's name): advisory cases are anonymous.
   */
  submitAdvisoryCaseDescription: AdvisoryBooking;
  /**
   * Takes a track-3 registration from the worklist: it becomes TAKEN, with who took it. A registration is taken once;
   * a second time is refused with CONFLICT.
   */
  takeRelativeRegistration: RelativeRegistration;
  /** Changes an offer of the catalogue; a retired offer is refused with CONFLICT. */
  updateMunicipalOffer: MunicipalOffer;
  /** The inviting side withdraws an invitation, until the meeting starts. */
  withdrawAdvisoryInvitation: AdvisoryGpInvitation;
  /** Withdraws a consent held by BUA, with immediate effect. */
  withdrawBuaConsent: Consent;
  /** Withdraws a consent held by the child's own general practice, with immediate effect. */
  withdrawGeneralPracticeConsent: Consent;
  /** Withdraws a consent held by the municipality, with immediate effect. */
  withdrawMunicipalityConsent: Consent;
  /** Withdraws a consent held by the screening tracks, with immediate effect. */
  withdrawScreeningConsent: Consent;
};


export type MutationAnswerAdvisoryInvitationArgs = {
  answer: AdvisoryInvitationAnswer;
  id: Scalars['ID']['input'];
};


export type MutationAssignAdvisoryContactPersonArgs = {
  input: AssignAdvisoryContactPersonInput;
};


export type MutationAssignLetterArgs = {
  assignee: LetterAssigneeInput;
  id: Scalars['ID']['input'];
};


export type MutationBookAdvisorySlotArgs = {
  kind: AdvisoryBookingKind;
  slotId: Scalars['ID']['input'];
};


export type MutationCancelAdvisoryBookingArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelAdvisorySlotArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCloseBuaReferralArgs = {
  closedAt: Scalars['DateTime']['input'];
  referralId: Scalars['ID']['input'];
};


export type MutationCompleteBuaNetworkMeetingActionArgs = {
  actionIndex: Scalars['Int']['input'];
  meetingId: Scalars['ID']['input'];
};


export type MutationCompleteGeneralPracticeNetworkMeetingActionArgs = {
  actionIndex: Scalars['Int']['input'];
  meetingId: Scalars['ID']['input'];
};


export type MutationCompleteMunicipalityNetworkMeetingActionArgs = {
  actionIndex: Scalars['Int']['input'];
  meetingId: Scalars['ID']['input'];
};


export type MutationCreateActionPlanArgs = {
  input: CreateActionPlanInput;
};


export type MutationCreateAdvisoryCalendarFeedArgs = {
  kind: AdvisoryCalendarFeedKind;
  municipalityCode?: InputMaybe<Scalars['Int']['input']>;
};


export type MutationCreateMunicipalOfferArgs = {
  input: NewMunicipalOfferInput;
};


export type MutationDecideBuaVisitationArgs = {
  input: VisitationInput;
  referralId: Scalars['ID']['input'];
};


export type MutationEndTrackMembershipArgs = {
  endedOn?: InputMaybe<Scalars['Date']['input']>;
  id: Scalars['ID']['input'];
  reason: MembershipEndReason;
};


export type MutationFollowUpMunicipalInterventionArgs = {
  id: Scalars['ID']['input'];
  input: MunicipalInterventionFollowUpInput;
};


export type MutationGenerateAdvisorySlotsArgs = {
  from: Scalars['Date']['input'];
  seriesId: Scalars['ID']['input'];
  to: Scalars['Date']['input'];
};


export type MutationGiveUpLetterDeliveryArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationGiveUpReplyDeliveryArgs = {
  letterId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationImportCareCommunicationArgs = {
  bundle: Scalars['String']['input'];
};


export type MutationInviteGpToAdvisoryMeetingArgs = {
  bookingId: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  ydernummer: Scalars['String']['input'];
};


export type MutationMarkLetterReadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationProposeBuaMedicationAgreementArgs = {
  input: MedicationAgreementInput;
};


export type MutationProposePracticeMedicationAgreementArgs = {
  input: MedicationAgreementInput;
};


export type MutationRecordAdvisoryAdviceArgs = {
  bookingId: Scalars['ID']['input'];
  text: Scalars['String']['input'];
};


export type MutationRecordBuaAssessmentOutcomeArgs = {
  input: AssessmentOutcomeInput;
  referralId: Scalars['ID']['input'];
};


export type MutationRecordBuaConsentArgs = {
  input: RecordConsentInput;
};


export type MutationRecordBuaContactPersonArgs = {
  input: RecordContactPersonInput;
};


export type MutationRecordBuaNetworkMeetingArgs = {
  input: RecordNetworkMeetingInput;
};


export type MutationRecordBuaTransitionPlanArgs = {
  input: TransitionPlanInput;
};


export type MutationRecordGeneralPracticeConsentArgs = {
  input: RecordConsentInput;
};


export type MutationRecordGeneralPracticeContactPersonArgs = {
  input: RecordContactPersonInput;
};


export type MutationRecordGeneralPracticeNetworkMeetingArgs = {
  input: RecordNetworkMeetingInput;
};


export type MutationRecordMunicipalFurtherCourseArgs = {
  furtherCourse: Scalars['String']['input'];
  referralId: Scalars['ID']['input'];
};


export type MutationRecordMunicipalInterventionArgs = {
  input: MunicipalInterventionInput;
};


export type MutationRecordMunicipalityConsentArgs = {
  input: RecordConsentInput;
};


export type MutationRecordMunicipalityContactPersonArgs = {
  input: RecordContactPersonInput;
};


export type MutationRecordMunicipalityNetworkMeetingArgs = {
  input: RecordNetworkMeetingInput;
};


export type MutationRecordMunicipalityTransitionPlanArgs = {
  input: TransitionPlanInput;
};


export type MutationRecordOutcomeCommunicatedToParentsArgs = {
  input: ParentCommunicationInput;
  referralId: Scalars['ID']['input'];
};


export type MutationRecordPracticeFurtherCourseArgs = {
  furtherCourse: Scalars['String']['input'];
  referralId: Scalars['ID']['input'];
};


export type MutationRecordScreeningArgs = {
  input: RecordScreeningInput;
};


export type MutationRecordScreeningConsentArgs = {
  input: RecordConsentInput;
};


export type MutationReferChildToBuaArgs = {
  input: ReferChildToBuaInput;
};


export type MutationReferChildToBuaFromMunicipalityArgs = {
  input: MunicipalReferralInput;
};


export type MutationRegisterInScreeningTrackArgs = {
  input: RegisterInTrackInput;
};


export type MutationReplyToLetterArgs = {
  id: Scalars['ID']['input'];
  input: ReplyToLetterInput;
};


export type MutationRespondToBuaMedicationAgreementArgs = {
  accept: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRespondToPracticeMedicationAgreementArgs = {
  accept: Scalars['Boolean']['input'];
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRetireMunicipalOfferArgs = {
  id: Scalars['ID']['input'];
  retiredOn?: InputMaybe<Scalars['Date']['input']>;
};


export type MutationRetryLetterDeliveryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRetryReplyDeliveryArgs = {
  letterId: Scalars['ID']['input'];
};


export type MutationRevokeAdvisoryCalendarFeedArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSaveAdvisorySlotSeriesArgs = {
  input: AdvisorySlotSeriesInput;
};


export type MutationSendBuaReferralOutcomeArgs = {
  referralId: Scalars['ID']['input'];
};


export type MutationSendCorrespondenceLetterArgs = {
  input: SendLetterInput;
};


export type MutationSetReplyDeadlineArgs = {
  municipalityCode: Scalars['Int']['input'];
  workingDays: Scalars['Int']['input'];
};


export type MutationStartBuaAssessmentArgs = {
  referralId: Scalars['ID']['input'];
  startedAt: Scalars['DateTime']['input'];
};


export type MutationSubmitAdvisoryCaseDescriptionArgs = {
  bookingId: Scalars['ID']['input'];
  input: AdvisoryCaseDescriptionInput;
};


export type MutationTakeRelativeRegistrationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateMunicipalOfferArgs = {
  changes: MunicipalOfferChangesInput;
  id: Scalars['ID']['input'];
};


export type MutationWithdrawAdvisoryInvitationArgs = {
  id: Scalars['ID']['input'];
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

/**
 * A network meeting (netværksmøde) about the child (agreement 6.1: psychiatry makes early contact with the
 * municipality, e.g. through a network meeting).
 */
export type NetworkMeeting = {
  __typename?: 'NetworkMeeting';
  /** The actions agreed. */
  actions: Array<NetworkMeetingAction>;
  /** Who called and recorded it. */
  calledBy: SectorOrganisation;
  /** The day it was held. */
  heldOn: Scalars['Date']['output'];
  /** The meeting's id. */
  id: Scalars['ID']['output'];
  /** Who took part, by sector and role. */
  participants: Array<NetworkMeetingParticipant>;
  /** When it was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** The summary. */
  summary: Scalars['String']['output'];
};

/** An action agreed at a network meeting. */
export type NetworkMeetingAction = {
  __typename?: 'NetworkMeetingAction';
  /** When it was completed; null while open. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What is to be done. */
  description: Scalars['String']['output'];
  /** When it is due. */
  dueOn: Scalars['Date']['output'];
  /** The action's position in the meeting's list (to complete it). */
  index: Scalars['Int']['output'];
  /** Whether it is open past its due date. */
  overdue: Scalars['Boolean']['output'];
  /** The organisation that owns it. */
  owner: SectorOrganisation;
};

/** An action agreed at the meeting. */
export type NetworkMeetingActionInput = {
  /** What is to be done; at most 1000 characters. */
  description: Scalars['String']['input'];
  /** When it is due. */
  dueOn: Scalars['Date']['input'];
  /** The organisation that owns it. */
  owner: SectorOrganisationInput;
};

/** A participant of a network meeting, by sector and role (never by name). */
export type NetworkMeetingParticipant = {
  __typename?: 'NetworkMeetingParticipant';
  /** The participant's role. */
  role: Scalars['String']['output'];
  /** The participant's sector, or the family. */
  sector: MeetingParticipantSector;
};

/** A participant to record. */
export type NetworkMeetingParticipantInput = {
  /** The participant's role; at most 200 characters. */
  role: Scalars['String']['input'];
  /** The participant's sector, or the family. */
  sector: MeetingParticipantSector;
};

/** A new offer for a municipality's catalogue. */
export type NewMunicipalOfferInput = {
  /** Whether it exists or is proposed; default EXISTING. */
  availability?: InputMaybe<OfferAvailability>;
  /** How to get in touch, at most 500 characters. */
  contact: Scalars['String']['input'];
  /** What kind of help it gives. */
  kind: OfferKind;
  /** The oldest age it takes, 0 to 18, not below minAge. */
  maxAge: Scalars['Int']['input'];
  /** The youngest age it takes, 0 to 18. */
  minAge: Scalars['Int']['input'];
  /** The municipality whose catalogue it goes into; the caller must be one of its own staff. */
  municipalityCode: Scalars['Int']['input'];
  /** The offer's name, at most 200 characters. */
  name: Scalars['String']['input'];
  /** Who it is for, at most 500 characters. */
  targetGroup: Scalars['String']['input'];
  /** The screening tracks it serves; at least one, each once. */
  tracks: Array<ScreeningTrack>;
};

/** The notification (underretning) to the municipality an acute GP referral needs, filed through its own channel. */
export type NotificationFiled = {
  __typename?: 'NotificationFiled';
  /** When the notification was filed. */
  filedAt: Scalars['DateTime']['output'];
  /** The notification's reference, if the channel gave one. */
  reference?: Maybe<Scalars['String']['output']>;
};

/** The notification (underretning) to the municipality, filed through its own channel (never a correspondence letter). */
export type NotificationFiledInput = {
  /** When it was filed; not in the future. */
  filedAt: Scalars['DateTime']['input'];
  /** The notification's reference, if the channel gave one; at most 100 characters. */
  reference?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Whether an offer can be chosen today. The terms of reference ask both which offers already exist and which could
 * with advantage be established; the catalogue keeps both, and only existing offers go into an action plan.
 */
export type OfferAvailability =
  /** The offer exists and takes children (findes allerede). */
  | 'EXISTING'
  /** Proposed, not yet established (kan med fordel etableres); shown for planning, never chosen for a plan. */
  | 'PROPOSED';

/** What kind of help an offer (tilbud) gives. */
export type OfferKind =
  /** Talks with a counsellor (rådgivning, samtaleforløb). */
  | 'COUNSELLING'
  /** Support for the whole family (familiestøtte, familiebehandling). */
  | 'FAMILY_SUPPORT'
  /** A course or group programme for a group of children or young people (gruppeforløb, kursus). */
  | 'GROUP_COURSE'
  /** Extra visits or guidance by the health visitor (sundhedspleje). */
  | 'HEALTH_VISITOR_SUPPORT'
  /** Another kind of offer; the name and target group say which. */
  | 'OTHER'
  /** Guidance and courses for parents (forældrestøtte, forældrekursus). */
  | 'PARENT_SUPPORT'
  /** A group of peers in the same situation, e.g. children of parents with a mental illness (netværksgruppe). */
  | 'PEER_GROUP'
  /** A psychologist's treatment or assessment in the municipality (kommunal psykolog). */
  | 'PSYCHOLOGIST'
  /** Support at school or day care, e.g. through PPR (støtte i skole og dagtilbud). */
  | 'SCHOOL_SUPPORT';

/** The kinds of open action on a child's pathway: something an organisation still has to do (agreement 6.1). */
export type OpenActionKind =
  /** A custody holder's consent that lapses at 18 while the pathway is still active (the young person must consent). */
  | 'CONSENT_LAPSES_AT_18'
  /** A GP's letter the municipality has not answered by its reply deadline. */
  | 'LETTER_REPLY_OVERDUE'
  /** A medication agreement (Trin 4) proposed by one side and not yet accepted by the other. */
  | 'MEDICATION_AGREEMENT_AWAITING_ACCEPTANCE'
  /** An action agreed at a network meeting, open past its due date. */
  | 'NETWORK_MEETING_ACTION_OVERDUE'
  /** A decision of no need for assessment whose further course the municipality and the GP have not yet agreed. */
  | 'NO_ASSESSMENT_COURSE_NOT_AGREED'
  /** An assessment outcome BUA has not yet communicated to the parents, the municipality and the GP. */
  | 'OUTCOME_NOT_COMMUNICATED'
  /** A referral BUA has received but not yet visited (visitation). */
  | 'REFERRAL_AWAITING_VISITATION'
  /** A positive screening without an action plan. */
  | 'SCREENING_WITHOUT_ACTION_PLAN'
  /** No transition plan although the young person turns 18 within six months and the pathway is active. */
  | 'TRANSITION_PLAN_MISSING';

/** A positive screening still without an action plan: an open action of the organisation that recorded it. */
export type OpenScreeningAction = {
  __typename?: 'OpenScreeningAction';
  /** The child. */
  child: Child;
  /** The day the action plan is due. */
  dueOn: Scalars['Date']['output'];
  /** Whether that day has passed. */
  overdue: Scalars['Boolean']['output'];
  /** The positive screening (the earliest without a plan in its membership). */
  screeningResult: ScreeningResult;
  /** The track. */
  track: ScreeningTrack;
};

/** A page of open actions. */
export type OpenScreeningActionConnection = {
  __typename?: 'OpenScreeningActionConnection';
  /** The actions on this page, each with its cursor. */
  edges: Array<OpenScreeningActionEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** One open action in a page, with the cursor that points at it. */
export type OpenScreeningActionEdge = {
  __typename?: 'OpenScreeningActionEdge';
  /** Opaque cursor; pass it as `after` to continue after this action. */
  cursor: Scalars['String']['output'];
  /** The action. */
  node: OpenScreeningAction;
};

/** When the outcome was communicated to one recipient. */
export type OutcomeCommunication = {
  __typename?: 'OutcomeCommunication';
  /** When: for the municipality and the GP, when BUA's message with the outcome was delivered to them. */
  at: Scalars['DateTime']['output'];
  /** Who was told. */
  recipient: OutcomeRecipient;
};

/** The conclusion of BUA's assessment. */
export type OutcomeConclusion =
  /** The assessment concluded with at least one diagnosis. */
  | 'DIAGNOSED'
  /** The assessment found no psychiatric diagnosis; the child's needs are still assessed. */
  | 'NO_DIAGNOSIS';

/** Who must be told the outcome of a referral (agreement 6.1, Trin 3). */
export type OutcomeRecipient =
  /** The child's GP. */
  | 'GENERAL_PRACTICE'
  /** The child's municipality. */
  | 'MUNICIPALITY'
  /** The parents (forældre). */
  | 'PARENTS';

/** Pagination state of a connection (Relay cursor connections). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item on this page; null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether more items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** How the outcome was communicated to the parents: when, how and by whom. */
export type ParentCommunication = {
  __typename?: 'ParentCommunication';
  /** When the parents were told. */
  at: Scalars['DateTime']['output'];
  /** Who told them (the clinician). */
  by: Scalars['String']['output'];
  /** How. */
  how: ParentCommunicationChannel;
};

/** How the outcome was communicated to the parents. */
export type ParentCommunicationChannel =
  /** By a secure digital message. */
  | 'DIGITAL_MESSAGE'
  /** In a meeting in person. */
  | 'IN_PERSON'
  /** By letter. */
  | 'LETTER'
  /** By phone. */
  | 'PHONE'
  /** In a video consultation. */
  | 'VIDEO';

/** That the outcome was communicated to the parents. */
export type ParentCommunicationInput = {
  /** When; not in the future. */
  at: Scalars['DateTime']['input'];
  /** Who told them (the clinician); at most 200 characters. */
  by: Scalars['String']['input'];
  /** How. */
  how: ParentCommunicationChannel;
};

/** The kinds of organisation the terms of reference name in the tracks. */
export type ParticipantKind =
  /** Adult psychiatry (psykiatrien, regional). */
  | 'ADULT_PSYCHIATRY'
  /** The child and adolescent psychiatric department (regional). */
  | 'BUA'
  /** Family services (familieområdet, municipal). */
  | 'FAMILY_SERVICES'
  /** General practice (almen praksis). */
  | 'GENERAL_PRACTICE'
  /** Health IT (sundheds-IT, regional). */
  | 'HEALTH_IT'
  /** Health visitors (sundhedsplejen, municipal). */
  | 'HEALTH_VISITING'
  /** Paediatrics (pædiatrien, regional). */
  | 'PAEDIATRICS'
  /** Pedagogical-psychological counselling (PPR, municipal). */
  | 'PPR'
  /** A relatives' organisation, e.g. Bedre Psykiatri. */
  | 'RELATIVES_ORGANISATION'
  /** School services (skoleområdet, municipal). */
  | 'SCHOOL_SERVICES';

/**
 * A child's coordinated pathway across the sectors (forløb), keyed by the child's pseudonym; computed by the pathway
 * subgraph from the facts each sector shares.
 */
export type Pathway = {
  __typename?: 'Pathway';
  /**
   * The coordinating contact person of the municipality, general practice and BUA for the child (agreement 6.1: each
   * sector considers and agrees whether to appoint one), in the order of `InvolvedSector`, with whether one was
   * considered; the screening tracks keep none. A sector that withheld its data from you is left out and listed in
   * `withheld`.
   */
  contactPersons: Array<SectorContactPerson>;
  /**
   * The step of the graduated pathway the child is at (Trin 1-4), from the latest event that puts a child at a step
   * (see `stepBasis`); while BUA holds treatment responsibility, at least Trin 3. Null when nothing you may see puts
   * the child on the pathway. Built only from the sectors that shared with you (`withheld` lists the others).
   */
  currentStep?: Maybe<GraduatedStep>;
  /** The child's pseudonym (`Child.id`): one pathway per child. */
  id: Scalars['ID']['output'];
  /**
   * What the organisations around the child still have to do (agreement 6.1), from every sector that shared with you,
   * earliest due first: unanswered letters past their deadline, referrals awaiting visitation, outcomes not yet
   * communicated, medication agreements awaiting acceptance, overdue network-meeting actions, positive screenings
   * without an action plan, missing transition plans, consents lapsing at 18. An action two sectors both hold is listed
   * once. A withheld sector's actions are missing and `withheld` says so.
   */
  openActions: Array<PathwayOpenAction>;
  /** The event that put the child at `currentStep` and the rule that read it so; null exactly when `currentStep` is. */
  stepBasis?: Maybe<StepBasis>;
  /**
   * Every sector's events on the child's pathway merged into one chronological list, oldest first, as far as each
   * sector shares them with you; a withheld sector's events are missing and `withheld` says so.
   */
  timeline: PathwayEventConnection;
  /**
   * Who holds treatment responsibility now: BUA (`holder`) from its visitation for assessment until it closes its
   * course; otherwise nobody at BUA, and the municipality with the GP carry the course (`holder` null, `basis` says
   * so). Null when BUA withheld its data from you (then `withheld` lists BUA).
   */
  treatmentResponsibility?: Maybe<TreatmentResponsibility>;
  /**
   * The sectors whose data about the child was not shared with you, and why, in the order of `InvolvedSector`; empty
   * when every sector shared. The other fields of the pathway are then partial: never read them as the whole. A sector
   * whose timeline events arrived in a form its schema does not declare (a fault between services, not a refusal) is
   * listed too, as UNAVAILABLE: `timeline` and `currentStep` leave its events out. Other facts sent malformed (contact
   * persons, open actions) are left out of the field that needed them without a mark here.
   */
  withheld: Array<WithheldPart>;
};


/**
 * A child's coordinated pathway across the sectors (forløb), keyed by the child's pseudonym; computed by the pathway
 * subgraph from the facts each sector shares.
 */
export type PathwayTimelineArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One event on the child's pathway, from the sector that did it. */
export type PathwayEvent = {
  __typename?: 'PathwayEvent';
  /** When it happened; a record kept as a day counts from that day's start. */
  at: Scalars['DateTime']['output'];
  /** A stable id of the event: the sector, the kind and the record, the same on every read. */
  id: Scalars['ID']['output'];
  /** What happened. */
  kind: PathwayEventKind;
  /** The step the record itself names (a letter's or an intervention's, Trin 4 for a medication agreement); null otherwise. */
  recordStep?: Maybe<GraduatedStep>;
  /** The sector that recorded it. */
  sector: InvolvedSector;
  /** The record it comes from, by its id in that sector (e.g. the letter's or the referral's id). */
  subjectId: Scalars['ID']['output'];
  /** A short summary without names or free text, e.g. "Referral received by BUA.". */
  summary: Scalars['String']['output'];
};

/** A page of the child's merged timeline, oldest first. */
export type PathwayEventConnection = {
  __typename?: 'PathwayEventConnection';
  /** The events on this page. */
  edges: Array<PathwayEventEdge>;
  /** Whether more events follow, and the cursor to continue from. */
  pageInfo: PageInfo;
  /** How many events the timeline holds in all (from the sectors that shared with you). */
  totalCount: Scalars['Int']['output'];
};

/** An event with its cursor. */
export type PathwayEventEdge = {
  __typename?: 'PathwayEventEdge';
  /** Pass as `after` to get the events after this one. */
  cursor: Scalars['String']['output'];
  /** The event. */
  node: PathwayEvent;
};

/** What happened on a child's pathway, as the sector that did it recorded it. */
export type PathwayEventKind =
  /** An action plan (handleplan) was made after a positive screening. */
  | 'ACTION_PLAN_MADE'
  /** BUA's assessment concluded with an outcome. */
  | 'ASSESSMENT_CONCLUDED'
  /** BUA started the assessment (udredning). */
  | 'ASSESSMENT_STARTED'
  /** A sector appointed its coordinating contact person. */
  | 'CONTACT_PERSON_APPOINTED'
  /** A sector's coordinating contact person's appointment ended. */
  | 'CONTACT_PERSON_ENDED'
  /** A sector considered and agreed that no coordinating contact person is appointed. */
  | 'CONTACT_PERSON_NONE_AGREED'
  /** After a visitation without need for assessment, the municipality or the GP recorded its part of the decision on the further course. */
  | 'FURTHER_COURSE_RECORDED'
  /** The municipality ended an intervention. */
  | 'INTERVENTION_ENDED'
  /** The municipality started an intervention (Trin 1, 2 or 4). */
  | 'INTERVENTION_STARTED'
  /** The municipality read a GP's correspondence letter. */
  | 'LETTER_READ'
  /** The municipality received a GP's correspondence letter. */
  | 'LETTER_RECEIVED'
  /** The municipality answered a GP's correspondence letter. */
  | 'LETTER_REPLIED'
  /** General practice sent a correspondence letter to the municipality (Trin 1 or 2). */
  | 'LETTER_SENT'
  /** BUA or the GP accepted a medication agreement. */
  | 'MEDICATION_AGREEMENT_ACCEPTED'
  /** BUA or the GP declined a medication agreement. */
  | 'MEDICATION_AGREEMENT_DECLINED'
  /** BUA or the GP proposed a medication agreement (Trin 4). */
  | 'MEDICATION_AGREEMENT_PROPOSED'
  /** A sector held a network meeting about the child (netværksmøde). */
  | 'NETWORK_MEETING_HELD'
  /** BUA communicated the outcome to the parents, the municipality or the GP. */
  | 'OUTCOME_COMMUNICATED'
  /** BUA closed the referral. */
  | 'REFERRAL_CLOSED'
  /** BUA received and registered a referral. */
  | 'REFERRAL_RECEIVED'
  /** A GP or the municipality referred the child to BUA. */
  | 'REFERRAL_SENT'
  /** A screening was negative. */
  | 'SCREENING_NEGATIVE'
  /** A screening was positive: the child needs an action plan. */
  | 'SCREENING_POSITIVE'
  /** The child joined a screening track (spor). */
  | 'TRACK_JOINED'
  /** The child left a screening track. */
  | 'TRACK_LEFT'
  /** BUA or the municipality made a transition plan for the move to adult services at 18. */
  | 'TRANSITION_PLAN_MADE'
  /** BUA's treatment responsibility ended with its course; follow-up is the municipality's (Trin 4). */
  | 'TREATMENT_RESPONSIBILITY_RETURNED'
  /** BUA took over full treatment responsibility (Trin 3). */
  | 'TREATMENT_RESPONSIBILITY_TAKEN'
  /** BUA's visitation decided that the child is to be assessed. */
  | 'VISITATION_ASSESSMENT'
  /** BUA's visitation found no need for assessment; the municipality and the GP decide the further course. */
  | 'VISITATION_NO_ASSESSMENT';

/** One open action on a child's pathway: what has to be done, by which organisation, by when. */
export type PathwayOpenAction = {
  __typename?: 'PathwayOpenAction';
  /** The day it is due (Danish time). */
  dueOn: Scalars['Date']['output'];
  /** The sector whose record it is (where to look it up). */
  heldBy: InvolvedSector;
  /** What has to be done. */
  kind: OpenActionKind;
  /** Whether that day has passed. */
  overdue: Scalars['Boolean']['output'];
  /** That organisation: municipality code, ydernummer or SOR code. */
  ownerOrganisation: Scalars['String']['output'];
  /** The sector of the organisation that owns the action (must do it). */
  ownerSector: Sector;
  /** The record it is about (the letter, referral, agreement, meeting, screening or consent), by its id in `heldBy`. */
  subjectId: Scalars['ID']['output'];
};

/** The step of the graduated pathway (trin) a correspondence letter concerns; letters belong to steps 1 and 2. */
export type PathwayStep =
  /** Trin 1: early intervention by the municipality, possibly with the GP. */
  | 'TRIN_1'
  /** Trin 2: in-depth assessment and intervention by the municipality, with advisory from psychiatry. */
  | 'TRIN_2';

/** The length of the periods a breakdown by PERIOD gives. */
export type PeriodGranularity =
  /** Half-years (January-June, July-December). */
  | 'HALF_YEAR'
  /** Calendar months. */
  | 'MONTH'
  /** Calendar quarters. */
  | 'QUARTER'
  /** Calendar years. */
  | 'YEAR';

/** The person responsible for an action plan. */
export type PlanResponsible = {
  __typename?: 'PlanResponsible';
  /** The responsible organisation (municipality code, ydernummer or SOR code). */
  organisation: Scalars['String']['output'];
  /** The responsible person. */
  personName: Scalars['String']['output'];
  /** Their phone number, when given. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The responsible organisation's sector. */
  sector: Sector;
};

/** The responsible organisation and person of a new plan. */
export type PlanResponsibleInput = {
  /** The organisation: a municipality code, ydernummer or SOR code as the sector has it; at most 16 characters. */
  organisation: Scalars['String']['input'];
  /** The responsible person's name, at most 200 characters. */
  personName: Scalars['String']['input'];
  /** Their phone number, at most 30 characters. */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** The organisation's sector (not REGION). */
  sector: Sector;
};

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

/** The area of a recognised mental problem (screening track 1). No diagnosis is needed to be in the target group. */
export type ProblemArea =
  /** Anxiety or depression (angst, depression). */
  | 'ANXIETY_OR_DEPRESSION'
  /** Attention or hyperactivity (ADHD and similar). */
  | 'ATTENTION_OR_HYPERACTIVITY'
  /** Autism spectrum. */
  | 'AUTISM_SPECTRUM'
  /** Behaviour (adfærd). */
  | 'BEHAVIOUR'
  /** Eating (spiseforstyrrelser). */
  | 'EATING'
  /** Another recognised problem. */
  | 'OTHER'
  /** Self-harm (selvskade). */
  | 'SELF_HARM';

/** A proposed medication agreement and any remarks on its medicine. */
export type ProposeMedicationAgreementPayload = {
  __typename?: 'ProposeMedicationAgreementPayload';
  /** The agreement as proposed. */
  agreement: MedicationAgreement;
  /** Remarks on the medicine; empty when none. */
  warnings: Array<MedicineWarning>;
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
  /** One booking; readers as for `advisoryBookings`. */
  advisoryBooking?: Maybe<AdvisoryBooking>;
  /**
   * Bookings, newest first: municipal staff see their own municipality's; BUA's advisers every municipality's (or one
   * adviser's slots').
   */
  advisoryBookings: AdvisoryBookingConnection;
  /** The calendar feeds you may revoke, newest first: your municipality's, your own, or (BUA's administrators) all; at most 200. */
  advisoryCalendarFeeds: Array<AdvisoryCalendarFeed>;
  /**
   * A municipality's contact person at BUA today; null when it has none. Eligible staff of the municipality (its
   * own only) and BUA's advisers and administrators.
   */
  advisoryContactPerson?: Maybe<AdvisoryContactPerson>;
  /** Every contact-person period of a municipality, oldest first (a handful over the years). Readers as for `advisoryContactPerson`. */
  advisoryContactPersonHistory: Array<AdvisoryContactPerson>;
  /**
   * The flag of agreement 6.3's description rule: standing sparring and supervision bookings whose description is past
   * its deadline while the meeting has not begun, in the order the meetings start. For the booker's municipality (its
   * own) and for BUA's advisers (their own slots by default).
   */
  advisoryOverdueDescriptions: Array<AdvisoryBooking>;
  /** One advisory slot; readers as for `advisorySlots`. */
  advisorySlot?: Maybe<AdvisorySlot>;
  /** A series of advisory meetings; BUA's advisers and administrators. */
  advisorySlotSeries?: Maybe<AdvisorySlotSeries>;
  /**
   * Advisory slots in the order they start: municipal staff see their own municipality's (consultation slots and the
   * teaching sessions open to it); BUA's advisers and administrators any municipality's or adviser's.
   */
  advisorySlots: AdvisorySlotConnection;
  /**
   * Usage of the advisory service per municipality in a period, computed by the database. Regional analysts and
   * administrators, BUA's advisers and administrators: any municipality; a municipality's analysts: their own.
   */
  advisoryUsage: Array<AdvisoryUsage>;
  /** This subgraph's part of a child's access log, newest first. Administrators only. */
  buaAccessLog: AccessLogPage;
  /**
   * BUA's advisory slots offered to the municipalities (statistic `buaAdvisorySlots`), per municipality, cluster, period
   * (month the slot starts), KIND (`CONSULTATION`, `TEACHING`) and STATUS: `BOOKED` (`USED`, `UPCOMING`, `CANCELLED`) or
   * `NOT_BOOKED` (`OPEN`, `WITHDRAWN` by BUA); the rows' total is the slots offered. With the shares booked and used.
   * Analysts only, as buaReferralStatistics.
   */
  buaAdvisoryStatistics: StatisticsTable;
  /**
   * Assessments (udredninger) BUA started (statistic `buaAssessments`), per municipality, cluster, period (month
   * started), age band, sex, SOURCE and OUTCOME (`IN_ASSESSMENT`, `DIAGNOSED`, `NO_DIAGNOSIS`; filter `ASSESSED` for the
   * concluded), with the median and 90th percentile of the calendar days from the referral's receipt to the start of
   * the assessment (the waiting time to assessment) and the share diagnosed. Analysts only, as buaReferralStatistics.
   */
  buaAssessmentStatistics: StatisticsTable;
  /** BUA's open actions for missing transition plans: young people under its treatment responsibility turning 18 within six months. BUA staff only. */
  buaMissingTransitionPlans: Array<MissingTransitionPlan>;
  /** A referral BUA received. */
  buaReferral: BuaReferral;
  /**
   * Referrals received by BUA (statistic `buaReferrals`), per municipality, cluster, period (month received), age band on
   * the day received, sex, SOURCE (`GP`, `MUNICIPALITY`), ACUTENESS (`ACUTE`, `NOT_ACUTE`) and DECISION (`NOT_VISITED`,
   * `NO_ASSESSMENT_NEEDED`, `ASSESSMENT`; filter `VISITED` for both decisions), with the median and 90th percentile of the
   * calendar days from receipt to the visitation decision and the shares acute and accepted for assessment. Breaks
   * municipality and period down with age band and sex, with source and acuteness, or with source and decision.
   * Counted in the database from closed months only. Analysts only: the region's for every municipality, a
   * municipality's for its own (a filter on it); others get FORBIDDEN.
   */
  buaReferralStatistics: StatisticsTable;
  /** BUA's referral worklist (Trin 3): acute first, then oldest received; BUA staff only. */
  buaReferralWorklist: BuaReferralConnection;
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
   * Letters sent by general practice, per the practice's municipality, cluster, period, age band, sex, step (trin) and
   * reply as it reached the practice, with the median and 90th percentile of the working days from sending to the
   * reply's arrival and the share answered within the deadline. Counted in the database from closed months only (up to
   * the end of the last whole month). Analysts only: the region's for every municipality, a municipality's for its own
   * (a filter on it); others get FORBIDDEN.
   */
  generalPracticeLetterStatistics: StatisticsTable;
  /**
   * A municipality's inbox of correspondence letters, newest first. Only the municipality's own professionals
   * (caseworkers, PPR psychologists, social workers, health visitors) may read it; everyone else gets FORBIDDEN.
   */
  inbox: InboxLetterConnection;
  /** The MedCom CareCommunication bundle (JSON) of one of your practice's letters. */
  letterBundle: Scalars['String']['output'];
  /**
   * Letters from general practice received by the municipalities, per municipality, cluster, period, age band, sex,
   * reply and whether the child was known to the municipality, with the median and 90th percentile of the working days
   * to the reply and the shares answered within the deadline and about known children. Counted in the database from
   * closed months only (up to the end of the last whole month). Analysts only: the region's for every municipality, a
   * municipality's for its own (a filter on it); others get FORBIDDEN.
   */
  letterStatistics: StatisticsTable;
  /**
   * A municipality's catalogue of offers for children who screen positive, oldest first. Open to everyone signed in
   * (reference data, no child's data). Retired offers are left out unless asked for.
   */
  municipalOffers: MunicipalOfferConnection;
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
  /** A referral to BUA held by your municipality (sent, or told of by BUA), with its statuses and outcome. */
  municipalityReferralToBua: ReferralToBua;
  /** Your municipality's referrals to BUA, oldest first; only one status when `status` is given. */
  municipalityReferralsToBua: ReferralToBuaConnection;
  /** The invitations of the signed-in GP's practice to advisory meetings, newest first. GPs only. */
  myAdvisoryInvitations: AdvisoryGpInvitationConnection;
  /**
   * The open actions of the caller's organisation: positive screenings it recorded that still have no action plan,
   * oldest first.
   */
  openScreeningActions: OpenScreeningActionConnection;
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
  /** A referral to BUA held by your practice (sent, or told of by BUA), with its statuses and outcome. */
  practiceReferralToBua: ReferralToBua;
  /** Your practice's referrals to BUA, oldest first; only one status when `status` is given. */
  practiceReferralsToBua: ReferralToBuaConnection;
  /**
   * Practices ordered by provider number (ydernummer), paginated; only those in one municipality when
   * `municipalityCode` is given. A code outside Region Midtjylland is refused with BAD_USER_INPUT.
   */
  practices: PracticeConnection;
  /** One received letter. NOT_FOUND when there is none; FORBIDDEN for anyone but the receiving municipality's professionals. */
  receivedLetter: InboxLetter;
  /**
   * The screening results the caller's organisation recorded, newest first. Clinical staff only; the results are the
   * organisation's own records, so each read is logged.
   */
  recordedScreenings: ScreeningResultConnection;
  /**
   * A municipality's worklist of track-3 registrations (children who are relatives of a psychiatric patient), in the
   * order received. Only the municipality's own family services (caseworkers, social workers, PPR psychologists) may
   * read it; everyone else gets FORBIDDEN.
   */
  relativeRegistrations: RelativeRegistrationConnection;
  /** This subgraph's part of a child's access log, newest first. Administrators only. */
  screeningAccessLog: AccessLogPage;
  /**
   * The evaluation per track, municipality and period, with small counts withheld. The region's analysts read every
   * municipality and the region totals; a municipality's analysts read their own municipality's rows. Nobody else.
   */
  screeningEvaluation: ScreeningEvaluation;
  /** The instruments this deployment screens with. Open to everyone signed in. */
  screeningInstruments: Array<ScreeningInstrument>;
  /**
   * Screenings in the tracks (statistic `screenings`), per municipality, cluster, period (month screened), age band on
   * the day, TRACK and RESULT (`NEGATIVE`, `WITH_PLAN`, `WITHOUT_PLAN`; filter `POSITIVE` for both positive results),
   * with the median and 90th percentile of the days from a positive screening to its action plan and the shares
   * positive and with a plan. Counted in the database from closed months only. Analysts only: the region's for every
   * municipality, a municipality's for its own (a filter on it); others get FORBIDDEN.
   */
  screeningStatistics: StatisticsTable;
  /** The three tracks with their participants and this deployment's thresholds. Open to everyone signed in. */
  screeningTrackDefinitions: Array<ScreeningTrackDefinition>;
  /** One of your practice's letters. Another practice's letter is FORBIDDEN; an unknown id NOT_FOUND. */
  sentLetter: CorrespondenceLetter;
  /** The letters your practice has sent, newest first, optionally only those with one status. GPs only. */
  sentLetters: CorrespondenceLetterConnection;
  /**
   * The administrative status on the collaboration for one whole half-year, year or biennium (agreement section 9),
   * made from the sectors' statistics fields asked on the caller's behalf, compared with the period before: the same
   * report as `npm run report`. For the region's analysts only (FORBIDDEN otherwise); a range that is not one whole
   * half-year, year or biennium is BAD_USER_INPUT.
   */
  statusReport: StatusReport;
  /**
   * Your organisation's worklist: the children for whom it owns open actions (something it still has to do, agreement
   * 6.1), in any sector, earliest due first. Each sector is asked with your own token and answers for the actions it
   * holds that your organisation owns (a network-meeting action BUA recorded for a municipality is in that
   * municipality's list); a child with actions in several sectors is one entry, due on the earliest day. Every child
   * the worklist counts (`totalCount`, not only the page's) is a read, written to the access log of each sector holding
   * actions of it (part `openActionKeys`: that your organisation has open actions for the child, and when), and every
   * child of the page a read of its actions there (part `openActions`). Only professionals
   * working with children read a worklist (FORBIDDEN for analysts and administrators); the filters are refused with
   * BAD_USER_INPUT for an organisation they do not apply to. A sector that cannot be reached does not fail the list: it
   * is named in `unavailableSources` (a sector's refusal of you still fails it).
   */
  worklist: WorklistConnection;
};


export type QueryAdvisoryBookingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAdvisoryBookingsArgs = {
  activeOnly?: InputMaybe<Scalars['Boolean']['input']>;
  adviserId?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  municipalityCode?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAdvisoryContactPersonArgs = {
  municipalityCode: Scalars['Int']['input'];
};


export type QueryAdvisoryContactPersonHistoryArgs = {
  municipalityCode: Scalars['Int']['input'];
};


export type QueryAdvisoryOverdueDescriptionsArgs = {
  adviserId?: InputMaybe<Scalars['String']['input']>;
  municipalityCode?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAdvisorySlotArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAdvisorySlotSeriesArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAdvisorySlotsArgs = {
  adviserId?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  kind?: InputMaybe<AdvisorySlotKind>;
  municipalityCode?: InputMaybe<Scalars['Int']['input']>;
  to?: InputMaybe<Scalars['Date']['input']>;
};


export type QueryAdvisoryUsageArgs = {
  from: Scalars['Date']['input'];
  municipalityCodes?: InputMaybe<Array<Scalars['Int']['input']>>;
  to: Scalars['Date']['input'];
};


export type QueryBuaAccessLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  childId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBuaAdvisoryStatisticsArgs = {
  query: StatisticsQuery;
};


export type QueryBuaAssessmentStatisticsArgs = {
  query: StatisticsQuery;
};


export type QueryBuaMissingTransitionPlansArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBuaReferralArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBuaReferralStatisticsArgs = {
  query: StatisticsQuery;
};


export type QueryBuaReferralWorklistArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  maxAgeDays?: InputMaybe<Scalars['Int']['input']>;
  minAgeDays?: InputMaybe<Scalars['Int']['input']>;
  statuses?: InputMaybe<Array<ReferralStatus>>;
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


export type QueryGeneralPracticeLetterStatisticsArgs = {
  query: StatisticsQuery;
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


export type QueryLetterStatisticsArgs = {
  query: StatisticsQuery;
};


export type QueryMunicipalOffersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  age?: InputMaybe<Scalars['Int']['input']>;
  availability?: InputMaybe<OfferAvailability>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetired?: InputMaybe<Scalars['Boolean']['input']>;
  municipalityCode: Scalars['Int']['input'];
  track?: InputMaybe<ScreeningTrack>;
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


export type QueryMunicipalityReferralToBuaArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMunicipalityReferralsToBuaArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  municipalityCode: Scalars['Int']['input'];
  status?: InputMaybe<ReferralStatus>;
};


export type QueryMyAdvisoryInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<AdvisoryInvitationStatus>;
};


export type QueryOpenScreeningActionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  overdueOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryPracticeArgs = {
  ydernummer: Scalars['String']['input'];
};


export type QueryPracticeByLocationNumberArgs = {
  locationNumber: Scalars['String']['input'];
};


export type QueryPracticeReferralToBuaArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPracticeReferralsToBuaArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<ReferralStatus>;
  ydernummer: Scalars['String']['input'];
};


export type QueryPracticesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  municipalityCode?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryReceivedLetterArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRecordedScreeningsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  positive?: InputMaybe<Scalars['Boolean']['input']>;
  track?: InputMaybe<ScreeningTrack>;
};


export type QueryRelativeRegistrationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  municipalityCode: Scalars['Int']['input'];
  status?: InputMaybe<RelativeRegistrationStatus>;
};


export type QueryScreeningAccessLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  childId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryScreeningEvaluationArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
  track?: InputMaybe<ScreeningTrack>;
};


export type QueryScreeningStatisticsArgs = {
  query: StatisticsQuery;
};


export type QuerySentLetterArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySentLettersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<LetterStatus>;
};


export type QueryStatusReportArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryWorklistArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assignee?: InputMaybe<Scalars['String']['input']>;
  department?: InputMaybe<ReceivingDepartment>;
  first?: InputMaybe<Scalars['Int']['input']>;
  referralStatus?: InputMaybe<ReferralStatus>;
};

/** The language of a published Questionnaire's texts. */
export type QuestionnaireLanguage =
  /** Danish. */
  | 'DA'
  /** English. */
  | 'EN';

/**
 * A municipal intervention (Trin 1, 2 or 4) the child's municipality told BUA of while BUA held an active referral for
 * the child (agreement 6.1: "kommunen holder børne- og ungdomspsykiatrien orienteret"), as the municipality last sent it.
 */
export type ReceivedMunicipalIntervention = {
  __typename?: 'ReceivedMunicipalIntervention';
  /** What the intervention is. */
  description: Scalars['String']['output'];
  /** Whether it had the expected effect; null until judged. */
  effect?: Maybe<InterventionEffect>;
  /** The day it ended; null while it runs. */
  endedOn?: Maybe<Scalars['Date']['output']>;
  /** The intervention's id in the municipality (the same id again updated it). */
  id: Scalars['ID']['output'];
  /** Social, psychological or pedagogical. */
  kind: InterventionKind;
  /** The municipality that runs it (kommunekode). */
  municipalityCode: Scalars['Int']['output'];
  /** The step of the graduated pathway it belongs to (Trin 1, 2 or 4). */
  pathwayStep: InterventionStep;
  /** When BUA first received it. */
  receivedAt: Scalars['DateTime']['output'];
  /** When the municipality recorded it (or last changed it). */
  recordedAt: Scalars['DateTime']['output'];
  /** Who is responsible for it: a role or team. */
  responsible: Scalars['String']['output'];
  /** The day it started (or is planned to start). */
  startedOn: Scalars['Date']['output'];
};

/** Which part of the municipality receives correspondence letters about children (agreement section 7). */
export type ReceivingDepartment =
  /** The children and young people's area (børne- og ungeområdet, PPR): the default. */
  | 'CHILDREN_AND_YOUTH'
  /** The health and elderly area (sundheds- og ældreområdet), for municipalities that route letters there. */
  | 'HEALTH_AND_ELDERLY';

/** Track 1's basis. */
export type RecognisedProblemInput = {
  /** The area of the problem. */
  area: ProblemArea;
  /** A chapter F diagnosis code, when there is one (DF900 or F90.0); at most 10 characters. */
  diagnosisCode?: InputMaybe<Scalars['String']['input']>;
};

/** The recorded outcome and any remarks on its diagnoses. */
export type RecordAssessmentOutcomePayload = {
  __typename?: 'RecordAssessmentOutcomePayload';
  /** The referral with its outcome. */
  referral: BuaReferral;
  /** Remarks on the diagnoses (e.g. outside chapter F); empty when none. */
  warnings: Array<DiagnosisWarning>;
};

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
  /** Limit the disclosure to one organisation of that sector (municipality code, ydernummer or SOR code). At most 40 characters. */
  recipientOrganisation?: InputMaybe<Scalars['String']['input']>;
  /** The sector the data may be disclosed to. */
  recipientSector: Sector;
  /** First day the consent applies. */
  validFrom: Scalars['Date']['input'];
  /** Last day the consent applies; omit for no end date. */
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

/** A change of the sector's coordinating contact person for a child (recorded in that sector's own subgraph). */
export type RecordContactPersonInput = {
  /** When it took effect; not in the future. */
  at: Scalars['DateTime']['input'];
  /** The child's pseudonym. */
  childId: Scalars['ID']['input'];
  /** Why none is appointed (NONE_AGREED, required); at most 1000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The person (APPOINTED only). */
  person?: InputMaybe<ContactPersonInput>;
  /** What happened. */
  type: ContactPersonRecordType;
};

/** A network meeting to record, once held. */
export type RecordNetworkMeetingInput = {
  /** The actions agreed. */
  actions?: InputMaybe<Array<NetworkMeetingActionInput>>;
  /** The child's pseudonym. */
  childId: Scalars['ID']['input'];
  /** The day it was held; not in the future. */
  heldOn: Scalars['Date']['input'];
  /** Who took part (at least two). */
  participants: Array<NetworkMeetingParticipantInput>;
  /** The summary; at most 8000 characters. */
  summary: Scalars['String']['input'];
};

/** A screening to record: the answers with the instrument, version and informant, or a FHIR QuestionnaireResponse. */
export type RecordScreeningInput = {
  /** The answers, at most 60. */
  answers?: InputMaybe<Array<ScreeningAnswerInput>>;
  /** The child's pseudonym. */
  childId: Scalars['ID']['input'];
  /** Who filled it in (with answers); it must be the version's informant. */
  informant?: InputMaybe<Informant>;
  /** The instrument (with answers). */
  instrumentId?: InputMaybe<Scalars['ID']['input']>;
  /** A FHIR R4 QuestionnaireResponse for one of the published Questionnaires, as JSON text of at most 100000 characters. */
  questionnaireResponse?: InputMaybe<Scalars['String']['input']>;
  /** The day of the screening; the response's `authored` day, or today, when omitted. */
  screeningDate?: InputMaybe<Scalars['Date']['input']>;
  /** The track the screening is done in; the child must be in it. */
  track: ScreeningTrack;
  /** The version (with answers); it must fit the child's age that day. */
  versionId?: InputMaybe<Scalars['ID']['input']>;
};

/** Who recorded something: the sector, organisation and professional. */
export type RecordedBy = {
  __typename?: 'RecordedBy';
  /** The professional's name. */
  name: Scalars['String']['output'];
  /** The organisation (municipality code, ydernummer or SOR code). */
  organisation: Scalars['String']['output'];
  /** The sector. */
  sector: Sector;
};

/**
 * A referral of a child to BUA by a GP (henvisning, Trin 3). A GP may always refer directly, without the municipality
 * (agreement 6.2). An acute referral needs the phone call to the psychiatric emergency service and the notification
 * (underretning) to the municipality recorded first.
 */
export type ReferChildToBuaInput = {
  /** Whether the matter is acute (then phone the emergency service first). */
  acute: Scalars['Boolean']['input'];
  /** The consents to refer and share: the young person's own from 15, a custody holder's before; at most 4. */
  consents: Array<ReferralConsentInput>;
  /** The child's CPR number (DDMMYY-SSSS or 10 digits); at most 11 characters. Goes in variables, never in a URL. */
  cpr: Scalars['String']['input'];
  /** Acute only: the phone call to the psychiatric emergency service. */
  emergencyPhoneContact?: InputMaybe<EmergencyPhoneContactInput>;
  /** Interventions tried so far, if any; at most 20. */
  interventionsTried?: InputMaybe<Array<InterventionTriedInput>>;
  /** A UUID you generate for this referral; sending again with the same id returns the same referral. */
  messageId: Scalars['ID']['input'];
  /** The child's municipality (kommunekode), one of the 19 in Region Midtjylland; BUA keeps it informed. */
  municipalityCode: Scalars['Int']['input'];
  /** Acute only: the notification (underretning) filed with the municipality. */
  notificationFiled?: InputMaybe<NotificationFiledInput>;
  /** Why the child is referred: the problem, its duration and what you want assessed; at most 4000 characters. */
  reason: Scalars['String']['input'];
  /** Ids of screening results in the screening subgraph, sent by reference; at most 20. */
  screeningResultIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** How far the graduated pathway had come (NONE for a direct referral). */
  stepReached: StepReached;
};

/** A consent to refer and to share the referral, as the referrer recorded it. */
export type ReferralConsent = {
  __typename?: 'ReferralConsent';
  /** Who gave it: the young person from 15, a custody holder before. */
  givenBy: ConsentingParty;
  /** The day it was given. */
  givenOn: Scalars['Date']['output'];
};

/** A consent to refer and share, recorded with the referral. */
export type ReferralConsentInput = {
  /** Who gave it: the young person from 15, a custody holder before. */
  givenBy: ConsentingParty;
  /** The day it was given. */
  givenOn: Scalars['Date']['input'];
};

/** The referral message's delivery to BUA. */
export type ReferralDelivery = {
  __typename?: 'ReferralDelivery';
  /** Why it failed, when it did. */
  note?: Maybe<Scalars['String']['output']>;
  /** Where the delivery stands. */
  status: MessageDeliveryStatus;
};

/** A sector around the child that BUA's status messages about a referral do not go to (data protection: nothing flows without a consent in force). */
export type ReferralPartyNotTold = {
  __typename?: 'ReferralPartyNotTold';
  /** What happened and what would let BUA tell it again. */
  explanation: Scalars['String']['output'];
  /** Its organisation: municipality code or ydernummer. */
  organisation: Scalars['String']['output'];
  /** The sector: the child's municipality or GP. */
  party: OutcomeRecipient;
  /** Why it is not told. */
  reason: ReferralPartyNotToldReason;
};

/** Why BUA may not tell a sector around the child of a referral's course. */
export type ReferralPartyNotToldReason =
  /** Its consent was a custody holder's, which ended when the young person turned 18; only the young person can consent now. */
  | 'CUSTODY_HOLDER_CONSENT_LAPSED'
  /** No consent in force covers it for the pathway's coordination. */
  | 'NO_CONSENT';

/** Who referred: the sector and its organisation (the practice's ydernummer or the municipality code). */
export type ReferralReferrer = {
  __typename?: 'ReferralReferrer';
  /** The practice's ydernummer or the municipality code. */
  organisation: Scalars['String']['output'];
  /** The referring sector. */
  sector: Sector;
};

/** The person who made the referral. */
export type ReferralRequester = {
  __typename?: 'ReferralRequester';
  /** The person's name. */
  name: Scalars['String']['output'];
  /** The person's role, e.g. GP or caseworker. */
  role: Scalars['String']['output'];
};

/** Whether this organisation sent the referral or was told of it by BUA. */
export type ReferralRole =
  /** The other sector around the child: BUA tells it of every status (agreement 6.1). */
  | 'INFORMED'
  /** This organisation referred the child. */
  | 'REFERRER';

/**
 * Where a referral to BUA stands (henvisningens status): SENT -> RECEIVED -> VISITED -> ASSESSMENT_STARTED -> ASSESSED
 * -> CLOSED, or VISITED -> CLOSED when visitation found no need for assessment.
 */
export type ReferralStatus =
  /** The assessment concluded with an outcome (udredt). */
  | 'ASSESSED'
  /** BUA started the assessment (udredning påbegyndt). */
  | 'ASSESSMENT_STARTED'
  /** BUA closed the referral, once the outcome was communicated as the agreement requires (afsluttet). */
  | 'CLOSED'
  /** Received and registered by BUA. */
  | 'RECEIVED'
  /** Sent by the referrer; BUA has not yet confirmed receiving it. */
  | 'SENT'
  /** Visitation decided: assessment, or no need for assessment (visiteret). */
  | 'VISITED';

/** One status a referral reached, with its time. */
export type ReferralStatusChange = {
  __typename?: 'ReferralStatusChange';
  /** When it was reached. */
  at: Scalars['DateTime']['output'];
  /** The status reached. */
  status: ReferralStatus;
};

/** The time each status of a referral was reached; null for a status not (yet) reached. */
export type ReferralStatusTimes = {
  __typename?: 'ReferralStatusTimes';
  /** When the assessment concluded. */
  assessedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the assessment started. */
  assessmentStartedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the referral was closed. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When BUA received it. */
  receivedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the referral was sent. */
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** When visitation decided. */
  visitedAt?: Maybe<Scalars['DateTime']['output']>;
};

/**
 * A referral to BUA as this sector holds it: the one it sent, or one BUA told it of as the other sector around the
 * child; with every status BUA reported, each with its time, and the outcome BUA sent.
 */
export type ReferralToBua = {
  __typename?: 'ReferralToBua';
  /** Whether the referral is acute; null when informed. */
  acute?: Maybe<Scalars['Boolean']['output']>;
  /** The child referred. */
  child: Child;
  /** The consents recorded with the referral; null when informed. */
  consents?: Maybe<Array<ReferralConsent>>;
  /** The referral message's delivery to BUA; null when informed. */
  delivery?: Maybe<ReferralDelivery>;
  /** The phone call to the emergency service (acute only). */
  emergencyPhoneContact?: Maybe<EmergencyPhoneContact>;
  /** The joint decision on the further course; null unless visitation found no need for assessment. */
  furtherCourse?: Maybe<FurtherCourse>;
  /** The referral's id, the same in BUA and in both sectors around the child. */
  id: Scalars['ID']['output'];
  /** The interventions tried, as attached; null when informed. */
  interventionsTried?: Maybe<Array<InterventionTried>>;
  /** The referrer's message id; null when informed. */
  messageId?: Maybe<Scalars['ID']['output']>;
  /** The child's municipality (kommunekode). */
  municipalityCode: Scalars['Int']['output'];
  /** The notification filed with the municipality (acute GP referrals). */
  notificationFiled?: Maybe<NotificationFiled>;
  /** The assessment outcome BUA communicated; null until assessed. */
  outcome?: Maybe<AssessmentOutcome>;
  /** Why the child is referred; null when informed. */
  reason?: Maybe<Scalars['String']['output']>;
  /** Who referred. */
  referrer: ReferralReferrer;
  /** Who made the referral; null when informed. */
  requestedBy?: Maybe<ReferralRequester>;
  /** Whether this organisation referred or was informed. */
  role: ReferralRole;
  /** Screening results sent by reference (ids in the screening subgraph); null when informed. */
  screeningResultIds?: Maybe<Array<Scalars['ID']['output']>>;
  /** When it was sent; null when informed. */
  sentAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the referral stands, as BUA last reported. */
  status: ReferralStatus;
  /** Every status reached, oldest first, each with its time. */
  statusHistory: Array<ReferralStatusChange>;
  /** The time of each status. */
  statusTimes: ReferralStatusTimes;
  /** The step the pathway had reached; null when informed. */
  stepReached?: Maybe<StepReached>;
  /** Who holds treatment responsibility. */
  treatmentResponsibility: TreatmentResponsibility;
  /** BUA's visitation decision; null until visited. */
  visitation?: Maybe<ReferralVisitation>;
  /** The child's GP practice (ydernummer). */
  ydernummer: Scalars['String']['output'];
};

/** A page of referrals to BUA, in id order (oldest first). */
export type ReferralToBuaConnection = {
  __typename?: 'ReferralToBuaConnection';
  /** The referrals on this page. */
  edges: Array<ReferralToBuaEdge>;
  /** Whether more follow. */
  pageInfo: PageInfo;
};

/** One referral of a page. */
export type ReferralToBuaEdge = {
  __typename?: 'ReferralToBuaEdge';
  /** Pass as `after` to continue after this referral. */
  cursor: Scalars['String']['output'];
  /** The referral. */
  node: ReferralToBua;
};

/** BUA's visitation decision on a referral. */
export type ReferralVisitation = {
  __typename?: 'ReferralVisitation';
  /** When it was decided. */
  decidedAt: Scalars['DateTime']['output'];
  /** The decision. */
  decision: VisitationDecision;
  /** Why; always given when no assessment is needed. */
  reason?: Maybe<Scalars['String']['output']>;
};

/** A child to register in a track, with the basis the track asks for. */
export type RegisterInTrackInput = {
  /** Track 2: the chronic somatic illness. */
  chronicIllness?: InputMaybe<ChronicIllnessInput>;
  /** The child's CPR number (DDMMYY-SSSS), at most 11 characters: used for the pseudonym and the birth date, never stored. */
  cpr: Scalars['String']['input'];
  /** The child's municipality (kommunekode), as the child's family gives it: it receives a track-3 registration and offers the action plan's offers. */
  municipalityCode: Scalars['Int']['input'];
  /** Track 1: the recognised problem. */
  recognisedProblem?: InputMaybe<RecognisedProblemInput>;
  /** Track 3: the relation to the patient, and the patient's consent to telling the municipality. */
  relative?: InputMaybe<RelativeInput>;
  /** The first day in the track; today when omitted, never in the future. */
  since?: InputMaybe<Scalars['Date']['input']>;
  /** The track. */
  track: ScreeningTrack;
};

/** Track 3's basis: nothing that identifies the adult patient. */
export type RelativeInput = {
  /** A phone number at the department the municipality can call back, at most 30 characters. */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** The day the patient consented to telling the child's municipality; omit when they did not, and nothing is sent. */
  patientConsentOn?: InputMaybe<Scalars['Date']['input']>;
  /** Who of the child's family is the patient. */
  relation: RelativeRelation;
};

/**
 * A track-3 registration received from screening: adult psychiatry asked its patient whether they have children and,
 * with the patient's consent, told the child's municipality. It names the child (by pseudonym, and the municipality's
 * own register by it), the relation and whom to call back at the department; nothing that identifies the adult
 * patient. The receiving municipality's personal data: only its own family services see it, and every look is logged.
 */
export type RelativeRegistration = {
  __typename?: 'RelativeRegistration';
  /** The child's date of birth, as the registration gives it. */
  birthDate: Scalars['Date']['output'];
  /** The child the registration is about. */
  child: Child;
  /** The professional to call back at the department. */
  contactName: Scalars['String']['output'];
  /** Their phone number, when given. */
  contactPhone?: Maybe<Scalars['String']['output']>;
  /** The registering adult psychiatric department's SOR code. */
  departmentSorCode: Scalars['String']['output'];
  /** The registration's id in this worklist. */
  id: Scalars['ID']['output'];
  /** Whether the child has an open case in this municipality (kendt i kommunen), at read time. */
  knownToMunicipality: Scalars['Boolean']['output'];
  /** The day the patient consented to telling the municipality. */
  patientConsentOn: Scalars['Date']['output'];
  /** The day the registration reached this worklist. */
  receivedOn: Scalars['Date']['output'];
  /** The day adult psychiatry registered the child. */
  registeredOn: Scalars['Date']['output'];
  /** Who of the family is the patient: a parent or a sibling. */
  relation: RelativeRelation;
  /** Where it is in the worklist. */
  status: RelativeRegistrationStatus;
  /** When it was taken; null while NEW. */
  takenAt?: Maybe<Scalars['DateTime']['output']>;
  /** The name of the professional who took it; null while NEW. */
  takenByName?: Maybe<Scalars['String']['output']>;
};

/** A page of track-3 registrations. */
export type RelativeRegistrationConnection = {
  __typename?: 'RelativeRegistrationConnection';
  /** The registrations on this page, each with its cursor. */
  edges: Array<RelativeRegistrationEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** One registration in a page, with the cursor that points at it. */
export type RelativeRegistrationEdge = {
  __typename?: 'RelativeRegistrationEdge';
  /** Opaque cursor; pass it as `after` to continue after this registration. */
  cursor: Scalars['String']['output'];
  /** The registration. */
  node: RelativeRegistration;
};

/** Where a track-3 registration is in the family services' worklist. */
export type RelativeRegistrationStatus =
  /** Received, nobody has taken it yet. */
  | 'NEW'
  /** A professional of the family services has taken it and contacts the family. */
  | 'TAKEN';

/** Who of the child's family is the psychiatric patient (screening track 3). */
export type RelativeRelation =
  /** A parent (or another adult the child lives with as a parent). */
  | 'PARENT'
  /** A brother or sister. */
  | 'SIBLING';

/**
 * The reply message's delivery to the GP's practice. It is DELIVERED only once general practice acknowledges it
 * positively (a MedCom Acknowledgement, AA); until then it stays QUEUED, and is resent in a new envelope when no
 * Acknowledgement comes.
 */
export type ReplyDelivery = {
  __typename?: 'ReplyDelivery';
  /** When general practice stored it, once it is DELIVERED. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it failed, when it did: the practice's refusal (AR) with its reason, or the attempts that gave up; when GIVEN_UP, also the reason it was given up. */
  note?: Maybe<Scalars['String']['output']>;
  /** Where the delivery stands. */
  status: MessageDeliveryStatus;
};

/** The municipality's reply to a letter (agreement 6.2). */
export type ReplyToLetterInput = {
  /** Required when the child is known to the municipality; not allowed otherwise. */
  contactCommitment?: InputMaybe<ContactCommitment>;
  /** Required (at least 10 and at most 2,000 characters) when the child is not known to the municipality: the contact options the GP can give the family. */
  contactOptions?: InputMaybe<Scalars['String']['input']>;
  /** What has been initiated; at least one item (NO_ACTION_NEEDED when nothing is). */
  initiated: Array<InitiatedAction>;
  /** The phone number the GP can call you on, at most 20 characters (8 digits, or + and the country code; spaces allowed). MedCom's reply carries it with your text. */
  phone: Scalars['String']['input'];
  /** Free text for the GP, at most 4000 characters; required with OTHER. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/**
 * The band a score falls in under a band scheme. The SDQ schemes (sdq-uk-3band, sdq-uk-4band) are youthinmind's UK
 * norms; youthinmind's own table could not be read when they were entered, so each cut-off was checked against other
 * published sources. Unverified, and so provisional: every impact band but "abnormal from 2" in three bands; the parent
 * four-band splits between high and very high (and low and very low for prosocial) and its hyperactivity bands; the
 * self-report four-band bands above close to average; and the 2-4 parent bands (one secondary source). The three-band
 * total and problem subscales of the 4-17 forms are confirmed by four or more sources. No Danish norm table is shipped
 * (the Danish norms' own tables were not available); a deployment may add one as another scheme.
 */
export type ScoreBand = {
  __typename?: 'ScoreBand';
  /** The band's code, e.g. high. */
  code: Scalars['String']['output'];
  /** The band's name. */
  label: Scalars['String']['output'];
  /** 0 for the band of least concern, rising with concern. */
  rank: Scalars['Int']['output'];
  /** The band scheme, e.g. sdq-uk-4band. */
  scheme: Scalars['String']['output'];
};

/** One answer: the item's id (its FHIR linkId) and the value ticked (the option's position from 0). */
export type ScreeningAnswer = {
  __typename?: 'ScreeningAnswer';
  /** The item's id, e.g. item3. */
  item: Scalars['String']['output'];
  /** The value ticked. */
  value: Scalars['Int']['output'];
};

/** One answer to record. */
export type ScreeningAnswerInput = {
  /** The item's id (its FHIR linkId), e.g. item3; at most 40 characters. */
  item: Scalars['String']['input'];
  /** The value ticked: the option's position from 0 (WHO-5 0-5, SDQ 0-2). */
  value: Scalars['Int']['input'];
};

/** The evaluation of the effort (terms of reference: "en plan for evaluering af indsatsen") for one period. */
export type ScreeningEvaluation = {
  __typename?: 'ScreeningEvaluation';
  /** The first day of the period. */
  from: Scalars['Date']['output'];
  /** The rows: per track, each municipality, then the region total (municipality null); visible to the reader. */
  rows: Array<ScreeningEvaluationRow>;
  /** How small counts are withheld, in a sentence. */
  suppressionRule: Scalars['String']['output'];
  /** The last day of the period. */
  to: Scalars['Date']['output'];
};

/**
 * One row of the evaluation: a track in a municipality, or the track's region total, each child counted once at the
 * furthest stage it reached. Protected by the shared statistics engine: a count from 1 to 4 is null, and so is every
 * count (or zero) from which a hidden one could be recomputed, across municipalities, clusters, the region, tracks and
 * stages (secondary suppression). Every municipality of the region has a row.
 */
export type ScreeningEvaluationRow = {
  __typename?: 'ScreeningEvaluationRow';
  /** Children whose first positive screening of the period was followed by an improved one (the instrument's meaningful change, or no longer positive). */
  childrenImprovedOnRescreening?: Maybe<Scalars['Int']['output']>;
  /** Children with a membership of the track active in the period. */
  childrenRegistered?: Maybe<Scalars['Int']['output']>;
  /** Of those, children screened in the period. */
  childrenScreened?: Maybe<Scalars['Int']['output']>;
  /** Children screened positive in the period. */
  childrenScreenedPositive?: Maybe<Scalars['Int']['output']>;
  /** Children one of whose positive screenings of the period got an action plan. */
  childrenWithActionPlan?: Maybe<Scalars['Int']['output']>;
  /** The median days from that positive screening to its plan (nearest rank); shown only for a shown group of at least 5, never its smallest or largest value. */
  medianDaysToActionPlan?: Maybe<Scalars['Float']['output']>;
  /** The municipality; null for the region total (the sum of the municipality rows). */
  municipality?: Maybe<Municipality>;
  /** The track. */
  track: ScreeningTrack;
  /** The measures withheld in this row. */
  withheld: Array<EvaluationMeasure>;
};

/** A flag a result raised (WHO-5: an item answered 0 or 1). */
export type ScreeningFlag = {
  __typename?: 'ScreeningFlag';
  /** The flag's id. */
  id: Scalars['String']['output'];
  /** The items that raised it. */
  items: Array<Scalars['String']['output']>;
  /** What it means. */
  label: Scalars['String']['output'];
};

/** A recognised screening instrument, as data: items, answer options, scoring rules, bands and versions. */
export type ScreeningInstrument = {
  __typename?: 'ScreeningInstrument';
  /** The band scheme this deployment scores it with; null when it has none. */
  bandScheme?: Maybe<Scalars['String']['output']>;
  /** The instrument's id, e.g. who5, sdq. */
  id: Scalars['ID']['output'];
  /** Whether item texts are shipped (WHO-5) or only item numbers and topics (SDQ: youthinmind's copyright), unless a licensed deployment loaded them. */
  itemTextsIncluded: Scalars['Boolean']['output'];
  /** The instrument's licence, as shipped. */
  licence: Scalars['String']['output'];
  /** Its full name. */
  name: Scalars['String']['output'];
  /** The revision of its data; a result keeps the revision it was scored with. */
  revision: Scalars['String']['output'];
  /** Its short name, e.g. WHO-5. */
  shortName: Scalars['String']['output'];
  /** Its versions by informant and age. */
  versions: Array<ScreeningInstrumentVersion>;
};

/** One version of an instrument (SDQ: P2-4, P4-17, T2-4, T4-17, S11-17). */
export type ScreeningInstrumentVersion = {
  __typename?: 'ScreeningInstrumentVersion';
  /** The version's id. */
  id: Scalars['ID']['output'];
  /** Who fills it in. */
  informant: Informant;
  /** Its name. */
  label: Scalars['String']['output'];
  /** The oldest age it is for; null for no upper limit. */
  maxAge?: Maybe<Scalars['Int']['output']>;
  /** The youngest age (whole years on the day of screening) it is for. */
  minAge: Scalars['Int']['output'];
  /** The version as a FHIR R4 Questionnaire (JSON), for a standard FHIR form renderer. */
  questionnaire: Scalars['String']['output'];
  /** The canonical URL of its FHIR Questionnaire. */
  questionnaireUrl: Scalars['String']['output'];
};


/** One version of an instrument (SDQ: P2-4, P4-17, T2-4, T4-17, S11-17). */
export type ScreeningInstrumentVersionQuestionnaireArgs = {
  language?: InputMaybe<QuestionnaireLanguage>;
};

/**
 * A screening result, scored on the server: it keeps the instrument revision, version and band scheme it was scored
 * with. Owned by the screening tracks; the organisations it is addressed to (the one that recorded it, the one that
 * registered the child in the track, the municipality of a track-3 registration) see it too; other sectors need a
 * consent held by screening. Every read is in the access log.
 */
export type ScreeningResult = {
  __typename?: 'ScreeningResult';
  /** The action plan made for it; null when none (yet). */
  actionPlan?: Maybe<ActionPlan>;
  /** For a positive result without a plan: the day the plan is due; null otherwise. */
  actionPlanDueOn?: Maybe<Scalars['Date']['output']>;
  /** The child's age in whole years that day. */
  ageInYears: Scalars['Int']['output'];
  /** The answers as given, in the form's order. */
  answers: Array<ScreeningAnswer>;
  /** The band scheme it was scored with; null for none. */
  bandScheme?: Maybe<Scalars['String']['output']>;
  /** The child. */
  child: Child;
  /** The flags raised. */
  flags: Array<ScreeningFlag>;
  /** The result's id. */
  id: Scalars['ID']['output'];
  /** Who filled it in. */
  informant: Informant;
  /** The instrument's id. */
  instrumentId: Scalars['ID']['output'];
  /** The instrument's short name, e.g. WHO-5. */
  instrumentName: Scalars['String']['output'];
  /** The revision of the instrument's data it was scored with. */
  instrumentRevision: Scalars['String']['output'];
  /** Whether the child screens positive on it: past a threshold of its track. An action plan is then required. */
  positive: Scalars['Boolean']['output'];
  /** The result as a FHIR R4 QuestionnaireResponse (JSON), the scores, bands and flags in extensions. */
  questionnaireResponse: Scalars['String']['output'];
  /** When it was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** Who recorded it. */
  recordedBy: RecordedBy;
  /** Every score, in the instrument's order. */
  scores: Array<ScreeningScore>;
  /** The day of the screening. */
  screeningDate: Scalars['Date']['output'];
  /** The outcomes of the track's thresholds for this instrument. */
  thresholds: Array<ThresholdOutcome>;
  /** The track the screening was done in. */
  track: ScreeningTrack;
  /** The version filled in. */
  versionId: Scalars['ID']['output'];
};


/**
 * A screening result, scored on the server: it keeps the instrument revision, version and band scheme it was scored
 * with. Owned by the screening tracks; the organisations it is addressed to (the one that recorded it, the one that
 * registered the child in the track, the municipality of a track-3 registration) see it too; other sectors need a
 * consent held by screening. Every read is in the access log.
 */
export type ScreeningResultQuestionnaireResponseArgs = {
  language?: InputMaybe<QuestionnaireLanguage>;
};

/** A page of screening results. */
export type ScreeningResultConnection = {
  __typename?: 'ScreeningResultConnection';
  /** The results on this page, each with its cursor. */
  edges: Array<ScreeningResultEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
};

/** One result in a page, with the cursor that points at it. */
export type ScreeningResultEdge = {
  __typename?: 'ScreeningResultEdge';
  /** Opaque cursor; pass it as `after` to continue after this result. */
  cursor: Scalars['String']['output'];
  /** The result. */
  node: ScreeningResult;
};

/** One score of a result. */
export type ScreeningScore = {
  __typename?: 'ScreeningScore';
  /** For a score over items: how many of them were answered. */
  answeredItems?: Maybe<Scalars['Int']['output']>;
  /** The band it falls in under the result's band scheme; null when unbanded. */
  band?: Maybe<ScoreBand>;
  /** The score's id, e.g. total, emotional, percentage. */
  id: Scalars['String']['output'];
  /** Its name. */
  label: Scalars['String']['output'];
  /** The highest value possible. */
  max: Scalars['Int']['output'];
  /** The lowest value possible. */
  min: Scalars['Int']['output'];
  /** Why the value is missing; null when there is one. */
  missingReason?: Maybe<MissingScoreReason>;
  /** Whether the value was scaled up from fewer answered items (SDQ pro-rating). */
  prorated: Scalars['Boolean']['output'];
  /** The value; null when it could not be computed. */
  value?: Maybe<Scalars['Int']['output']>;
};

/** When a result makes a child screen positive: a score compared with a value, or a score in some bands of a band scheme. */
export type ScreeningThreshold = {
  __typename?: 'ScreeningThreshold';
  /** How the score is compared, in words, e.g. `percentage <= 50` or `total in sdq-uk-4band high, very-high`. */
  condition: Scalars['String']['output'];
  /** The threshold's id. */
  id: Scalars['ID']['output'];
  /** The instrument. */
  instrumentId: Scalars['ID']['output'];
  /** The score it reads. */
  score: Scalars['String']['output'];
  /** Only for these versions; empty for all. */
  versionIds: Array<Scalars['ID']['output']>;
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

/** A track of the terms of reference, as reference data: who takes part, and what a registration records. */
export type ScreeningTrackDefinition = {
  __typename?: 'ScreeningTrackDefinition';
  /** What a registration in the track records as its basis. */
  basis: Scalars['String']['output'];
  /** The track in English. */
  description: Scalars['String']['output'];
  /** The track's name in the terms of reference (Danish). */
  name: Scalars['String']['output'];
  /** Spor 1, 2 or 3. */
  number: Scalars['Int']['output'];
  /** The organisations of the track's working group, and what each does in this system. */
  participants: Array<TrackParticipant>;
  /** The thresholds that make a child of this track screen positive, in this deployment. */
  thresholds: Array<ScreeningThreshold>;
  /** The track. */
  track: ScreeningTrack;
};

/** A child's repeated results of one instrument, for one informant and score, oldest first. */
export type ScreeningTrend = {
  __typename?: 'ScreeningTrend';
  /** The changes between consecutive results. */
  changes: Array<TrendChange>;
  /** Whether a higher value is better (WHO-5) or worse (SDQ difficulties). */
  higherIsBetter: Scalars['Boolean']['output'];
  /** The informant (a parent's and a teacher's SDQ are different measurements). */
  informant: Informant;
  /** The instrument. */
  instrumentId: Scalars['ID']['output'];
  /** The score's name. */
  label: Scalars['String']['output'];
  /** The smallest change that counts as meaningful (WHO-5: 10 on the 0-100 index); null when none is published. */
  meaningfulChange?: Maybe<Scalars['Float']['output']>;
  /** The results, oldest first. */
  points: Array<TrendPoint>;
  /** The score's id. */
  scoreId: Scalars['String']['output'];
};

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

/** A sector's coordinating contact person for the child (koordinerende kontaktperson), or that none is appointed. */
export type SectorContactPerson = {
  __typename?: 'SectorContactPerson';
  /** Since when; null when not considered. */
  at?: Maybe<Scalars['DateTime']['output']>;
  /** The person's name (a professional, never the child's); null unless appointed. */
  name?: Maybe<Scalars['String']['output']>;
  /** A work phone; null unless appointed and given. */
  phone?: Maybe<Scalars['String']['output']>;
  /** The person's role; null unless appointed. */
  role?: Maybe<Scalars['String']['output']>;
  /** The sector. */
  sector: InvolvedSector;
  /** Whether one was considered, and where it stands. */
  status: ContactPersonStatus;
};

/** An organisation of a sector, e.g. the one owning an agreed action. */
export type SectorOrganisation = {
  __typename?: 'SectorOrganisation';
  /** The organisation: municipality code, ydernummer or SOR code. */
  organisation: Scalars['String']['output'];
  /** The sector. */
  sector: Sector;
};

/** An organisation of a sector. */
export type SectorOrganisationInput = {
  /** The organisation: municipality code, ydernummer or SOR code; at most 50 characters. */
  organisation: Scalars['String']['input'];
  /** The sector. */
  sector: Sector;
};

/** A correspondence letter to send. Address it with `municipalityCode` or `inboxLocationNumber` (or both, if they agree). */
export type SendLetterInput = {
  /** True for an acute psychiatric problem: always refused, phone the psychiatric emergency service instead. */
  acute?: InputMaybe<Scalars['Boolean']['input']>;
  /** The MedCom category. */
  category: CareCommunicationCategory;
  /** The consent for disclosing the child's data to the municipality. */
  consent?: InputMaybe<LetterConsentInput>;
  /** The child's CPR number, DDMMYYSSSS or DDMMYY-SSSS; the child must be 0-17 today. Never returned by the API. At most 20 characters. */
  cpr: Scalars['String']['input'];
  /** The receiving municipality inbox's location number (GLN). At most 20 characters. */
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
  /** A short subject, at most 200 characters. */
  subject: Scalars['String']['input'];
  /** The letter's text, at least 1 and at most 10,000 characters. */
  text: Scalars['String']['input'];
  /** MedCom's topic (emne), at most 200 characters; the subject when omitted. */
  topic?: InputMaybe<Scalars['String']['input']>;
};

/** The treatment BUA started after the assessment (den iværksatte behandling). */
export type StartedTreatment = {
  __typename?: 'StartedTreatment';
  /** What the treatment is. */
  description: Scalars['String']['output'];
  /** The day it started. */
  startedOn: Scalars['Date']['output'];
};

/** The treatment started after the assessment. */
export type StartedTreatmentInput = {
  /** What the treatment is; at most 8000 characters. */
  description: Scalars['String']['input'];
  /** The day it started. */
  startedOn: Scalars['Date']['input'];
};

/** A value of a dimension. */
export type StatisticsCoordinate = {
  __typename?: 'StatisticsCoordinate';
  /** The dimension. */
  dimension: StatisticsDimension;
  /** The value's key, e.g. `751`, `AARHUS`, `2026-H1`, `F`. */
  key: Scalars['String']['output'];
  /** A label for tables, e.g. Aarhus, Aarhusklyngen, 2026 H1, Girls. */
  label: Scalars['String']['output'];
};

/**
 * A dimension of a statistic. Not every statistic has every dimension; MUNICIPALITY and CLUSTER are two levels of one
 * dimension, the area (municipality within health cluster within the region).
 */
export type StatisticsDimension =
  /** A referral's acuteness. */
  | 'ACUTENESS'
  /** The child's age band at the fact: `UNDER_6`, `AGE_6_TO_12`, `AGE_13_TO_14`, `AGE_15_TO_17`. */
  | 'AGE_BAND'
  /** The health cluster (sundhedsklynge, the political clusters the agreement is followed in), e.g. `AARHUS`. */
  | 'CLUSTER'
  /** The visitation decision. */
  | 'DECISION'
  /** The kind of the fact, where a statistic has kinds (e.g. an advisory slot's kind). */
  | 'KIND'
  /** Whether the child was already known to the municipality (an open case) when the letter came: `KNOWN`, `NOT_KNOWN`. */
  | 'KNOWN_TO_MUNICIPALITY'
  /** The municipality (kommune); keys are the kommunekoder, e.g. `751` for Aarhus. */
  | 'MUNICIPALITY'
  /** The outcome of a referral. */
  | 'OUTCOME'
  /** The calendar period at `periodGranularity`; keys `2026-03`, `2026-Q1`, `2026-H1`, `2026`. */
  | 'PERIOD'
  /** A letter's reply: `ANSWERED` (`WITHIN_DEADLINE`, `AFTER_DEADLINE`) or `NOT_ANSWERED`. */
  | 'REPLY'
  /** A screening's result. */
  | 'RESULT'
  /** The child's sex as the CPR number records it: `F` or `M`. */
  | 'SEX'
  /** Who referred or wrote, e.g. `GP` or `MUNICIPALITY`. */
  | 'SOURCE'
  /** Where a fact stands, e.g. an advisory slot: booked, used, cancelled. */
  | 'STATUS'
  /** The step of the pathway (trin). */
  | 'STEP'
  /** The screening track (spor). */
  | 'TRACK';

/**
 * One dimension fixed to one value, e.g. `{ dimension: MUNICIPALITY, key: "751" }` or `{ dimension: AGE_BAND, key: "AGE_15_TO_17" }`.
 * With the same dimension in `by`, the rows are the values under this one (the municipalities of a cluster).
 */
export type StatisticsFilter = {
  /** The dimension to fix (not PERIOD: the period is `from` and `to`). */
  dimension: StatisticsDimension;
  /** The value's key, as the rows' `key` give it (`751`, `AARHUS`, `F`, `AGE_15_TO_17`, `WITHIN_DEADLINE`). At most 100 characters. */
  key: Scalars['String']['input'];
};

/**
 * A percentile of a measure over a group (nearest rank, as PostgreSQL's `percentile_disc`). Shown only when the group's
 * count is shown (so at least 5) and the percentile is neither the group's smallest nor largest value.
 */
export type StatisticsPercentile = {
  __typename?: 'StatisticsPercentile';
  /** The measure, e.g. `replyWorkingDays`. */
  measure: Scalars['String']['output'];
  /** The percentile as a fraction: 0.5 for the median, 0.9 for the 90th percentile. */
  percentile: Scalars['Float']['output'];
  /** Whether the value is hidden by the rules above. */
  suppressed: Scalars['Boolean']['output'];
  /** The value; null when suppressed or when the group is empty or the measure does not apply to it. */
  value?: Maybe<Scalars['Float']['output']>;
};

/**
 * The figures an analyst asks for: one whole calendar period, the dimensions to break them down by and the filters.
 * Every answer is a slice of one protected table per statistic and biennium, so narrowing the filters or subtracting
 * two answers reveals nothing that table hides.
 */
export type StatisticsQuery = {
  /**
   * The dimensions to break the figures down by, in the order the rows vary over them; none gives one row, the
   * period's total. A statistic refuses dimensions it does not have, or that it cannot break down together, with
   * BAD_USER_INPUT.
   */
  by?: Array<StatisticsDimension>;
  /** Dimensions fixed to one value each (at most one filter per dimension); a dimension neither broken down nor filtered is at its total. */
  filters?: Array<StatisticsFilter>;
  /** First day of the period: the first day of a month, quarter, half-year, year or biennium. */
  from: Scalars['Date']['input'];
  /** With PERIOD in `by`: the length of each row's period; default MONTH. */
  periodGranularity?: InputMaybe<PeriodGranularity>;
  /**
   * Last day of the same period. Statistics cover whole calendar periods only (BAD_USER_INPUT otherwise), so that two
   * ranges a few days apart cannot be subtracted.
   */
  to: Scalars['Date']['input'];
};

/**
 * One cell of a statistics table: its coordinates, its count (or that it is hidden), and the percentiles and shares of
 * the same group.
 */
export type StatisticsRow = {
  __typename?: 'StatisticsRow';
  /** The count; null when it is suppressed. */
  count?: Maybe<Scalars['Int']['output']>;
  /** The row's value in each dimension of `by`, in that order. */
  key: Array<StatisticsCoordinate>;
  /** The median and 90th percentile of the statistic's measures over the group, e.g. working days to the reply. */
  percentiles: Array<StatisticsPercentile>;
  /** The statistic's shares over the group, e.g. the share answered within the deadline. */
  shares: Array<StatisticsShare>;
  /**
   * Whether the count is hidden: a small count, or a cell hidden so that one cannot be recomputed. Which of the two is
   * never told: a hidden small count next to a hidden protector (0 or at least 5) under a known total would give it away.
   */
  suppressed: Scalars['Boolean']['output'];
};

/**
 * A share of a group (e.g. letters answered within the deadline of the letters answered), as a fraction from 0 to 1.
 * Shown only when both its numerator and its denominator are shown counts.
 */
export type StatisticsShare = {
  __typename?: 'StatisticsShare';
  /** What the share is of, in a sentence. */
  description: Scalars['String']['output'];
  /** The share, e.g. `answeredWithinDeadline`. */
  name: Scalars['String']['output'];
  /** Whether the value is hidden because its numerator or denominator is. */
  suppressed: Scalars['Boolean']['output'];
  /**
   * The fraction; null when suppressed, when the denominator is 0, or when the statistic cannot combine the share with
   * the breakdown or filters asked for.
   */
  value?: Maybe<Scalars['Float']['output']>;
};

/** How a statistics table is protected. */
export type StatisticsSuppression = {
  __typename?: 'StatisticsSuppression';
  /** The method, in a sentence. */
  method: Scalars['String']['output'];
  /** Cells of the whole protected statistic for the biennium (every combination an analyst can ask for). */
  statisticCells: Scalars['Int']['output'];
  /** Of those, the hidden ones. */
  statisticSuppressedCells: Scalars['Int']['output'];
  /** Rows of this table whose count is hidden. */
  suppressedRows: Scalars['Int']['output'];
  /** Counts from 1 to this minus one are hidden (5: the usual rule for Danish health statistics). */
  threshold: Scalars['Int']['output'];
};

/**
 * A table of aggregate figures, protected as a whole: no count from 1 to 4 is shown, and no hidden count can be
 * recomputed from the totals, the other cells or any other answer of the same statistic (secondary suppression over
 * every combination of dimensions and filters). Analysts see pseudonymous aggregates only: no CPR number, name or text.
 */
export type StatisticsTable = {
  __typename?: 'StatisticsTable';
  /** The dimensions the rows vary over, in order. */
  by: Array<StatisticsDimension>;
  /** What the statistic counts, in a sentence. */
  description: Scalars['String']['output'];
  /** The dimensions fixed by the filters. */
  filters: Array<StatisticsCoordinate>;
  /** The period the figures cover. */
  period: StatisticsCoordinate;
  /** One row per combination of the values of `by`, in table order (a cluster before its municipalities). */
  rows: Array<StatisticsRow>;
  /** The statistic, e.g. `letters`. */
  statistic: Scalars['String']['output'];
  /** The suppression applied. */
  suppression: StatisticsSuppression;
};

/**
 * The status report as files, without URLs: one self-contained HTML document (inline CSS and SVG charts, printable to
 * PDF) and one CSV per table. Every figure is protected by the sectors' suppression.
 */
export type StatusReport = {
  __typename?: 'StatusReport';
  /** One CSV per table (RFC 4180, UTF-8 with a byte-order mark; `x` marks a hidden value). */
  csv: Array<StatusReportFile>;
  /** The report as one HTML document. */
  html: Scalars['String']['output'];
  /** The period's key, e.g. 2025-2026. */
  period: Scalars['String']['output'];
  /** The period compared with, e.g. 2023-2024. */
  previousPeriod: Scalars['String']['output'];
  /** Where the figures come from. */
  source: Scalars['String']['output'];
};

/** A file of the status report. */
export type StatusReportFile = {
  __typename?: 'StatusReportFile';
  /** The file's text. */
  content: Scalars['String']['output'];
  /** The file name, e.g. letters-by-municipality.csv. */
  name: Scalars['String']['output'];
};

/** What put a child at its current step: the event and the rule. */
export type StepBasis = {
  __typename?: 'StepBasis';
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** The event in `timeline` (its `id`). */
  eventId: Scalars['ID']['output'];
  /** What happened. */
  kind: PathwayEventKind;
  /** The rule that reads this event as this step, in words. */
  rule: Scalars['String']['output'];
  /** The sector that recorded the event. */
  sector: InvolvedSector;
};

/** How far the graduated pathway had come when the child was referred. */
export type StepReached =
  /** No municipal step yet (a GP's direct referral, agreement 6.2). */
  | 'NONE'
  /** Trin 1, early intervention (tidlig indsats). */
  | 'TRIN_1'
  /** Trin 2, in-depth assessment and intervention (uddybende vurdering og indsats). */
  | 'TRIN_2';

/** A threshold's outcome for a result. */
export type ThresholdOutcome = {
  __typename?: 'ThresholdOutcome';
  /** Whether the result is past it; null when it could not be decided. */
  passed?: Maybe<Scalars['Boolean']['output']>;
  /** Why it could not be decided; null when it was. */
  reason?: Maybe<ThresholdUndecidedReason>;
  /** The threshold. */
  thresholdId: Scalars['ID']['output'];
};

/** Why a threshold could not be decided for a result. */
export type ThresholdUndecidedReason =
  /** The score has no band. */
  | 'BAND_MISSING'
  /** The result was banded with another scheme. */
  | 'BAND_SCHEME_MISMATCH'
  /** The threshold is for another version or informant. */
  | 'NOT_APPLICABLE'
  /** The score it reads is missing. */
  | 'SCORE_MISSING';

/** Why a child is in a track. Exactly the fields of the child's track are set. */
export type TrackBasis = {
  __typename?: 'TrackBasis';
  /** Track 1 (when there is one) and track 2 (always): the diagnosis; chapter F in track 1, another chapter in track 2. */
  diagnosis?: Maybe<ChronicIllnessDiagnosis>;
  /** Track 1: the area of the recognised problem. */
  problemArea?: Maybe<ProblemArea>;
  /** Track 3: who of the child's family is the psychiatric patient. Nothing else about the patient is kept. */
  relation?: Maybe<RelativeRelation>;
};

/**
 * A child's membership of one screening track (risikogruppe), from the day it started to the day it ended. Owned by the
 * screening tracks (paediatrics, adult psychiatry, health visiting see it); the organisations it is addressed to (the
 * one that registered it, the municipality a track-3 registration was sent to) see it too; other sectors need a consent
 * held by screening.
 */
export type TrackMembership = {
  __typename?: 'TrackMembership';
  /** Whether the membership is active today. */
  active: Scalars['Boolean']['output'];
  /** Why the child is in the track: the recognised problem (1), the chronic illness (2), or the relation (3). */
  basis: TrackBasis;
  /** Why it ended; null while it is active. */
  endReason?: Maybe<MembershipEndReason>;
  /** The day the membership ended; null while it is active. */
  endedOn?: Maybe<Scalars['Date']['output']>;
  /** The membership's id. */
  id: Scalars['ID']['output'];
  /** The child's municipality, as the registering staff named it; null for memberships from before it was asked. */
  municipality?: Maybe<Municipality>;
  /** Track 3: the registration's message to the child's municipality; null when none was sent (no consent, or another track). */
  municipalityNotification?: Maybe<MunicipalityNotification>;
  /** Who registered the child; null for memberships from before registrations were recorded. */
  registeredBy?: Maybe<RecordedBy>;
  /** Whether the latest screening of the membership is past its track's threshold (the child screens positive). */
  screenPositive: Scalars['Boolean']['output'];
  /** The date the child entered the track. */
  since: Scalars['Date']['output'];
  /** The track the child belongs to. */
  track: ScreeningTrack;
};

/** One participant of a track. */
export type TrackParticipant = {
  __typename?: 'TrackParticipant';
  /** What kind of organisation. */
  kind: ParticipantKind;
  /** As the terms of reference name it. */
  name: Scalars['String']['output'];
  /** Whether its clinical staff register children in the track. */
  registers: Scalars['Boolean']['output'];
  /** Whether its clinical staff screen children of the track and make their action plans. */
  screens: Scalars['Boolean']['output'];
  /** The sector its staff sign in as; null for one without users in this system. */
  sector?: Maybe<Sector>;
};

/**
 * A transition plan for a young person turning 18 (agreement 6.1: "overgangen fra ung til voksen planlægges og
 * koordineres ud fra en individuel vurdering"). The newest plan of a child is the one in force.
 */
export type TransitionPlan = {
  __typename?: 'TransitionPlan';
  /** The young person. */
  child: Child;
  /** The plan's id. */
  id: Scalars['ID']['output'];
  /** The individual assessment. */
  individualAssessment: Scalars['String']['output'];
  /** The sector that made it: BUA or MUNICIPALITY. */
  madeBy: Sector;
  /** The planned date of the handover. */
  plannedOn: Scalars['Date']['output'];
  /** The adult service that takes over. */
  receivingService: Scalars['String']['output'];
  /** When it was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** Who is responsible for the transition. */
  responsible: TransitionResponsible;
  /** The young person's own consent for what continues. */
  youngPersonConsent: YoungPersonConsent;
};

/** A transition plan to record. */
export type TransitionPlanInput = {
  /** The young person's pseudonym. */
  childId: Scalars['ID']['input'];
  /** The individual assessment; at most 4000 characters. */
  individualAssessment: Scalars['String']['input'];
  /** The planned date, between today and three months after the 18th birthday. */
  plannedOn: Scalars['Date']['input'];
  /** The adult service that takes over; at most 200 characters. */
  receivingService: Scalars['String']['input'];
  /** Who is responsible. */
  responsible: TransitionResponsibleInput;
  /** The young person's own consent for what continues. */
  youngPersonConsent: YoungPersonConsentInput;
};

/** Who is responsible for the transition. */
export type TransitionResponsible = {
  __typename?: 'TransitionResponsible';
  /** The responsible person's name. */
  name: Scalars['String']['output'];
  /** The responsible person's role. */
  role: Scalars['String']['output'];
  /** The responsible person's sector. */
  sector: Sector;
};

/** Who is responsible for the transition. */
export type TransitionResponsibleInput = {
  /** The responsible person's name; at most 200 characters. */
  name: Scalars['String']['input'];
  /** The responsible person's role; at most 200 characters. */
  role: Scalars['String']['input'];
  /** The responsible person's sector. */
  sector: Sector;
};

/**
 * Who holds treatment responsibility for the child (behandlingsansvar): BUA holds the full responsibility from the
 * visitation decision to assess until the referral closes (agreement 6.1, Trin 3).
 */
export type TreatmentResponsibility = {
  __typename?: 'TreatmentResponsibility';
  /** Why, in words. */
  basis: Scalars['String']['output'];
  /** BUA while it holds the responsibility; null when it does not. */
  holder?: Maybe<Sector>;
  /** Since when; null when BUA does not hold it. */
  startedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** The change between two consecutive results of a trend. */
export type TrendChange = {
  __typename?: 'TrendChange';
  /** The later value minus the earlier; null when either is missing. */
  change?: Maybe<Scalars['Int']['output']>;
  /** Whether it is for the better; null when a value is missing. */
  direction?: Maybe<TrendDirection>;
  /** The earlier screening's day. */
  fromDate: Scalars['Date']['output'];
  /** Whether it reaches the instrument's meaningful change; null when none is published or a value is missing. */
  meaningful?: Maybe<Scalars['Boolean']['output']>;
  /** The later screening's day. */
  toDate: Scalars['Date']['output'];
};

/** Whether a change between two results is for the better. */
export type TrendDirection =
  /** Better (WHO-5 up, SDQ difficulties down). */
  | 'IMPROVED'
  /** The same. */
  | 'UNCHANGED'
  /** Worse. */
  | 'WORSENED';

/** One result of a trend. */
export type TrendPoint = {
  __typename?: 'TrendPoint';
  /** Its band; null when unbanded. */
  band?: Maybe<ScoreBand>;
  /** The day of the screening. */
  screeningDate: Scalars['Date']['output'];
  /** The result. */
  screeningResultId: Scalars['ID']['output'];
  /** The score's value; null when it was missing. */
  value?: Maybe<Scalars['Int']['output']>;
  /** The version filled in. */
  versionId: Scalars['ID']['output'];
};

/** BUA's visitation decision on a referral (visitationsafgørelse). */
export type VisitationDecision =
  /** The child needs assessment and diagnosis; BUA takes over with full treatment responsibility. */
  | 'ASSESSMENT'
  /** No need for assessment; the municipality and the GP are told and decide the further course together. */
  | 'NO_ASSESSMENT_NEEDED';

/** The visitation decision on a referral. */
export type VisitationInput = {
  /** When it was decided; not in the future. */
  decidedAt: Scalars['DateTime']['input'];
  /** Who decided (name and title as in the journal); at most 200 characters. */
  decidedBy: Scalars['String']['input'];
  /** The decision. */
  decision: VisitationDecision;
  /** Why; required when no assessment is needed (the municipality and the GP need it); at most 4000 characters. */
  reason?: InputMaybe<Scalars['String']['input']>;
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

/** One open action your organisation owns for a child. */
export type WorklistAction = {
  __typename?: 'WorklistAction';
  /** The day it is due (Danish time). */
  dueOn: Scalars['Date']['output'];
  /** The sector whose record it is (where to do it). */
  heldBy: InvolvedSector;
  /** What has to be done. */
  kind: OpenActionKind;
  /** Whether that day has passed. */
  overdue: Scalars['Boolean']['output'];
  /** The record it is about (the letter, referral, agreement, meeting, screening or consent), by its id in `heldBy`. */
  subjectId: Scalars['ID']['output'];
};

/** A page of a worklist (Relay cursor connection), earliest due first. */
export type WorklistConnection = {
  __typename?: 'WorklistConnection';
  /** The children of this page, each with its actions. */
  edges: Array<WorklistEdge>;
  /** Where this page ends and whether another follows. */
  pageInfo: PageInfo;
  /** How many children the whole worklist holds (with the filters given). */
  totalCount: Scalars['Int']['output'];
  /**
   * The subgraphs whose actions this page lacks because they did not answer (e.g. `bua` while it is down); empty when
   * the page is complete. Ask again later for the missing part. While one is missing, the worklist is the answering
   * sectors' alone: ordered, counted and paged by their actions only (a child whose actions are all in a missing sector
   * is not listed, and `earliestDueOn` is the earliest of the answering sectors'), and a cursor still marks an exact
   * place in the order: a page after it neither repeats nor skips a child of the answering sectors.
   */
  unavailableSources: Array<Scalars['String']['output']>;
};

/** One child of a worklist, with its cursor. */
export type WorklistEdge = {
  __typename?: 'WorklistEdge';
  /** Pass as `after` to continue after this child. */
  cursor: Scalars['String']['output'];
  /** The child and the actions. */
  node: WorklistEntry;
};

/** A child for whom your organisation owns open actions, and those actions. */
export type WorklistEntry = {
  __typename?: 'WorklistEntry';
  /** The actions your organisation owns for the child, earliest due first. */
  actions: Array<WorklistAction>;
  /** The child: select its other fields (e.g. `pathway`) as anywhere else; each sector guards its own. */
  child: Child;
  /** The earliest due day of the actions. */
  earliestDueOn: Scalars['Date']['output'];
  /** Whether that day has passed (Danish time). */
  overdue: Scalars['Boolean']['output'];
};

/** The young person's own consent recorded with the plan. */
export type YoungPersonConsent = {
  __typename?: 'YoungPersonConsent';
  /** The day of the decision. */
  decidedOn: Scalars['Date']['output'];
  /** Given or refused. */
  decision: YoungPersonConsentDecision;
  /** What the consent covers; null when not limited. */
  scope?: Maybe<Scalars['String']['output']>;
};

/** The young person's own decision on what continues after 18 (a custody holder's consent ends at 18). */
export type YoungPersonConsentDecision =
  /** The young person consents to what the plan continues. */
  | 'GIVEN'
  /** The young person refuses. */
  | 'REFUSED';

/** The young person's own consent. */
export type YoungPersonConsentInput = {
  /** The day of the decision. */
  decidedOn: Scalars['Date']['input'];
  /** Given or refused. */
  decision: YoungPersonConsentDecision;
  /** What the consent covers; at most 2000 characters. */
  scope?: InputMaybe<Scalars['String']['input']>;
};

export type ChildOverviewQueryVariables = Exact<{
  cpr: Scalars['String']['input'];
}>;


export type ChildOverviewQuery = { __typename?: 'Query', childByCpr: { __typename?: 'Child', id: string, birthDate?: string | null, ageBand?: AgeBand | null, involvedSectors: Array<InvolvedSector>, listedPractice?: { __typename?: 'Practice', name: string } | null, withheld: Array<{ __typename?: 'WithheldPart', sector: InvolvedSector, reason: WithheldReason }> } };


export const ChildOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChildOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"cpr"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"childByCpr"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"cpr"},"value":{"kind":"Variable","name":{"kind":"Name","value":"cpr"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"listedPractice"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"involvedSectors"}},{"kind":"Field","name":{"kind":"Name","value":"withheld"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]} as unknown as DocumentNode<ChildOverviewQuery, ChildOverviewQueryVariables>;