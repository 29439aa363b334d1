import { describe, expect, it } from 'vitest';
import { validateReferral } from '../../domain/referral/referral.ts';
import { expectRefusal } from '../../testing/refusal.ts';
import { expectRefused } from '../fixtures/expect-refused.ts';
import { REFERRAL_SYSTEM } from './constants.ts';
import { buildReferralBundle, parseReferralBundle, type ReferralMessage } from './referral-bundle.ts';
import { buildReferralStatusBundle, parseReferralStatusBundle, type ReferralStatusMessage } from './status-bundle.ts';

/** Synthetic: a made-up CPR number of a child born 2015-03-04, demo organisations. */
const CPR = '0403159996';
const CTX = { birthDate: '2015-03-04', today: '2026-12-01', now: new Date('2026-12-01T10:00:00+01:00') };
const BUA = { sorCode: '6620101000000', name: 'Børne- og Ungdomspsykiatrisk Afdeling (demo)' };

const acuteGpReferral = validateReferral(
  {
    referrerSector: 'GENERAL_PRACTICE',
    reason: 'Akut selvmordsrisiko efter konflikt i hjemmet.',
    stepReached: 'TRIN_1',
    acute: true,
    screeningResultIds: ['0197a1c2-0000-7000-8000-0000000000a1'],
    consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2026-12-01' }],
    emergencyPhoneContact: { at: '2026-12-01T09:30:00+01:00', withWhom: 'Vagthavende læge, BUA akutmodtagelse' },
    notificationFiled: { filedAt: '2026-12-01T09:45:00+01:00', reference: 'UND-2026-0042' },
  },
  CTX,
);

const municipalReferral = validateReferral(
  {
    referrerSector: 'MUNICIPALITY',
    reason: 'Vedvarende angst trods PPR-forløb.',
    stepReached: 'TRIN_2',
    acute: false,
    interventionsTried: [
      { kind: 'PEDAGOGICAL', step: 'TRIN_1', description: 'Støtte i klassen', startedOn: '2026-01-05', endedOn: '2026-04-30', responsible: 'Skolen', effect: null },
      { kind: 'PSYCHOLOGICAL', step: 'TRIN_2', description: 'PPR-forløb', startedOn: '2026-05-01', endedOn: null, responsible: 'PPR', effect: 'NOT_AS_EXPECTED' },
    ],
    consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2026-11-20' }],
  },
  CTX,
);

const message = (overrides: Partial<ReferralMessage> = {}): ReferralMessage => ({
  messageId: '0197a1c2-0000-7000-8000-000000000101',
  sentAt: '2026-12-01T10:00:00+01:00',
  referralId: '0197a1c2-0000-7000-8000-000000000201',
  patient: { cpr: CPR },
  sender: { ydernummer: '107510', sorCode: '123456789012', name: 'Lægehuset (demo)' },
  receiver: BUA,
  requester: { name: 'Demo Læge', role: 'Praktiserende læge' },
  referral: acuteGpReferral,
  ...overrides,
});

type Json = Record<string, unknown>;
const entries = (bundle: Json) => bundle['entry'] as Array<{ resource: Json }>;
const resourceOf = (bundle: Json, type: string) => entries(bundle).find((e) => e.resource['resourceType'] === type)!.resource;

