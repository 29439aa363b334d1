import { SMALL_COUNT_THRESHOLD } from '../../access/suppression.ts';
import { protectCube, type CubeSpec, type LeafCount, type LeafMeasureCount, type ProtectedCube } from '../cube.ts';
import {
  ALL_KEY,
  categoryDimension,
  defineDimension,
  municipalityDimension,
  periodDimension,
  type DimensionTree,
} from '../dimensions.ts';
import { LETTER_STATISTIC } from '../letters.ts';
import { periodContaining, periodsWithin, type Period } from '../periods.ts';
import { publishedShare, type PublishedValue } from '../published.ts';
import { areaPercentile, areaTable, type AreaValues, type Category, type StatusReportFigures } from './figures.ts';
import type { StatusFiguresProvider } from './provider.ts';

/**
 * Synthetic, clearly marked figures so that `npm run report` works end to end before the subgraphs have their
 * statistics fields. The facts are made up (deterministically, from the biennium), counted at the leaves as a
 * subgraph's SQL would, and protected by the same engine, so the report shows real suppression.
 *
 * The cubes here are also the proposal for the subgraphs' cubes: their dimensions, views and measures.
 */

/** Rough population sizes in thousands, only to make the synthetic volumes plausible. */
const SIZE: Readonly<Record<string, number>> = {
  '615': 98, '657': 90, '661': 59, '665': 19, '671': 21, '706': 44, '707': 37, '710': 50, '727': 23, '730': 99,
  '740': 98, '741': 3.7, '746': 64, '751': 367, '756': 42, '760': 56, '766': 47, '779': 46, '791': 98,
};

function tree(key: string, label: string, level: string, children?: DimensionTree[]): DimensionTree {
  return children ? { key, label, level, children } : { key, label, level };
}

export const REFERRAL_SOURCES: readonly Category[] = [
  { key: 'GP', label: 'GP' },
  { key: 'MUNICIPALITY', label: 'Municipality' },
];
export const ACUTENESS: readonly Category[] = [
  { key: 'ACUTE', label: 'Acute' },
  { key: 'NOT_ACUTE', label: 'Not acute' },
];
export const DECISIONS: readonly Category[] = [
  { key: 'ACCEPTED', label: 'Accepted for assessment' },
  { key: 'REJECTED', label: 'Not accepted (advice given)' },
  { key: 'PENDING', label: 'Not yet decided' },
];
export const OUTCOMES: readonly Category[] = [
  { key: 'ASSESSED', label: 'Assessed' },
  { key: 'NO_NEED_FOR_ASSESSMENT', label: 'No need for assessment' },
  { key: 'NOT_YET', label: 'No outcome yet' },
];
export const ADVISORY_KINDS: readonly Category[] = [
  { key: 'CASE_CONSULTATION', label: 'Case consultation (sparring)' },
  { key: 'SUPERVISION', label: 'Supervision' },
  { key: 'TEACHING', label: 'Teaching' },
];
export const ADVISORY_STATUSES: readonly Category[] = [
  { key: ALL_KEY, label: 'Offered' },
  { key: 'BOOKED', label: 'Booked' },
  { key: 'USED', label: 'Used' },
  { key: 'CANCELLED', label: 'Cancelled' },
];
export const TRACKS: readonly Category[] = [
  { key: 'TRACK_1', label: 'Track 1: recognised mental problems' },
  { key: 'TRACK_2', label: 'Track 2: chronic somatic illness' },
  { key: 'TRACK_3', label: 'Track 3: relatives of a parent or sibling with mental illness' },
];
export const SCREENING_MEASURES: readonly Category[] = [
  { key: ALL_KEY, label: 'Screenings' },
  { key: 'POSITIVE', label: 'Positive' },
  { key: 'WITH_PLAN', label: 'Positive, with an action plan' },
];

