import type { InvolvedSector } from '../generated/resolvers-types.ts';
import type { Facts, FactsOf } from './facts.ts';

/** The facts each sector shares about whether it is involved with the child. */
export interface InvolvementFacts {
  municipality: Facts<Pick<FactsOf<'MUNICIPALITY'>, 'knownToMunicipality'>>;
  generalPractice: Facts<Pick<FactsOf<'GENERAL_PRACTICE'>, 'ydernummer'>>;
  bua: Facts<Pick<FactsOf<'BUA'>, 'knownToBua'>>;
  screening: Facts<Pick<FactsOf<'SCREENING'>, 'tracks'>>;
}

/**
 * Which sectors are involved with a child, in the enum's order, from the facts each sector shared. A sector that
 * withheld its facts is left out (it may or may not be involved; `Child.withheld` says which were withheld).
 */
export function involvedSectors(facts: InvolvementFacts): InvolvedSector[] {
  const sectors: InvolvedSector[] = [];
  if (facts.municipality.shared?.knownToMunicipality === true) sectors.push('MUNICIPALITY');
  if (facts.generalPractice.shared?.ydernummer != null) sectors.push('GENERAL_PRACTICE');
  if (facts.bua.shared?.knownToBua === true) sectors.push('BUA');
  if ((facts.screening.shared?.tracks?.length ?? 0) > 0) sectors.push('SCREENING');
  return sectors;
}
