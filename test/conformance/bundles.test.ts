import { describe as suite, expect, it } from 'vitest';
import { inNewEnvelope } from '@pathway-graph/shared/fhir/envelope';
import { checkAcknowledgement, checkCareCommunication, checkResend, describe } from '@pathway-graph/shared/fhir/conformance/validate';
import { acknowledgement, letter, reply } from './bundles.ts';

/**
 * Every kind of bundle this system builds, run through the MedCom conformance suite (shared/src/fhir/conformance):
 * no finding at all, not even a recommendation, except the one MedCom's coded role list leaves open (a caseworker).
 * The bundles that actually travelled through the system are checked the same way in test/e2e/medcom.test.ts.
 */

const findings = (bundle: unknown) => checkCareCommunication(bundle).map(describe);
const parse = (text: string) => JSON.parse(text) as Record<string, unknown>;

suite('the bundles this system sends, against MedCom CareCommunication 5.0.4 and Acknowledgement 2.0', () => {
  it('a new letter breaks no rule and follows every recommendation', () => {
    expect(findings(letter())).toEqual([]);
  });

  it('a reply breaks no rule and follows every recommendation', () => {
    expect(findings(reply('SOCIAL_WORKER'))).toEqual([]);
    expect(findings(reply('PPR_PSYCHOLOGIST'))).toEqual([]);
    expect(findings(reply('HEALTH_VISITOR'))).toEqual([]);
  });

  it("a caseworker's reply breaks no rule; MedCom's role list has no caseworker, so only the coded-role recommendation is open", () => {
    const all = checkCareCommunication(reply('CASEWORKER'));
    expect(all.filter((f) => f.severity !== 'information').map(describe)).toEqual([]);
    expect(all.map((f) => f.rule)).toEqual(['coded role recommended']);
  });

  it('the Acknowledgements of a letter and of a reply, ok and refused, break no rule', () => {
    for (const of of [letter(), reply()]) {
      expect(checkAcknowledgement(acknowledgement(of, 'ok')).map(describe)).toEqual([]);
      expect(checkAcknowledgement(acknowledgement(of, 'fatal-error')).map(describe)).toEqual([]);
    }
  });

  it('a resend is the same message in a new envelope (new Bundle.id and timestamp), accepted twice', () => {
    const first = JSON.stringify(letter());
    const second = inNewEnvelope(first, new Date('2026-06-01T08:30:00.000Z'));
    const third = inNewEnvelope(second, new Date('2026-06-01T09:00:00.000Z'));
    expect(findings(parse(second))).toEqual([]);
    expect(checkResend([parse(first)], parse(second))).toEqual([]);
    expect(checkResend([parse(first), parse(second)], parse(third))).toEqual([]);
    // Only the envelope changes: every other byte stays as first sent.
    const strip = (text: string) => text.replace(/"id":"[0-9a-f-]{36}"/, '').replace(/"timestamp":"[^"]+"/, '');
    expect(strip(second)).toBe(strip(first));
  });

  it('the same bytes sent again, or a third resend, are what MedCom refuses', () => {
    const first = JSON.stringify(letter());
    expect(checkResend([parse(first)], parse(first)).map((f) => f.rule)).toEqual(['new Bundle.id on resend', 'new timestamp on resend']);
    const sends = [first];
    for (let n = 1; n <= 3; n++) sends.push(inNewEnvelope(sends.at(-1)!, new Date(Date.parse('2026-06-01T08:00:00.000Z') + n * 1_800_000)));
    expect(checkResend(sends.slice(0, 3).map(parse), parse(sends[3]!)).length).toBeGreaterThan(0);
  });
});
