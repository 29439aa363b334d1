import { forbidden, REGION_ORGANISATION, type Principal } from '@pathway-graph/shared';

/**
 * The aggregates (childStatistics) are for the analysts who report on them (agreement 9's follow-up): the region's
 * analysts for every municipality, a municipality's analysts for their own. Small counts are suppressed, but even the
 * suppressed figures say how many children a municipality knows, which the professionals' work does not need.
 */
export function assertMayReadChildStatistics(principal: Principal, municipalityCode: number): void {
  if (!principal.roles.includes('ANALYST')) {
    throw forbidden('childStatistics is for analysts; ask an analyst of your municipality or of the region for the figures.', {
      field: 'childStatistics',
    });
  }
  const region = principal.sector === 'REGION' && principal.organisation === REGION_ORGANISATION;
  const own = principal.sector === 'MUNICIPALITY' && principal.organisation === String(municipalityCode);
  if (!region && !own) {
    throw forbidden(`A municipality's analysts see only their own municipality's figures; those of ${municipalityCode} are for its own analysts and the region's.`, {
      field: 'childStatistics',
    });
  }
}
