import { ADVISORY_STATISTIC, ASSESSMENT_STATISTIC, REFERRAL_STATISTIC } from '@pathway-graph/bua/statistics/cubes';
import { SCREENING_STATISTIC } from '@pathway-graph/screening/statistics/cube';
import {
  isShown,
  parsePeriodKey,
  protectCube,
  resolveStatisticsQuery,
  statisticsTable,
  type Dimension,
  type LeafCount,
  type StatisticDefinition,
  type StatisticsQueryInput,
} from '@pathway-graph/shared/statistics/index';
import { renderStatusReport } from '@pathway-graph/shared/statistics/report/index';
import { advisoryFigures, referralFigures, screeningFigures, type SectorStatisticsClient } from '@pathway-graph/shared/statistics/report/sector-families';
import { describe, expect, it } from 'vitest';

/**
 * The report's BUA and screening families, read from the sectors' statistics as the graph provider reads them: a
 * client that answers each aliased query of the operation with the real engine over synthetic leaf counts (what the
 * subgraph's resolver does after its SQL), so the mapping onto areas and columns is checked against the tables.
 */

const PERIOD = parsePeriodKey('2025-2026');
const FIELDS: Record<string, StatisticDefinition> = {
  buaReferralStatistics: REFERRAL_STATISTIC,
  buaAssessmentStatistics: ASSESSMENT_STATISTIC,
  buaAdvisoryStatistics: ADVISORY_STATISTIC,
  screeningStatistics: SCREENING_STATISTIC,
};

