import { parseDiagnosisCode, diagnosisCodings, SKS_SYSTEM } from '../../domain/icd10/diagnosis-code.ts';
import { REFERRAL_STATUSES, VISITATION_DECISIONS, type ReferralStatus, type VisitationDecision } from '../../domain/referral/status.ts';
import { REFERRAL_STATUS_EVENT, REFERRAL_SYSTEM as S } from './constants.ts';
import { arr, codeIn, Entries, field, obj, oneOfCode, refuse, str, type JsonObject } from './json.ts';
import { idFor, organizationResource, patientResource, readOrganization, readPatient, ref, urn, type MessageOrganization } from './parties.ts';
import { readInstant, readUuid } from './referral-bundle.ts';

/**
 * What BUA sends back about a referral, to the referrer and (for the outcome) to the municipality and the GP: the
 * referral's new status as a Task update (the draft model's "Visitationsafgørelse" is a Task: status, reason, who
 * decided), and with the assessment outcome the diagnoses as Condition resources (SKS and ICD-10 codings) and the
 * treatment, the child's needs and the results as Task outputs. The Task refers to the referral by its identifier,
 * as the ServiceRequest stays with the referrer. The event code is local: the draft model has none for this yet.
 */

export const OUTCOME_CONCLUSIONS = ['DIAGNOSED', 'NO_DIAGNOSIS'] as const;

export interface ReferralStatusMessage {
  messageId: string;
  sentAt: string;
  referralId: string;
  patient: { cpr: string };
  sender: MessageOrganization;
  receiver: MessageOrganization;
  status: ReferralStatus;
  statusAt: string;
  /** With status VISITED. */
  visitation: { decision: VisitationDecision; reason: string | null } | null;
  /** With status ASSESSED: the diagnoses as canonical SKS codes. */
  outcome: {
    conclusion: (typeof OUTCOME_CONCLUSIONS)[number];
    diagnoses: string[];
    /** The treatment started, and the day it started (agreement 6.1: "den iværksatte behandling"). */
    treatment: { description: string; startedOn: string } | null;
    childNeeds: string;
    results: string;
  } | null;
}

/** FHIR Task.status for each referral status (the business status carries ours exactly). */
function taskStatus(m: Pick<ReferralStatusMessage, 'status' | 'visitation'>): string {
  switch (m.status) {
    case 'SENT':
      return 'requested';
    case 'RECEIVED':
      return 'received';
    case 'VISITED':
      return m.visitation?.decision === 'NO_ASSESSMENT_NEEDED' ? 'rejected' : 'accepted';
    case 'ASSESSMENT_STARTED':
    case 'ASSESSED':
      return 'in-progress';
    case 'CLOSED':
      return 'completed';
  }
}

const OUTPUT = { treatment: 'treatment', treatmentStarted: 'treatment-started', childNeeds: 'child-needs', results: 'results', diagnosis: 'diagnosis', conclusion: 'conclusion' } as const;
const output = (type: string, value: Record<string, unknown>) => ({ type: { coding: [{ system: S.taskOutput, code: type }] }, ...value });

