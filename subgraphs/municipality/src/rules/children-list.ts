import { forbidden, hasClinicalRole, type Principal } from '@pathway-graph/shared';

/**
 * Listing a municipality's children reveals who is known to it, so only that municipality's own professionals may
 * do it; analysts get aggregates instead (agreement 9 follow-up is statistical).
 */
export function assertMayListChildren(principal: Principal, municipalityCode: number): void {
  if (!hasClinicalRole(principal)) {
    throw forbidden(
      'Child lists are for professionals working with the children; analysts and administrators can use childStatistics.',
      { field: 'children' },
    );
  }
  if (principal.sector !== 'MUNICIPALITY' || principal.organisation !== String(municipalityCode)) {
    throw forbidden(`Only municipality ${municipalityCode}'s own staff can list the children known to it.`, { field: 'children' });
  }
}
