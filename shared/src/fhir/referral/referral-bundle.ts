import { INTERVENTION_EFFECTS, INTERVENTION_KINDS, INTERVENTION_STEPS, type Intervention } from '../../domain/coordination/interventions.ts';
import { isInstant } from '../../domain/input.ts';
import { REFERRER_SECTORS, STEPS_REACHED, type Referral, type ReferrerSector } from '../../domain/referral/referral.ts';
import { isUuid } from '../../uuid7.ts';
import { NEW_REFERRAL_EVENT, REFERRAL_EXTENSION, REFERRAL_SYSTEM as S } from './constants.ts';
import { arr, codeIn, Entries, field, isObject, obj, oneOfCode, optStr, refuse, str, type JsonObject } from './json.ts';
import {
  idFor,
  organizationResource,
  patientResource,
  readOrganization,
  readPatient,
  ref,
  urn,
  type MessageOrganization,
} from './parties.ts';

/**
 * A referral to BUA as a FHIR R4 message Bundle, shaped after MedCom's draft logical model for referrals
 * (`medcomdk/dk-medcom-ref-lm` 0.1.0): MessageHeader first (event `new-referral` from the draft's EHMI event codes),
 * the referral as a ServiceRequest ("Henvisning"), a Task that carries its fulfilment status (the draft's
 * "Visitationsafgørelse" is a Task too), Patient, the sending and receiving Organization, the referring
 * Practitioner with a PractitionerRole, and as supportingInfo ("dokumentation") the municipal interventions tried
 * (Procedure), the consents (Consent), the phone call to the emergency service and the notification filed
 * (Communication), and the screening results by identifier only (they stay in the screening subgraph).
 * Deterministic: the resources' ids derive from the message id. Build refuses what parse would refuse.
 */

export interface ReferralMessage {
  /** MessageHeader.id; a UUID, unique per message. */
  messageId: string;
  sentAt: string;
  /** The referral's own id (ServiceRequest.identifier), the same in every later message about it. */
  referralId: string;
  patient: { cpr: string };
  sender: MessageOrganization;
  receiver: MessageOrganization;
  /** The person referring: a GP or a municipal caseworker. */
  requester: { name: string; role: string };
  referral: Referral;
}

type Json = JsonObject;

const PROCEDURE_STATUS = (i: Intervention) => (i.endedOn === null ? 'in-progress' : 'completed');

