import { describe, expect, it } from 'vitest';
import { expectRefusal } from '../../testing/refusal.ts';
import {
  initialReferralState,
  missingCommunications,
  nextReferralStatus,
  replayReferral,
  statusTimes,
  type ReferralEvent,
  type ReferralState,
} from './status.ts';
import { treatmentResponsibility } from './treatment-responsibility.ts';

const t = (hour: number) => `2026-12-01T${String(hour).padStart(2, '0')}:00:00+01:00`;
const SENT = t(8);

const received: ReferralEvent = { type: 'RECEIVED', at: t(9) };
const assess: ReferralEvent = { type: 'VISITATION_DECIDED', at: t(10), decision: 'ASSESSMENT' };
const noAssessment: ReferralEvent = { type: 'VISITATION_DECIDED', at: t(10), decision: 'NO_ASSESSMENT_NEEDED' };
const started: ReferralEvent = { type: 'ASSESSMENT_STARTED', at: t(11) };
const outcome: ReferralEvent = { type: 'OUTCOME_RECORDED', at: t(12) };
const told = (to: 'PARENTS' | 'MUNICIPALITY' | 'GENERAL_PRACTICE', hour = 13): ReferralEvent => ({ type: 'OUTCOME_COMMUNICATED', at: t(hour), to });
const closed: ReferralEvent = { type: 'CLOSED', at: t(15) };

const state = (...events: ReferralEvent[]): ReferralState => replayReferral(SENT, events);

