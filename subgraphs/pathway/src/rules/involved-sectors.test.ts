import { describe, expect, it } from 'vitest';
import { involvedSectors, type InvolvementFacts } from './involved-sectors.ts';

const withheld = { withheld: { reason: 'NO_CONSENT' as const, message: 'Needs a consent.' } };
const none: InvolvementFacts = {
  municipality: { shared: { knownToMunicipality: false } },
  generalPractice: { shared: { ydernummer: null } },
  bua: { shared: { knownToBua: false } },
  screening: { shared: { tracks: [] } },
};

describe('involvedSectors', () => {
  it('is empty when every sector shared that it is not involved', () => {
    expect(involvedSectors(none)).toEqual([]);
  });

  it('lists every involved sector in enum order', () => {
    expect(
      involvedSectors({
        municipality: { shared: { knownToMunicipality: true } },
        generalPractice: { shared: { ydernummer: '123456' } },
        bua: { shared: { knownToBua: true } },
        screening: { shared: { tracks: ['CHRONIC_SOMATIC_ILLNESS'] } },
      }),
    ).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'SCREENING']);
  });

  it('leaves out a sector that withheld its facts, involved or not', () => {
    expect(involvedSectors({ ...none, generalPractice: { shared: { ydernummer: '1' } }, bua: withheld, screening: withheld })).toEqual([
      'GENERAL_PRACTICE',
    ]);
  });

  it('counts a null fact (the sector knows nothing) as not involved', () => {
    expect(involvedSectors({ ...none, municipality: { shared: { knownToMunicipality: null } }, screening: { shared: { tracks: null } } })).toEqual([]);
  });
});
