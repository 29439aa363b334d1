import type { Purpose, Sector } from '../auth/principal.ts';

/**
 * Words for sectors, organisations and purposes in access and consent messages. They name organisations by code
 * only (municipality code, ydernummer, SOR code): a refusal is shown to the person refused and logged, so it never
 * carries anything about the child beyond what the caller already asked for.
 */
const SECTOR_LABEL: Record<Sector, string> = {
  MUNICIPALITY: 'the municipality',
  GENERAL_PRACTICE: 'general practice',
  BUA: 'child and adolescent psychiatry (BUA)',
  PAEDIATRICS: 'paediatrics',
  ADULT_PSYCHIATRY: 'adult psychiatry',
  HEALTH_VISITING: 'health visiting (sundhedspleje)',
  REGION: 'the region',
};

const PURPOSE_LABEL: Record<Purpose, string> = {
  CARE_COORDINATION: 'care coordination',
  ASSESSMENT_AND_TREATMENT: 'assessment and treatment',
  EARLY_DETECTION: 'early detection',
};

export function sectorLabel(sector: Sector): string {
  return SECTOR_LABEL[sector];
}

export function purposeLabel(purpose: Purpose): string {
  return PURPOSE_LABEL[purpose];
}

/** "municipality 751", "practice 123456", "BUA (SOR 5432...)": one organisation of a sector, by its code. */
export function organisationLabel(sector: Sector, organisation: string): string {
  switch (sector) {
    case 'MUNICIPALITY':
      return `municipality ${organisation}`;
    case 'HEALTH_VISITING':
      return `health visiting in municipality ${organisation}`;
    case 'GENERAL_PRACTICE':
      return `practice ${organisation}`;
    case 'BUA':
      return `BUA (SOR ${organisation})`;
    case 'PAEDIATRICS':
      return `paediatrics (SOR ${organisation})`;
    case 'ADULT_PSYCHIATRY':
      return `adult psychiatry (SOR ${organisation})`;
    case 'REGION':
      return 'Region Midtjylland';
  }
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
