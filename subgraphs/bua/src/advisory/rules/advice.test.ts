import { describe, expect, it } from 'vitest';
import { asAdviser, asMunicipal, refusalOf } from '../testing.ts';
import { currentAdvice, recordAdvice, type AdviceVersion } from './advice.ts';
import { AFTER, BEFORE, DURING, booking, consultation } from './fixtures.ts';

const anonymity = { knownNames: ['Emma Jensen'] };
const adviser = asAdviser('adviser-1');
const input = { booking: booking(), slot: consultation, text: ' Anbefaling: PPR-vurdering og forældresamtale. ' };

describe('recordAdvice', () => {
  it('records the first version once the meeting has begun', () => {
    expect(recordAdvice(adviser, input, [], anonymity, DURING)).toEqual({
      bookingId: booking().id,
      version: 1,
      text: 'Anbefaling: PPR-vurdering og forældresamtale.',
      recordedBy: 'adviser-1',
      recordedAt: DURING,
    });
  });

  it('lets any adviser write the first version, and only its author amend it, as a new version', () => {
    const first = recordAdvice(asAdviser('stand-in'), input, [], anonymity, AFTER);
    const amended = recordAdvice(asAdviser('stand-in'), { ...input, text: 'Rettet: også skolesamtale.' }, [first], anonymity, AFTER);
    expect(amended).toMatchObject({ version: 2, text: 'Rettet: også skolesamtale.', recordedBy: 'stand-in' });
    const r = refusalOf(() => recordAdvice(adviser, { ...input, text: 'Andet' }, [amended, first], anonymity, AFTER));
    expect(r).toMatchObject({ code: 'FORBIDDEN', field: 'bookingId' });
    expect(r.message).toMatch(/only they can amend it/);
  });

  it.each([
    ['by municipal staff', asMunicipal('ppr-751', 751), input, [], AFTER, 'FORBIDDEN', 'roles', /Only BUA's advisers can record the advice/],
    ['before the meeting', adviser, input, [], BEFORE, 'BAD_USER_INPUT', 'bookingId', /once the meeting has begun/],
    ['for teaching', adviser, { ...input, booking: booking({ kind: 'TEACHING' }) }, [], AFTER, 'BAD_USER_INPUT', 'bookingId', /no case to advise on/],
    ['for a cancelled booking', adviser, { ...input, booking: booking({ cancelledAt: BEFORE }) }, [], AFTER, 'CONFLICT', 'bookingId', /cancelled/],
    ['for a cancelled slot', adviser, { ...input, slot: { ...consultation, status: 'CANCELLED' as const } }, [], AFTER, 'CONFLICT', 'bookingId', /cancelled/],
    ['without text', adviser, { ...input, text: '  ' }, [], AFTER, 'BAD_USER_INPUT', 'text', /Write the advice/],
    ['too long', adviser, { ...input, text: 'x'.repeat(8001) }, [], AFTER, 'BAD_USER_INPUT', 'text', /at most 8000/],
    ['with a CPR number', adviser, { ...input, text: 'Vedr. 1206154764: PPR.' }, [], AFTER, 'BAD_USER_INPUT', 'text', /CPR number.*not allowed here/],
    ['with a name', adviser, { ...input, text: 'Emma bør vurderes.' }, [], AFTER, 'BAD_USER_INPUT', 'text', /a name.*not allowed here/],
  ] as const)('refuses advice %s', (_name, principal, i, versions, now, code, field, message) => {
    const r = refusalOf(() => recordAdvice(principal, i, versions, anonymity, now));
    expect(r).toMatchObject({ code, field });
    expect(r.message).toMatch(message);
  });

  it('refuses an amendment that changes nothing', () => {
    const first = recordAdvice(adviser, input, [], anonymity, AFTER);
    expect(refusalOf(() => recordAdvice(adviser, input, [first], anonymity, AFTER))).toMatchObject({ code: 'CONFLICT', field: 'text' });
  });
});

describe('currentAdvice', () => {
  it('is the latest version, marked amended after the first', () => {
    const v = (version: number): AdviceVersion => ({ bookingId: 'b', version, text: `v${version}`, recordedBy: 'a', recordedAt: AFTER });
    expect(currentAdvice([])).toBeNull();
    expect(currentAdvice([v(1)])).toMatchObject({ text: 'v1', amended: false });
    expect(currentAdvice([v(2), v(1)])).toMatchObject({ text: 'v2', amended: true });
  });
});
