import { describe, expect, it } from 'vitest';
import type { ChildModel } from '../models.ts';
import { ageBandFrom, ageFrom, involvedSectorsFrom, withheldFrom } from './derive.ts';

const TODAY = '2026-11-23';
const noConsent = { reason: 'NO_CONSENT', message: 'Whether the child is known to BUA belongs to BUA. Showing it needs a consent.' };

/** Every sector shared, and every sector is involved. */
const shared: ChildModel = {
  id: 'ch_00000000000000000000000000000001',
  municipalityFacts: { withheld: null, birthDate: '2015-06-12', knownToMunicipality: true },
  generalPracticeFacts: { withheld: null, ydernummer: '107510' },
  buaFacts: { withheld: null, knownToBua: true },
  screeningFacts: { withheld: null, tracks: ['RECOGNISED_MENTAL_PROBLEMS'] },
};

const withFacts = (facts: Partial<ChildModel>): ChildModel => ({ ...shared, ...facts });

/** What arrives instead of facts when a planner (e.g. Hive Gateway's) hands over a refusal as it came. */
const errorObject = {
  message: 'Whether the child is known to BUA belongs to BUA.',
  extensions: { code: 'CONSENT_REQUIRED' },
  path: ['_entities', 0, 'buaFacts'],
};

describe('the pathway’s computed fields from shared facts', () => {
  it('computes age, age band and every involved sector, and lists nothing as withheld', () => {
    expect(ageFrom(shared, TODAY)).toBe(11);
    expect(ageBandFrom(shared, TODAY)).toBe('AGE_6_TO_12');
    expect(involvedSectorsFrom(shared)).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'SCREENING']);
    expect(withheldFrom(shared)).toEqual([]);
  });

  it('says a child no sector knows is involved nowhere, with no age, and withheld nothing', () => {
    const unknown = withFacts({
      municipalityFacts: { withheld: null, birthDate: null, knownToMunicipality: false },
      generalPracticeFacts: { withheld: null, ydernummer: null },
      buaFacts: { withheld: null, knownToBua: false },
      screeningFacts: { withheld: null, tracks: [] },
    });
    expect(ageFrom(unknown, TODAY)).toBeNull();
    expect(ageBandFrom(unknown, TODAY)).toBeNull();
    expect(involvedSectorsFrom(unknown)).toEqual([]);
    expect(withheldFrom(unknown)).toEqual([]);
  });

  it('uses a sector’s facts whole or not at all: one fact out of shape and the sector counts as withheld', () => {
    const child = withFacts({ municipalityFacts: { withheld: null, birthDate: '2015-06-12', knownToMunicipality: 'yes' } });
    expect(ageFrom(child, TODAY)).toBeNull();
    expect(involvedSectorsFrom(child)).toEqual(['GENERAL_PRACTICE', 'BUA', 'SCREENING']);
    expect(withheldFrom(child)).toMatchObject([{ sector: 'MUNICIPALITY', reason: 'UNAVAILABLE' }]);
  });
});

describe('the pathway’s computed fields from withheld facts', () => {
  it('leaves a withholding sector out of involvedSectors and names it, with the sector’s own reason and words', () => {
    const child = withFacts({ buaFacts: { withheld: noConsent, knownToBua: null } });
    expect(involvedSectorsFrom(child)).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE', 'SCREENING']);
    expect(withheldFrom(child)).toEqual([{ sector: 'BUA', ...noConsent }]);
  });

  it('gives no age when the municipality withheld its facts, and says so', () => {
    const forbidden = { reason: 'OTHER_ORGANISATION', message: 'The date of birth belongs to the municipality; municipality 657 cannot see it.' };
    const child = withFacts({ municipalityFacts: { withheld: forbidden, birthDate: null, knownToMunicipality: null } });
    expect(ageFrom(child, TODAY)).toBeNull();
    expect(ageBandFrom(child, TODAY)).toBeNull();
    expect(involvedSectorsFrom(child)).toEqual(['GENERAL_PRACTICE', 'BUA', 'SCREENING']);
    expect(withheldFrom(child)).toEqual([{ sector: 'MUNICIPALITY', ...forbidden }]);
  });

  it('lists the withheld sectors in the enum’s order', () => {
    const child = withFacts({
      screeningFacts: { withheld: noConsent, tracks: null },
      municipalityFacts: { withheld: noConsent, birthDate: null, knownToMunicipality: null },
      buaFacts: { withheld: noConsent, knownToBua: null },
    });
    expect(withheldFrom(child).map((w) => w.sector)).toEqual(['MUNICIPALITY', 'BUA', 'SCREENING']);
  });

  it('ignores facts sent beside a withholding: withheld means nothing of it counts', () => {
    const child = withFacts({
      municipalityFacts: { withheld: noConsent, birthDate: '2015-06-12', knownToMunicipality: true },
      buaFacts: { withheld: noConsent, knownToBua: true },
    });
    expect(ageFrom(child, TODAY)).toBeNull();
    expect(involvedSectorsFrom(child)).toEqual(['GENERAL_PRACTICE', 'SCREENING']);
  });
});

