import { BundleIndex, typedReference, type IndexedEntry } from './bundle-index.ts';
import {
  CPR_SYSTEM_WITHOUT_URN,
  EVENT_CODE,
  EXTENSION,
  LEGACY_MESSAGE_DEFINITION_BASE,
  MESSAGE_DEFINITION,
  MESSAGE_DEFINITION_BASE,
  D_ECPR_SYSTEM_PREFIX,
  SOR_SYSTEM_MISSING_COLON,
  SYSTEM,
  X_ECPR_SYSTEM,
} from './constants.ts';
import {
  field,
  isObject,
  optionalArray,
  optionalString,
  refuse,
  requireArray,
  requireDateTime,
  requireId,
  requireInstant,
  requireObject,
  requireString,
  type JsonObject,
} from './json.ts';
import {
  CARE_COMMUNICATION_CATEGORIES,
  type AcceptedDeviation,
  type CareCommunicationActivity,
  type CareCommunicationCategory,
  type CareCommunicationMessage,
  type ContactPoint,
  type DeviationCode,
  type EarlierMessage,
  type MessagePatient,
  type MessageSegment,
  type MessagingOrganization,
  type ParsedCareCommunication,
  type PersonName,
  type PractitionerInRole,
  type PreviousMessage,
  type QuotedSegment,
  type ReplacementCpr,
  type SpecificParty,
} from './types.ts';

/**
 * Reads a MedCom CareCommunication message Bundle received from another system. It returns the letter or refuses
 * with BAD_USER_INPUT naming the offending element; whatever JSON it is given, it does nothing else. It checks what
 * the app relies on (who sends to whom, about which child, what is written, what it answers), not every rule of the
 * MedCom profiles. Known vendor deviations are normalised and reported in `deviations`.
 */
export function parseCareCommunicationBundle(json: unknown): ParsedCareCommunication {
  if (!isObject(json)) {
    throw refuse('Bundle', typeof json === 'string' ? 'must be a JSON object; JSON.parse the text first' : 'must be a JSON object');
  }
  if (field(json, 'resourceType') !== 'Bundle') throw refuse('Bundle.resourceType', "must be 'Bundle'");
  if (field(json, 'type') !== 'message') throw refuse('Bundle.type', "must be 'message' for a CareCommunication");
  const bundleId = requireId(field(json, 'id'), 'Bundle.id');
  const sentAt = requireInstant(field(json, 'timestamp'), 'Bundle.timestamp');
  const index = new BundleIndex(json);
  const deviations = new Deviations();

  const header = readMessageHeader(index, deviations);
  const sender = readMessagingOrganization(header.senderEntry, 'sender', deviations);
  const receiver = readMessagingOrganization(header.receiverEntry, 'receiver', deviations);
  const patientEntry = singleEntry(index, 'Patient');
  const patient = readPatient(patientEntry, deviations);
  const communication = readCommunication(header.communicationEntry, index, patientEntry);
  const provenance = readProvenance(
    index,
    header.entry,
    communication.segments.map((read) => read.segment.id),
  );
  const history = readHistory(index, provenance.entry, {
    senderEntry: header.senderEntry,
    receiverEntry: header.receiverEntry,
    sender,
    receiver,
    deviations,
  });

  const payloads: MessageSegment[] = [];
  const quotedPayloads: QuotedSegment[] = [];
  communication.segments.forEach(({ segment, assigner }, position) => {
    if (provenance.ownSegmentIds.has(segment.id)) {
      payloads.push(segment);
      return;
    }
    const from = issuer(assigner, `Communication.payload[${position}].extension[identifier].valueIdentifier.assigner`, {
      index,
      senderEntry: header.senderEntry,
      receiverEntry: header.receiverEntry,
      sender,
      receiver,
      deviations,
    });
    quotedPayloads.push(from === undefined ? segment : { ...segment, from });
  });

  const fields = {
    bundleId,
    messageId: header.messageId,
    sentAt,
    ...(provenance.occurredAt === sentAt ? {} : { firstSentAt: provenance.occurredAt }),
    conversationId: communication.conversationId,
    category: communication.category,
    ...(communication.priority === undefined ? {} : { priority: communication.priority }),
    ...(communication.topic === undefined ? {} : { topic: communication.topic }),
    patient,
    sender,
    receiver,
    ...(communication.specificSender === undefined ? {} : { specificSender: communication.specificSender }),
    ...(communication.specificRecipient === undefined ? {} : { specificRecipient: communication.specificRecipient }),
    payloads,
    quotedPayloads,
    ...(history.length === 0 ? {} : { history }),
  };
  const message: CareCommunicationMessage =
    provenance.activity === 'new-message'
      ? { ...fields, activity: 'new-message' }
      : { ...fields, activity: 'reply-message', inReplyTo: provenance.inReplyTo };
  return { message, deviations: deviations.list };
}

