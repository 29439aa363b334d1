import { ConfigError } from '@pathway-graph/shared';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createScreeningSetup } from '../screenings/setup.ts';
import { scoreInput } from '../screenings/record.ts';
import { loadBandTablesFile } from './band-tables.ts';

/** A table of invented cut-offs, marked as such in its id, label and source: the shape of a deployment's norms, not norms. */
const TEST_TABLE_FILE = fileURLToPath(new URL('./fixtures/band-tables.test-only.json', import.meta.url));
const TEST_TABLE = 'sdq-test-only-not-norms';

/** 12 on the day, in the track since 2026-08-01. */
const CHILD = { birthDate: '2014-03-10', since: '2026-08-01', today: '2026-09-01' };
/** A parent's SDQ (P4-17) with the total difficulties `total` (emotional and conduct, 10 at most each, then hyperactivity). */
function parentSdq(total: number) {
  const points = new Map<number, number>();
  // Emotional items 3, 8, 13, 16, 24 and hyperactivity 2, 10, 15 (no reverse items), 2 points each while they can.
  let left = total;
  for (const n of [3, 8, 13, 16, 24, 2, 10, 15]) {
    points.set(n, Math.min(2, left));
    left -= points.get(n)!;
  }
  if (left > 0) throw new Error('parentSdq gives at most 16');
  // Items 7, 11, 14, 21 and 25 are reverse-scored: ticking 2 ("certainly true") scores 0.
  const reverse = new Set([7, 11, 14, 21, 25]);
  return {
    childId: `ch_${'0'.repeat(32)}`,
    track: 'CHRONIC_SOMATIC_ILLNESS' as const,
    instrumentId: 'sdq',
    versionId: 'P4-17',
    informant: 'parent' as const,
    answers: Array.from({ length: 25 }, (_, i) => ({ item: `item${i + 1}`, value: reverse.has(i + 1) ? 2 : (points.get(i + 1) ?? 0) })),
  };
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

function fileWith(json: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'band-tables-')), 'tables.json');
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

const [testTable] = loadBandTablesFile(TEST_TABLE_FILE);

