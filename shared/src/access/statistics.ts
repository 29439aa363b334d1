import { REGION_ORGANISATION, type Principal } from '../auth/principal.ts';
import { forbidden } from '../errors.ts';

/**
 * Who reads the sectors' statistics fields: analysts only (agreement section 9's follow-up), and they get
 * pseudonymous aggregates only, never a child's record. The region's analysts read every municipality and the
 * cluster and region totals; a municipality's analysts read their own municipality's figures (a filter on it), as
 * for childStatistics. Everyone else is refused before any SQL runs.
 */
export function assertMayReadStatistics(principal: Principal, field: string): void {
  if (!principal.roles.includes('ANALYST')) {
    throw forbidden(`${field} is for analysts: ask an analyst of your municipality or of the region for the figures.`, { field });
  }
  if (!isRegionAnalyst(principal) && principal.sector !== 'MUNICIPALITY') {
    throw forbidden(`${field} is for the region's analysts and the municipalities' analysts; ask the region's analysts.`, { field });
  }
}

/**
 * The areas (municipality codes, cluster codes or REGION) an answer covers, checked against the analyst: a
 * municipality's analysts must filter on their own municipality (MUNICIPALITY = their code).
 */
export function assertMayReadStatisticsOf(principal: Principal, field: string, areas: readonly string[]): void {
  assertMayReadStatistics(principal, field);
  if (isRegionAnalyst(principal)) return;
  const own = principal.organisation;
  if (areas.length !== 1 || areas[0] !== own) {
    throw forbidden(
      `A municipality's analysts see only their own municipality's figures: add the filter { dimension: MUNICIPALITY, key: "${own}" } ` +
        'and leave MUNICIPALITY and CLUSTER out of `by`; the other areas are for the region\'s analysts.',
      { field },
    );
  }
}

function isRegionAnalyst(principal: Principal): boolean {
  return principal.sector === 'REGION' && principal.organisation === REGION_ORGANISATION;
}
