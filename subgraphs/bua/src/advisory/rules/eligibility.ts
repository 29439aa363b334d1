import { forbidden, type MunicipalityCode, type Principal, type Role } from '@pathway-graph/shared';

/**
 * Who takes part in BUA's advisory service (agreement 6.3: "kommunale tværfaglige medarbejdere, f.eks. PPR/PPL,
 * pædagogiske- og psykologiske konsulenter, socialrådgivere, socialfaglige konsulenter eller fx familierådgivere på
 * tovholderniveau").
 *
 * Mapped to the project's roles:
 * - PPR_PSYCHOLOGIST: PPR/PPL staff and psychological consultants.
 * - PEDAGOGICAL_CONSULTANT: pedagogical consultants (pædagogiske konsulenter), the other half of PPR's staff.
 * - SOCIAL_WORKER: social workers (socialrådgivere) and social-work consultants (socialfaglige konsulenter).
 * - CASEWORKER: the caseworker in the children's area who holds the case, in practice the family counsellor
 *   (familierådgiver) the agreement names; "på tovholderniveau" describes that person (the one holding the case),
 *   not another job, so no role of its own: a FAMILY_COUNSELLOR beside CASEWORKER would make every municipality
 *   choose between two names for one person.
 * Not eligible: HEALTH_VISITOR (not among the agreement's examples; health visitors' part is screening, and their
 * sector is HEALTH_VISITING), and every role outside the municipality.
 */
export const ADVISORY_BOOKER_ROLES: ReadonlySet<Role> = new Set<Role>(['PPR_PSYCHOLOGIST', 'PEDAGOGICAL_CONSULTANT', 'SOCIAL_WORKER', 'CASEWORKER']);

const ELIGIBLE_DESCRIPTION =
  'PPR staff (psychologists, pedagogical and psychological consultants), social workers and social-work consultants, and caseworkers (family counsellors) in the children’s area';

/** Municipal staff in one of the eligible roles; their municipality is their principal's organisation. */
export function isEligibleBooker(principal: Pick<Principal, 'sector' | 'roles'>): boolean {
  return principal.sector === 'MUNICIPALITY' && principal.roles.some((r) => ADVISORY_BOOKER_ROLES.has(r));
}

export function assertEligibleBooker(principal: Pick<Principal, 'sector' | 'roles'>): void {
  if (isEligibleBooker(principal)) return;
  throw forbidden(
    `BUA's advisory meetings are for municipal staff who work with children's cases: ${ELIGIBLE_DESCRIPTION} (agreement 6.3). ` +
      `Your roles (${principal.roles.join(', ')}) are not among them; ask a colleague in one of those roles to book, or to invite you.`,
    { field: 'roles' },
  );
}

/** The municipality an eligible booker acts for. */
export function bookerMunicipality(principal: Pick<Principal, 'organisation'>): MunicipalityCode {
  return Number(principal.organisation) as MunicipalityCode;
}

/** Eligible staff of the given municipality: who may act on that municipality's bookings besides the booker. */
export function isEligibleStaffOf(principal: Pick<Principal, 'sector' | 'roles' | 'organisation'>, municipalityCode: number): boolean {
  return isEligibleBooker(principal) && bookerMunicipality(principal) === municipalityCode;
}

export function isBuaAdviser(principal: Pick<Principal, 'sector' | 'roles'>): boolean {
  return principal.sector === 'BUA' && principal.roles.includes('BUA_ADVISER');
}

export function assertBuaAdviser(principal: Pick<Principal, 'sector' | 'roles'>, action: string): void {
  if (isBuaAdviser(principal)) return;
  throw forbidden(`Only BUA's advisers can ${action}; sign in as a BUA adviser (role BUA_ADVISER) to do it.`, { field: 'roles' });
}

/** BUA advisers and BUA's administrators set up series and contact persons. */
export function assertMayManageAdvisory(principal: Pick<Principal, 'sector' | 'roles'>, action: string): void {
  if (principal.sector === 'BUA' && (principal.roles.includes('BUA_ADVISER') || principal.roles.includes('ADMINISTRATOR'))) return;
  throw forbidden(`Only BUA's advisers and administrators can ${action}.`, { field: 'roles' });
}
