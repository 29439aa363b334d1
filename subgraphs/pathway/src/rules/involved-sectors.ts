import type { InvolvedSector as Sector } from '../generated/resolvers-types.ts';

export interface SectorFacts {
  knownToMunicipality?: boolean | null;
  knownToBua?: boolean | null;
  listedPractice?: { ydernummer: string } | null;
  screeningTracks?: readonly { track: string }[] | null;
}

/** Which sectors are involved with a child, in a fixed order, from the facts each sector owns. */
export function involvedSectors(facts: SectorFacts): Sector[] {
  const sectors: Sector[] = [];
  if (facts.knownToMunicipality) sectors.push('MUNICIPALITY');
  if (facts.listedPractice) sectors.push('GENERAL_PRACTICE');
  if (facts.knownToBua) sectors.push('BUA');
  if (facts.screeningTracks && facts.screeningTracks.length > 0) sectors.push('SCREENING');
  return sectors;
}
