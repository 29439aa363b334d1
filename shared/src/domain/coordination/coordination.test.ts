import { describe, expect, it } from 'vitest';
import { type ConsentRecord } from '../../access/consent.ts';
import { expectRefusal } from '../../testing/refusal.ts';
import { contactPersonState, contactPersonsBySector, recordContactPersonEvent, type ContactPersonEventInput } from './contact-persons.ts';
import { interventionDisclosureToBua, validateIntervention } from './interventions.ts';
import { completeAction, isActionOverdue, overdueActions, validateNetworkMeeting, type NetworkMeetingInput } from './network-meetings.ts';

const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T10:00:00+01:00`;

describe('contact persons', () => {
  const appoint = (day: number, name: string): ContactPersonEventInput => ({
    type: 'APPOINTED',
    sector: 'MUNICIPALITY',
    at: at(day),
    person: { name, role: 'Sagsbehandler', phone: '+45 70 00 00 00' },
  });
  const record = (inputs: ContactPersonEventInput[]) => inputs.reduce(recordContactPersonEvent, []);

  it('keeps one active per sector: a new appointment hands over, the history is kept', () => {
    const history = record([appoint(1, 'Demo Sagsbehandler A'), appoint(5, 'Demo Sagsbehandler B')]);
    expect(history).toHaveLength(2);
    expect(contactPersonState(history, 'MUNICIPALITY')).toMatchObject({ status: 'APPOINTED', since: at(5), person: { name: 'Demo Sagsbehandler B' } });
  });

  it('records "considered and agreed: none appointed", and shows sectors not yet considered', () => {
    const history = record([{ type: 'NONE_AGREED', sector: 'GENERAL_PRACTICE', at: at(2), note: 'Lægen følger med via korrespondance.' }]);
    const states = contactPersonsBySector(history);
    expect(states.find((s) => s.sector === 'GENERAL_PRACTICE')).toEqual({ sector: 'GENERAL_PRACTICE', status: 'NONE_AGREED', since: at(2), note: 'Lægen følger med via korrespondance.' });
    expect(states.find((s) => s.sector === 'BUA')).toEqual({ sector: 'BUA', status: 'NOT_CONSIDERED' });
    expect(states.map((s) => s.sector)).not.toContain('REGION');
  });

  it('ends an appointment, remembering who it was', () => {
    const history = record([appoint(1, 'Demo A'), { type: 'ENDED', sector: 'MUNICIPALITY', at: at(3) }]);
    expect(contactPersonState(history, 'MUNICIPALITY')).toMatchObject({ status: 'ENDED', since: at(3), previous: { name: 'Demo A' } });
  });

  it.each([
    ['ending when nobody is appointed', [], { type: 'ENDED', sector: 'BUA', at: at(2) }, 'CONFLICT', 'type', /No contact person is appointed/],
    ['"none agreed" while one is appointed', [appoint(1, 'Demo A')], { type: 'NONE_AGREED', sector: 'MUNICIPALITY', at: at(2), note: 'x' }, 'CONFLICT', 'type', /Demo A is the sector's appointed contact person; end that appointment/],
    ['an appointment without a person', [], { type: 'APPOINTED', sector: 'BUA', at: at(2) }, 'BAD_USER_INPUT', 'person', /Name the contact person/],
    ['a record dated before the last', [appoint(5, 'Demo A')], appoint(4, 'Demo B'), 'BAD_USER_INPUT', 'at', /before the sector's last contact-person record/],
    ['the region', [], { ...appoint(1, 'x'), sector: 'REGION' }, 'BAD_USER_INPUT', 'sector', /The sector must be one of/],
    ['"none agreed" without why', [], { type: 'NONE_AGREED', sector: 'BUA', at: at(2) }, 'BAD_USER_INPUT', 'note', /Why no contact person is appointed is required/],
    ['a nameless person', [], { ...appoint(1, ''), person: { name: ' ', role: 'x' } }, 'BAD_USER_INPUT', 'person.name', /The contact person's name is required/],
  ] as const)('refuses %s', (_, before, input, code, field, message) => {
    expectRefusal(() => recordContactPersonEvent(record([...before]), input as ContactPersonEventInput), code, field, message);
  });
});

describe('network meetings', () => {
  const meeting: NetworkMeetingInput = {
    heldOn: '2026-12-01',
    participants: [
      { sector: 'BUA', role: 'Overlæge' },
      { sector: 'MUNICIPALITY', role: 'Sagsbehandler' },
      { sector: 'FAMILY', role: 'Mor' },
    ],
    summary: 'Drøftelse af skolestøtte og opstart af udredning.',
    actions: [
      { description: 'Søge støtte i klassen', owner: { sector: 'MUNICIPALITY', organisation: '751' }, dueOn: '2026-12-15' },
      { description: 'Indkalde til udredning', owner: { sector: 'BUA', organisation: '6620101' }, dueOn: '2026-12-20' },
    ],
  };

  it('records the meeting and derives the overdue actions', () => {
    const valid = validateNetworkMeeting(meeting, '2026-12-02');
    expect(valid.actions.map((a) => a.completedAt)).toEqual([null, null]);
    expect(overdueActions(valid, '2026-12-16').map((a) => a.index)).toEqual([0]);
    expect(isActionOverdue(valid.actions[0]!, '2026-12-15')).toBe(false);
  });

  it('completes an action once; a completed action is never overdue', () => {
    const done = completeAction(validateNetworkMeeting(meeting, '2026-12-02'), 0, at(10));
    expect(done.actions[0]!.completedAt).toBe(at(10));
    expect(overdueActions(done, '2026-12-30').map((a) => a.index)).toEqual([1]);
    expectRefusal(() => completeAction(done, 0, at(11)), 'CONFLICT', 'actionIndex', /already completed at .*completed once/);
  });

  it.each([
    ['heldOn', { heldOn: '2026-12-05' }, /lies in the future/],
    ['participants', { participants: [{ sector: 'BUA', role: 'Overlæge' }] }, /at least two participants/],
    ['participants[1].sector', { participants: [{ sector: 'BUA', role: 'x' }, { sector: 'SCHOOL', role: 'x' }] }, /The participant's sector must be one of/],
    ['summary', { summary: '' }, /The summary is required/],
    ['actions[0].dueOn', { actions: [{ description: 'x', owner: { sector: 'BUA', organisation: '1' }, dueOn: '2026-11-30' }] }, /before the meeting/],
    ['actions[0].owner.sector', { actions: [{ description: 'x', owner: { sector: 'FAMILY', organisation: '1' }, dueOn: '2026-12-30' }] }, /The owning organisation's sector must be one of/],
    ['actions[0].owner.organisation', { actions: [{ description: 'x', owner: { sector: 'BUA', organisation: '' }, dueOn: '2026-12-30' }] }, /The owning organisation/],
  ] as const)('refuses a bad %s', (field, overrides, message) => {
    expectRefusal(() => validateNetworkMeeting({ ...meeting, ...(overrides as Partial<NetworkMeetingInput>) }, '2026-12-02'), 'BAD_USER_INPUT', field, message);
  });

  it('refuses completing an unknown action or before the meeting', () => {
    const valid = validateNetworkMeeting(meeting, '2026-12-02');
    expectRefusal(() => completeAction(valid, 5, at(10)), 'BAD_USER_INPUT', 'actionIndex', /no action number 5/);
    expectRefusal(() => completeAction(valid, 0, '2026-11-30T23:30:00+01:00'), 'BAD_USER_INPUT', 'completedAt', /before the meeting/);
  });
});

describe('municipal interventions', () => {
  const input = { kind: 'PEDAGOGICAL', step: 'TRIN_4', description: 'Støtte i klassen', startedOn: '2026-12-01', responsible: 'Skoleleder', endedOn: null };

  it('validates kind, step and dates', () => {
    expect(validateIntervention(input)).toEqual({ ...input, endedOn: null, effect: null });
    expectRefusal(() => validateIntervention({ ...input, step: 'TRIN_3' }), 'BAD_USER_INPUT', 'intervention.step', /Trin 3 is psychiatry's/);
    expectRefusal(() => validateIntervention({ ...input, endedOn: '2026-11-01' }), 'BAD_USER_INPUT', 'intervention.endedOn', /ends \(2026-11-01\) before it starts/);
    expectRefusal(() => validateIntervention({ ...input, effect: 'GOOD' }), 'BAD_USER_INPUT', 'intervention.effect', /must be one of AS_EXPECTED, NOT_AS_EXPECTED/);
    expectRefusal(() => validateIntervention({ ...input, responsible: '' }), 'BAD_USER_INPUT', 'intervention.responsible', /Who is responsible/);
  });

  const consent = (overrides: Partial<ConsentRecord> = {}): ConsentRecord => ({
    givenBy: 'CUSTODY_HOLDER',
    givenOn: '2026-11-01',
    recipientSector: 'BUA',
    recipientOrganisation: null,
    purposes: ['CARE_COORDINATION'],
    validFrom: '2026-11-01',
    validUntil: null,
    withdrawnAt: null,
    ...overrides,
  });
  const facts = { buaHoldsActiveReferral: true, consents: [consent()], buaOrganisation: '6620101', birthDate: '2015-03-04', today: '2026-12-01', now: new Date(at(1)) };

  it.each([
    ['an active referral and a covering consent', {}, { send: true }],
    ['no active BUA referral', { buaHoldsActiveReferral: false }, { send: false, reason: 'NO_ACTIVE_BUA_REFERRAL' }],
    ['no consent', { consents: [] }, { send: false, reason: 'NO_CONSENT' }],
    ['a consent for another purpose', { consents: [consent({ purposes: ['EARLY_DETECTION'] })] }, { send: false, reason: 'NO_CONSENT' }],
    ['a consent to another sector', { consents: [consent({ recipientSector: 'GENERAL_PRACTICE' })] }, { send: false, reason: 'NO_CONSENT' }],
    ['a withdrawn consent', { consents: [consent({ withdrawnAt: '2026-11-20T10:00:00Z' })] }, { send: false, reason: 'NO_CONSENT' }],
    ["a custody holder's consent after 18", { birthDate: '2008-11-30' }, { send: false, reason: 'NO_CONSENT' }],
  ] as const)('with %s, decides %j', (_, overrides, expected) => {
    expect(interventionDisclosureToBua({ ...facts, ...overrides })).toMatchObject(expected);
  });
});