export function buildReferralBundle(message: ReferralMessage): Json {
  const m = message;
  const id = (slot: string) => idFor(m.messageId, slot);
  const [patientId, senderId, receiverId, practitionerId, roleId, requestId, taskId] = [
    'Patient', 'Organization/sender', 'Organization/receiver', 'Practitioner', 'PractitionerRole', 'ServiceRequest', 'Task',
  ].map(id) as [string, string, string, string, string, string, string];
  const r = m.referral;

  const procedures: Json[] = r.interventionsTried.map((intervention, i) => ({
    resourceType: 'Procedure',
    id: id(`Procedure/${i}`),
    extension: [{ url: REFERRAL_EXTENSION.interventionStep, valueCode: intervention.step }],
    status: PROCEDURE_STATUS(intervention),
    category: { coding: [{ system: S.interventionKind, code: intervention.kind }] },
    code: { text: intervention.description },
    subject: ref(patientId),
    performedPeriod: { start: intervention.startedOn, ...(intervention.endedOn === null ? {} : { end: intervention.endedOn }) },
    performer: [{ actor: { display: intervention.responsible } }],
    ...(intervention.effect === null ? {} : { outcome: { coding: [{ system: S.interventionEffect, code: intervention.effect }] } }),
  }));
  const consents: Json[] = r.consents.map((consent, i) => ({
    resourceType: 'Consent',
    id: id(`Consent/${i}`),
    status: 'active',
    scope: { coding: [{ system: S.consentScope, code: 'patient-privacy' }] },
    category: [{ coding: [{ system: S.consentCategory, code: 'npp' }] }],
    patient: ref(patientId),
    dateTime: consent.givenOn,
    performer: [{ display: consent.givenBy === 'YOUNG_PERSON' ? 'Den unge selv' : 'Forældremyndighedsindehaver' }],
    policyRule: { coding: [{ system: S.consentGivenBy, code: consent.givenBy }] },
  }));
  const communications: Json[] = [];
  if (r.emergencyPhoneContact !== null) {
    communications.push({
      resourceType: 'Communication',
      id: id('Communication/emergency-phone-contact'),
      status: 'completed',
      category: [{ coding: [{ system: S.communicationCategory, code: 'emergency-phone-contact' }] }],
      medium: [{ coding: [{ system: S.participationMode, code: 'PHONE' }] }],
      subject: ref(patientId),
      sent: r.emergencyPhoneContact.at,
      recipient: [{ display: r.emergencyPhoneContact.withWhom }],
    });
  }
  if (r.notificationFiled !== null) {
    communications.push({
      resourceType: 'Communication',
      id: id('Communication/notification'),
      ...(r.notificationFiled.reference === null ? {} : { identifier: [{ value: r.notificationFiled.reference }] }),
      status: 'completed',
      category: [{ coding: [{ system: S.communicationCategory, code: 'child-welfare-notification' }] }],
      subject: ref(patientId),
      sent: r.notificationFiled.filedAt,
    });
  }

  const serviceRequest: Json = {
    resourceType: 'ServiceRequest',
    id: requestId,
    identifier: [{ system: S.referralId, value: m.referralId }],
    status: 'active',
    intent: 'order',
    category: [{ coding: [{ system: S.pathwayStep, code: r.stepReached }] }],
    priority: r.acute ? 'urgent' : 'routine',
    code: { text: 'Henvisning til børne- og ungdomspsykiatrisk vurdering (Trin 3)' },
    subject: ref(patientId),
    authoredOn: m.sentAt,
    requester: ref(roleId),
    performer: [ref(receiverId)],
    reasonCode: [{ text: r.reason }],
    supportingInfo: [
      ...[...procedures, ...consents, ...communications].map((resource) => ref(resource['id'] as string)),
      ...r.screeningResultIds.map((value) => ({ identifier: { system: S.screeningResultId, value } })),
    ],
  };
  const task: Json = {
    resourceType: 'Task',
    id: taskId,
    status: 'requested',
    businessStatus: { coding: [{ system: S.referralStatus, code: 'SENT' }] },
    intent: 'order',
    focus: ref(requestId),
    for: ref(patientId),
    authoredOn: m.sentAt,
    requester: ref(roleId),
    owner: ref(receiverId),
  };
  const resources: Json[] = [
    {
      resourceType: 'MessageHeader',
      id: m.messageId,
      eventCoding: { system: S.ehmiEvents, code: NEW_REFERRAL_EVENT },
      destination: [{ endpoint: `urn:uuid:${receiverId}`, receiver: ref(receiverId) }],
      sender: ref(senderId),
      source: { endpoint: `urn:uuid:${senderId}` },
      focus: [ref(requestId), ref(taskId)],
    },
    serviceRequest,
    task,
    patientResource(patientId, m.patient.cpr),
    { resourceType: 'Practitioner', id: practitionerId, name: [{ text: m.requester.name }] },
    {
      resourceType: 'PractitionerRole',
      id: roleId,
      practitioner: ref(practitionerId),
      organization: ref(senderId),
      code: [{ text: m.requester.role }],
    },
    organizationResource(senderId, m.sender),
    organizationResource(receiverId, m.receiver),
    ...procedures,
    ...consents,
    ...communications,
  ];
  const bundle: Json = {
    resourceType: 'Bundle',
    id: idFor(m.messageId, 'Bundle'),
    type: 'message',
    timestamp: m.sentAt,
    entry: resources.map((resource) => ({ fullUrl: urn(resource['id'] as string), resource })),
  };
  // Nothing leaves that the receiving side would refuse.
  parseReferralBundle(bundle, { referrerSector: m.referral.referrerSector });
  return bundle;
}

/**
 * Reads a referral message; refuses with BAD_USER_INPUT naming the element. `referrerSector` comes from the
 * authenticated sender of the message (the signed envelope), never from the bundle itself.
 */
