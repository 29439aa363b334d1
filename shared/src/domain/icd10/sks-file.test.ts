import { describe, expect, it } from 'vitest';
import { chapterFEntries, parseSksLine, renderChapterFModule, sksOnlySubcodes } from './sks-file.ts';

/** One line in the SKS file's fixed-width layout, built field by field (synthetic, not copied from the file). */
const line = (recordType: string, code: string, from: string, to: string, text: string) =>
  recordType.padEnd(3) + code.padEnd(20) + from + '20000101' + to + text.padEnd(120);

const FILE = [
  line('dia', 'DF90', '19940101', '25000101', 'Hyperkinetiske forstyrrelser'),
  line('dia', 'DF900', '19940101', '25000101', 'Forstyrrelse af aktivitet og opmærksomhed'),
  line('dia', 'DF9000', '19940101', '25000101', 'En finere dansk underopdeling'),
  line('dia', 'DF64', '19940101', '20170101', 'Kønsidentitetsforstyrrelser'),
  line('dia', 'DF03', '19940101', '25000101', 'Demens UNS'),
  line('dia', 'DF039', '19940101', '25000101', 'Demens UNS'),
  line('opr', 'KAA00', '19960101', '25000101', 'En operation'),
  line('dia', 'DZ032', '19940101', '25000101', 'Et andet kapitel'),
  'kort linje',
].join('\r\n');

describe('the SKS file reader', () => {
  it('cuts a line into its fields', () => {
    expect(parseSksLine(FILE.split('\r\n')[1]!)).toEqual({
      recordType: 'dia',
      code: 'DF900',
      validFrom: '19940101',
      validTo: '25000101',
      text: 'Forstyrrelse af aktivitet og opmærksomhed',
    });
    expect(parseSksLine('kort linje')).toBeNull();
  });

  it('keeps chapter F diagnoses of 3 and 4 characters valid on the day, and nothing else', () => {
    expect(chapterFEntries(FILE, '20261201')).toEqual([
      ['DF90', 'Hyperkinetiske forstyrrelser'],
      ['DF900', 'Forstyrrelse af aktivitet og opmærksomhed'],
      ['DF03', 'Demens UNS'],
      ['DF039', 'Demens UNS'],
    ]);
    expect(chapterFEntries(FILE, '20161231').map(([code]) => code)).toContain('DF64');
  });

  it('finds the SKS-only "9" subcodes and renders a module with the same exports as the authored one', () => {
    const entries = chapterFEntries(FILE, '20261201');
    expect(sksOnlySubcodes(entries)).toEqual(['DF039']);
    const module = renderChapterFModule(entries, 'SKScomplete.txt, valid on 20261201');
    expect(module).toContain('export const CHAPTER_F_TITLES');
    expect(module).toContain('["DF900", "Forstyrrelse af aktivitet og opmærksomhed"],');
    expect(module).toContain('export const SKS_ONLY_SUBCODES: ReadonlySet<string> = new Set(["DF039"]);');
    expect(module).toContain('export const CHAPTER_F_EDITION');
  });
});