/** The four statistics of the report, as cubes over one biennium. */
export function statusCubeSpecs(biennium: Period): Record<'letters' | 'referrals' | 'advisory' | 'screening', CubeSpec> {
  const municipality = municipalityDimension();
  const period = periodDimension(biennium);
  const flat = (name: string, label: string, categories: readonly Category[]) => categoryDimension(name, label, categories);
  const decision = defineDimension('decision', 'Visitation decision', tree(ALL_KEY, 'All referrals', 'all', [
    tree('DECIDED', 'Decided', 'decided', [tree('ACCEPTED', DECISIONS[0]!.label, 'decision'), tree('REJECTED', DECISIONS[1]!.label, 'decision')]),
    tree('PENDING', DECISIONS[2]!.label, 'decision'),
  ]));
  const status = defineDimension('status', 'Slot', tree(ALL_KEY, 'Offered', 'offered', [
    tree('BOOKED', 'Booked', 'booked', [tree('USED', 'Used', 'status'), tree('CANCELLED', 'Cancelled', 'status')]),
    tree('NOT_BOOKED', 'Not booked', 'status'),
  ]));
  const result = defineDimension('result', 'Result', tree(ALL_KEY, 'Screenings', 'screened', [
    tree('POSITIVE', 'Positive', 'positive', [tree('WITH_PLAN', 'With an action plan', 'result'), tree('WITHOUT_PLAN', 'Without an action plan', 'result')]),
    tree('NEGATIVE', 'Negative', 'result'),
  ]));
  return {
    letters: LETTER_STATISTIC.cube(biennium),
    referrals: {
      name: 'referrals',
      dimensions: [
        municipality,
        period,
        flat('source', 'Referred by', REFERRAL_SOURCES),
        flat('acuteness', 'Acuteness', ACUTENESS),
        decision,
        flat('outcome', 'Outcome', OUTCOMES),
      ],
      views: [
        ['municipality', 'period', 'source'],
        ['municipality', 'period', 'acuteness'],
        ['municipality', 'period', 'decision'],
        ['municipality', 'period', 'outcome'],
      ],
      measures: [
        { name: 'daysToVisitation', recordedFor: { decision: 'DECIDED' } },
        { name: 'daysToAssessment', recordedFor: { outcome: 'ASSESSED' } },
      ],
    },
    advisory: { name: 'advisory', dimensions: [municipality, period, flat('kind', 'Kind', ADVISORY_KINDS), status] },
    screening: { name: 'screening', dimensions: [municipality, period, flat('track', 'Track', TRACKS), result] },
  };
}