describe('band tables a deployment adds as data (SCREENING_BAND_TABLES_FILE)', () => {
  it('scores with the added table once it is selected, and the result keeps which table it was scored with', () => {
    const setup = createScreeningSetup({ bandTablesFile: TEST_TABLE_FILE, bandSchemes: { sdq: TEST_TABLE } });
    const at14 = scoreInput(setup, parentSdq(14), CHILD);
    const at15 = scoreInput(setup, parentSdq(15), CHILD);
    expect(at14.result.bandScheme).toBe(TEST_TABLE);
    expect(at14.result.scores.find((s) => s.id === 'total')).toMatchObject({ value: 14, band: { scheme: TEST_TABLE, code: 'test-middle', rank: 1 } });
    expect(at15.result.scores.find((s) => s.id === 'total')).toMatchObject({ value: 15, band: { scheme: TEST_TABLE, code: 'test-high', rank: 2 } });
    // The default threshold follows the selected table: its highest bands (rank 2 and up) make the child positive.
    expect(setup.thresholds.find((t) => t.instrumentId === 'sdq')?.condition).toEqual({ kind: 'band', bandScheme: TEST_TABLE, bands: ['test-high'] });
    expect([at14.positive, at15.positive]).toEqual([false, true]);
    // Scores the table has no cut-offs for come back unbanded, saying so, rather than banded by another table.
    expect(at15.result.scores.find((s) => s.id === 'emotional')).toMatchObject({ band: null, bandMissing: { reason: 'NO_BAND_PUBLISHED' } });
  });

  it('adds to the shipped tables without selecting anything: the deployment keeps its scheme until it names the new one', () => {
    const setup = createScreeningSetup({ bandTablesFile: TEST_TABLE_FILE });
    expect(setup.registry.bandTable(TEST_TABLE)?.label.en).toMatch(/^TEST TABLE, NOT NORMS/);
    expect(setup.registry.bandSchemeFor('sdq')).toBe('sdq-uk-4band');
    expect(scoreInput(setup, parentSdq(15), CHILD).result.bandScheme).toBe('sdq-uk-4band');
  });

  it('refuses at start-up a file that cannot be read or is not JSON, naming the variable and the file', () => {
    expect(problemsOf(() => createScreeningSetup({ bandTablesFile: '/nonexistent/bands.json' }))).toEqual([
      expect.stringMatching(/^SCREENING_BAND_TABLES_FILE: cannot read band tables from \/nonexistent\/bands\.json: /),
    ]);
    const notJson = fileWith('{ "id": ');
    expect(problemsOf(() => createScreeningSetup({ bandTablesFile: notJson }))).toEqual([expect.stringContaining(`SCREENING_BAND_TABLES_FILE: cannot read band tables from ${notJson}`)]);
  });

  it('refuses a malformed table, naming the table and the path of what is wrong', () => {
    const file = fileWith([{ ...testTable, entries: [{ ...testTable!.entries[0], bands: [{ code: 'only', min: 0, max: 40, rank: 0 }] }] }]);
    const [problem] = problemsOf(() => createScreeningSetup({ bandTablesFile: file }));
    expect(problem).toContain(`SCREENING_BAND_TABLES_FILE: ${file} (${TEST_TABLE}) is malformed: entries.0.bands`);
  });

  it('refuses a table whose bands leave a gap or overlap, or name a version or score the instrument has not got', () => {
    const entry = testTable!.entries[0]!;
    const file = fileWith({
      ...testTable,
      entries: [
        { ...entry, bands: [entry.bands[0]!, { ...entry.bands[1]!, max: 13 }, entry.bands[2]!] },
        { ...entry, versions: ['P4-18'] },
        { ...entry, score: 'happiness' },
      ],
    });
    const problems = problemsOf(() => createScreeningSetup({ bandTablesFile: file, bandSchemes: { sdq: TEST_TABLE } }));
    expect(problems).toEqual([
      `SCREENING_BAND_TABLES_FILE: band table ${TEST_TABLE} entry 0 (P4-17 total): value 14 falls in 0 bands`,
      `SCREENING_BAND_TABLES_FILE: band table ${TEST_TABLE} entry 0 (S11-17 total): value 14 falls in 0 bands`,
      `SCREENING_BAND_TABLES_FILE: band table ${TEST_TABLE} entry 1: unknown version P4-18`,
      `SCREENING_BAND_TABLES_FILE: band table ${TEST_TABLE} entry 2: version P4-17 has no score happiness`,
      `SCREENING_BAND_TABLES_FILE: band table ${TEST_TABLE} entry 2: version S11-17 has no score happiness`,
    ]);
  });

  it('refuses a table that reuses the id of a shipped table or of another in the file: an id never changes meaning', () => {
    const file = fileWith([{ ...testTable, id: 'sdq-uk-4band' }, testTable, testTable]);
    expect(problemsOf(() => createScreeningSetup({ bandTablesFile: file }))).toEqual([
      'SCREENING_BAND_TABLES_FILE: band table sdq-uk-4band is a shipped table; give each added table an id of its own',
      `SCREENING_BAND_TABLES_FILE: band table ${TEST_TABLE} appears twice in the file; give each added table an id of its own`,
    ]);
  });

  it('refuses a table of an instrument this deployment has not got, and an empty file', () => {
    expect(problemsOf(() => createScreeningSetup({ bandTablesFile: fileWith({ ...testTable, instrument: 'phq9' }) }))).toEqual([
      `SCREENING_BAND_TABLES_FILE: band table ${TEST_TABLE}: unknown instrument phq9`,
    ]);
    expect(problemsOf(() => createScreeningSetup({ bandTablesFile: fileWith([]) }))).toEqual([expect.stringMatching(/^SCREENING_BAND_TABLES_FILE: .* hold no band table/)]);
  });
});