const CPR = /^\d{10}$/;
/** DK Core's X-eCPR and D-eCPR: a date part, digits and two capital letters, 10 characters in all. */
const ECPR = /^[0-9A-Z]{10}$/;
const SOR_CODE = /^\d{6,18}$/;
const GLN = /^\d{13}$/;

class Deviations {
  readonly list: AcceptedDeviation[] = [];

  add(code: DeviationCode, element: string, description: string): void {
    if (this.list.some((seen) => seen.code === code && seen.element === element)) return;
    this.list.push({ code, element, description });
  }
}

// --- MessageHeader --------------------------------------------------------------------------------------------------

interface HeaderParts {
  entry: IndexedEntry;
  messageId: string;
  senderEntry: IndexedEntry;
  receiverEntry: IndexedEntry;
  communicationEntry: IndexedEntry;
}

function readMessageHeader(index: BundleIndex, deviations: Deviations): HeaderParts {
  const entry = singleEntry(index, 'MessageHeader');
  if (entry.index !== 0) throw refuse('Bundle.entry[0]', 'must be the MessageHeader (FHIR messaging puts it first)');
  const header = entry.resource;
  const messageId = requireId(field(header, 'id'), 'MessageHeader.id');

  const event = requireObject(field(header, 'eventCoding'), 'MessageHeader.eventCoding');
  if (field(event, 'system') !== SYSTEM.eventCodes || field(event, 'code') !== EVENT_CODE) {
    throw refuse('MessageHeader.eventCoding', `must be ${EVENT_CODE} from ${SYSTEM.eventCodes}`);
  }
  readDefinition(field(header, 'definition'), deviations);

  const destinations = requireArray(field(header, 'destination'), 'MessageHeader.destination');
  if (destinations.length !== 1) {
    throw refuse('MessageHeader.destination', 'must name exactly one receiver (a CareCommunication has no cc)');
  }
  const destination = requireObject(destinations[0], 'MessageHeader.destination[0]');
  const use = singleExtension(destination, 'MessageHeader.destination[0]', EXTENSION.destinationUse, 'use');
  const useCoding = use === undefined ? undefined : field(use, 'valueCoding');
  if (!isObject(useCoding) || field(useCoding, 'system') !== SYSTEM.destinationUse || field(useCoding, 'code') !== 'primary') {
    throw refuse('MessageHeader.destination[0].extension[use]', `must be 'primary' from ${SYSTEM.destinationUse}`);
  }
  const receiverEntry = index.resolve(field(destination, 'receiver'), 'MessageHeader.destination[0].receiver', ['Organization']);
  const senderEntry = index.resolve(field(header, 'sender'), 'MessageHeader.sender', ['Organization']);

  const focus = requireArray(field(header, 'focus'), 'MessageHeader.focus');
  if (focus.length !== 1) throw refuse('MessageHeader.focus', 'must refer to exactly one Communication');
  const communicationEntry = index.resolve(focus[0], 'MessageHeader.focus[0]', ['Communication']);
  return { entry, messageId, senderEntry, receiverEntry, communicationEntry };
}

function readDefinition(value: unknown, deviations: Deviations): void {
  const definition = requireString(value, 'MessageHeader.definition');
  const bar = definition.lastIndexOf('|');
  const [base, version] = bar < 0 ? [definition, ''] : [definition.slice(0, bar), definition.slice(bar + 1)];
  if (base === MESSAGE_DEFINITION_BASE && /^5\.0(\.\d+)?$/.test(version)) return;
  if (base === LEGACY_MESSAGE_DEFINITION_BASE && /^4\.0(\.\d+)?$/.test(version)) {
    deviations.add(
      'message-definition-4.0',
      'MessageHeader.definition',
      'The message declares CareCommunication 4.0; it was read by the same rules as a 5.0 message.',
    );
    return;
  }
  throw refuse('MessageHeader.definition', `must be ${MESSAGE_DEFINITION}`);
}

