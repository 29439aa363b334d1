import { describe, expect, it } from 'vitest';
import { buildKnownNameIndex, findKnownNames, knownNameMentions, nameKey } from './known-names.ts';

// Synthetic names, none of a real child.
const KNOWN = ['Emma Sofie Jensen', 'Søren Ølgaard', 'Anne-Sofie Kjær', 'Åse Bo', 'Hans Peter Møller', 'Mark Skov', 'Zoë René'];

const found = (text: string, known: Iterable<string> = KNOWN) => findKnownNames(text, known).map((s) => text.slice(s.start, s.end));

describe('nameKey', () => {
  it('folds case, Danish letters and their spellings, and other accents', () => {
    expect(new Set(['Søren', 'SØREN', 'Soeren', 'Soren', 'Sören'].map(nameKey)).size).toBe(1);
    expect(new Set(['Åse', 'Aase', 'ase', 'ÅSE'].map(nameKey)).size).toBe(1);
    expect(new Set(['Mærsk', 'Maersk', 'Märsk'].map(nameKey)).size).toBe(1);
    expect(new Set(['Zoë', 'Zoe', 'zoé'].map(nameKey)).size).toBe(1);
    expect(nameKey('Emma')).not.toBe(nameKey('Ema'));
  });
});

describe('findKnownNames', () => {
  it.each([
    ['a first name', 'Vi talte med Emma om skolen.', ['Emma']],
    ['a first name in lower case', 'vi talte med emma om skolen.', ['emma']],
    ['a first name in capitals', 'VI TALTE MED EMMA', ['EMMA']],
    ['a surname', 'Familien Jensen er flyttet.', ['Jensen']],
    ['the Danish genitive', 'Emmas mor ringede.', ['Emmas']],
    ['a genitive with an apostrophe', "Jensen's bil", ['Jensen']],
    ['a whole name', 'Emma Sofie Jensen går i 6. klasse.', ['Emma Sofie Jensen']],
    ['ø written as oe', 'Soeren har svært ved det.', ['Soeren']],
    ['ø written as o', 'Soren har svært ved det.', ['Soren']],
    ['ø in a surname written as o', 'familien Olgaard', ['Olgaard']],
    ['å written as aa', 'Vi har talt med Aase.', ['Aase']],
    ['a double name with a hyphen', 'Vi har talt med Anne-Sofie.', ['Anne', 'Sofie']],
    ['a double name in the genitive', 'Anne-Sofies lærer', ['Anne', 'Sofies']],
    ['an accent left out', 'Vi har talt med Zoe.', ['Zoe']],
    ['a soft hyphen inside a name', 'Vi har talt med Em\u00adma.', ['Em\u00adma']],
  ])('finds %s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a longer word beginning with a name', 'Emmanuel og Jensenius'],
    ['a shorter word', 'Ema og Jens'],
    ['initials', 'Klasse J og K'],
    ['no known names at all', 'Drengen på 12 år har svært ved at være i klassen.'],
  ])('ignores %s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  describe('names that are also common Danish words', () => {
    it('ignores them written as ordinary words', () => {
      expect(found('Han bor hos hans mor; de vil gerne bo ved en skov og en mark.')).toEqual([]);
      expect(found('Han har rene hænder.')).toEqual([]);
    });

    it('finds them capitalised within a sentence, or after a colon', () => {
      expect(found('Drengen, Hans, har det svært.')).toEqual(['Hans']);
      expect(found('I klassen er Mark den yngste.')).toEqual(['Mark']);
      expect(found('Navn: Mark')).toEqual(['Mark']);
      expect(found('Hos familien Møller er der uro.')).toEqual(['Møller']);
      expect(found('Vi har talt med Rene.')).toEqual(['Rene']);
    });

    it('does not take a capital at the start of a sentence, a line, or in shouted text as a name', () => {
      expect(found('Hans mor ringede. Bo hos faren er en mulighed.')).toEqual([]);
      expect(found('Problemstilling\n- Skov og natur hjælper')).toEqual([]);
      expect(found('HUSK AT HANS MOR KOMMER')).toEqual([]);
    });

    it('always finds them as part of a whole name', () => {
      expect(found('Mark Skov har det svært.')).toEqual(['Mark Skov']);
      expect(found('Hans Peter Møller går i 3. klasse.')).toEqual(['Hans Peter Møller']);
      expect(found('Åse Bo er 14.')).toEqual(['Åse Bo']);
      expect(found('hans peter')).toEqual(['peter']);
    });

    it('treats them as ordinary names when the caller gives no common words', () => {
      const index = buildKnownNameIndex(KNOWN, []);
      expect(findKnownNames('hans mor', index)).toEqual([{ start: 0, end: 4 }]);
    });
  });

  it('accepts an index built once, and gives the positions in the original text', () => {
    const index = buildKnownNameIndex(KNOWN);
    const text = 'Både Søren og Emma.';
    expect(findKnownNames(text, index)).toEqual([
      { start: 5, end: 10 },
      { start: 14, end: 18 },
    ]);
  });

  it('finds nothing when no names are known', () => {
    expect(found('Emma Sofie Jensen', [])).toEqual([]);
  });
});

describe('knownNameMentions', () => {
  it('gives the words of the texts that name a known child, as written, and finds them again as names', () => {
    const texts = ['Emmas mor ringede; Soeren går i 6. klasse.', 'Intet navn her, kun en pige på 12 år.'];
    const mentions = knownNameMentions(texts, KNOWN);
    expect(mentions).toEqual(['Emmas', 'Soeren']);
    // The asker builds its index from the mentions alone and refuses the same places.
    expect(findKnownNames(texts[0]!, mentions)).toEqual(findKnownNames(texts[0]!, KNOWN));
    expect(knownNameMentions([texts[1]!], KNOWN)).toEqual([]);
  });

  it('never answers with a name the texts do not hold', () => {
    const mentions = knownNameMentions(['Jensen har svært ved at sove.'], KNOWN);
    expect(mentions).toEqual(['Jensen']);
    expect(mentions.join(' ')).not.toMatch(/Emma|Sofie/);
  });
});
