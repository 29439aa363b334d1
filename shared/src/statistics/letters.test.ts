import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { protectCube, type LeafCount, type LeafMeasureCount } from './cube.ts';
import { resolveStatisticsQuery, statisticsTable, type StatisticsQueryInput } from './graphql.ts';
import { GP_LETTER_STATISTIC, LETTER_STATISTIC } from './letters.ts';
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

/** Aarhus's practices: 30 letters at step 1 (20 answered in time, 10 not answered) and 12 at step 2, answered late. */
const COUNTS: LeafCount[] = [
  { at: { municipality: '751', period: '2026-03', ageBand: 'AGE_6_TO_12', sex: 'F', step: 'TRIN_1', reply: 'WITHIN_DEADLINE' }, count: 20 },
  { at: { municipality: '751', period: '2026-03', ageBand: 'AGE_6_TO_12', sex: 'M', step: 'TRIN_1', reply: 'NOT_ANSWERED' }, count: 10 },
  { at: { municipality: '751', period: '2026-03', ageBand: 'AGE_15_TO_17', sex: 'F', step: 'TRIN_2', reply: 'AFTER_DEADLINE' }, count: 12 },
];

/** The answered letters' working days to the reply: 2 for those in time, 15 for the late ones. */
const MEASURES: LeafMeasureCount[] = COUNTS.filter((c) => c.at['reply'] !== 'NOT_ANSWERED').map((c) => ({
  at: c.at,
  measure: 'replyWorkingDays',
  value: c.at['reply'] === 'WITHIN_DEADLINE' ? 2 : 15,
  count: c.count,
}));

function answer(input: StatisticsQueryInput) {
  const request = resolveStatisticsQuery(GP_LETTER_STATISTIC, input);
  return statisticsTable(request, protectCube(request.spec, COUNTS, MEASURES));
}

describe('the general practice letters statistic', () => {
  const year = { from: '2026-01-01', to: '2026-12-31' };

  it('breaks the letters down by step and reply together, with the share answered within the deadline', () => {
    const table = answer({ ...year, by: ['STEP'], filters: [{ dimension: 'MUNICIPALITY', key: '751' }] });
    expect(table.rows.map((row) => [row.key[0]!.key, row.count])).toEqual([
      ['TRIN_1', 30],
      ['TRIN_2', 12],
    ]);
    expect(table.rows[0]!.shares).toHaveLength(1);
    expect(table.rows[0]!.shares[0]).toMatchObject({ name: 'answeredWithinDeadline', value: 1, suppressed: false });
    expect(table.rows[1]!.shares[0]!.value).toBe(0);
    const byReply = answer({ ...year, by: ['STEP', 'REPLY'], filters: [{ dimension: 'MUNICIPALITY', key: '751' }] });
    expect(byReply.rows.find((row) => row.key[0]!.key === 'TRIN_1' && row.key[1]!.key === 'NOT_ANSWERED')?.count).toBe(10);
  });

  it('refuses what general practice does not hold or cannot break down together', () => {
    // Whether the municipality knew the child is the municipality's fact, not general practice's.
    expect(badInput(() => resolveStatisticsQuery(GP_LETTER_STATISTIC, { ...year, by: ['KNOWN_TO_MUNICIPALITY'] }))).toMatch(/KNOWN_TO_MUNICIPALITY/);
    expect(badInput(() => answer({ ...year, by: ['AGE_BAND', 'STEP'] }))).toMatch(/together|combin/i);
  });

  it('has the municipality\'s reply states and reply-time measure, so both sides of a letter read alike', () => {
    const biennium = parsePeriodKey('2025-2026');
    const reply = (spec: ReturnType<typeof GP_LETTER_STATISTIC.cube>) => spec.dimensions.find((d) => d.name === 'reply')!;
    expect(reply(GP_LETTER_STATISTIC.cube(biennium))).toEqual(reply(LETTER_STATISTIC.cube(biennium)));
    expect(GP_LETTER_STATISTIC.cube(biennium).measures).toEqual(LETTER_STATISTIC.cube(biennium).measures);
  });
});