// --- Organizations --------------------------------------------------------------------------------------------------

/** A MedComMessagingOrganization's SOR code and location number, for readers that report no deviations. */
export function readMessagingOrganizationEntry(entry: IndexedEntry, role: 'sender' | 'receiver'): MessagingOrganization {
  return readMessagingOrganization(entry, role, new Deviations());
}

function readMessagingOrganization(
  entry: IndexedEntry,
  role: 'sender' | 'receiver',
  deviations: Deviations,
): MessagingOrganization {
  const element = `Organization(${role})`;
  const codes = organizationCodes(entry.resource, element, deviations);
  if (codes.sor === undefined) throw refuse(`${element}.identifier[SOR]`, `is missing (system ${SYSTEM.sor})`);
  if (!SOR_CODE.test(codes.sor)) throw refuse(`${element}.identifier[SOR].value`, 'must be a SOR code (6-18 digits)');
  if (codes.gln === undefined) throw refuse(`${element}.identifier[GLN]`, `is missing (system ${SYSTEM.gln})`);
  if (!GLN.test(codes.gln)) throw refuse(`${element}.identifier[GLN].value`, 'must be a location number of 13 digits');
  const name = optionalString(field(entry.resource, 'name'), `${element}.name`);
  return { sorCode: codes.sor, gln: codes.gln, ...(name === undefined ? {} : { name }) };
}

function organizationCodes(
  organization: JsonObject,
  element: string,
  deviations: Deviations,
): { sor?: string; gln?: string } {
  const codes: { sor?: string; gln?: string } = {};
  optionalArray(field(organization, 'identifier'), `${element}.identifier`).forEach((raw, position) => {
    const at = `${element}.identifier[${position}]`;
    const identifier = requireObject(raw, at);
    const system = optionalString(field(identifier, 'system'), `${at}.system`);
    let kind: 'sor' | 'gln' | undefined;
    if (system === SYSTEM.sor) kind = 'sor';
    else if (system === SYSTEM.gln) kind = 'gln';
    else if (system === SOR_SYSTEM_MISSING_COLON) {
      kind = 'sor';
      deviations.add(
        'sor-system-missing-colon',
        `${element}.identifier.system`,
        `The SOR identifier system lacks the colon after urn:oid; read as ${SYSTEM.sor}.`,
      );
    }
    if (kind === undefined) return;
    const value = requireString(field(identifier, 'value'), `${at}.value`);
    const earlier = codes[kind];
    if (earlier !== undefined && earlier !== value) {
      throw refuse(`${element}.identifier`, `carries two different ${kind === 'sor' ? 'SOR codes' : 'location numbers'}`);
    }
    codes[kind] = value;
  });
  return codes;
}

// --- Patient --------------------------------------------------------------------------------------------------------

function readPatient(entry: IndexedEntry, deviations: Deviations): MessagePatient {
  const cprs = new Set<string>();
  const replacementCprs: ReplacementCpr[] = [];
  optionalArray(field(entry.resource, 'identifier'), 'Patient.identifier').forEach((raw, position) => {
    const at = `Patient.identifier[${position}]`;
    const identifier = requireObject(raw, at);
    const system = optionalString(field(identifier, 'system'), `${at}.system`);
    // Replacement CPR numbers are kept as sent: MedCom's receive test protocol has them shown beside the CPR number.
    const replacement = system === X_ECPR_SYSTEM ? 'x-ecpr' : system?.startsWith(D_ECPR_SYSTEM_PREFIX) ? 'd-ecpr' : undefined;
    if (replacement !== undefined && system !== undefined) {
      const value = requireString(field(identifier, 'value'), `${at}.value`);
      if (!ECPR.test(value)) throw refuse(`${at}.value`, 'must be a replacement CPR number of 10 letters and digits');
      if (!replacementCprs.some((known) => known.system === system && known.value === value)) {
        replacementCprs.push({ kind: replacement, system, value });
      }
      return;
    }
    if (system === CPR_SYSTEM_WITHOUT_URN) {
      deviations.add(
        'cpr-system-without-urn-oid',
        'Patient.identifier.system',
        `The CPR identifier system lacks the urn:oid: prefix; read as ${SYSTEM.cpr}.`,
      );
    } else if (system !== SYSTEM.cpr) {
      return;
    }
    const cpr = requireString(field(identifier, 'value'), `${at}.value`);
    // The target group (age) is checked by the app; here only the form, so an adult's letter still parses.
    if (!CPR.test(cpr)) throw refuse(`${at}.value`, 'must be a CPR number of 10 digits');
    cprs.add(cpr);
  });
  const [cpr, ...others] = [...cprs];
  if (cpr === undefined && replacementCprs.length === 0) {
    throw refuse('Patient.identifier', `carries no CPR number (system ${SYSTEM.cpr}) and no replacement CPR number (eCPR)`);
  }
  if (others.length > 0) throw refuse('Patient.identifier', 'carries two different CPR numbers');
  const name = preferredName(entry.resource, 'Patient.name');
  return {
    ...(cpr === undefined ? {} : { cpr }),
    ...(replacementCprs.length === 0 ? {} : { replacementCprs }),
    ...(name === undefined ? {} : { name }),
  };
}