export function buildReferralStatusBundle(message: ReferralStatusMessage): JsonObject {
  const m = message;
  const id = (slot: string) => idFor(m.messageId, slot);
  const [patientId, senderId, receiverId, taskId] = ['Patient', 'Organization/sender', 'Organization/receiver', 'Task'].map(id) as [string, string, string, string];
  const conditions: JsonObject[] = (m.outcome?.diagnoses ?? []).map((code, i) => ({
    resourceType: 'Condition',
    id: id(`Condition/${i}`),
    clinicalStatus: { coding: [{ system: S.conditionClinical, code: 'active' }] },
    verificationStatus: { coding: [{ system: S.conditionVerification, code: 'confirmed' }] },
    category: [{ coding: [{ system: S.conditionCategory, code: 'encounter-diagnosis' }] }],
    code: { coding: diagnosisCodings(parseDiagnosisCode(code, `outcome.diagnoses[${i}]`)) },
    subject: ref(patientId),
    recordedDate: m.statusAt,
  }));
  const outputs = m.outcome === null
    ? []
    : [
        output(OUTPUT.conclusion, { valueCode: m.outcome.conclusion }),
        ...conditions.map((c) => output(OUTPUT.diagnosis, { valueReference: ref(c['id'] as string) })),
        ...(m.outcome.treatment === null
          ? []
          : [
              output(OUTPUT.treatment, { valueString: m.outcome.treatment.description }),
              output(OUTPUT.treatmentStarted, { valueDate: m.outcome.treatment.startedOn }),
            ]),
        output(OUTPUT.childNeeds, { valueString: m.outcome.childNeeds }),
        output(OUTPUT.results, { valueString: m.outcome.results }),
      ];
  const task: JsonObject = {
    resourceType: 'Task',
    id: taskId,
    status: taskStatus(m),
    businessStatus: { coding: [{ system: S.referralStatus, code: m.status }] },
    ...(m.visitation === null
      ? {}
      : {
          code: { coding: [{ system: S.visitationDecision, code: m.visitation.decision }] },
          ...(m.visitation.reason === null ? {} : { statusReason: { text: m.visitation.reason } }),
        }),
    intent: 'order',
    focus: { identifier: { system: S.referralId, value: m.referralId } },
    for: ref(patientId),
    lastModified: m.statusAt,
    owner: ref(senderId),
    ...(outputs.length === 0 ? {} : { output: outputs }),
  };
  const resources: JsonObject[] = [
    {
      resourceType: 'MessageHeader',
      id: m.messageId,
      eventCoding: { system: S.eventCodes, code: REFERRAL_STATUS_EVENT },
      destination: [{ endpoint: urn(receiverId), receiver: ref(receiverId) }],
      sender: ref(senderId),
      source: { endpoint: urn(senderId) },
      focus: [ref(taskId)],
    },
    task,
    patientResource(patientId, m.patient.cpr),
    organizationResource(senderId, m.sender),
    organizationResource(receiverId, m.receiver),
    ...conditions,
  ];
  const bundle = {
    resourceType: 'Bundle',
    id: idFor(m.messageId, 'Bundle'),
    type: 'message',
    timestamp: m.sentAt,
    entry: resources.map((resource) => ({ fullUrl: urn(resource['id'] as string), resource })),
  };
  parseReferralStatusBundle(bundle);
  return bundle;
}

