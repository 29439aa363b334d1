import { describe, expect, it } from 'vitest';
import { involvedSectors } from './involved-sectors.ts';

describe('involvedSectors', () => {
  it('is empty when no sector knows the child', () => {
    expect(involvedSectors({ knownToMunicipality: false, knownToBua: false, listedPractice: null, screeningTracks: [] })).toEqual([]);
  });

  it('lists every involved sector in enum order', () => {
    expect(
      involvedSectors({
        knownToMunicipality: true,
        knownToBua: true,
        listedPractice: { ydernummer: '123456' },
        screeningTracks: [{ track: 'CHRONIC_SOMATIC_ILLNESS' }],
      }),
    ).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'SCREENING']);
  });

  it('treats missing facts (a sector that did not answer) as not involved', () => {
    expect(involvedSectors({ listedPractice: { ydernummer: '1' } })).toEqual(['GENERAL_PRACTICE']);
  });
});