/** The official name if one is marked so, else the first: the vendors send one name, some without `use`. */
function preferredName(resource: JsonObject, element: string): PersonName | undefined {
  const names = optionalArray(field(resource, 'name'), element);
  const official = names.findIndex((name) => isObject(name) && field(name, 'use') === 'official');
  const position = official < 0 ? 0 : official;
  if (names.length === 0) return undefined;
  const at = `${element}[${position}]`;
  const name = requireObject(names[position], at);
  const family = optionalString(field(name, 'family'), `${at}.family`);
  const given = optionalArray(field(name, 'given'), `${at}.given`).map((part, i) => requireString(part, `${at}.given[${i}]`));
  return { given, ...(family === undefined ? {} : { family }) };
}

// --- Communication --------------------------------------------------------------------------------------------------

interface ReadSegment {
  segment: MessageSegment;
  /** The payload identifier's assigner, resolved only for quoted segments. */
  assigner: unknown;
}

interface CommunicationParts {
  conversationId: string;
  category: CareCommunicationCategory;
  priority?: 'routine' | 'asap';
  topic?: string;
  specificSender?: SpecificParty;
  specificRecipient?: SpecificParty;
  segments: ReadSegment[];
}

function readCommunication(entry: IndexedEntry, index: BundleIndex, patientEntry: IndexedEntry): CommunicationParts {
  const communication = entry.resource;
  if (field(communication, 'status') !== 'unknown') {
    throw refuse('Communication.status', "must be 'unknown' (MedCom fixes it; other states are not letters)");
  }
  const identifiers = requireArray(field(communication, 'identifier'), 'Communication.identifier');
  const conversationId = requireString(
    field(requireObject(identifiers[0], 'Communication.identifier[0]'), 'value'),
    'Communication.identifier[0].value',
  );
  const category = readCategory(communication);

  const rawPriority = field(communication, 'priority');
  if (rawPriority !== undefined && rawPriority !== 'routine' && rawPriority !== 'asap') {
    throw refuse('Communication.priority', "must be 'routine' or 'asap'");
  }
  if (rawPriority !== undefined && category !== 'regarding-referral') {
    throw refuse('Communication.priority', "is only allowed with category 'regarding-referral' (MedCom invariant careCommunication-5)");
  }
  const rawTopic = field(communication, 'topic');
  const topic =
    rawTopic === undefined
      ? undefined
      : requireString(field(requireObject(rawTopic, 'Communication.topic'), 'text'), 'Communication.topic.text');
  if (category === 'other' && topic === undefined) {
    throw refuse('Communication.topic', "is required with category 'other' (MedCom invariant careCommunication-6)");
  }

  if (index.resolve(field(communication, 'subject'), 'Communication.subject', ['Patient']) !== patientEntry) {
    throw refuse('Communication.subject', 'must refer to the Patient of the bundle');
  }

  const senderExtension = singleExtension(communication, 'Communication', EXTENSION.sender, 'sender');
  const specificSender =
    senderExtension === undefined
      ? undefined
      : readSpecificParty(field(senderExtension, 'valueReference'), 'Communication.extension[sender].valueReference', index);
  const recipients = optionalArray(field(communication, 'recipient'), 'Communication.recipient');
  if (recipients.length > 1) throw refuse('Communication.recipient', 'must name at most one recipient');
  const specificRecipient =
    recipients.length === 0 ? undefined : readSpecificParty(recipients[0], 'Communication.recipient[0]', index);

  const segments = requireArray(field(communication, 'payload'), 'Communication.payload').map((raw, position) =>
    readSegment(raw, `Communication.payload[${position}]`, index),
  );
  const ids = new Set<string>();
  segments.forEach(({ segment }, position) => {
    if (ids.has(segment.id)) {
      throw refuse(`Communication.payload[${position}].extension[identifier]`, 'repeats the identifier of another segment');
    }
    ids.add(segment.id);
  });

  return {
    conversationId,
    category,
    ...(rawPriority === undefined ? {} : { priority: rawPriority }),
    ...(topic === undefined ? {} : { topic }),
    ...(specificSender === undefined ? {} : { specificSender }),
    ...(specificRecipient === undefined ? {} : { specificRecipient }),
    segments,
  };
}

