import { isObject, type Json, type JsonObject } from '../bundle.ts';
import { concept } from '../terminology.ts';

/**
 * Messages written by hand to the letter of the IGs (our own synthetic data, shaped like the IG's examples "1st
 * message" and "2nd message" and the Acknowledgement examples), with a narrative that shows every value. The suite's
 * tests start from these: they must pass without a single finding, and each mutation of them must produce the finding
 * of the rule it breaks. Names, CPR number and codes are made up; GLNs carry valid GS1 check digits.
 */

const BASE = 'https://conformance.pathway-graph.invalid/fhir';
const XHTML = 'http://www.w3.org/1999/xhtml';

const esc = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const hasExtension = (value: Json): boolean =>
  Array.isArray(value) ? value.some(hasExtension) : isObject(value) && Object.entries(value).some(([k, v]) => k === 'extension' || hasExtension(v));

/** A narrative showing every value of the resource (codes with their English and Danish displays), as MedCom asks. */
export function withNarrative(resource: JsonObject): JsonObject {
  const lines: string[] = [`${String(resource['resourceType'])} ${String(resource['id'])}`];
  const walk = (value: Json, path: string) => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, path));
    else if (isObject(value)) {
      if (typeof value['code'] === 'string' && typeof value['system'] === 'string') {
        const known = concept(value['system'], value['code']);
        lines.push(`${path}: ${value['code']}${known ? ` (${known.display}${known.da ? ` / ${known.da}` : ''})` : ''}`);
      }
      for (const [key, child] of Object.entries(value)) if (key !== 'data' && key !== 'meta') walk(child, `${path}.${key}`);
    } else if (value !== null) lines.push(`${path}: ${String(value)}`);
  };
  const { text: _text, ...rest } = resource;
  walk(rest as Json, String(resource['resourceType']));
  return {
    ...rest,
    text: { status: hasExtension(rest as Json) ? 'extensions' : 'generated', div: `<div xmlns="${XHTML}">${lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>` },
  };
}

const bundle = (id: string, timestamp: string, profile: string, resources: JsonObject[]): JsonObject => ({
  resourceType: 'Bundle',
  id,
  meta: { profile: [profile] },
  type: 'message',
  timestamp,
  entry: structuredClone(resources).map((r) => ({ fullUrl: `${BASE}/${String(r['resourceType'])}/${String(r['id'])}`, resource: withNarrative(r) })),
});

export const IDS = {
  letterBundle: '5d3c6f0e-8a8e-4c4b-9a57-0a3f5e1f2b61',
  letterHeader: 'b3c1e2a4-6f5d-4e3b-8a9c-1d2e3f4a5b6c',
  replyBundle: 'e7f8a9b0-c1d2-4e3f-a4b5-c6d7e8f9a0b1',
  replyHeader: 'c2d3e4f5-a6b7-4c8d-9e0f-a1b2c3d4e5f6',
  ackBundle: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
  ackHeader: 'a9b8c7d6-e5f4-4a3b-b2c1-d0e9f8a7b6c5',
  patient: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  communication: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  replyCommunication: '3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f',
  gpPractice: '4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f8a',
  municipality: '5e6f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8a9b',
  gpRole: '6f7a8b9c-0d1e-4f2a-9b4c-5d6e7f8a9b0c',
  gp: '7a8b9c0d-1e2f-4a3b-8c5d-6e7f8a9b0c1d',
  caseworkerRole: '8b9c0d1e-2f3a-4b4c-9d6e-7f8a9b0c1d2e',
  caseworker: '9c0d1e2f-3a4b-4c5d-8e7f-8a9b0c1d2e3f',
  letterProvenance: '0d1e2f3a-4b5c-4d6e-9f8a-9b0c1d2e3f4a',
  replyProvenance: '1e2f3a4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b',
  ackProvenance: '2f3a4b5c-6d7e-4f8a-9b0c-1d2e3f4a5b6c',
  outcome: '3a4b5c6d-7e8f-4a9b-8c1d-2e3f4a5b6c7d',
  conversation: 'urn:uuid:4b5c6d7e-8f9a-4b0c-9d2e-3f4a5b6c7d8e',
  letterSegment: 'urn:uuid:5c6d7e8f-9a0b-4c1d-8e3f-4a5b6c7d8e9f',
  replySegment: 'urn:uuid:6d7e8f9a-0b1c-4d2e-9f4a-5b6c7d8e9f0a',
} as const;