export function parseReferralStatusBundle(json: unknown): ReferralStatusMessage {
  const bundle = obj(json, 'Bundle');
  if (field(bundle, 'resourceType') !== 'Bundle') throw refuse('Bundle.resourceType', "must be 'Bundle'");
  if (field(bundle, 'type') !== 'message') throw refuse('Bundle.type', "must be 'message'");
  const sentAt = readInstant(field(bundle, 'timestamp'), 'Bundle.timestamp');
  const entries = new Entries(bundle);
  if (field(entries.list[0]!.resource, 'resourceType') !== 'MessageHeader') throw refuse('Bundle.entry[0]', 'must be the MessageHeader');
  const header = entries.single('MessageHeader');
  const messageId = readUuid(field(header, 'id'), 'MessageHeader.id');
  if (codeIn(field(header, 'eventCoding'), S.eventCodes, 'MessageHeader.eventCoding') !== REFERRAL_STATUS_EVENT) {
    throw refuse('MessageHeader.eventCoding', `must be ${REFERRAL_STATUS_EVENT}`);
  }
  const sender = readOrganization(entries.resolve(field(header, 'sender'), 'MessageHeader.sender', 'Organization'), 'Organization(sender)');
  const destination = obj(arr(field(header, 'destination'), 'MessageHeader.destination', { required: true })[0], 'MessageHeader.destination[0]');
  const receiver = readOrganization(entries.resolve(field(destination, 'receiver'), 'MessageHeader.destination[0].receiver', 'Organization'), 'Organization(receiver)');
  const task = entries.resolve(arr(field(header, 'focus'), 'MessageHeader.focus', { required: true })[0], 'MessageHeader.focus[0]', 'Task');
  const focus = obj(field(obj(field(task, 'focus'), 'Task.focus'), 'identifier'), 'Task.focus.identifier');
  if (field(focus, 'system') !== S.referralId) throw refuse('Task.focus.identifier.system', `must be ${S.referralId}`);
  const referralId = readUuid(field(focus, 'value'), 'Task.focus.identifier.value');
  const patient = readPatient(entries.resolve(field(task, 'for'), 'Task.for', 'Patient'));
  const status = oneOfCode(codeIn(field(task, 'businessStatus'), S.referralStatus, 'Task.businessStatus'), REFERRAL_STATUSES, 'Task.businessStatus.coding.code');
  const statusAt = readInstant(field(task, 'lastModified'), 'Task.lastModified');

  const visitation =
    field(task, 'code') === undefined
      ? null
      : {
          decision: oneOfCode(codeIn(field(task, 'code'), S.visitationDecision, 'Task.code'), VISITATION_DECISIONS, 'Task.code.coding.code'),
          reason: field(task, 'statusReason') === undefined ? null : str(field(obj(field(task, 'statusReason'), 'Task.statusReason'), 'text'), 'Task.statusReason.text'),
        };
  if (field(task, 'status') !== taskStatus({ status, visitation })) {
    throw refuse('Task.status', `must be ${taskStatus({ status, visitation })} for business status ${status}`);
  }

  const outputs = arr(field(task, 'output'), 'Task.output').map((raw, i) => {
    const o = obj(raw, `Task.output[${i}]`);
    return { type: codeIn(field(o, 'type'), S.taskOutput, `Task.output[${i}].type`), o, element: `Task.output[${i}]` };
  });
  let outcome: ReferralStatusMessage['outcome'] = null;
  if (outputs.length > 0) {
    const one = (type: string) => {
      const found = outputs.filter((x) => x.type === type);
      if (found.length > 1) throw refuse(`Task.output[${type}]`, 'must occur at most once');
      return found[0];
    };
    const text = (type: string, required: boolean) => {
      const found = one(type);
      if (!found) {
        if (required) throw refuse(`Task.output[${type}]`, 'is missing');
        return null;
      }
      return str(field(found.o, 'valueString'), `${found.element}.valueString`);
    };
    const conclusion = one(OUTPUT.conclusion);
    if (!conclusion) throw refuse(`Task.output[${OUTPUT.conclusion}]`, 'is missing');
    const diagnoses = outputs
      .filter((x) => x.type === OUTPUT.diagnosis)
      .map((x) => {
        const condition = entries.resolve(field(x.o, 'valueReference'), `${x.element}.valueReference`, 'Condition');
        const code = codeIn(field(condition, 'code'), SKS_SYSTEM, 'Condition.code');
        // The receiver checks the code as the sender did; an unknown chapter F code is refused here too.
        try {
          return parseDiagnosisCode(code, 'Condition.code.coding[SKS].code').sks;
        } catch (error) {
          throw refuse('Condition.code.coding[SKS].code', `is not an accepted diagnosis code (${(error as Error).message})`);
        }
      });
    const treatment = text(OUTPUT.treatment, false);
    const started = one(OUTPUT.treatmentStarted);
    if ((treatment === null) !== (started === undefined)) {
      throw refuse(`Task.output[${OUTPUT.treatmentStarted}]`, `must be given exactly when Task.output[${OUTPUT.treatment}] is`);
    }
    const startedOn = started === undefined ? null : str(field(started.o, 'valueDate'), `${started.element}.valueDate`);
    if (startedOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(startedOn)) throw refuse(`${started!.element}.valueDate`, 'must be a date, YYYY-MM-DD');
    outcome = {
      conclusion: oneOfCode(field(conclusion.o, 'valueCode'), OUTCOME_CONCLUSIONS, `${conclusion.element}.valueCode`),
      diagnoses,
      treatment: treatment === null ? null : { description: treatment, startedOn: startedOn! },
      childNeeds: text(OUTPUT.childNeeds, true)!,
      results: text(OUTPUT.results, true)!,
    };
    if (outcome.conclusion === 'DIAGNOSED' && diagnoses.length === 0) throw refuse('Task.output[diagnosis]', 'must name at least one diagnosis for conclusion DIAGNOSED');
  }
  if (status === 'ASSESSED' && outcome === null) throw refuse('Task.output', 'must carry the assessment outcome for status ASSESSED');
  if (status === 'VISITED' && visitation === null) throw refuse('Task.code', 'must carry the visitation decision for status VISITED');
  // Loose references in Condition entries that no output names would be data nobody reads.
  if (entries.ofType('Condition').length !== (outcome?.diagnoses.length ?? 0)) {
    throw refuse('Bundle.entry[Condition]', 'must each be named by a diagnosis output of the Task');
  }
  return { messageId, sentAt, referralId, patient, sender, receiver, status, statusAt, visitation, outcome };
}
