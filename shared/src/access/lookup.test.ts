import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { REGION_ORGANISATION, ROLES, type Principal, type Role } from '../auth/principal.ts';
import { assertMayLookUpChildByCpr } from './lookup.ts';
import { CLINICAL_ROLES } from './policy.ts';

const withRoles = (...roles: Role[]): Principal => ({
  subject: 'test:person',
  displayName: 'Test Person',
  sector: roles.includes('ANALYST') || roles.includes('ADMINISTRATOR') ? 'REGION' : 'MUNICIPALITY',
  organisation: roles.includes('ANALYST') || roles.includes('ADMINISTRATOR') ? REGION_ORGANISATION : '751',
  roles,
});

function refusal(principal: Principal): GraphQLError | null {
  try {
    assertMayLookUpChildByCpr(principal);
    return null;
  } catch (e) {
    return e as GraphQLError;
  }
}

describe('assertMayLookUpChildByCpr', () => {
  it.each(CLINICAL_ROLES)('lets a %s look a child up by CPR number', (role) => {
    expect(refusal(withRoles(role))).toBeNull();
  });

  it.each(ROLES.filter((r) => !CLINICAL_ROLES.includes(r)))('refuses a %s with FORBIDDEN that says who may', (role) => {
    const error = refusal(withRoles(role));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error!.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'NO_CLINICAL_ROLE' });
    expect(error!.message).toMatch(/Only professionals working with children can look a child up by CPR number/);
  });

  it('lets a person with a clinical role among others look up', () => {
    expect(refusal(withRoles('ANALYST', 'CASEWORKER'))).toBeNull();
  });
});