const ref = (type: string, id: string) => ({ reference: `${type}/${id}` });
const PROFILE = {
  message: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-message',
  header: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-messageHeader',
  communication: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-communication',
  provenance: 'http://medcomfhir.dk/ig/carecommunication/StructureDefinition/medcom-careCommunication-provenance',
  patient: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-patient',
  organization: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-organization',
  practitioner: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner',
  practitionerRole: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitionerrole',
  ack: 'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgement',
  ackHeader: 'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-messaging-acknowledgementHeader',
  messagingProvenance: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-provenance',
  ackOutcome: 'http://medcomfhir.dk/ig/acknowledgement/StructureDefinition/medcom-acknowledgement-operationoutcome',
};
const CS = 'http://medcomfhir.dk/ig/terminology/CodeSystem/';
const EXT = {
  use: 'http://medcomfhir.dk/ig/messaging/StructureDefinition/medcom-messaging-destinationUseExtension',
  date: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-datetime-extension',
  identifier: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-identifier-extension',
  author: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-practitioner-extension',
  contact: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-contact-extension',
  sender: 'http://medcomfhir.dk/ig/core/StructureDefinition/medcom-core-sender-extension',
};
const SOR_ENDPOINT = 'https://sor2.sum.dsdn.dk/#id=';
const GP = { sor: '488531000016002', gln: '5790001470005' };
const MUNICIPALITY = { sor: '1053331000016005', gln: '5790001890124' };

const header = (id: string, from: string, to: string, toSor: string, fromSor: string, focus: string): JsonObject => ({
  resourceType: 'MessageHeader',
  id,
  meta: { profile: [PROFILE.header] },
  eventCoding: { system: `${CS}medcom-messaging-eventCodes`, code: 'care-communication-message' },
  destination: [
    {
      extension: [{ url: EXT.use, valueCoding: { system: `${CS}medcom-messaging-destinationUse`, code: 'primary' } }],
      endpoint: `${SOR_ENDPOINT}${toSor}`,
      receiver: ref('Organization', to),
    },
  ],
  sender: ref('Organization', from),
  source: { endpoint: `${SOR_ENDPOINT}${fromSor}` },
  focus: [ref('Communication', focus)],
  definition: 'http://medcomfhir.dk/ig/messagedefinitions/MessageDefinition/MedComCareCommunicationMessageDefinition|5.0',
});

const organization = (id: string, name: string, codes: { sor: string; gln: string }): JsonObject => ({
  resourceType: 'Organization',
  id,
  meta: { profile: [PROFILE.organization] },
  identifier: [
    { system: 'https://www.gs1.org/gln', value: codes.gln },
    { system: 'urn:oid:1.2.208.176.1.1', value: codes.sor },
  ],
  name,
});

const patient: JsonObject = {
  resourceType: 'Patient',
  id: IDS.patient,
  meta: { profile: [PROFILE.patient] },
  identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: '0707161234' }],
  name: [{ use: 'official', family: 'Testesen', given: ['Alma'] }],
};

const practitioner = (id: string, given: string, family: string): JsonObject => ({
  resourceType: 'Practitioner',
  id,
  meta: { profile: [PROFILE.practitioner] },
  name: [{ family, given: [given] }],
});

const role = (id: string, person: string, org: string, code: { system: string; code: string }): JsonObject => ({
  resourceType: 'PractitionerRole',
  id,
  meta: { profile: [PROFILE.practitionerRole] },
  practitioner: ref('Practitioner', person),
  organization: ref('Organization', org),
  code: [{ coding: [code] }],
});