function readCategory(communication: JsonObject): CareCommunicationCategory {
  const categories = requireArray(field(communication, 'category'), 'Communication.category');
  if (categories.length !== 1) throw refuse('Communication.category', 'must occur exactly once');
  const codings = requireArray(
    field(requireObject(categories[0], 'Communication.category[0]'), 'coding'),
    'Communication.category[0].coding',
  );
  const position = codings.findIndex((coding) => isObject(coding) && field(coding, 'system') === SYSTEM.categoryCodes);
  const coding = codings[position];
  if (!isObject(coding)) throw refuse('Communication.category', `must be coded in ${SYSTEM.categoryCodes}`);
  const at = `Communication.category[0].coding[${position}].code`;
  // The code system is declared case-insensitive, so `Other` is `other`.
  const code = requireString(field(coding, 'code'), at).toLowerCase();
  const known = CARE_COMMUNICATION_CATEGORIES.find((category) => category === code);
  if (known === undefined) throw refuse(at, 'is not a code of MedComCareCommunicationCategories');
  return known;
}

function readSegment(raw: unknown, element: string, index: BundleIndex): ReadSegment {
  const payload = requireObject(raw, element);
  if (field(payload, 'contentAttachment') !== undefined) {
    throw refuse(`${element}.contentAttachment`, 'is an attachment; letters between sectors carry text only');
  }
  if (field(payload, 'contentString') === undefined) {
    throw refuse(`${element}.contentString`, 'is missing: every message segment must have text');
  }
  const text = requireString(field(payload, 'contentString'), `${element}.contentString`);

  const identifierExtension = singleExtension(payload, element, EXTENSION.payloadIdentifier, 'identifier');
  if (identifierExtension === undefined) throw refuse(`${element}.extension[identifier]`, 'is missing');
  const identifier = requireObject(
    field(identifierExtension, 'valueIdentifier'),
    `${element}.extension[identifier].valueIdentifier`,
  );
  const id = requireString(field(identifier, 'value'), `${element}.extension[identifier].valueIdentifier.value`);

  const dateExtension = singleExtension(payload, element, EXTENSION.payloadDate, 'date');
  if (dateExtension === undefined) throw refuse(`${element}.extension[date]`, 'is missing');
  const writtenAt = requireDateTime(field(dateExtension, 'valueDateTime'), `${element}.extension[date].valueDateTime`);

  const authorExtension = singleExtension(payload, element, EXTENSION.payloadAuthor, 'author');
  let author: PractitionerInRole | undefined;
  if (authorExtension !== undefined) {
    const at = `${element}.extension[author].valueReference`;
    author = readPractitionerInRole(index.resolve(field(authorExtension, 'valueReference'), at, ['PractitionerRole']), at, index);
  }

  const contactExtension = singleExtension(payload, element, EXTENSION.payloadAuthorContact, 'authorContact');
  let authorContact: ContactPoint | undefined;
  if (contactExtension !== undefined) {
    const at = `${element}.extension[authorContact].valueContactPoint`;
    const contact = requireObject(field(contactExtension, 'valueContactPoint'), at);
    authorContact = {
      system: requireString(field(contact, 'system'), `${at}.system`),
      value: requireString(field(contact, 'value'), `${at}.value`),
    };
  }

  const segment: MessageSegment = {
    id,
    text,
    writtenAt,
    ...(author === undefined ? {} : { author }),
    ...(authorContact === undefined ? {} : { authorContact }),
  };
  return { segment, assigner: field(identifier, 'assigner') };
}

