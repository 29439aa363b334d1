import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { toQuestionnaire } from './fhir.ts';
import { loadLicensedItemTextsFile, parseLicensedItemTexts } from './licensed-texts.ts';
import { createInstrumentRegistry, InstrumentDataError } from './registry.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/licensed-texts.synthetic.json', import.meta.url));

describe('licensed item texts', () => {
  it('loads a deployment\'s file and shows the texts in the Questionnaire of that language only', () => {
    const texts = loadLicensedItemTextsFile(FIXTURE);
    expect(texts).toHaveLength(1);
    const registry = createInstrumentRegistry({ licensedTexts: texts });
    const da = toQuestionnaire(registry, 'sdq', 'P4-17', { language: 'da' });
    expect(da.item[0]!.text).toBe('Syntetisk testtekst til spørgsmål 1');
    expect(da.item[0]!.answerOption[0]!.valueCoding.display).toBe('Syntetisk: passer ikke');
    expect(da.item[0]!.answerOption[1]!.valueCoding.display).toBe('Somewhat true');
    expect(da.item.find((i) => i.linkId === 'difficulties')!.text).toBe('Syntetisk testtekst til spørgsmålet om vanskeligheder');
    expect(toQuestionnaire(registry, 'sdq', 'S11-17', { language: 'da' }).item[0]!.text).toBe('Syntetisk testtekst til spørgsmål 1 (selvrapport)');
    expect(toQuestionnaire(registry, 'sdq', 'P4-17', { language: 'en' }).item[0]!.text).toBe('SDQ item 1');
  });

  it('refuses a malformed document, saying what is wrong', () => {
    expect(() => parseLicensedItemTexts({ instrument: 'sdq', language: 'de', licence: { holder: 'x', reference: 'y' }, items: {} })).toThrow(
      /licensed item texts are malformed: language: /,
    );
    expect(() => parseLicensedItemTexts({ instrument: 'sdq', language: 'da', items: {} })).toThrow(/licence/);
  });

  it('refuses texts for a version or item the instrument does not have, when the registry is created', () => {
    const texts = parseLicensedItemTexts({ instrument: 'sdq', language: 'da', licence: { holder: 'x', reference: 'y' }, items: { 'P4-17': { item26: 't' }, 'P4-99': { item1: 't' } } });
    try {
      createInstrumentRegistry({ licensedTexts: texts });
      throw new Error('expected InstrumentDataError');
    } catch (error) {
      expect(error).toBeInstanceOf(InstrumentDataError);
      expect((error as InstrumentDataError).problems).toEqual(['licensed texts (sdq, da): P4-17 has no item item26', 'licensed texts (sdq, da): unknown version P4-99']);
    }
  });

  it('names the file it cannot read', () => {
    expect(() => loadLicensedItemTextsFile(`${FIXTURE}.missing`)).toThrow(/cannot read licensed item texts from .*licensed-texts\.synthetic\.json\.missing/);
  });
});
