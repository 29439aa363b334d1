import { forbidden, type Principal, type Role } from '@pathway-graph/shared';

/**
 * Track 3 of the terms of reference: children who are relatives of a parent or sibling with a mental illness. Adult
 * psychiatry registers the child, and the registration goes to the family services of the child's municipality
 * (familieområdet; PPR/school in the same track). Their worklist is for the receiving municipality's own family
 * services only: a registration says the child's parent or sibling is a psychiatric patient.
 */
export const FAMILY_SERVICES_ROLES = ['CASEWORKER', 'SOCIAL_WORKER', 'PPR_PSYCHOLOGIST'] as const satisfies readonly Role[];
export type FamilyServicesRole = (typeof FAMILY_SERVICES_ROLES)[number];

/** The role the principal takes registrations in (the first of FAMILY_SERVICES_ROLES it has), or null. */
export function familyServicesRoleOf(principal: Principal): FamilyServicesRole | null {
  return FAMILY_SERVICES_ROLES.find((r) => principal.roles.includes(r)) ?? null;
}

export function assertFamilyServicesOf(principal: Principal, municipalityCode: number, field = 'municipalityCode'): FamilyServicesRole {
  const own = principal.sector === 'MUNICIPALITY' && principal.organisation === String(municipalityCode);
  const role = familyServicesRoleOf(principal);
  if (own && role) return role;
  if (own) {
    throw forbidden(
      `Track-3 registrations are handled by the family services (${FAMILY_SERVICES_ROLES.join(', ')}); analysts see aggregates only.`,
      { field, rule: 'NO_FAMILY_SERVICES_ROLE' },
    );
  }
  throw forbidden(
    `The track-3 worklist of municipality ${municipalityCode} is only open to municipality ${municipalityCode}'s own family services.`,
    { field, rule: 'OTHER_ORGANISATION' },
  );
}