describe('nextReferralStatus', () => {
  it('runs the assessment branch to CLOSED, each status with its time', () => {
    const final = state(received, assess, started, outcome, told('PARENTS'), told('MUNICIPALITY'), told('GENERAL_PRACTICE', 14), closed);
    expect(final.status).toBe('CLOSED');
    expect(statusTimes(final)).toEqual({ SENT, RECEIVED: t(9), VISITED: t(10), ASSESSMENT_STARTED: t(11), ASSESSED: t(12), CLOSED: t(15) });
    expect(final.communicated).toEqual({ PARENTS: t(13), MUNICIPALITY: t(13), GENERAL_PRACTICE: t(14) });
  });

  it('runs the no-assessment branch to CLOSED once the municipality and the GP are told', () => {
    const final = state(received, noAssessment, told('MUNICIPALITY'), told('GENERAL_PRACTICE'), closed);
    expect(statusTimes(final)).toMatchObject({ VISITED: t(10), ASSESSMENT_STARTED: null, ASSESSED: null, CLOSED: t(15) });
  });

  it('treats a repeated receipt as a no-op', () => {
    const visited = state(received, assess);
    expect(nextReferralStatus(visited, { type: 'RECEIVED', at: t(12) })).toBe(visited);
  });

  it('changes nothing in the state it was given', () => {
    const before = state(received);
    nextReferralStatus(before, assess);
    expect(before.status).toBe('RECEIVED');
    expect(before.history).toHaveLength(2);
  });

  it.each([
    ['a second visitation decision', [received, assess], noAssessment, 'decision', 'ALREADY_VISITED', /already decided ASSESSMENT.*visited once/],
    ['a visitation before receipt', [], assess, 'decision', 'NOT_RECEIVED', /has not recorded receiving the referral/],
    ['an outcome for a referral never visited', [received], outcome, 'outcome', 'NOT_VISITED', /never visited, so it has no assessment to conclude/],
    ['an outcome after a no-assessment decision', [received, noAssessment], outcome, 'outcome', 'NO_ASSESSMENT_DECIDED', /no assessment is needed/],
    ['an outcome before the assessment started', [received, assess], outcome, 'outcome', 'ASSESSMENT_NOT_STARTED', /has not started; record its start/],
    ['a second outcome', [received, assess, started, outcome], { ...outcome, at: t(13) }, 'outcome', 'OUTCOME_ALREADY_RECORDED', /already recorded/],
    ['an assessment start before visitation', [received], started, 'status', 'NOT_VISITED', /has not been visited/],
    ['an assessment start after a no-assessment decision', [received, noAssessment], started, 'status', 'NO_ASSESSMENT_DECIDED', /cannot start on this referral/],
    ['a second assessment start', [received, assess, started], { ...started, at: t(12) }, 'status', 'ALREADY_STARTED', /already started/],
    ['communicating before there is an outcome', [received, assess, started], told('PARENTS'), 'to', 'OUTCOME_NOT_RECORDED', /no outcome to communicate yet/],
    ['communicating twice to the same recipient', [received, assess, started, outcome, told('GENERAL_PRACTICE')], told('GENERAL_PRACTICE', 14), 'to', 'ALREADY_COMMUNICATED', /already communicated to the GP at/],
    ['closing before an outcome', [received, assess, started], closed, 'status', 'NOT_CONCLUDED', /in status ASSESSMENT_STARTED cannot close/],
    ['closing an assessed referral whose outcome was not communicated', [received, assess, started, outcome, told('MUNICIPALITY')], closed, 'status', 'OUTCOME_NOT_COMMUNICATED', /not yet been communicated to the parents and the GP/],
    ['closing a no-assessment referral the GP was not told of', [received, noAssessment, told('MUNICIPALITY')], closed, 'status', 'OUTCOME_NOT_COMMUNICATED', /not yet been communicated to the GP;/],
    ['anything after closing', [received, noAssessment, told('MUNICIPALITY'), told('GENERAL_PRACTICE'), closed], { ...told('PARENTS'), at: t(16) }, 'status', 'CLOSED', /was closed at .*nothing more can be recorded/],
  ] as const)('refuses %s with CONFLICT', (_, before, event, field, reason, message) => {
    const refusal = expectRefusal(() => nextReferralStatus(state(...before), event), 'CONFLICT', field, message);
    expect(refusal.extensions['reason']).toBe(reason);
  });

  it('lists who is still to be told when closing is refused', () => {
    const refusal = expectRefusal(() => nextReferralStatus(state(received, assess, started, outcome), closed), 'CONFLICT', 'status', /parents and the municipality and the GP/);
    expect(refusal.extensions['missing']).toEqual(['PARENTS', 'MUNICIPALITY', 'GENERAL_PRACTICE']);
    expect(missingCommunications(state(received, noAssessment))).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE']);
  });

  it('closes when the only ones not told are those BUA may no longer tell, and still waits for the others', () => {
    const assessed = state(received, assess, started, outcome, told('PARENTS'));
    expect(nextReferralStatus(assessed, { ...closed, untellable: ['MUNICIPALITY', 'GENERAL_PRACTICE'] }).status).toBe('CLOSED');
    const refusal = expectRefusal(() => nextReferralStatus(assessed, { ...closed, untellable: ['MUNICIPALITY'] }), 'CONFLICT', 'status', /not yet been communicated to the GP;/);
    expect(refusal.extensions['missing']).toEqual(['GENERAL_PRACTICE']);
    // The parents are told in person: no consent to a sector stands in for that.
    expect(missingCommunications(state(received, assess, started, outcome), ['MUNICIPALITY', 'GENERAL_PRACTICE'])).toEqual(['PARENTS']);
  });

  it('refuses an event dated before the last status, and a malformed time', () => {
    expectRefusal(() => nextReferralStatus(state(received, assess), { ...started, at: t(9) }), 'BAD_USER_INPUT', 'at', /before the referral's last status \(VISITED at/);
    expectRefusal(() => nextReferralStatus(state(received), { ...assess, at: 'tomorrow' }), 'BAD_USER_INPUT', 'at', /date and time with a time zone/);
    expectRefusal(() => initialReferralState('2026-12-01'), 'BAD_USER_INPUT', 'sentAt', /date and time with a time zone/);
  });
});

describe('treatmentResponsibility', () => {
  it.each([
    ['sent', [], null],
    ['visited: assessment', [received, assess], 'BUA'],
    ['assessment started', [received, assess, started], 'BUA'],
    ['assessed, outcome being communicated', [received, assess, started, outcome, told('PARENTS')], 'BUA'],
    ['visited: no assessment needed', [received, noAssessment], null],
    ['closed after assessment', [received, assess, started, outcome, told('PARENTS'), told('MUNICIPALITY'), told('GENERAL_PRACTICE'), closed], null],
  ] as const)('when %s, the holder is %s', (_, events, holder) => {
    const responsibility = treatmentResponsibility(state(...events));
    expect(responsibility.holder).toBe(holder);
    expect(responsibility.since).toBe(holder === null ? null : t(10));
  });

  it('says why BUA holds it, citing the agreement', () => {
    expect(treatmentResponsibility(state(received, assess)).basis).toMatch(/full treatment responsibility.*agreement 6\.1, Trin 3/);
    expect(treatmentResponsibility(state(received, noAssessment)).basis).toMatch(/municipality and the GP decide the further course together/);
  });
});