describe('the referral message', () => {
  it('round-trips an acute GP referral with consent, phone call, notification and screening reference', () => {
    const m = message();
    expect(parseReferralBundle(buildReferralBundle(m), { referrerSector: 'GENERAL_PRACTICE' })).toEqual(m);
  });

  it("round-trips a municipality's referral with its interventions", () => {
    const m = message({ sender: { municipalityCode: 751, gln: '5790000000001', name: 'Aarhus Kommune' }, referral: municipalReferral, requester: { name: 'Demo Sagsbehandler', role: 'Sagsbehandler' } });
    expect(parseReferralBundle(buildReferralBundle(m), { referrerSector: 'MUNICIPALITY' })).toEqual(m);
  });

  it('has the shape of the draft model: MessageHeader first, ServiceRequest and Task in focus', () => {
    const bundle = buildReferralBundle(message());
    expect(entries(bundle)[0]!.resource['resourceType']).toBe('MessageHeader');
    expect(resourceOf(bundle, 'MessageHeader')['eventCoding']).toEqual({ system: REFERRAL_SYSTEM.ehmiEvents, code: 'new-referral' });
    expect(entries(bundle).map((e) => e.resource['resourceType'])).toEqual([
      'MessageHeader', 'ServiceRequest', 'Task', 'Patient', 'Practitioner', 'PractitionerRole', 'Organization', 'Organization', 'Consent', 'Communication', 'Communication',
    ]);
    expect(resourceOf(bundle, 'ServiceRequest')['priority']).toBe('urgent');
    expect(resourceOf(bundle, 'Task')['status']).toBe('requested');
  });

  it('is deterministic: the same message gives the same JSON', () => {
    expect(JSON.stringify(buildReferralBundle(message()))).toBe(JSON.stringify(buildReferralBundle(message())));
  });

  const mutate = (change: (bundle: Json) => void): Json => {
    const bundle = structuredClone(buildReferralBundle(message())) as Json;
    change(bundle);
    return bundle;
  };

  it.each([
    ['a string instead of JSON', () => 'x' as unknown as Json, 'Bundle'],
    ['another bundle type', () => mutate((b) => (b['type'] = 'collection')), 'Bundle.type'],
    ['a timestamp without zone', () => mutate((b) => (b['timestamp'] = '2026-12-01T10:00:00')), 'Bundle.timestamp'],
    ['no MessageHeader first', () => mutate((b) => entries(b).reverse()), 'Bundle.entry[0]'],
    ['another event', () => mutate((b) => ((resourceOf(b, 'MessageHeader')['eventCoding'] as Json)['code'] = 'cancel-referral')), 'MessageHeader.eventCoding'],
    ['a message id that is no UUID', () => mutate((b) => (resourceOf(b, 'MessageHeader')['id'] = 'abc')), 'MessageHeader.id'],
    ['a dangling sender', () => mutate((b) => ((resourceOf(b, 'MessageHeader')['sender'] as Json)['reference'] = 'urn:uuid:00000000-0000-4000-8000-000000000000')), 'MessageHeader.sender.reference'],
    ['no reason', () => mutate((b) => delete resourceOf(b, 'ServiceRequest')['reasonCode']), 'ServiceRequest.reasonCode'],
    ['an unknown priority', () => mutate((b) => (resourceOf(b, 'ServiceRequest')['priority'] = 'stat')), 'ServiceRequest.priority'],
    ['a CPR number of 9 digits', () => mutate((b) => ((resourceOf(b, 'Patient')['identifier'] as Json[])[0]!['value'] = '040315999')), 'Patient.identifier[CPR].value'],
    ['an urgent referral without the phone call', () => mutate((b) => {
      const request = resourceOf(b, 'ServiceRequest');
      request['supportingInfo'] = (request['supportingInfo'] as Json[]).filter((_, i) => i !== 1);
    }), 'ServiceRequest.supportingInfo'],
    ['a screening reference that is no UUID', () => mutate((b) => {
      const info = resourceOf(b, 'ServiceRequest')['supportingInfo'] as Json[];
      (info[info.length - 1]!['identifier'] as Json)['value'] = 'sdq';
    }), 'ServiceRequest.supportingInfo[3].identifier.value'],
    ['a Task about something else', () => mutate((b) => ((resourceOf(b, 'Task')['focus'] as Json)['reference'] = (resourceOf(b, 'MessageHeader')['sender'] as Json)['reference'])), 'Task.focus.reference'],
  ] as const)('refuses %s, naming the element', (_, bundle, element) => {
    const error = expectRefused(() => parseReferralBundle(bundle(), { referrerSector: 'GENERAL_PRACTICE' }));
    expect(error.extensions['element']).toBe(element);
    expect(error.message).toMatch(/^Not a valid referral message: /);
    expect(error.message).not.toContain(CPR.slice(0, 9));
  });
});

const statusMessage = (overrides: Partial<ReferralStatusMessage> = {}): ReferralStatusMessage => ({
  messageId: '0197a1c2-0000-7000-8000-000000000301',
  sentAt: '2026-12-20T12:00:00+01:00',
  referralId: '0197a1c2-0000-7000-8000-000000000201',
  patient: { cpr: CPR },
  sender: BUA,
  receiver: { ydernummer: '107510' },
  status: 'RECEIVED',
  statusAt: '2026-12-20T11:00:00+01:00',
  visitation: null,
  outcome: null,
  ...overrides,
});

