import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { protectCube, type LeafCount, type LeafMeasureCount } from './cube.ts';
import { closedFactsRange, protectCubeRemembered, resolveStatisticsQuery, statisticsTable, type StatisticsQueryInput } from './graphql.ts';
import { LETTER_STATISTIC } from './letters.ts';
import { parsePeriodKey } from './periods.ts';

function badInput(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).message;
  }
  throw new Error('expected BAD_USER_INPUT');
}

const biennium = { from: '2025-01-01', to: '2026-12-31' };

/** Aarhus: 40 letters in March 2026 (20 within the deadline after 1-4 working days), Samsø: 3 letters. */
function facts(): { counts: LeafCount[]; measures: LeafMeasureCount[] } {
  const counts: LeafCount[] = [];
  const measures: LeafMeasureCount[] = [];
  const add = (at: Record<string, string>, count: number, days?: number) => {
    counts.push({ at, count });
    if (days !== undefined) measures.push({ at, measure: 'replyWorkingDays', value: days, count });
  };
  const base = { municipality: '751', period: '2026-03', ageBand: 'AGE_6_TO_12', sex: 'F' };
  for (let days = 1; days <= 4; days++) add({ ...base, known: 'KNOWN', reply: 'WITHIN_DEADLINE' }, 5, days);
  add({ ...base, known: 'KNOWN', reply: 'AFTER_DEADLINE' }, 10, 14);
  add({ ...base, sex: 'M', known: 'NOT_KNOWN', reply: 'NOT_ANSWERED' }, 10);
  add({ municipality: '741', period: '2026-03', ageBand: 'UNDER_6', sex: 'M', known: 'NOT_KNOWN', reply: 'WITHIN_DEADLINE' }, 3, 2);
  return { counts, measures };
}

function answer(input: StatisticsQueryInput) {
  const request = resolveStatisticsQuery(LETTER_STATISTIC, input);
  const { counts, measures } = facts();
  return statisticsTable(request, protectCube(request.spec, counts, measures));
}

describe('resolveStatisticsQuery', () => {
  it('translates breakdowns, levels, filters and the period for the engine', () => {
    const request = resolveStatisticsQuery(LETTER_STATISTIC, {
      from: '2026-01-01',
      to: '2026-06-30',
      by: ['MUNICIPALITY', 'PERIOD'],
      periodGranularity: 'QUARTER',
      filters: [{ dimension: 'CLUSTER', key: 'AARHUS' }, { dimension: 'SEX', key: 'F' }],
    });
    expect(request.period.key).toBe('2026-H1');
    expect(request.biennium.key).toBe('2025-2026');
    expect(request.query).toEqual({ municipality: ['741', '751'], period: ['2026-Q1', '2026-Q2'], sex: 'F' });
    expect(request.areas).toEqual(['741', '751']);
    expect(resolveStatisticsQuery(LETTER_STATISTIC, biennium).areas).toEqual(['REGION']);
  });

  it('refuses what the statistic cannot answer, saying what to ask instead', () => {
    expect(badInput(() => resolveStatisticsQuery(LETTER_STATISTIC, { from: '2026-01-01', to: '2026-02-15' }))).toMatch(/whole calendar periods/);
    expect(badInput(() => resolveStatisticsQuery(LETTER_STATISTIC, { ...biennium, by: ['TRACK'] }))).toMatch(/no dimension TRACK; it has MUNICIPALITY, CLUSTER, PERIOD/);
    expect(badInput(() => resolveStatisticsQuery(LETTER_STATISTIC, { ...biennium, by: ['MUNICIPALITY', 'CLUSTER'] }))).toMatch(/two levels of one dimension/);
    expect(badInput(() => resolveStatisticsQuery(LETTER_STATISTIC, { ...biennium, filters: [{ dimension: 'MUNICIPALITY', key: 'AARHUS' }] }))).toMatch(/not a value of MUNICIPALITY.*751/);
    expect(badInput(() => resolveStatisticsQuery(LETTER_STATISTIC, { ...biennium, filters: [{ dimension: 'PERIOD', key: '2026' }] }))).toMatch(/query.from and query.to/);
    expect(
      badInput(() =>
        resolveStatisticsQuery(LETTER_STATISTIC, { ...biennium, filters: [{ dimension: 'MUNICIPALITY', key: '751' }, { dimension: 'CLUSTER', key: 'AARHUS' }] }),
      ),
    ).toMatch(/one filter per dimension/);
    expect(badInput(() => resolveStatisticsQuery(LETTER_STATISTIC, { from: '2026-01-01', to: '2026-03-31', by: ['PERIOD'], periodGranularity: 'YEAR' }))).toMatch(/finer/);
  });
});