function readSpecificParty(reference: unknown, element: string, index: BundleIndex): SpecificParty {
  const entry = index.resolve(reference, element, ['PractitionerRole', 'CareTeam']);
  if (entry.resourceType === 'CareTeam') {
    return { careTeam: { name: requireString(field(entry.resource, 'name'), `${element} -> CareTeam.name`) } };
  }
  return { practitioner: readPractitionerInRole(entry, element, index) };
}

function readPractitionerInRole(entry: IndexedEntry, element: string, index: BundleIndex): PractitionerInRole {
  const at = `${element} -> PractitionerRole`;
  const role = entry.resource;
  const practitioner = index.resolve(field(role, 'practitioner'), `${at}.practitioner`, ['Practitioner']);
  const nameElement = `${at}.practitioner -> Practitioner.name`;
  const name = preferredName(practitioner.resource, nameElement);
  if (name === undefined || (name.family === undefined && name.given.length === 0)) {
    throw refuse(nameElement, 'must give a family or given name (MedCom invariant careCommunication-4)');
  }

  const codes = optionalArray(field(role, 'code'), `${at}.code`);
  if (codes.length === 0) return { name };
  const code = requireObject(codes[0], `${at}.code[0]`);
  let coding: PractitionerInRole['role'];
  for (const [position, raw] of optionalArray(field(code, 'coding'), `${at}.code[0].coding`).entries()) {
    const codingAt = `${at}.code[0].coding[${position}]`;
    const candidate = requireObject(raw, codingAt);
    const system = optionalString(field(candidate, 'system'), `${codingAt}.system`);
    const value = optionalString(field(candidate, 'code'), `${codingAt}.code`);
    if (system === undefined || value === undefined) continue;
    const display = optionalString(field(candidate, 'display'), `${codingAt}.display`);
    coding = { system, code: value, ...(display === undefined ? {} : { display }) };
    break;
  }
  const roleText = optionalString(field(code, 'text'), `${at}.code[0].text`);
  return {
    name,
    ...(coding === undefined ? {} : { role: coding }),
    ...(roleText === undefined ? {} : { roleText }),
  };
}

// --- Provenance -----------------------------------------------------------------------------------------------------

interface ProvenanceCommon {
  entry: IndexedEntry;
  ownSegmentIds: Set<string>;
  /** Provenance.occurredDateTime: when the message was first sent. */
  occurredAt: string;
}

type ProvenanceParts =
  | (ProvenanceCommon & { activity: 'new-message' })
  | (ProvenanceCommon & { activity: 'reply-message'; inReplyTo: PreviousMessage });

/**
 * A reply repeats the Provenance of earlier messages, so the one that counts is the one targeting this message's
 * header. Its payload entities name the segments this message adds; its revision entity names the message answered:
 * by reference for a FHIR message, by `lokationsnummer#brevid` identifier for an EDIFACT/OIOXML letter.
 */