describe('the status and outcome messages', () => {
  it.each([
    ['the receipt', statusMessage()],
    ['a no-assessment visitation with its reason', statusMessage({ status: 'VISITED', visitation: { decision: 'NO_ASSESSMENT_NEEDED', reason: 'Ingen tegn på psykisk lidelse.' } })],
    ['an assessment visitation', statusMessage({ status: 'VISITED', visitation: { decision: 'ASSESSMENT', reason: null } })],
    ['the assessment outcome with diagnoses', statusMessage({
      status: 'ASSESSED',
      outcome: { conclusion: 'DIAGNOSED', diagnoses: ['DF900', 'DZ032'], treatment: { description: 'Methylphenidat og psykoedukation', startedOn: '2026-12-10' }, childNeeds: 'Struktur i skolen', results: 'ADHD' },
    })],
    ['an outcome without diagnosis', statusMessage({ status: 'ASSESSED', outcome: { conclusion: 'NO_DIAGNOSIS', diagnoses: [], treatment: null, childNeeds: 'Støtte i hjemmet', results: 'Ingen diagnose' } })],
    ['the closing', statusMessage({ status: 'CLOSED' })],
  ])('round-trips %s', (_, m) => {
    expect(parseReferralStatusBundle(buildReferralStatusBundle(m))).toEqual(m);
  });

  it('carries the diagnoses as Conditions with SKS and ICD-10 codings', () => {
    const bundle = buildReferralStatusBundle(statusMessage({ status: 'ASSESSED', outcome: { conclusion: 'DIAGNOSED', diagnoses: ['DF900'], treatment: null, childNeeds: 'x', results: 'y' } }));
    expect(resourceOf(bundle, 'Condition')['code']).toEqual({
      coding: [
        { system: 'urn:oid:1.2.208.176.2.4', code: 'DF900', display: 'Forstyrrelse af aktivitet og opmærksomhed' },
        { system: 'http://hl7.org/fhir/sid/icd-10', code: 'F90.0' },
      ],
    });
    expect(resourceOf(bundle, 'Task')['status']).toBe('in-progress');
  });

  it('refuses to build an outcome with an unknown diagnosis code', () => {
    expectRefusal(
      () => buildReferralStatusBundle(statusMessage({ status: 'ASSESSED', outcome: { conclusion: 'DIAGNOSED', diagnoses: ['DF9000X'], treatment: null, childNeeds: 'x', results: 'y' } })),
      'BAD_USER_INPUT',
      'outcome.diagnoses[0]',
      /DF9000X is not in the ICD-10 chapter F classification/,
    );
  });

  const mutate = (m: ReferralStatusMessage, change: (bundle: Json) => void): Json => {
    const bundle = structuredClone(buildReferralStatusBundle(m)) as Json;
    change(bundle);
    return bundle;
  };
  const assessed = statusMessage({ status: 'ASSESSED', outcome: { conclusion: 'DIAGNOSED', diagnoses: ['DF900'], treatment: null, childNeeds: 'x', results: 'y' } });

  it.each([
    ['a Task status that contradicts the business status', () => mutate(statusMessage(), (b) => (resourceOf(b, 'Task')['status'] = 'completed')), 'Task.status'],
    ['an unknown business status', () => mutate(statusMessage(), (b) => (((resourceOf(b, 'Task')['businessStatus'] as Json)['coding'] as Json[])[0]!['code'] = 'LOST')), 'Task.businessStatus.coding.code'],
    ['ASSESSED without an outcome', () => mutate(assessed, (b) => {
      delete resourceOf(b, 'Task')['output'];
      b['entry'] = entries(b).filter((e) => e.resource['resourceType'] !== 'Condition');
    }), 'Task.output'],
    ['an outcome without the results', () => mutate(assessed, (b) => {
      const task = resourceOf(b, 'Task');
      task['output'] = (task['output'] as Json[]).slice(0, -1);
    }), 'Task.output[results]'],
    ['a treatment without the day it started', () => mutate(
      statusMessage({ status: 'ASSESSED', outcome: { conclusion: 'DIAGNOSED', diagnoses: ['DF900'], treatment: { description: 'Samtaler', startedOn: '2026-12-10' }, childNeeds: 'x', results: 'y' } }),
      (b) => {
        const task = resourceOf(b, 'Task');
        task['output'] = (task['output'] as Json[]).filter((o) => ((o['type'] as Json)['coding'] as Json[])[0]!['code'] !== 'treatment-started');
      },
    ), 'Task.output[treatment-started]'],
    ['a Condition with an unknown chapter F code', () => mutate(assessed, (b) => (((resourceOf(b, 'Condition')['code'] as Json)['coding'] as Json[])[0]!['code'] = 'DF907')), 'Condition.code.coding[SKS].code'],
    ['a Condition no output names', () => mutate(statusMessage(), (b) => entries(b).push({ resource: { ...resourceOf(assessedBundle(), 'Condition') }, fullUrl: 'urn:uuid:0197a1c2-0000-7000-8000-00000000ffff' } as never)), 'Bundle.entry[Condition]'],
    ['a Task without the referral id', () => mutate(statusMessage(), (b) => ((resourceOf(b, 'Task')['focus'] as Json)['identifier'] = { system: 'x', value: 'y' })), 'Task.focus.identifier.system'],
  ] as const)('refuses %s', (_, bundle, element) => {
    const error = expectRefused(() => parseReferralStatusBundle(bundle()));
    expect(error.extensions['element']).toBe(element);
  });

  function assessedBundle(): Json {
    return buildReferralStatusBundle(assessed);
  }
});