describe('statisticsTable', () => {
  it('gives counts, hidden cells, percentiles of the answered letters and shares, in the GraphQL shape', () => {
    const table = answer({ ...biennium, by: ['MUNICIPALITY'], filters: [{ dimension: 'CLUSTER', key: 'AARHUS' }] });
    expect(table.statistic).toBe('letters');
    expect(table.period).toEqual({ dimension: 'PERIOD', key: '2025-2026', label: '2025-2026' });
    expect(table.filters).toEqual([{ dimension: 'CLUSTER', key: 'AARHUS', label: 'Aarhusklyngen' }]);
    const [samso, aarhus] = table.rows;
    expect(samso!.key).toEqual([{ dimension: 'MUNICIPALITY', key: '741', label: 'Samsø' }]);
    // Samsø's 3 letters are hidden, and with them Aarhus (else the cluster's 43 minus Aarhus gives Samsø).
    expect(samso).toMatchObject({ count: null, suppressed: true });
    expect(aarhus).toMatchObject({ count: null, suppressed: true });
    expect(table.suppression).toMatchObject({ threshold: 5, suppressedRows: 2 });
    expect(table.suppression.statisticSuppressedCells).toBeGreaterThan(0);

    const region = answer(biennium).rows[0]!;
    expect(region).toMatchObject({ count: 43, suppressed: false });
    // Answered: 20 within (1-4 days) + 10 after (14 days) + Samsø's 3 within (2 days) = 33; median at rank 17.
    expect(region.percentiles).toEqual([
      { measure: 'replyWorkingDays', percentile: 0.5, value: 3, suppressed: false },
      { measure: 'replyWorkingDays', percentile: 0.9, value: 14, suppressed: false },
    ]);
    expect(region.shares).toEqual([
      { name: 'answeredWithinDeadline', description: expect.any(String), value: 23 / 33, suppressed: false },
      { name: 'knownToMunicipality', description: expect.any(String), value: 30 / 43, suppressed: false },
    ]);
  });

  it('has no shares or percentiles where the breakdown cannot carry them, and hides them with their counts', () => {
    const byAge = answer({ ...biennium, by: ['AGE_BAND'] });
    // The letters statistic breaks age down with sex, not with the reply or known: no view has both.
    expect(byAge.rows.every((row) => row.shares.every((s) => s.value === null && !s.suppressed))).toBe(true);
    const samso = answer({ ...biennium, filters: [{ dimension: 'MUNICIPALITY', key: '741' }] }).rows[0]!;
    expect(samso.suppressed).toBe(true);
    expect(samso.percentiles.every((p) => p.suppressed && p.value === null)).toBe(true);
    expect(samso.shares.every((s) => s.suppressed && s.value === null)).toBe(true);
  });
});

describe('closedFactsRange', () => {
  it('counts up to the end of the last whole month, and nothing of a biennium that has not had one', () => {
    expect(closedFactsRange(parsePeriodKey('2025-2026'), '2026-12-02')).toEqual({ from: '2025-01-01', to: '2026-11-30' });
    expect(closedFactsRange(parsePeriodKey('2025-2026'), '2027-03-01')).toEqual({ from: '2025-01-01', to: '2026-12-31' });
    expect(closedFactsRange(parsePeriodKey('2025-2026'), '2025-01-20')).toBeNull();
    expect(closedFactsRange(parsePeriodKey('2025-2026'), '2025-02-01')).toEqual({ from: '2025-01-01', to: '2025-01-31' });
  });
});

describe('protectCubeRemembered', () => {
  it('gives the same protected cube for the same leaf counts in any order, and a new one when a count changes', () => {
    const spec = LETTER_STATISTIC.cube(parsePeriodKey('2025-2026'));
    const { counts, measures } = facts();
    const first = protectCubeRemembered(spec, counts, measures);
    expect(protectCubeRemembered(spec, [...counts].reverse(), [...measures].reverse())).toBe(first);
    const changed = counts.map((c, i) => (i === 0 ? { ...c, count: c.count + 1 } : c));
    const changedMeasures = measures.map((m, i) => (i === 0 ? { ...m, count: m.count + 1 } : m));
    const second = protectCubeRemembered(spec, changed, changedMeasures);
    expect(second).not.toBe(first);
    expect(second.select({}).rows[0]!.count).toEqual({ value: 44 });
  });
});