describe('facts whose null keys a planner left out (Hive Gateway’s Rust planner)', () => {
  it('reads a left-out withheld as null, so the facts beside it count', () => {
    const child = withFacts({ buaFacts: { knownToBua: true } });
    expect(involvedSectorsFrom(child)).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'SCREENING']);
    expect(withheldFrom(child)).toEqual([]);
  });

  it('reads a left-out fact as null: the sector shared, and knows nothing of the child', () => {
    const child = withFacts({ buaFacts: { withheld: null }, municipalityFacts: {} });
    expect(involvedSectorsFrom(child)).toEqual(['GENERAL_PRACTICE', 'SCREENING']);
    expect(ageFrom(child, TODAY)).toBeNull();
    expect(withheldFrom(child)).toEqual([]);
  });

  it('still reads a withholding without its null facts as withheld', () => {
    const child = withFacts({ buaFacts: { withheld: noConsent } });
    expect(involvedSectorsFrom(child)).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE', 'SCREENING']);
    expect(withheldFrom(child)).toMatchObject([{ sector: 'BUA', reason: 'NO_CONSENT' }]);
  });
});

describe('the pathway’s computed fields from hostile @requires input', () => {
  it.each([
    ['an error object instead of the facts', errorObject],
    ['an error object as the value of knownToBua', { withheld: null, knownToBua: errorObject }],
    ['a string where a boolean belongs', { withheld: null, knownToBua: 'true' }],
    ['a number where a boolean belongs', { withheld: null, knownToBua: 1 }],
    ['a key the facts type does not declare', { withheld: null, knownToBua: true, message: 'x' }],
    ['a withholding of an unknown reason', { withheld: { reason: 'MAYBE', message: 'x' }, knownToBua: null }],
    ['a withholding without a message', { withheld: { reason: 'NO_CONSENT' }, knownToBua: null }],
    ['a string', 'BUA knows this child'],
    ['an array', [true]],
    ['null', null],
    ['nothing at all', undefined],
  ])('never reports BUA involved from %s, and lists BUA as withheld', (_, buaFacts) => {
    const child = withFacts({ buaFacts });
    expect(involvedSectorsFrom(child)).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE', 'SCREENING']);
    const [part, ...rest] = withheldFrom(child);
    expect(rest).toEqual([]);
    expect(part).toMatchObject({ sector: 'BUA', reason: 'UNAVAILABLE' });
    expect(part!.message).toMatch(/^BUA's data about the child did not arrive in the form its schema declares/);
    // The message says nothing of what arrived.
    expect(part!.message).not.toMatch(/knows this child|CONSENT_REQUIRED/);
  });

  it.each([
    ['an impossible birth date', '2015-02-30'],
    ['a birth date with a time', '2015-06-12T00:00:00Z'],
    ['a birth date as a number', 20150612],
    ['an error object as the birth date', errorObject],
  ])('gives no age from %s, and lists the municipality as withheld', (_, birthDate) => {
    const child = withFacts({ municipalityFacts: { withheld: null, birthDate, knownToMunicipality: true } });
    expect(ageFrom(child, TODAY)).toBeNull();
    expect(ageBandFrom(child, TODAY)).toBeNull();
    expect(involvedSectorsFrom(child)).toEqual(['GENERAL_PRACTICE', 'BUA', 'SCREENING']);
    expect(withheldFrom(child)).toMatchObject([{ sector: 'MUNICIPALITY', reason: 'UNAVAILABLE' }]);
  });

  it.each([
    ['a track that does not exist', ['SPOR_4']],
    ['a string instead of a list', 'RECOGNISED_MENTAL_PROBLEMS'],
    ['an error object in the list', [errorObject]],
  ])('never reports screening involved from %s', (_, tracks) => {
    const child = withFacts({ screeningFacts: { withheld: null, tracks } });
    expect(involvedSectorsFrom(child)).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA']);
    expect(withheldFrom(child)).toMatchObject([{ sector: 'SCREENING', reason: 'UNAVAILABLE' }]);
  });

  it.each([[107510], [{ ydernummer: '107510' }], [true]])('never reports general practice involved from %j as the ydernummer', (ydernummer) => {
    const child = withFacts({ generalPracticeFacts: { withheld: null, ydernummer } });
    expect(involvedSectorsFrom(child)).toEqual(['MUNICIPALITY', 'BUA', 'SCREENING']);
    expect(withheldFrom(child)).toMatchObject([{ sector: 'GENERAL_PRACTICE', reason: 'UNAVAILABLE' }]);
  });
});