function readProvenance(index: BundleIndex, headerEntry: IndexedEntry, segmentIds: string[]): ProvenanceParts {
  const provenances = index.ofType('Provenance').filter((entry) =>
    optionalArray(field(entry.resource, 'target'), `Bundle.entry[${entry.index}].resource.target`).some(
      (target, position) =>
        index.find(target, `Bundle.entry[${entry.index}].resource.target[${position}]`) === headerEntry,
    ),
  );
  const [current, ...others] = provenances;
  if (current === undefined) throw refuse('Bundle.entry[Provenance]', 'is missing: no Provenance targets the MessageHeader');
  if (others.length > 0) throw refuse('Bundle.entry[Provenance]', 'holds two Provenances for the MessageHeader');
  const provenance = current.resource;
  const occurredAt = requireDateTime(field(provenance, 'occurredDateTime'), 'Provenance.occurredDateTime');

  const activity = readActivity(provenance);
  const known = new Set(segmentIds);
  const ownSegmentIds = new Set<string>();
  let previousMessageId: string | undefined;
  let legacyLetterId: string | undefined;
  requireArray(field(provenance, 'entity'), 'Provenance.entity').forEach((raw, position) => {
    const at = `Provenance.entity[${position}]`;
    const entity = requireObject(raw, at);
    const role = optionalString(field(entity, 'role'), `${at}.role`);
    const what = requireObject(field(entity, 'what'), `${at}.what`);
    const reference = optionalString(field(what, 'reference'), `${at}.what.reference`);
    const rawIdentifier = field(what, 'identifier');
    const identifier =
      rawIdentifier === undefined
        ? undefined
        : optionalString(field(requireObject(rawIdentifier, `${at}.what.identifier`), 'value'), `${at}.what.identifier.value`);

    if (identifier !== undefined && known.has(identifier)) {
      ownSegmentIds.add(identifier);
    } else if (role === 'revision' && reference !== undefined) {
      const previous = typedReference(reference);
      if (previous?.resourceType !== 'MessageHeader') {
        throw refuse(`${at}.what.reference`, 'must refer to the MessageHeader of the message answered');
      }
      previousMessageId ??= previous.id;
    } else if (role === 'revision' && identifier !== undefined) {
      legacyLetterId ??= identifier;
    }
  });
  if (ownSegmentIds.size === 0) {
    throw refuse('Provenance.entity', "names none of the Communication's segments; it must name those this message adds");
  }
  if (activity === 'new-message') return { activity, ownSegmentIds, entry: current, occurredAt };
  const inReplyTo: PreviousMessage | undefined =
    previousMessageId !== undefined
      ? { messageId: previousMessageId }
      : legacyLetterId !== undefined
        ? { legacyLetterId }
        : undefined;
  if (inReplyTo === undefined) {
    throw refuse('Provenance.entity[revision]', 'is missing: a reply-message must name the message it answers');
  }
  return { activity, ownSegmentIds, inReplyTo, entry: current, occurredAt };
}

/**
 * The Provenance of the earlier messages of the conversation, which a reply repeats. Read as far as this app can use
 * them: one whose target is no MessageHeader, or whose agent is neither of this message's organisations (a third
 * party of a forwarded conversation), is left out; nothing in them refuses the message.
 */
function readHistory(index: BundleIndex, own: IndexedEntry, context: MessageParties & { deviations: Deviations }): EarlierMessage[] {
  const history: EarlierMessage[] = [];
  for (const entry of index.ofType('Provenance')) {
    if (entry === own) continue;
    try {
      const earlier = readProvenanceExchange(entry, index, context);
      if (earlier !== undefined) history.push(earlier);
    } catch {
      // An earlier Provenance this app cannot read is not carried on; the message itself is still read.
    }
  }
  return history;
}

/**
 * One message exchange as its Provenance tells it (MedComMessagingProvenance): undefined when its target is no
 * MessageHeader, it is coded outside MedCom's activity codes, or its agent is neither of the two organisations;
 * refuses (BAD_USER_INPUT) a Provenance whose elements have the wrong form.
 */