const segment = (id: string, text: string, at: string, author: string, assigner: string, phone: string): JsonObject => ({
  extension: [
    { url: EXT.date, valueDateTime: at },
    { url: EXT.identifier, valueIdentifier: { value: id, assigner: ref('Organization', assigner) } },
    { url: EXT.author, valueReference: ref('PractitionerRole', author) },
    { url: EXT.contact, valueContactPoint: { system: 'phone', value: phone } },
  ],
  contentString: text,
});

const communication = (id: string, segments: JsonObject[], sender: string, recipient?: string): JsonObject => ({
  resourceType: 'Communication',
  id,
  meta: { profile: [PROFILE.communication] },
  extension: [{ url: EXT.sender, valueReference: ref('PractitionerRole', sender) }],
  identifier: [{ value: IDS.conversation }],
  status: 'unknown',
  category: [{ coding: [{ system: `${CS}medcom-careCommunication-categoryCodes`, code: 'psychiatry-social-disability' }] }],
  subject: ref('Patient', IDS.patient),
  topic: { text: 'Bekymring for trivsel' },
  ...(recipient === undefined ? {} : { recipient: [ref('PractitionerRole', recipient)] }),
  payload: segments,
});

const provenance = (id: string, target: string, at: string, activity: string, agent: string, segments: string[], previous?: string): JsonObject => ({
  resourceType: 'Provenance',
  id,
  meta: { profile: [PROFILE.provenance] },
  target: [ref('MessageHeader', target)],
  occurredDateTime: at,
  recorded: at,
  activity: { coding: [{ system: `${CS}medcom-messaging-activityCodes`, code: activity }] },
  agent: [{ who: ref('Organization', agent) }],
  entity: [
    ...(previous === undefined ? [] : [{ role: 'revision', what: ref('MessageHeader', previous) }]),
    ...segments.map((s) => ({ role: 'source', what: { identifier: { value: s } } })),
  ],
});

const LETTER_AT = '2026-03-02T09:15:00+01:00';
const REPLY_AT = '2026-03-05T14:00:00+01:00';
const GP_ROLE = { system: `${CS}medcom-core-PractitionerRolesAutorisationsregistret`, code: 'laege' };
const CASEWORKER_ROLE = { system: `${CS}medcom-core-PractitionerRolesSKSadministrativ`, code: 'socialraadgiver' };
const letterSegment = segment(IDS.letterSegment, 'Kære PPR,\nAlma har ondt i maven og vil ikke i skole.', LETTER_AT, IDS.gpRole, IDS.gpPractice, '86123456');

/** A new message from a GP to a municipality. */
export function igNewMessage(): JsonObject {
  return bundle(IDS.letterBundle, LETTER_AT, PROFILE.message, [
    header(IDS.letterHeader, IDS.gpPractice, IDS.municipality, MUNICIPALITY.sor, GP.sor, IDS.communication),
    patient,
    communication(IDS.communication, [letterSegment], IDS.gpRole),
    role(IDS.gpRole, IDS.gp, IDS.gpPractice, GP_ROLE),
    practitioner(IDS.gp, 'Mette', 'Lund'),
    organization(IDS.municipality, 'Aarhus Kommune, Børn og Unge', MUNICIPALITY),
    organization(IDS.gpPractice, 'Lægerne på Testvej', GP),
    provenance(IDS.letterProvenance, IDS.letterHeader, LETTER_AT, 'new-message', IDS.gpPractice, [IDS.letterSegment]),
  ]);
}

