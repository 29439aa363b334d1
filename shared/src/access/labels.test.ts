import { describe, it, expect } from 'vitest';
import { PURPOSES, SECTORS } from '../auth/principal.ts';
import { capitalise, organisationLabel, purposeLabel, sectorLabel } from './labels.ts';

describe('labels for access messages', () => {
  it('names every sector and purpose in words', () => {
    for (const sector of SECTORS) expect(sectorLabel(sector)).toMatch(/^[a-z]|^the /);
    for (const purpose of PURPOSES) expect(purposeLabel(purpose)).toMatch(/^[a-z ]+$/);
    expect(sectorLabel('BUA')).toBe('child and adolescent psychiatry (BUA)');
    expect(purposeLabel('ASSESSMENT_AND_TREATMENT')).toBe('assessment and treatment');
  });

  it('names an organisation by its sector and code only', () => {
    expect(organisationLabel('MUNICIPALITY', '751')).toBe('municipality 751');
    expect(organisationLabel('HEALTH_VISITING', '657')).toBe('health visiting in municipality 657');
    expect(organisationLabel('GENERAL_PRACTICE', '123456')).toBe('practice 123456');
    expect(organisationLabel('BUA', '543211000016001')).toBe('BUA (SOR 543211000016001)');
    expect(organisationLabel('PAEDIATRICS', '1')).toBe('paediatrics (SOR 1)');
    expect(organisationLabel('ADULT_PSYCHIATRY', '2')).toBe('adult psychiatry (SOR 2)');
    expect(organisationLabel('REGION', 'REGION_MIDTJYLLAND')).toBe('Region Midtjylland');
  });

  it('capitalises the first letter of a sentence', () => {
    expect(capitalise('the municipal case status')).toBe('The municipal case status');
    expect(capitalise('')).toBe('');
  });
});