/** Synthetic facts at the leaves of a cube: seeded, a few per leaf combination drawn. */
function syntheticLeaves(dimensions: readonly Dimension[], facts: number): LeafCount[] {
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const counts = new Map<string, LeafCount>();
  for (let i = 0; i < facts; i++) {
    const at = Object.fromEntries(
      dimensions.map((d) => {
        // Months up to November 2026 only, as a subgraph counts closed months.
        const leaves = d.name === 'period' ? d.leaves.filter((m) => m < '2026-12') : d.leaves;
        return [d.name, leaves[Math.floor(next() * leaves.length)]!];
      }),
    );
    const key = JSON.stringify(at);
    counts.set(key, { at, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()];
}

function engineClient(): SectorStatisticsClient & { asked: string[] } {
  const cubes = new Map<string, ReturnType<typeof protectCube>>();
  const asked: string[] = [];
  return {
    asked,
    async query<T>(_sector: string, document: string, variables: Record<string, unknown>): Promise<T> {
      const answer: Record<string, unknown> = {};
      for (const [, alias, field, variable] of document.matchAll(/(\w+): (\w+)\(query: \$(\w+)\)/g)) {
        asked.push(field!);
        const statistic = FIELDS[field!]!;
        const request = resolveStatisticsQuery(statistic, variables[variable!] as StatisticsQueryInput);
        let cube = cubes.get(statistic.name);
        if (!cube) {
          // No measures: the percentiles are the engine's concern; here the mapping is.
          const spec = { ...request.spec, measures: [] };
          cube = protectCube(spec, syntheticLeaves(spec.dimensions, 4_000));
          cubes.set(statistic.name, cube);
        }
        answer[alias!] = statisticsTable({ ...request, spec: { ...request.spec, measures: [] } }, cube);
      }
      return answer as T;
    },
  };
}

describe('the report families of BUA and screening', () => {
  it('maps referrals per area and half-year, by source, acuteness, decision and outcome, onto the report', async () => {
    const client = engineClient();
    const { figures, tables } = await referralFigures(client, PERIOD);
    expect(new Set(client.asked)).toEqual(new Set(['buaReferralStatistics', 'buaAssessmentStatistics']));
    // Every area: 19 municipalities, 5 clusters, the region.
    expect(Object.keys(figures.count)).toHaveLength(25);
    expect(Object.keys(figures.count['REGION']!)).toEqual(['2025-H1', '2025-H2', '2026-H1', '2026-H2', '2025-2026']);
    const region = figures.count['REGION']!['2025-2026']!;
    expect(isShown(region) && region.value).toBe(4_000);
    const halves = ['2025-H1', '2025-H2', '2026-H1', '2026-H2'].map((h) => figures.count['REGION']![h]!);
    expect(halves.reduce((sum, v) => sum + (isShown(v) ? v.value : 0), 0)).toBe(4_000);
    expect(figures.bySource.categories).toEqual([{ key: 'GP', label: 'GP' }, { key: 'MUNICIPALITY', label: 'Municipality' }]);
    expect(figures.byDecision.categories.map((c) => c.key)).toEqual(['NOT_VISITED', 'NO_ASSESSMENT_NEEDED', 'ASSESSMENT']);
    expect(figures.byOutcome.categories.map((c) => c.key)).toEqual(['IN_ASSESSMENT', 'DIAGNOSED', 'NO_DIAGNOSIS']);
    // The region's breakdown adds up to the region's total where all of it is shown.
    const parts = figures.bySource.categories.map((c) => figures.bySource.values['REGION']![c.key]!);
    if (parts.every(isShown)) expect(parts.reduce((sum, v) => sum + (isShown(v) ? v.value : 0), 0)).toBe(4_000);
    expect(tables.every((t) => t.suppression.threshold === 5)).toBe(true);
  });

  it('maps advisory slots offered, booked, used and cancelled, and screenings, positives and plans per track', async () => {
    const client = engineClient();
    const advisory = (await advisoryFigures(client, PERIOD)).figures;
    expect(advisory.kinds.map((k) => k.key)).toEqual(['CONSULTATION', 'TEACHING']);
    expect(advisory.statuses.map((s) => s.key)).toEqual(['ALL', 'BOOKED', 'USED', 'CANCELLED']);
    const offered = advisory.values['REGION']!['CONSULTATION:ALL']!;
    const booked = advisory.values['REGION']!['CONSULTATION:BOOKED']!;
    const used = advisory.values['REGION']!['CONSULTATION:USED']!;
    expect(isShown(offered) && isShown(booked) && isShown(used)).toBe(true);
    if (isShown(offered) && isShown(booked) && isShown(used)) {
      expect(booked.value).toBeLessThan(offered.value);
      expect(used.value).toBeLessThan(booked.value);
    }
    const screening = (await screeningFigures(client, PERIOD)).figures;
    expect(screening.tracks.map((t) => t.key)).toEqual(['RECOGNISED_MENTAL_PROBLEMS', 'CHRONIC_SOMATIC_ILLNESS', 'RELATIVE_OF_MENTALLY_ILL']);
    const screened = screening.values['REGION']!['CHRONIC_SOMATIC_ILLNESS:ALL']!;
    const positive = screening.values['REGION']!['CHRONIC_SOMATIC_ILLNESS:POSITIVE']!;
    const planned = screening.values['REGION']!['CHRONIC_SOMATIC_ILLNESS:WITH_PLAN']!;
    expect(isShown(screened) && isShown(positive) && isShown(planned)).toBe(true);
    if (isShown(screened) && isShown(positive) && isShown(planned)) {
      expect(positive.value).toBeLessThan(screened.value);
      expect(planned.value).toBeLessThan(positive.value);
    }
  });

  it('renders the status report with these families: a section with tables and charts for each', async () => {
    const client = engineClient();
    const [referrals, advisory, screening] = await Promise.all([referralFigures(client, PERIOD), advisoryFigures(client, PERIOD), screeningFigures(client, PERIOD)]);
    const html = await renderStatusReport({
      current: {
        period: PERIOD.key,
        halfYears: ['2025-H1', '2025-H2', '2026-H1', '2026-H2'],
        synthetic: true,
        source: 'synthetic leaf counts through the engine (test)',
        letters: null,
        referrals: referrals.figures,
        advisory: advisory.figures,
        screening: screening.figures,
        suppression: [],
        threshold: 5,
      },
      previous: null,
      generatedOn: '2026-12-02',
    });
    for (const id of ['referrals-by-source', 'referrals-by-decision', 'referrals-by-outcome', 'advisory-slots', 'screening-by-track']) {
      expect(html, id).toContain(id);
    }
    expect(html).toContain('<svg');
  }, 120_000);
});
