import { SRC } from '../sources.ts';
import type { Rule } from '../types.ts';
import { GLN_SLICE } from './dk-core.ts';
import { mount, profile, ruleSet } from './dsl.ts';
import { MEDCOM_CORE_ORGANIZATION } from './medcom-core.ts';

/** MedCom Messaging 4.0.x: the message Bundle, MessageHeader, messaging Organization and Provenance. */

export const DESTINATION_USE_URL = 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-destinationUseExtension';
const DESTINATION_USE_SYSTEM = 'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-destinationUse';
const USE = `extension('${DESTINATION_USE_URL}')`;
export const PRIMARY = `destination.where(${USE}.value.code = 'primary')`;
export const CC = `destination.where(${USE}.value.code = 'cc')`;

const m = ruleSet(SRC.messagingMessage);
export const MEDCOM_MESSAGING_MESSAGE = profile({
  name: 'MedComMessagingMessage',
  url: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-message',
  type: 'Bundle',
  rules: [
    m.card('Bundle.id', 'id', 1, 1),
    m.fixed('Bundle.type', 'type', 'message'),
    m.card('Bundle.timestamp', 'timestamp', 1, 1),
    m.invariant('medcom-messaging-1', 'Bundle', 'The MessageHeader resource shall conform to medcom-messaging-messageHeader profile.', "entry[0].resource.conformsTo('http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-messageHeader')"),
    m.invariant('medcom-messaging-2', 'Bundle', 'There shall be at least one Provenance resource in a MedCom message.', 'entry.resource.ofType(Provenance).exists()'),
  ],
});

const use = ruleSet(SRC.messagingDestinationUse);
const destinationUse: Rule[] = [
  use.card('Extension.valueCoding', 'value', 1, 1),
  use.card('Extension.valueCoding.code', 'value.code', 1, 1),
  use.card('Extension.valueCoding.system', 'value.system', 1, 1),
];

const h = ruleSet(SRC.messagingHeader);
const destinationRules = (slice: string, name: 'primary' | 'cc'): Rule[] => [
  h.card(`MessageHeader.destination:${name}.extension:use`, USE, 1, 1, { context: slice }),
  h.fixed(`MessageHeader.destination:${name}.extension:use.valueCoding.system`, `${USE}.value.system`, DESTINATION_USE_SYSTEM, { context: slice }),
  h.card(`MessageHeader.destination:${name}.receiver`, 'receiver', 1, 1, { context: slice }),
  h.reference(`MessageHeader.destination:${name}.receiver`, 'receiver', { Organization: 'MedComMessagingOrganization' }, true, { context: slice }),
  h.narrative(`MessageHeader.destination:${name}.endpoint`, 'endpoint', { context: slice }),
  h.narrative(`MessageHeader.destination:${name}.receiver`, 'receiver', { context: slice }),
];

export const MEDCOM_MESSAGING_MESSAGE_HEADER = profile({
  name: 'MedComMessagingMessageHeader',
  url: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-messageHeader',
  type: 'MessageHeader',
  rules: [
    h.card('MessageHeader.id', 'id', 1, 1),
    h.card('MessageHeader.event[x]', 'event.ofType(uri)', 0, 0, { id: 'event[x] only Coding' }),
    h.card('MessageHeader.eventCoding', 'event.ofType(Coding)', 1, 1),
    h.binding('MessageHeader.eventCoding', 'event.ofType(Coding)', 'MedComMessagingMessageTypes'),
    h.card('MessageHeader.eventCoding.code', 'code', 1, 1, { context: 'event.ofType(Coding)' }),
    h.card('MessageHeader.eventCoding.system', 'system', 1, 1, { context: 'event.ofType(Coding)' }),
    h.closed('MessageHeader.destination', 'destination', { primary: `${USE}.value.code = 'primary'`, cc: `${USE}.value.code = 'cc'` }),
    h.card('MessageHeader.destination:primary', PRIMARY, 1, 1),
    ...destinationRules(PRIMARY, 'primary'),
    ...destinationRules(CC, 'cc'),
    ...mount(destinationUse, `destination.${USE}`, 'MessageHeader.destination.extension:use'),
    h.card('MessageHeader.sender', 'sender', 1, 1),
    h.reference('MessageHeader.sender', 'sender', { Organization: 'MedComMessagingOrganization' }, true),
    h.narrative('MessageHeader.id', 'id'),
    h.narrative('MessageHeader.eventCoding.code', 'event.ofType(Coding)'),
    h.narrative('MessageHeader.sender', 'sender'),
    h.narrative('MessageHeader.source.endpoint', 'endpoint', { context: 'source' }),
    ruleSet(SRC.messagingDestinationUse).narrative('MessageHeader.destination.extension:use.valueCoding.code', `${USE}.value`, { context: 'destination' }),
  ],
});

const o = ruleSet(SRC.messagingOrganization);
export const MEDCOM_MESSAGING_ORGANIZATION = profile({
  name: 'MedComMessagingOrganization',
  url: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-organization',
  type: 'Organization',
  parent: MEDCOM_CORE_ORGANIZATION,
  rules: [
    o.card('Organization.identifier', 'identifier', 2, '*'),
    o.card('Organization.identifier:EAN-ID', GLN_SLICE, 1, 1),
    o.narrative('Organization.identifier:EAN-ID', GLN_SLICE),
  ],
});

const pv = ruleSet(SRC.messagingProvenance);
export const provenanceRules = (headerProfile: string): Rule[] => [
  pv.card('Provenance.target', 'target', 1, 1),
  pv.reference('Provenance.target', 'target', { MessageHeader: headerProfile }, false),
  pv.card('Provenance.occurredDateTime', 'occurred.ofType(dateTime)', 1, 1),
  pv.card('Provenance.activity', 'activity', 1, 1),
  pv.card('Provenance.activity.coding', 'coding', 1, 1, { context: 'activity' }),
  pv.card('Provenance.activity.coding.system', 'system', 1, 1, { context: 'activity.coding' }),
  pv.card('Provenance.activity.coding.code', 'code', 1, 1, { context: 'activity.coding' }),
  pv.card('Provenance.agent', 'agent', 1, '*'),
  pv.card('Provenance.agent.who', 'who', 1, 1, { context: 'agent' }),
  pv.reference('Provenance.agent.who', 'who', { Organization: 'MedComMessagingOrganization' }, true, { context: 'agent' }),
  pv.narrative('Provenance.id', 'id'),
  pv.narrative('Provenance.target', 'target'),
  pv.narrative('Provenance.occurredDateTime', 'occurred.ofType(dateTime)'),
  pv.narrative('Provenance.activity.coding.code', 'coding', { context: 'activity' }),
  pv.narrative('Provenance.agent.who', 'who', { context: 'agent' }),
  pv.narrative('Provenance.entity.role', 'role', { context: 'entity' }),
  pv.narrative('Provenance.entity.what.reference', 'what.where(reference.exists())', { context: 'entity' }),
  pv.narrative('Provenance.entity.what.identifier', 'what.identifier', { context: 'entity' }),
];

export const MEDCOM_MESSAGING_PROVENANCE = profile({
  name: 'MedComMessagingProvenance',
  url: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-provenance',
  type: 'Provenance',
  rules: [
    ...provenanceRules('MedComMessagingMessageHeader'),
    pv.binding('Provenance.activity', 'activity', 'MedComMessagingActivityCodes'),
  ],
});
