import type { Principal } from '@pathway-graph/shared';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { assertFamilyServicesOf } from './rules.ts';

const person = (sector: Principal['sector'], organisation: string, roles: Principal['roles']): Principal => ({
  subject: 'test:someone',
  displayName: 'Test Someone',
  sector,
  organisation,
  roles,
});

function refusalRule(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('FORBIDDEN');
    return (error as GraphQLError).extensions['rule'];
  }
  throw new Error('expected a refusal');
}

describe('who handles a municipality’s track-3 worklist', () => {
  it.each([['CASEWORKER'], ['SOCIAL_WORKER'], ['PPR_PSYCHOLOGIST']] as const)('the municipality’s own %s, in that role', (role) => {
    expect(assertFamilyServicesOf(person('MUNICIPALITY', '751', [role]), 751)).toBe(role);
  });

  it('refuses the municipality’s analysts and administrators, saying the family services handle it', () => {
    expect(refusalRule(() => assertFamilyServicesOf(person('MUNICIPALITY', '751', ['ANALYST']), 751))).toBe('NO_FAMILY_SERVICES_ROLE');
    expect(refusalRule(() => assertFamilyServicesOf(person('MUNICIPALITY', '751', ['ADMINISTRATOR']), 751))).toBe('NO_FAMILY_SERVICES_ROLE');
  });

  it('refuses another municipality’s family services, a health visitor of the same municipality, and other sectors', () => {
    expect(refusalRule(() => assertFamilyServicesOf(person('MUNICIPALITY', '657', ['CASEWORKER']), 751))).toBe('OTHER_ORGANISATION');
    expect(refusalRule(() => assertFamilyServicesOf(person('HEALTH_VISITING', '751', ['HEALTH_VISITOR']), 751))).toBe('OTHER_ORGANISATION');
    expect(refusalRule(() => assertFamilyServicesOf(person('ADULT_PSYCHIATRY', '9990031000016003', ['ADULT_PSYCHIATRY_CLINICIAN']), 751))).toBe('OTHER_ORGANISATION');
  });
});
