import { describe, expect, it } from 'vitest';
import type { LeafCount } from '../cube.ts';
import { protectCubeRemembered, resolveStatisticsQuery, statisticsTable, type StatisticsQueryInput } from '../graphql.ts';
import { LETTER_STATISTIC } from '../letters.ts';
import { parsePeriodKey } from '../periods.ts';
import { graphFiguresProvider, letterFigures, StatisticsRequestError, type StatisticsClient } from './graph.ts';

/** A sector answering from one protected cube of letters, as letterStatistics would (no network). */
function sectorOf(counts: readonly LeafCount[]): { client: StatisticsClient; operations: string[] } {
  const operations: string[] = [];
  const client: StatisticsClient = {
    async query<T>(sector: string, document: string, variables: Record<string, unknown>): Promise<T> {
      expect(sector).toBe('municipality');
      operations.push(document);
      const answers: Record<string, unknown> = {};
      for (const [alias, query] of Object.entries(variables)) {
        const request = resolveStatisticsQuery(LETTER_STATISTIC, query as StatisticsQueryInput);
        answers[alias] = statisticsTable(request, protectCubeRemembered(request.spec, counts));
      }
      return answers as T;
    },
  };
  return { client, operations };
}

// The provider's other families (BUA, screening) are tested with their sectors' definitions in test/statistics-families.test.ts
// and end to end in test/browser/report-graph.test.ts.
describe('the letters family of graphFiguresProvider', () => {
  it('maps the letters tables onto areas and half-years, asking them in one operation', async () => {
    const at = (municipality: string, period: string, reply: string) => ({ municipality, period, ageBand: 'AGE_6_TO_12', sex: 'F', known: 'KNOWN', reply });
    const counts: LeafCount[] = [
      { at: at('751', '2025-02', 'NOT_ANSWERED'), count: 30 },
      { at: at('751', '2026-08', 'NOT_ANSWERED'), count: 12 },
      { at: at('730', '2025-03', 'NOT_ANSWERED'), count: 9 },
      { at: at('741', '2025-03', 'NOT_ANSWERED'), count: 2 },
    ];
    const { client, operations } = sectorOf(counts);
    const { figures: letters, tables } = await letterFigures(client, parsePeriodKey('2025-2026'));
    const figures = { letters };
    expect(operations).toHaveLength(1);
    expect(figures.letters!.count['REGION']).toMatchObject({ '2025-2026': { value: 53 }, '2025-H1': { value: 41 }, '2026-H2': { value: 12 } });
    expect(figures.letters!.count['RANDERS']?.['2025-2026']).toEqual({ value: 9 });
    expect(figures.letters!.count['741']?.['2025-2026']).toEqual({ suppressed: true });
    // Every letter is about a known child: 100 % where shown.
    expect(figures.letters!.knownToMunicipality['REGION']).toEqual({ value: 1 });
    // Nobody answered: no reply times, and no share of answered letters to speak of.
    expect(figures.letters!.replyWorkingDaysMedian['REGION']).toBeNull();
    expect(figures.letters!.answeredWithinDeadline['REGION']).toBeNull();
    expect(new Set(tables.map((t) => t.statistic))).toEqual(new Set(['letters']));
    expect(tables.every((t) => t.suppression.threshold === 5)).toBe(true);
  });
});

describe('a refusal from graphFiguresProvider', () => {
  it('names the first family in the report\'s order, however fast each sector refused', async () => {
    // BUA refuses at once, the municipality last: the message is still the letters' one, every run.
    const delays: Record<string, number> = { municipality: 30, bua: 0, screening: 10 };
    const client: StatisticsClient = {
      async query<T>(sector: string, document: string): Promise<T> {
        await new Promise((resolve) => setTimeout(resolve, delays[sector] ?? 0));
        const field = /\{\s*\w+\s*:\s*(\w+)/.exec(document)?.[1] ?? sector;
        throw new StatisticsRequestError(`${field} is for analysts`, 'FORBIDDEN');
      },
    };
    const failure = await graphFiguresProvider(client).figures(parsePeriodKey('2025-2026')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StatisticsRequestError);
    expect((failure as StatisticsRequestError).message).toMatch(/^letterStatistics is for analysts/);
  });
});
