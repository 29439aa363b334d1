import { isObject } from '../bundle.ts';
import { SRC } from '../sources.ts';
import { ext, mount, profile, ruleSet } from './dsl.ts';
import { CONTACT_EXTENSION, DATETIME_EXTENSION, EXTENSION_URL, IDENTIFIER_EXTENSION, PRACTITIONER_EXTENSION, SENDER_EXTENSION } from './medcom-core.ts';
import { CC, MEDCOM_MESSAGING_MESSAGE, MEDCOM_MESSAGING_MESSAGE_HEADER, MEDCOM_MESSAGING_PROVENANCE } from './messaging.ts';

/** MedCom CareCommunication 5.0.4: the message, its MessageHeader, Communication and Provenance. */

export const PROFILE_URL = {
  message: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-message',
  messageHeader: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-messageHeader',
  communication: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-communication',
  provenance: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-provenance',
} as const;

const UUID_V4 = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const hd = ruleSet(SRC.ccHeader);
export const MEDCOM_CARE_COMMUNICATION_MESSAGE_HEADER = profile({
  name: 'MedComCareCommunicationMessageHeader',
  url: PROFILE_URL.messageHeader,
  type: 'MessageHeader',
  parent: MEDCOM_MESSAGING_MESSAGE_HEADER,
  rules: [
    hd.fixed('MessageHeader.eventCoding.code', 'event.ofType(Coding).code', 'care-communication-message'),
    hd.fixed('MessageHeader.eventCoding.system', 'event.ofType(Coding).system', 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes'),
    hd.card('MessageHeader.destination:cc', CC, 0, 0),
    hd.card('MessageHeader.focus', 'focus', 1, 1),
    hd.reference('MessageHeader.focus', 'focus', { Communication: 'MedComCareCommunication' }, true),
    hd.card('MessageHeader.definition', 'definition', 1, 1),
    hd.invariant(
      'medcom-carecommunication-definition-url',
      'MessageHeader.definition',
      'SHALL reference a MedCom CareCommunication MessageDefinition whose canonical URL starts with http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5. (any version 5.x).',
      "matches('^http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition[|]5[.][0-9]{1,2}$')",
      { on: 'definition' },
    ),
    hd.narrative('MessageHeader.focus', 'focus'),
  ],
});

const STRING = 'payload.where(content is string)';
const ATTACHMENT = 'payload.where(content is Attachment)';

const c = ruleSet(SRC.ccCommunication);
const page = ruleSet(SRC.ccCommunicationPage);
const uuid = ruleSet(SRC.ccUuid);
export const MEDCOM_CARE_COMMUNICATION = profile({
  name: 'MedComCareCommunication',
  url: PROFILE_URL.communication,
  type: 'Communication',
  rules: [
    c.fixed('Communication.status', 'status', 'unknown'),
    c.card('Communication.identifier', 'identifier', 1, 1),
    c.card('Communication.identifier.value', 'value', 1, 1, { context: 'identifier' }),
    uuid.invariant('medcom-uuidv4', 'Communication.identifier', 'The value shall correspond to the structure of an UUID version 4.', "value.matches('urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}')", { context: 'identifier' }),
    page.check(
      'UUID version 4',
      'Communication.identifier.value',
      'The communication identifier must be a UUID v4 (profile page, "Communication identifier"; the invariant medcom-uuidv4 by its description; its expression does not test the version).',
      (value) => (typeof value === 'string' && !UUID_V4.test(value) ? [{ message: 'The communication identifier is required to be urn:uuid: and a version 4 UUID.' }] : []),
      { context: 'identifier.value', severity: 'warning' },
    ),
    c.card('Communication.category', 'category', 1, 1),
    c.binding('Communication.category', 'category', 'MedComCareCommunicationCategories'),
    c.card('Communication.category.coding', 'coding', 1, 1, { context: 'category' }),
    c.card('Communication.category.coding.code', 'code', 1, 1, { context: 'category.coding' }),
    c.card('Communication.category.coding.system', 'system', 1, 1, { context: 'category.coding' }),
    c.binding('Communication.priority', 'priority', 'MedComCareCommunicationRequestPriority', { system: 'http://hl7.org/fhir/request-priority' }),
    c.card('Communication.subject', 'subject', 1, 1),
    c.reference('Communication.subject', 'subject', { Patient: 'MedComCorePatient' }, true),
    c.card('Communication.topic.text', 'text', 1, 1, { context: 'topic' }),
    // MedComCoreEncounter is not transcribed (no message of ours carries an Encounter): its rules are not checked.
    c.reference('Communication.encounter', 'encounter', { Encounter: undefined }, true),
    c.card('Communication.recipient', 'recipient', 0, 1),
    c.reference('Communication.recipient', 'recipient', { PractitionerRole: 'MedComCorePractitionerRole', CareTeam: 'MedComCoreCareTeam' }, true),
    c.card('Communication.extension:sender', ext(EXTENSION_URL.sender), 0, 1),
    ...mount(SENDER_EXTENSION, ext(EXTENSION_URL.sender), 'Communication.extension:sender'),
    c.card('Communication.payload', 'payload', 1, '*'),
    c.card('Communication.payload:string', STRING, 1, '*'),
    c.card('Communication.payload:string.extension:date', ext(EXTENSION_URL.dateTime), 1, 1, { context: STRING }),
    c.card('Communication.payload:string.extension:identifier', ext(EXTENSION_URL.identifier), 1, 1, { context: STRING }),
    c.card('Communication.payload:string.extension:author', ext(EXTENSION_URL.practitioner), 1, 1, { context: STRING }),
    c.card('Communication.payload:string.extension:authorContact', ext(EXTENSION_URL.contact), 1, 1, { context: STRING }),
    c.card('Communication.payload:attachment.extension:date', ext(EXTENSION_URL.dateTime), 1, 1, { context: ATTACHMENT }),
    c.card('Communication.payload:attachment.extension:identifier', ext(EXTENSION_URL.identifier), 1, 1, { context: ATTACHMENT }),
    c.card('Communication.payload:attachment.extension:author', ext(EXTENSION_URL.practitioner), 0, 1, { context: ATTACHMENT }),
    c.card('Communication.payload:attachment.extension:authorContact', ext(EXTENSION_URL.contact), 0, 1, { context: ATTACHMENT }),
    c.card('Communication.payload:attachment.contentAttachment.title', 'title', 1, 1, { context: `${ATTACHMENT}.content` }),
    c.binding('Communication.payload:attachment.contentAttachment.contentType', 'contentType', 'MedComCoreAttachmentMimeTypes', { context: `${ATTACHMENT}.content`, system: 'urn:ietf:bcp:13' }),
    ...mount(DATETIME_EXTENSION, `payload.${ext(EXTENSION_URL.dateTime)}`, 'Communication.payload.extension:date'),
    ...mount(IDENTIFIER_EXTENSION, `payload.${ext(EXTENSION_URL.identifier)}`, 'Communication.payload.extension:identifier'),
    ...mount(PRACTITIONER_EXTENSION, `payload.${ext(EXTENSION_URL.practitioner)}`, 'Communication.payload.extension:author'),
    ...mount(CONTACT_EXTENSION, `payload.${ext(EXTENSION_URL.contact)}`, 'Communication.payload.extension:authorContact'),
    c.invariant('medcom-careCommunication-5', 'Communication', "Priority must not be present when Communication.category is other than 'regarding-referral'.", "where(category.coding.code != 'regarding-referral').priority.empty()"),
    c.invariant('medcom-careCommunication-6', 'Communication', "There shall exist a Communication.topic when Communication.category = 'other'.", "iif(category.coding.code != 'other', true, category.coding.code = 'other' and topic.exists())"),
    c.invariant('medcom-careCommunication-7', 'Communication', 'There shall exist a practitioner role when using a PractitionerRole as author in a message segment.', "payload.extension('http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner-extension').value.resolve().all(code.coding.code.exists() xor code.text.exists())"),
    c.invariant('medcom-careCommunication-8', 'Communication', 'There shall exist a practitioner name when using a Practitioner as author in a message segment.', "payload.where(extension('http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner-extension').exists()).extension.value.reference.resolve().practitioner.resolve().name.exists()"),
    c.invariant('medcom-careCommunication-9', 'Communication', 'An episodeOfCare-identifier must be included when an Encounter instance is included.', 'iif(encounter.exists().not(), true, encounter.reference.resolve().episodeOfCare.identifier.exists())'),
    c.narrative('Communication.id', 'id'),
    c.narrative('Communication.extension:sender', ext(EXTENSION_URL.sender)),
    c.narrative('Communication.status', 'status'),
    c.narrative('Communication.category.coding.code', 'coding', { context: 'category' }),
    c.narrative('Communication.priority', 'priority'),
    c.narrative('Communication.subject', 'subject'),
    c.narrative('Communication.topic.text', 'text', { context: 'topic' }),
    c.narrative('Communication.encounter', 'encounter'),
    c.narrative('Communication.recipient', 'recipient'),
    c.narrative('Communication.payload:string.extension:date', ext(EXTENSION_URL.dateTime), { context: STRING }),
    c.narrative('Communication.payload:string.extension:author', ext(EXTENSION_URL.practitioner), { context: STRING }),
    c.narrative('Communication.payload:string.extension:authorContact', ext(EXTENSION_URL.contact), { context: STRING }),
    c.narrative('Communication.payload:string.content[x]', 'content', { context: STRING }),
    c.narrative('Communication.payload:attachment.extension:date', ext(EXTENSION_URL.dateTime), { context: ATTACHMENT }),
    c.narrative('Communication.payload:attachment.extension:author', ext(EXTENSION_URL.practitioner), { context: ATTACHMENT }),
    c.narrative('Communication.payload:attachment.extension:authorContact', ext(EXTENSION_URL.contact), { context: ATTACHMENT }),
    c.narrative('Communication.payload:attachment.content[x].contentType', 'contentType', { context: `${ATTACHMENT}.content` }),
    c.narrative('Communication.payload:attachment.content[x].url', 'url', { context: `${ATTACHMENT}.content` }),
    c.narrative('Communication.payload:attachment.content[x].title', 'title', { context: `${ATTACHMENT}.content` }),
    c.narrative('Communication.payload:attachment.content[x].creation', 'creation', { context: `${ATTACHMENT}.content` }),
  ],
});

const pv = ruleSet(SRC.ccProvenance);
const SOURCE_ENTITY = "entity.where(role = 'source')";
export const MEDCOM_CARE_COMMUNICATION_PROVENANCE = profile({
  name: 'MedComCareCommunicationProvenance',
  url: PROFILE_URL.provenance,
  type: 'Provenance',
  parent: MEDCOM_MESSAGING_PROVENANCE,
  rules: [
    pv.reference('Provenance.target', 'target', { MessageHeader: 'MedComCareCommunicationMessageHeader' }, false),
    pv.binding('Provenance.activity', 'activity', 'MedComCareCommunicationMessageActivities'),
    pv.card('Provenance.entity', 'entity', 1, '*'),
    pv.closed('Provenance.entity', 'entity', { preceedingMessage: "role = 'revision'", payload: "role = 'source'" }),
    pv.card('Provenance.entity:preceedingMessage', "entity.where(role = 'revision')", 0, 1),
    pv.card('Provenance.entity:payload', SOURCE_ENTITY, 1, '*'),
    pv.card('Provenance.entity:payload.what.identifier', 'identifier', 1, 1, { context: `${SOURCE_ENTITY}.what` }),
  ],
});

const msg = ruleSet(SRC.ccMessage);
export const MEDCOM_CARE_COMMUNICATION_MESSAGE = profile({
  name: 'MedComCareCommunicationMessage',
  url: PROFILE_URL.message,
  type: 'Bundle',
  parent: MEDCOM_MESSAGING_MESSAGE,
  entryProfiles: [
    { resourceType: 'MessageHeader', first: true, profile: 'MedComCareCommunicationMessageHeader' },
    { resourceType: 'Provenance', profile: 'MedComCareCommunicationProvenance' },
  ],
  rules: [
    msg.card('Bundle.entry.resource', 'resource', 1, 1, { context: 'entry' }),
    msg.invariant('medcom-careCommunication-1', 'Bundle', 'The MessageHeader shall be the medcom-careCommunication-messageHeader.', `entry[0].resource.ofType(MessageHeader).meta.profile.startsWith('${PROFILE_URL.messageHeader}')`),
    msg.invariant('medcom-careCommunication-2', 'Bundle', 'Entry shall contain exactly one Patient resource.', 'entry.where(resource.is(Patient)).count() = 1'),
    msg.invariant('medcom-careCommunication-4', 'Bundle', 'There shall exist a practitioner given and family name when using a PractitionerRole.', 'entry.resource.ofType(Practitioner).name.exists()'),
    msg.invariant('medcom-careCommunication-3', 'Bundle', 'All Provenance resources shall be of the type medcom-careCommunication-provenance profile.', `entry.resource.ofType(Provenance).all(meta.profile.startsWith('${PROFILE_URL.provenance}'))`),
    msg.invariant(
      'medcom-careCommunication-12',
      'Bundle',
      'If a specific recipient is present, at least one of the organisations that the referenced CareTeam or Practitioner/PractitionerRole belongs to MUST equal the organisation referenced in MessageHeader.receiver.',
      'Bundle.entry.resource.ofType(Communication).recipient.reference.resolve().managingOrganization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).destination.receiver.reference.resolve() or Bundle.entry.resource.ofType(Communication).recipient.reference.resolve().organization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).destination.receiver.reference.resolve() or Bundle.entry.resource.ofType(Communication).recipient.exists().not()',
    ),
    msg.invariant(
      'medcom-careCommunication-11',
      'Bundle',
      'If a specific sender is present, at least one of the organisations that the referenced CareTeam or Practitioner/PractitionerRole belongs to MUST equal the organisation referenced in MessageHeader.sender.',
      'Bundle.entry.resource.ofType(Communication).extension.value.reference.resolve().managingOrganization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).sender.reference.resolve() or Bundle.entry.resource.ofType(Communication).extension.value.reference.resolve().organization.reference.resolve() = %resource.entry.resource.ofType(MessageHeader).sender.reference.resolve() or Bundle.entry.resource.ofType(Communication).extension.exists().not()',
    ),
    msg.invariant('medcom-careCommunication-13', 'Bundle', 'All PractitionerRole resources shall have a reference to an instance of a Practitioner resource.', 'Bundle.entry.resource.ofType(PractitionerRole).practitioner.reference.exists()'),
    msg.invariant(
      'medcom-careCommunication-15',
      'Bundle',
      'If an Encounter resource is present in the bundle, there must be a reference to it in Communication.encounter. If no Encounter is present, Communication.encounter must not be populated.',
      'iif(Bundle.entry.resource.ofType(Encounter).exists(), Bundle.entry.resource.ofType(Encounter).id = Bundle.entry.resource.ofType(Communication).encounter.reference.resolve().id, Bundle.entry.resource.ofType(Communication).encounter.exists().not())',
    ),
  ],
});

export const isPayloadAttachment = (payload: unknown): boolean => isObject(payload) && isObject(payload['contentAttachment']);