export function readProvenanceExchange(
  entry: IndexedEntry,
  index: BundleIndex,
  context: MessageParties & { deviations?: Deviations },
): EarlierMessage | undefined {
  const at = `Bundle.entry[${entry.index}].resource`;
  const provenance = entry.resource;
  const [target] = requireArray(field(provenance, 'target'), `${at}.target`);
  const targetReference = typedReference(requireString(field(requireObject(target, `${at}.target[0]`), 'reference'), `${at}.target[0].reference`));
  if (targetReference?.resourceType !== 'MessageHeader') return undefined;
  const activity = requireObject(field(provenance, 'activity'), `${at}.activity`);
  const coding = requireArray(field(activity, 'coding'), `${at}.activity.coding`).find(
    (candidate) => isObject(candidate) && field(candidate, 'system') === SYSTEM.activityCodes,
  );
  if (!isObject(coding)) return undefined;
  const code = requireString(field(coding, 'code'), `${at}.activity.coding.code`);
  const occurredAt = requireDateTime(field(provenance, 'occurredDateTime'), `${at}.occurredDateTime`);
  const recorded = field(provenance, 'recorded') === undefined ? undefined : requireInstant(field(provenance, 'recorded'), `${at}.recorded`);
  const [agent] = requireArray(field(provenance, 'agent'), `${at}.agent`);
  const by = issuer(field(requireObject(agent, `${at}.agent[0]`), 'who'), `${at}.agent[0].who`, { index, ...context });
  if (by === undefined) return undefined;
  const segmentIds: string[] = [];
  let inReplyTo: PreviousMessage | undefined;
  for (const [position, raw] of optionalArray(field(provenance, 'entity'), `${at}.entity`).entries()) {
    const e = requireObject(raw, `${at}.entity[${position}]`);
    const what = requireObject(field(e, 'what'), `${at}.entity[${position}].what`);
    const role = field(e, 'role');
    const ref = optionalString(field(what, 'reference'), `${at}.entity[${position}].what.reference`);
    const rawIdentifier = field(what, 'identifier');
    const identifier = isObject(rawIdentifier) ? optionalString(field(rawIdentifier, 'value'), `${at}.entity[${position}].what.identifier.value`) : undefined;
    if (role === 'source' && identifier !== undefined) segmentIds.push(identifier);
    else if (role === 'revision' && ref !== undefined && typedReference(ref)?.resourceType === 'MessageHeader') inReplyTo ??= { messageId: typedReference(ref)!.id };
    else if (role === 'revision' && identifier !== undefined) inReplyTo ??= { legacyLetterId: identifier };
  }
  return {
    messageId: targetReference.id,
    ...(entry.id === undefined ? {} : { provenanceId: entry.id }),
    activity: code,
    occurredAt,
    ...(recorded === undefined || recorded === occurredAt ? {} : { recordedAt: recorded }),
    by,
    segmentIds,
    ...(inReplyTo === undefined ? {} : { inReplyTo }),
  };
}

function readActivity(provenance: JsonObject): CareCommunicationActivity {
  const activity = requireObject(field(provenance, 'activity'), 'Provenance.activity');
  const codings = requireArray(field(activity, 'coding'), 'Provenance.activity.coding');
  const coding = codings.find((candidate) => isObject(candidate) && field(candidate, 'system') === SYSTEM.activityCodes);
  if (!isObject(coding)) throw refuse('Provenance.activity', `must be coded in ${SYSTEM.activityCodes}`);
  const code = field(coding, 'code');
  if (code !== 'new-message' && code !== 'reply-message') {
    throw refuse('Provenance.activity', 'must be new-message or reply-message (forwarding, changing or retracting letters is not supported)');
  }
  return code;
}

/** The two organisations of a message, as entries and as read. */
export interface MessageParties {
  senderEntry: IndexedEntry;
  receiverEntry: IndexedEntry;
  sender: MessagingOrganization;
  receiver: MessagingOrganization;
}

/** Which of the two organisations a reference names (a segment's assigner, a Provenance's agent): by entry, else by SOR code. */
function issuer(
  assigner: unknown,
  element: string,
  context: MessageParties & { index: BundleIndex; deviations?: Deviations },
): QuotedSegment['from'] {
  if (assigner === undefined) return undefined;
  const entry = context.index.find(assigner, element);
  if (entry === undefined) return undefined;
  if (entry === context.senderEntry) return 'sender';
  if (entry === context.receiverEntry) return 'receiver';
  if (entry.resourceType !== 'Organization') return undefined;
  const { sor } = organizationCodes(entry.resource, `${element} -> Organization`, context.deviations ?? new Deviations());
  if (sor === context.sender.sorCode) return 'sender';
  if (sor === context.receiver.sorCode) return 'receiver';
  return undefined;
}

// --- helpers --------------------------------------------------------------------------------------------------------

function singleEntry(index: BundleIndex, resourceType: string): IndexedEntry {
  const [entry, ...others] = index.ofType(resourceType);
  if (entry === undefined) throw refuse(`Bundle.entry[${resourceType}]`, 'is missing');
  if (others.length > 0) throw refuse(`Bundle.entry[${resourceType}]`, 'must occur exactly once');
  return entry;
}

/** The one extension with `url` on `owner`, by MedCom slice name in errors; MedCom allows each at most once. */
function singleExtension(owner: JsonObject, element: string, url: string, sliceName: string): JsonObject | undefined {
  const matches = optionalArray(field(owner, 'extension'), `${element}.extension`)
    .map((raw, position) => requireObject(raw, `${element}.extension[${position}]`))
    .filter((extension) => field(extension, 'url') === url);
  if (matches.length > 1) throw refuse(`${element}.extension[${sliceName}]`, 'occurs more than once');
  return matches[0];
}
