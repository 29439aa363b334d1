import type { TopLevelSpec } from 'vega-lite';
import { parsePeriodKey, periodLabel } from '../periods.ts';
import { isShown, type PublishedValue } from '../published.ts';
import { barsSpec, rangeSpec, stackedSpec, trendSpec, type ChartDatum, type RangeDatum } from './charts.ts';
import {
  reportAreas,
  type AdvisoryFigures,
  type Area,
  type AreaTable,
  type AreaValues,
  type CategoryFigures,
  type LetterFigures,
  type ReferralFigures,
  type ScreeningFigures,
  type StatusReportFigures,
} from './figures.ts';

/** How a column's values read: counts, shares (0-1, printed as %), or (working) days. */
export type Unit = 'count' | 'share' | 'days' | 'working days';

/** A table of the report, the same in HTML and CSV. */
export interface ReportTable {
  /** File name of its CSV, anchor in the HTML. */
  readonly id: string;
  readonly title: string;
  readonly rowHeader: string;
  readonly columns: readonly { readonly label: string; readonly unit: Unit }[];
  readonly rows: readonly { readonly key: string; readonly label: string; readonly level: Area['level']; readonly cells: readonly (PublishedValue | null)[] }[];
}

export interface ReportChart {
  readonly id: string;
  readonly spec: TopLevelSpec;
}

export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  readonly charts: readonly ReportChart[];
  readonly tables: readonly ReportTable[];
}

const label = (key: string) => periodLabel(parsePeriodKey(key));

type Column = { label: string; unit: Unit; value: (area: string) => PublishedValue | null | undefined };

function table(id: string, title: string, columns: readonly Column[], areas: readonly Area[] = reportAreas()): ReportTable {
  return {
    id,
    title,
    rowHeader: 'Area',
    columns: columns.map(({ label: l, unit }) => ({ label: l, unit })),
    rows: areas.map((area) => ({ key: area.key, label: area.label, level: area.level, cells: columns.map((c) => c.value(area.key) ?? null) })),
  };
}

const valueOf = (v: PublishedValue | null | undefined): number | null => (isShown(v) ? v.value : null);
const hidden = (v: PublishedValue | null | undefined): boolean => v !== null && v !== undefined && !isShown(v);

function barData(areas: readonly Area[], series: readonly { name: string; values: (area: string) => PublishedValue | null | undefined }[]): ChartDatum[] {
  return areas.flatMap((area) =>
    series.map((s) => {
      const v = s.values(area.key);
      return { label: area.label, series: s.name, value: valueOf(v), hidden: hidden(v) };
    }),
  );
}

function categoryColumns(figures: CategoryFigures): Column[] {
  return figures.categories.map((c) => ({ label: c.label, unit: 'count' as const, value: (area: string) => figures.values[area]?.[c.key] }));
}