/** mulberry32, seeded from the biennium: the same synthetic facts every run. */
function random(seed: string): () => number {
  let a = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Tally {
  readonly #counts = new Map<string, LeafCount>();
  readonly #measures = new Map<string, LeafMeasureCount>();

  add(at: Record<string, string>, measures: Record<string, number> = {}): void {
    const key = JSON.stringify(at);
    const existing = this.#counts.get(key);
    this.#counts.set(key, { at, count: (existing?.count ?? 0) + 1 });
    for (const [measure, value] of Object.entries(measures)) {
      const mkey = `${key}|${measure}|${value}`;
      const m = this.#measures.get(mkey);
      this.#measures.set(mkey, { at, measure, value, count: (m?.count ?? 0) + 1 });
    }
  }

  get counts(): LeafCount[] {
    return [...this.#counts.values()];
  }

  get measures(): LeafMeasureCount[] {
    return [...this.#measures.values()];
  }
}

/** Synthetic facts of one biennium, counted at the leaves as the subgraphs' SQL would count them. */
export function demoFacts(biennium: Period): Record<'letters' | 'referrals' | 'advisory' | 'screening', Tally> {
  const next = random(`pathway-graph demo ${biennium.key}`);
  const pick = <T extends string>(weights: readonly (readonly [T, number])[]): T => {
    let r = next() * weights.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of weights) if ((r -= w) < 0) return value;
    return weights.at(-1)![0];
  };
  const poisson = (mean: number) => {
    let n = 0;
    for (let p = next(), limit = Math.exp(-mean); p > limit; p *= next()) n += 1;
    return n;
  };
  // The agreement started in 2023: the first biennium has fewer letters than the next.
  const ramp = Number(biennium.key.slice(0, 4)) <= 2024 ? 0.65 : 1;
  const months = periodsWithin(biennium, 'month');
  const letters = new Tally();
  const referrals = new Tally();
  const advisory = new Tally();
  const screening = new Tally();
  for (const [code, size] of Object.entries(SIZE)) {
    // Each municipality keeps its habits: how often its letters concern known children, how fast it replies.
    const knownShare = 0.5 + 0.35 * next();
    const replySpeed = 2 + 6 * next();
    for (const [i, month] of months.entries()) {
      const summer = month.key.endsWith('-07') ? 0.5 : 1;
      const growth = ramp * (0.85 + (0.3 * i) / months.length) * summer;
      const base = { municipality: code, period: month.key };
      for (let n = poisson(size * 0.09 * growth); n > 0; n--) {
        const person = {
          ageBand: pick([['UNDER_6', 15], ['AGE_6_TO_12', 40], ['AGE_13_TO_14', 20], ['AGE_15_TO_17', 25]] as const),
          sex: pick([['F', 52], ['M', 48]] as const),
        };
        const isKnown = next() < knownShare ? 'KNOWN' : 'NOT_KNOWN';
        const answered = i < months.length - 1 ? next() < 0.95 : next() < 0.6;
        const days = Math.floor(-Math.log(1 - next()) * replySpeed);
        const replyState = !answered ? 'NOT_ANSWERED' : days <= 10 ? 'WITHIN_DEADLINE' : 'AFTER_DEADLINE';
        letters.add({ ...base, ...person, known: isKnown, reply: replyState }, answered ? { replyWorkingDays: days } : {});
      }
      for (let n = poisson(size * 0.045 * growth); n > 0; n--) {
        const recent = i >= months.length - 2;
        const decision = pick([['ACCEPTED', 72], ['REJECTED', 22], ['PENDING', recent ? 40 : 3]] as const);
        const outcome = decision !== 'ACCEPTED' ? 'NOT_YET' : pick([['ASSESSED', recent ? 10 : 62], ['NO_NEED_FOR_ASSESSMENT', 18], ['NOT_YET', 20]] as const);
        const toVisitation = 2 + Math.floor(-Math.log(1 - next()) * 8);
        const measures: Record<string, number> = decision === 'PENDING' ? {} : { daysToVisitation: toVisitation };
        if (outcome === 'ASSESSED') measures['daysToAssessment'] = toVisitation + 20 + Math.floor(-Math.log(1 - next()) * 35);
        referrals.add(
          {
            ...base,
            source: pick([['GP', 70], ['MUNICIPALITY', 30]] as const),
            acuteness: pick([['ACUTE', 9], ['NOT_ACUTE', 91]] as const),
            decision,
            outcome,
          },
          measures,
        );
      }
      // BUA offers each municipality fixed slots of about 45 minutes (agreement 6.3): two a month, more in Aarhus.
      const slots = code === '751' ? 6 : size > 80 ? 3 : 2;
      for (let s = 0; s < slots; s++) {
        const kind = s === 0 && i % 3 === 0 ? 'TEACHING' : s === 1 && i % 2 === 0 ? 'SUPERVISION' : 'CASE_CONSULTATION';
        const booked = next() < 0.8;
        advisory.add({ ...base, kind, status: !booked ? 'NOT_BOOKED' : next() < 0.85 ? 'USED' : 'CANCELLED' });
      }
      for (let n = poisson(size * 0.11 * growth); n > 0; n--) {
        const positive = next() < 0.24;
        screening.add({
          ...base,
          track: pick([['TRACK_1', 50], ['TRACK_2', 30], ['TRACK_3', 20]] as const),
          result: !positive ? 'NEGATIVE' : next() < 0.72 ? 'WITH_PLAN' : 'WITHOUT_PLAN',
        });
      }
    }
  }
  return { letters, referrals, advisory, screening };
}

const AREAS = () => municipalityDimension().order;

function shares(numerators: AreaValues, denominators: AreaValues): AreaValues {
  return Object.fromEntries(
    Object.keys(denominators).map((area) => {
      const n = numerators[area];
      const d = denominators[area];
      return [area, n && d ? publishedShare(n, d) : null];
    }),
  );
}

function counts(cube: ProtectedCube, query: Record<string, string | readonly string[]>): AreaValues {
  const table = cube.select({ municipality: AREAS(), ...query });
  return Object.fromEntries(table.rows.map((row) => [row.key['municipality']!, row.count as PublishedValue]));
}

/** The report's figures for one period, read from protected cubes of its biennium. */
export function figuresFromCubes(
  period: Period,
  cubes: Record<'letters' | 'referrals' | 'advisory' | 'screening', ProtectedCube>,
  source: { description: string; synthetic: boolean },
): StatusReportFigures {
  const halfYears = periodsWithin(period, 'half-year').map((p) => p.key);
  const areas = AREAS();
  const { letters, referrals, advisory, screening } = cubes;
  const overTime = (cube: ProtectedCube) =>
    areaTable(cube.select({ municipality: areas, period: [...halfYears, ...(halfYears.length > 1 ? [period.key] : [])] }), (key) => key['period']!);
  const byCategory = (cube: ProtectedCube, dimension: string, categories: readonly Category[]) => ({
    categories,
    values: areaTable(cube.select({ municipality: areas, period: period.key, [dimension]: categories.map((c) => c.key) }), (key) => key[dimension]!),
  });
  const replies = letters.select(
    { municipality: areas, period: period.key, reply: 'ANSWERED' },
    { percentiles: [{ measure: 'replyWorkingDays', percentiles: [0.5, 0.9] }] },
  );
  const visitation = referrals.select(
    { municipality: areas, period: period.key, decision: 'DECIDED' },
    { percentiles: [{ measure: 'daysToVisitation', percentiles: [0.5, 0.9] }] },
  );
  const assessment = referrals.select(
    { municipality: areas, period: period.key, outcome: 'ASSESSED' },
    { percentiles: [{ measure: 'daysToAssessment', percentiles: [0.5, 0.9] }] },
  );
  return {
    period: period.key,
    halfYears,
    synthetic: source.synthetic,
    source: source.description,
    threshold: letters.threshold,
    letters: {
      count: overTime(letters),
      answeredWithinDeadline: shares(
        counts(letters, { period: period.key, reply: 'WITHIN_DEADLINE' }),
        counts(letters, { period: period.key, reply: 'ANSWERED' }),
      ),
      replyWorkingDaysMedian: areaPercentile(replies, 'replyWorkingDays@0.5'),
      replyWorkingDaysP90: areaPercentile(replies, 'replyWorkingDays@0.9'),
      knownToMunicipality: shares(counts(letters, { period: period.key, known: 'KNOWN' }), counts(letters, { period: period.key })),
    },
    referrals: {
      count: overTime(referrals),
      bySource: byCategory(referrals, 'source', REFERRAL_SOURCES),
      byAcuteness: byCategory(referrals, 'acuteness', ACUTENESS),
      byDecision: byCategory(referrals, 'decision', DECISIONS),
      byOutcome: byCategory(referrals, 'outcome', OUTCOMES),
      daysToVisitationMedian: areaPercentile(visitation, 'daysToVisitation@0.5'),
      daysToVisitationP90: areaPercentile(visitation, 'daysToVisitation@0.9'),
      daysToAssessmentMedian: areaPercentile(assessment, 'daysToAssessment@0.5'),
      daysToAssessmentP90: areaPercentile(assessment, 'daysToAssessment@0.9'),
    },
    advisory: {
      kinds: ADVISORY_KINDS,
      statuses: ADVISORY_STATUSES,
      values: areaTable(
        advisory.select({ municipality: areas, period: period.key, kind: ADVISORY_KINDS.map((k) => k.key), status: ADVISORY_STATUSES.map((s) => s.key) }),
        (key) => `${key['kind']}:${key['status']}`,
      ),
    },
    screening: {
      tracks: TRACKS,
      measures: SCREENING_MEASURES,
      values: areaTable(
        screening.select({ municipality: areas, period: period.key, track: TRACKS.map((t) => t.key), result: SCREENING_MEASURES.map((m) => m.key) }),
        (key) => `${key['track']}:${key['result']}`,
      ),
    },
    suppression: Object.values(cubes).map((cube) => ({ cube: cube.name, ...cube.summary() })),
  };
}

/** Synthetic figures, the same every run; marked as synthetic in everything the report shows. */
export function demoFiguresProvider(): StatusFiguresProvider {
  const cache = new Map<string, Record<'letters' | 'referrals' | 'advisory' | 'screening', ProtectedCube>>();
  const description = 'synthetic demo figures (made up, not real data)';
  return {
    description,
    synthetic: true,
    async figures(period: Period): Promise<StatusReportFigures> {
      const biennium = periodContaining(period.start, 'biennium');
      let cubes = cache.get(biennium.key);
      if (!cubes) {
        const specs = statusCubeSpecs(biennium);
        const facts = demoFacts(biennium);
        const protect = (name: keyof typeof specs) => protectCube({ ...specs[name], threshold: SMALL_COUNT_THRESHOLD }, facts[name].counts, facts[name].measures);
        cubes = { letters: protect('letters'), referrals: protect('referrals'), advisory: protect('advisory'), screening: protect('screening') };
        cache.set(biennium.key, cubes);
      }
      return figuresFromCubes(period, cubes, { description, synthetic: true });
    },
  };
}
