import { ROLES } from '@pathway-graph/shared';
import { describe, expect, it } from 'vitest';
import { asAdviser, asGp, person, refusalOf } from '../testing.ts';
import { ADVISORY_BOOKER_ROLES, assertEligibleBooker, assertMayManageAdvisory, isEligibleBooker, isEligibleStaffOf } from './eligibility.ts';

describe('isEligibleBooker', () => {
  it.each([
    ['CASEWORKER', true],
    ['PPR_PSYCHOLOGIST', true],
    ['SOCIAL_WORKER', true],
    ['PEDAGOGICAL_CONSULTANT', true],
  ] as const)('municipal %s may book', (role, expected) => {
    expect(isEligibleBooker(person('u', 'MUNICIPALITY', '751', role))).toBe(expected);
  });

  it('no other role may book, in any sector', () => {
    const others = ROLES.filter((r) => !ADVISORY_BOOKER_ROLES.has(r));
    expect(others).toEqual(expect.arrayContaining(['HEALTH_VISITOR', 'GP', 'BUA_ADVISER', 'ANALYST', 'ADMINISTRATOR']));
    for (const role of others) expect(isEligibleBooker(person('u', 'MUNICIPALITY', '751', role))).toBe(false);
    expect(isEligibleBooker(person('u', 'HEALTH_VISITING', '751', 'HEALTH_VISITOR'))).toBe(false);
    expect(isEligibleBooker(asGp('12345'))).toBe(false);
  });

  it('explains the refusal and who can book instead', () => {
    const r = refusalOf(() => assertEligibleBooker(person('u', 'HEALTH_VISITING', '751', 'HEALTH_VISITOR')));
    expect(r).toMatchObject({ code: 'FORBIDDEN', field: 'roles' });
    expect(r.message).toMatch(/PPR staff \(psychologists, pedagogical and psychological consultants\).*social workers.*caseworkers/);
    expect(r.message).toMatch(/Your roles \(HEALTH_VISITOR\) are not among them; ask a colleague/);
  });
});

describe('isEligibleStaffOf', () => {
  it('is eligible staff of that municipality only', () => {
    expect(isEligibleStaffOf(person('u', 'MUNICIPALITY', '751', 'SOCIAL_WORKER'), 751)).toBe(true);
    expect(isEligibleStaffOf(person('u', 'MUNICIPALITY', '657', 'SOCIAL_WORKER'), 751)).toBe(false);
    expect(isEligibleStaffOf(person('u', 'MUNICIPALITY', '751', 'ANALYST'), 751)).toBe(false);
  });
});

describe('assertMayManageAdvisory', () => {
  it('lets BUA advisers and administrators set up the service, nobody else', () => {
    expect(() => assertMayManageAdvisory(asAdviser(), 'x')).not.toThrow();
    expect(() => assertMayManageAdvisory(person('a', 'BUA', '265011000016007', 'ADMINISTRATOR'), 'x')).not.toThrow();
    const r = refusalOf(() => assertMayManageAdvisory(person('c', 'BUA', '265011000016007', 'BUA_CLINICIAN'), 'assign contact persons'));
    expect(r).toMatchObject({ code: 'FORBIDDEN' });
    expect(r.message).toBe("Only BUA's advisers and administrators can assign contact persons.");
    expect(refusalOf(() => assertMayManageAdvisory(person('m', 'MUNICIPALITY', '751', 'ADMINISTRATOR'), 'x')).code).toBe('FORBIDDEN');
  });
});