/** The report's sections: for each figure, its tables and its charts. */
export function reportSections(current: StatusReportFigures, previous: StatusReportFigures | null): ReportSection[] {
  const now = label(current.period);
  const before = previous ? label(previous.period) : 'previous period';
  const areas = reportAreas();
  const municipalities = areas.filter((a) => a.level === 'municipality');
  const clusters = areas.filter((a) => a.level === 'cluster');
  const overTime = (id: string, title: string, data: AreaTable, previousData: AreaTable | undefined): ReportTable =>
    table(id, title, [
      ...(current.halfYears.length > 1 ? current.halfYears.map((h) => ({ label: label(h), unit: 'count' as const, value: (a: string) => data[a]?.[h] })) : []),
      { label: now, unit: 'count', value: (a) => data[a]?.[current.period] },
      { label: before, unit: 'count', value: (a) => (previous ? previousData?.[a]?.[previous.period] : null) },
    ]);
  const trend = (data: AreaTable): ChartDatum[] =>
    clusters.flatMap((cluster) =>
      current.halfYears.map((h) => {
        const v = data[cluster.key]?.[h];
        return { label: label(h), series: cluster.label, value: valueOf(v), hidden: hidden(v) };
      }),
    );
  const periods = (pick: (f: StatusReportFigures) => AreaValues | undefined) => [
    { name: now, values: (a: string) => pick(current)?.[a] },
    ...(previous && pick(previous) ? [{ name: before, values: (a: string) => pick(previous)?.[a] }] : []),
  ];
  const ranges = (pairs: readonly { name: string; median: AreaValues; p90: AreaValues }[], over: readonly Area[]): RangeDatum[] =>
    over.flatMap((area) => pairs.map((p) => ({ label: area.label, series: p.name, median: valueOf(p.median[area.key]), p90: valueOf(p.p90[area.key]) })));
  const stacked = (figures: CategoryFigures): ChartDatum[] =>
    clusters.flatMap((cluster) =>
      figures.categories.map((c) => {
        const v = figures.values[cluster.key]?.[c.key];
        return { label: cluster.label, series: c.label, value: valueOf(v), hidden: hidden(v) };
      }),
    );
  const region = 'REGION';
  const { letters, referrals, advisory, screening } = current;
  const lettersBefore = previous?.letters ?? null;

  const letterSections = (letters: LetterFigures): ReportSection[] => [
    {
      id: 'letters',
      title: 'Correspondence letters (korrespondancebreve) from GPs',
      intro: `Letters sent by GPs to the municipalities' inboxes about a child in mental distress (agreement 6.2), by the municipality of the child, per half-year of ${now} and in total, against ${before}.`,
      charts: [
        { id: 'letters-by-municipality', spec: barsSpec({ title: `Letters per municipality, ${now} and ${before}`, axisTitle: 'Letters', data: barData(municipalities, periods((f) => (f.letters ? columnOf(f.letters.count, f.period) : undefined))) }) },
        { id: 'letters-trend', spec: trendSpec({ title: 'Letters per half-year, by health cluster', axisTitle: 'Letters', data: trend(letters.count) }) },
      ],
      tables: [overTime('letters-by-municipality', 'Letters per area', letters.count, lettersBefore?.count)],
    },
    {
      id: 'replies',
      title: 'Replies to the GPs',
      intro: 'The GP always gets a reply (agreement 6.2). Reply time in working days from receipt to reply, for answered letters: the median and the 90th percentile (nearest rank), and the share answered within the municipality\'s deadline.',
      charts: [
        {
          id: 'reply-times',
          spec: rangeSpec({
            title: 'Reply time per municipality: median (dot) to 90th percentile (tick)',
            axisTitle: 'Working days',
            data: ranges([
              { name: now, median: letters.replyWorkingDaysMedian, p90: letters.replyWorkingDaysP90 },
              ...(lettersBefore ? [{ name: before, median: lettersBefore.replyWorkingDaysMedian, p90: lettersBefore.replyWorkingDaysP90 }] : []),
            ], municipalities),
          }),
        },
        { id: 'answered-within-deadline', spec: barsSpec({ title: 'Share answered within the deadline', axisTitle: 'Share of answered letters', percent: true, data: barData(municipalities, periods((f) => f.letters?.answeredWithinDeadline)) }) },
      ],
      tables: [
        table('letter-replies', 'Reply times and the share answered within the deadline', [
          { label: `Median, ${now}`, unit: 'working days', value: (a) => letters.replyWorkingDaysMedian[a] },
          { label: `90th percentile, ${now}`, unit: 'working days', value: (a) => letters.replyWorkingDaysP90[a] },
          { label: `Within the deadline, ${now}`, unit: 'share', value: (a) => letters.answeredWithinDeadline[a] },
          { label: `Median, ${before}`, unit: 'working days', value: (a) => lettersBefore?.replyWorkingDaysMedian[a] ?? null },
          { label: `Within the deadline, ${before}`, unit: 'share', value: (a) => lettersBefore?.answeredWithinDeadline[a] ?? null },
        ]),
      ],
    },
    {
      id: 'known',
      title: 'Letters about children already known to the municipality',
      intro: 'The share of letters about a child the municipality already knew (in the Herning pilot most were): then the municipality contacts the family or the GP about the further course (agreement 6.2).',
      charts: [{ id: 'known-share', spec: barsSpec({ title: 'Share of letters about known children', axisTitle: 'Share of letters', percent: true, data: barData(municipalities, periods((f) => f.letters?.knownToMunicipality)) }) }],
      tables: [
        table('letters-known', 'Share of letters about children already known', [
          { label: now, unit: 'share', value: (a) => letters.knownToMunicipality[a] },
          { label: before, unit: 'share', value: (a) => lettersBefore?.knownToMunicipality[a] ?? null },
        ]),
      ],
    },
  ];
  const referralSections = (referrals: ReferralFigures): ReportSection[] => [
    {
      id: 'referrals',
      title: 'Referrals to child and adolescent psychiatry (BUA)',
      intro: `Referrals received by BUA, by the municipality of the child, per half-year of ${now}; by who referred, acuteness, the visitation decision and the outcome.`,
      charts: [
        { id: 'referrals-trend', spec: trendSpec({ title: 'Referrals per half-year, by health cluster', axisTitle: 'Referrals', data: trend(referrals.count) }) },
        { id: 'referrals-by-source', spec: stackedSpec({ title: 'Referrals by who referred, per health cluster', axisTitle: 'Referrals', data: stacked(referrals.bySource) }) },
        { id: 'referrals-by-acuteness', spec: stackedSpec({ title: 'Referrals by acuteness, per health cluster', axisTitle: 'Referrals', data: stacked(referrals.byAcuteness) }) },
        { id: 'referrals-by-decision', spec: stackedSpec({ title: 'Visitation decisions, per health cluster', axisTitle: 'Referrals', data: stacked(referrals.byDecision) }) },
        { id: 'referrals-by-outcome', spec: stackedSpec({ title: 'Outcomes, per health cluster', axisTitle: 'Referrals', data: stacked(referrals.byOutcome) }) },
      ],
      tables: [
        overTime('referrals-by-municipality', 'Referrals per area', referrals.count, previous?.referrals?.count),
        table('referrals-by-source', `Referrals by who referred, ${now}`, categoryColumns(referrals.bySource)),
        table('referrals-by-acuteness', `Referrals by acuteness, ${now}`, categoryColumns(referrals.byAcuteness)),
        table('referrals-by-decision', `Visitation decisions, ${now}`, categoryColumns(referrals.byDecision)),
        table('referrals-by-outcome', `Outcomes, ${now}`, categoryColumns(referrals.byOutcome)),
      ],
    },
    {
      id: 'waiting',
      title: 'Waiting times: referral to visitation and to assessment',
      intro: 'Calendar days from the referral to the visitation decision (decided referrals) and to the assessment (assessed referrals): median and 90th percentile.',
      charts: [
        {
          id: 'waiting-times',
          spec: rangeSpec({
            title: 'Days from referral, per health cluster: median (dot) to 90th percentile (tick)',
            axisTitle: 'Days',
            data: ranges([
              { name: 'To the visitation decision', median: referrals.daysToVisitationMedian, p90: referrals.daysToVisitationP90 },
              { name: 'To the assessment', median: referrals.daysToAssessmentMedian, p90: referrals.daysToAssessmentP90 },
            ], [areas.find((a) => a.key === region)!, ...clusters]),
          }),
        },
      ],
      tables: [
        table('waiting-times', `Waiting times, ${now}`, [
          { label: 'To visitation, median', unit: 'days', value: (a) => referrals.daysToVisitationMedian[a] },
          { label: 'To visitation, 90th percentile', unit: 'days', value: (a) => referrals.daysToVisitationP90[a] },
          { label: 'To assessment, median', unit: 'days', value: (a) => referrals.daysToAssessmentMedian[a] },
          { label: 'To assessment, 90th percentile', unit: 'days', value: (a) => referrals.daysToAssessmentP90[a] },
        ]),
      ],
    },
  ];
  const advisorySections = (advisory: AdvisoryFigures): ReportSection[] => [
    {
      id: 'advisory',
      title: 'Advisory from BUA to the municipalities',
      intro: 'Fixed virtual meeting slots of about 45 minutes that BUA offers each municipality (agreement 6.3): offered, booked, used and cancelled, by kind.',
      charts: [
        {
          id: 'advisory-slots',
          spec: barsSpec({
            title: `Advisory slots in the region by kind, ${now}`,
            axisTitle: 'Slots',
            data: advisory.kinds.flatMap((kind) =>
              advisory.statuses.map((status) => {
                const v = advisory.values[region]?.[`${kind.key}:${status.key}`];
                return { label: kind.label, series: status.label, value: valueOf(v), hidden: hidden(v) };
              }),
            ),
          }),
        },
      ],
      tables: [
        table(
          'advisory-slots',
          `Advisory slots, ${now}`,
          advisory.kinds.flatMap((kind) =>
            advisory.statuses.map((status) => ({
              label: `${kind.label}: ${status.label.toLowerCase()}`,
              unit: 'count' as const,
              value: (a: string) => advisory.values[a]?.[`${kind.key}:${status.key}`],
            })),
          ),
        ),
      ],
    },
  ];
  const screeningSections = (screening: ScreeningFigures): ReportSection[] => [
    {
      id: 'screening',
      title: 'Screening in the three risk groups (spor 1-3)',
      intro:
        'Screenings, positive screenings, and positive screenings with an action plan (handleplan), per track: a child ' +
        'screened twice counts twice (the evaluation of the effort, screeningEvaluation, counts children).',
      charts: [
        {
          id: 'screening-by-track',
          spec: barsSpec({
            title: `Screenings in the region by track, ${now}`,
            axisTitle: 'Screenings',
            data: screening.tracks.flatMap((track) =>
              screening.measures.map((measure) => {
                const v = screening.values[region]?.[`${track.key}:${measure.key}`];
                return { label: track.label, series: measure.label, value: valueOf(v), hidden: hidden(v) };
              }),
            ),
          }),
        },
      ],
      tables: [
        table(
          'screening-by-track',
          `Screening per track, ${now}`,
          screening.tracks.flatMap((track) =>
            screening.measures.map((measure) => ({
              label: `${track.label.split(':')[0]}: ${measure.label.toLowerCase()}`,
              unit: 'count' as const,
              value: (a: string) => screening.values[a]?.[`${track.key}:${measure.key}`],
            })),
          ),
        ),
      ],
    },
  ];

  return [
    ...(letters ? letterSections(letters) : [missing('letters', 'Correspondence letters (korrespondancebreve) from GPs', current.source)]),
    ...(referrals ? referralSections(referrals) : [missing('referrals', 'Referrals to child and adolescent psychiatry (BUA)', current.source)]),
    ...(advisory ? advisorySections(advisory) : [missing('advisory', 'Advisory from BUA to the municipalities', current.source)]),
    ...(screening ? screeningSections(screening) : [missing('screening', 'Screening in the three risk groups (spor 1-3)', current.source)]),
  ];
}

/** The section of a family of figures the provider does not have. */
function missing(id: string, title: string, source: string): ReportSection {
  return { id, title, intro: `No figures: ${source} has none of these yet.`, charts: [], tables: [] };
}

function columnOf(table: AreaTable, column: string): AreaValues {
  return Object.fromEntries(Object.entries(table).map(([area, row]) => [area, row[column] ?? null]));
}