export function parseReferralBundle(json: unknown, ctx: { referrerSector: ReferrerSector }): ReferralMessage {
  const bundle = obj(json, 'Bundle');
  if (field(bundle, 'resourceType') !== 'Bundle') throw refuse('Bundle.resourceType', "must be 'Bundle'");
  if (field(bundle, 'type') !== 'message') throw refuse('Bundle.type', "must be 'message'");
  const sentAt = instant(field(bundle, 'timestamp'), 'Bundle.timestamp');
  const entries = new Entries(bundle);
  const first = entries.list[0]!;
  if (field(first.resource, 'resourceType') !== 'MessageHeader') throw refuse('Bundle.entry[0]', 'must be the MessageHeader');
  const header = entries.single('MessageHeader');
  const messageId = uuid(field(header, 'id'), 'MessageHeader.id');
  if (codeIn(field(header, 'eventCoding'), S.ehmiEvents, 'MessageHeader.eventCoding') !== NEW_REFERRAL_EVENT) {
    throw refuse('MessageHeader.eventCoding', `must be ${NEW_REFERRAL_EVENT}`);
  }
  const sender = readOrganization(entries.resolve(field(header, 'sender'), 'MessageHeader.sender', 'Organization'), 'Organization(sender)');
  const destination = obj(arr(field(header, 'destination'), 'MessageHeader.destination', { required: true })[0], 'MessageHeader.destination[0]');
  const receiver = readOrganization(entries.resolve(field(destination, 'receiver'), 'MessageHeader.destination[0].receiver', 'Organization'), 'Organization(receiver)');
  const focus = arr(field(header, 'focus'), 'MessageHeader.focus', { required: true });
  const request = entries.resolve(focus[0], 'MessageHeader.focus[0]', 'ServiceRequest');
  const task = entries.resolve(focus[1], 'MessageHeader.focus[1]', 'Task');
  if (entries.resolve(field(task, 'focus'), 'Task.focus', 'ServiceRequest') !== request) {
    throw refuse('Task.focus', 'must refer to the referral (the ServiceRequest of MessageHeader.focus)');
  }

  const referralIdentifier = arr(field(request, 'identifier'), 'ServiceRequest.identifier', { required: true }).find(
    (i) => isObject(i) && field(i, 'system') === S.referralId,
  );
  if (!referralIdentifier) throw refuse('ServiceRequest.identifier', `has no referral id (system ${S.referralId})`);
  const referralId = uuid(field(referralIdentifier as Json, 'value'), 'ServiceRequest.identifier.value');
  const patient = readPatient(entries.resolve(field(request, 'subject'), 'ServiceRequest.subject', 'Patient'));
  const role = entries.resolve(field(request, 'requester'), 'ServiceRequest.requester', 'PractitionerRole');
  const practitioner = entries.resolve(field(role, 'practitioner'), 'PractitionerRole.practitioner', 'Practitioner');
  const requester = {
    name: str(field(obj(arr(field(practitioner, 'name'), 'Practitioner.name', { required: true })[0], 'Practitioner.name[0]'), 'text'), 'Practitioner.name[0].text'),
    role: str(field(obj(arr(field(role, 'code'), 'PractitionerRole.code', { required: true })[0], 'PractitionerRole.code[0]'), 'text'), 'PractitionerRole.code[0].text'),
  };
  const priority = oneOfCode(field(request, 'priority'), ['routine', 'urgent'] as const, 'ServiceRequest.priority');
  const stepReached = oneOfCode(
    codeIn(arr(field(request, 'category'), 'ServiceRequest.category', { required: true })[0], S.pathwayStep, 'ServiceRequest.category[0]'),
    STEPS_REACHED,
    'ServiceRequest.category[0].coding.code',
  );
  const reason = str(field(obj(arr(field(request, 'reasonCode'), 'ServiceRequest.reasonCode', { required: true })[0], 'ServiceRequest.reasonCode[0]'), 'text'), 'ServiceRequest.reasonCode[0].text');

  const interventionsTried: Intervention[] = [];
  const consents: Referral['consents'] = [];
  let emergencyPhoneContact: Referral['emergencyPhoneContact'] = null;
  let notificationFiled: Referral['notificationFiled'] = null;
  const screeningResultIds: string[] = [];
  arr(field(request, 'supportingInfo'), 'ServiceRequest.supportingInfo').forEach((raw, i) => {
    const element = `ServiceRequest.supportingInfo[${i}]`;
    const info = obj(raw, element);
    if (field(info, 'identifier') !== undefined) {
      const identifier = obj(field(info, 'identifier'), `${element}.identifier`);
      if (field(identifier, 'system') !== S.screeningResultId) throw refuse(`${element}.identifier.system`, `must be ${S.screeningResultId}`);
      screeningResultIds.push(uuid(field(identifier, 'value'), `${element}.identifier.value`));
      return;
    }
    const url = str(field(info, 'reference'), `${element}.reference`);
    const resource = entries.byUrl.get(url);
    if (!resource) throw refuse(`${element}.reference`, 'does not resolve to an entry of the bundle');
    switch (field(resource, 'resourceType')) {
      case 'Procedure':
        interventionsTried.push(readProcedure(resource, `Procedure(${element})`));
        return;
      case 'Consent':
        consents.push(readConsent(resource, `Consent(${element})`));
        return;
      case 'Communication': {
        const element2 = `Communication(${element})`;
        const category = codeIn(arr(field(resource, 'category'), `${element2}.category`, { required: true })[0], S.communicationCategory, `${element2}.category[0]`);
        const sent = instant(field(resource, 'sent'), `${element2}.sent`);
        if (category === 'emergency-phone-contact') {
          const recipient = obj(arr(field(resource, 'recipient'), `${element2}.recipient`, { required: true })[0], `${element2}.recipient[0]`);
          emergencyPhoneContact = { at: sent, withWhom: str(field(recipient, 'display'), `${element2}.recipient[0].display`) };
        } else if (category === 'child-welfare-notification') {
          const identifier = arr(field(resource, 'identifier'), `${element2}.identifier`)[0];
          notificationFiled = { filedAt: sent, reference: identifier === undefined ? null : str(field(obj(identifier, `${element2}.identifier[0]`), 'value'), `${element2}.identifier[0].value`) };
        } else {
          throw refuse(`${element2}.category`, 'must be emergency-phone-contact or child-welfare-notification');
        }
        return;
      }
      default:
        throw refuse(`${element}.reference`, 'must refer to a Procedure, Consent or Communication');
    }
  });

  const referral: Referral = {
    referrerSector: oneOfCode(ctx.referrerSector, REFERRER_SECTORS, 'sender sector'),
    reason,
    stepReached,
    acute: priority === 'urgent',
    interventionsTried,
    screeningResultIds,
    consents,
    emergencyPhoneContact,
    notificationFiled,
  };
  if (referral.acute && emergencyPhoneContact === null) {
    throw refuse('ServiceRequest.supportingInfo', 'must hold the phone call to the psychiatric emergency service for an urgent referral');
  }
  if (consents.length === 0) throw refuse('ServiceRequest.supportingInfo', 'must hold at least one Consent');
  return { messageId, sentAt, referralId, patient, sender, receiver, requester, referral };
}