/** The municipality's reply: the letter's segment and Provenance repeated, the specific sender made the recipient. */
export function igReply(): JsonObject {
  const reply = segment(IDS.replySegment, 'Tak for henvendelsen. Vi kontakter familien.', REPLY_AT, IDS.caseworkerRole, IDS.municipality, '+4589402000');
  return bundle(IDS.replyBundle, REPLY_AT, PROFILE.message, [
    header(IDS.replyHeader, IDS.municipality, IDS.gpPractice, GP.sor, MUNICIPALITY.sor, IDS.replyCommunication),
    patient,
    communication(IDS.replyCommunication, [reply, letterSegment], IDS.caseworkerRole, IDS.gpRole),
    role(IDS.caseworkerRole, IDS.caseworker, IDS.municipality, CASEWORKER_ROLE),
    practitioner(IDS.caseworker, 'Jonas', 'Kristensen'),
    role(IDS.gpRole, IDS.gp, IDS.gpPractice, GP_ROLE),
    practitioner(IDS.gp, 'Mette', 'Lund'),
    organization(IDS.municipality, 'Aarhus Kommune, Børn og Unge', MUNICIPALITY),
    organization(IDS.gpPractice, 'Lægerne på Testvej', GP),
    provenance(IDS.replyProvenance, IDS.replyHeader, REPLY_AT, 'reply-message', IDS.municipality, [IDS.replySegment], IDS.letterHeader),
    provenance(IDS.letterProvenance, IDS.letterHeader, LETTER_AT, 'new-message', IDS.gpPractice, [IDS.letterSegment]),
  ]);
}

/** The municipality's Acknowledgement of the letter: `ok`, or `fatal-error` with an OperationOutcome. */
export function igAcknowledgement(code: 'ok' | 'fatal-error' | 'transient-error' = 'ok'): JsonObject {
  const ACK_AT = '2026-03-02T09:16:00+01:00';
  const outcome: JsonObject = {
    resourceType: 'OperationOutcome',
    id: IDS.outcome,
    meta: { profile: [PROFILE.ackOutcome] },
    issue: [{ severity: 'error', code: 'structure', details: { coding: [{ system: `${CS}medcom-acknowledgement-error-codes`, code: 'MSG_VALUESET_VALUE_UNKNOWN' }] } }],
  };
  return bundle(IDS.ackBundle, ACK_AT, PROFILE.ack, [
    {
      resourceType: 'MessageHeader',
      id: IDS.ackHeader,
      meta: { profile: [PROFILE.ackHeader] },
      eventCoding: { system: `${CS}medcom-messaging-eventCodes`, code: 'acknowledgement-message' },
      destination: [
        {
          extension: [{ url: EXT.use, valueCoding: { system: `${CS}medcom-messaging-destinationUse`, code: 'primary' } }],
          endpoint: `${SOR_ENDPOINT}${GP.sor}`,
          receiver: ref('Organization', IDS.gpPractice),
        },
      ],
      sender: ref('Organization', IDS.municipality),
      source: { endpoint: `${SOR_ENDPOINT}${MUNICIPALITY.sor}` },
      response: { identifier: IDS.letterHeader, code, ...(code === 'ok' ? {} : { details: ref('OperationOutcome', IDS.outcome) }) },
    },
    {
      ...provenance(IDS.letterProvenance, IDS.letterHeader, LETTER_AT, 'new-message', IDS.gpPractice, [IDS.letterSegment]),
      meta: { profile: [PROFILE.messagingProvenance] },
    },
    {
      resourceType: 'Provenance',
      id: IDS.ackProvenance,
      meta: { profile: [PROFILE.messagingProvenance] },
      target: [ref('MessageHeader', IDS.ackHeader)],
      occurredDateTime: ACK_AT,
      recorded: ACK_AT,
      activity: { coding: [{ system: `${CS}medcom-messaging-activityCodes`, code: 'acknowledgement' }] },
      agent: [{ who: ref('Organization', IDS.municipality) }],
      entity: [{ role: 'revision', what: ref('MessageHeader', IDS.letterHeader) }],
    },
    organization(IDS.gpPractice, 'Lægerne på Testvej', GP),
    organization(IDS.municipality, 'Aarhus Kommune, Børn og Unge', MUNICIPALITY),
    ...(code === 'ok' ? [] : [outcome]),
  ]);
}