function readProcedure(resource: Json, element: string): Intervention {
  const extension = arr(field(resource, 'extension'), `${element}.extension`).find(
    (e) => isObject(e) && field(e, 'url') === REFERRAL_EXTENSION.interventionStep,
  );
  if (!extension) throw refuse(`${element}.extension[intervention-step]`, 'is missing');
  const period = obj(field(resource, 'performedPeriod'), `${element}.performedPeriod`);
  const endedOn = optStr(field(period, 'end'), `${element}.performedPeriod.end`);
  const performer = obj(arr(field(resource, 'performer'), `${element}.performer`, { required: true })[0], `${element}.performer[0]`);
  const outcome = field(resource, 'outcome');
  const intervention: Intervention = {
    kind: oneOfCode(codeIn(field(resource, 'category'), S.interventionKind, `${element}.category`), INTERVENTION_KINDS, `${element}.category.coding.code`),
    step: oneOfCode(field(extension as Json, 'valueCode'), INTERVENTION_STEPS, `${element}.extension[intervention-step].valueCode`),
    description: str(field(obj(field(resource, 'code'), `${element}.code`), 'text'), `${element}.code.text`),
    startedOn: date(field(period, 'start'), `${element}.performedPeriod.start`),
    endedOn: endedOn === null ? null : date(endedOn, `${element}.performedPeriod.end`),
    responsible: str(field(obj(field(performer, 'actor'), `${element}.performer[0].actor`), 'display'), `${element}.performer[0].actor.display`),
    effect: outcome === undefined ? null : oneOfCode(codeIn(outcome, S.interventionEffect, `${element}.outcome`), INTERVENTION_EFFECTS, `${element}.outcome.coding.code`),
  };
  if (field(resource, 'status') !== PROCEDURE_STATUS(intervention)) {
    throw refuse(`${element}.status`, `must be ${PROCEDURE_STATUS(intervention)} for an intervention ${intervention.endedOn === null ? 'without' : 'with'} an end date`);
  }
  return intervention;
}

function readConsent(resource: Json, element: string): Referral['consents'][number] {
  return {
    givenBy: oneOfCode(codeIn(field(resource, 'policyRule'), S.consentGivenBy, `${element}.policyRule`), ['YOUNG_PERSON', 'CUSTODY_HOLDER'] as const, `${element}.policyRule.coding.code`),
    givenOn: date(field(resource, 'dateTime'), `${element}.dateTime`),
  };
}

function uuid(value: unknown, element: string): string {
  const text = str(value, element);
  if (!isUuid(text)) throw refuse(element, 'must be a UUID');
  return text;
}

function instant(value: unknown, element: string): string {
  if (!isInstant(value)) throw refuse(element, 'must be an instant with a time zone, e.g. 2026-12-01T10:00:00+01:00');
  return value;
}

function date(value: unknown, element: string): string {
  const text = str(value, element);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw refuse(element, 'must be a date, YYYY-MM-DD');
  return text;
}

export { instant as readInstant, uuid as readUuid };
