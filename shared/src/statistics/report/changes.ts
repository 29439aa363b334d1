import { parsePeriodKey, periodLabel } from '../periods.ts';
import { isShown, type PublishedValue } from '../published.ts';
import { reportAreas, type AreaTable, type AreaValues, type StatusReportFigures } from './figures.ts';

/**
 * "What changed since the previous period": a few sentences comparing two sets of figures. Pure, and built only
 * from values shown in both periods, so it never mentions, hints at or computes with a hidden one.
 */
export function describeChanges(current: StatusReportFigures, previous: StatusReportFigures | null): string[] {
  const now = periodLabel(parsePeriodKey(current.period));
  if (!previous) return [`There are no figures for the period before ${now} to compare with.`];
  const before = periodLabel(parsePeriodKey(previous.period));
  const region = 'REGION';
  const sentences: string[] = [];
  const count = (label: string, a: PublishedValue | null | undefined, b: PublishedValue | null | undefined) => {
    if (!isShown(a) || !isShown(b)) return;
    const rounded = b.value === 0 ? null : Math.round(((a.value - b.value) / b.value) * 100);
    const change =
      rounded === null
        ? `, against none in ${before}`
        : rounded === 0
          ? `, about the same as the ${integer(b.value)} in ${before}`
          : `, ${rounded > 0 ? 'up' : 'down'} ${Math.abs(rounded)}% from ${integer(b.value)} in ${before}`;
    sentences.push(`${label}: ${integer(a.value)} in ${now}${change}.`);
  };
  const share = (label: string, a: PublishedValue | null | undefined, b: PublishedValue | null | undefined) => {
    if (!isShown(a) || !isShown(b)) return;
    const points = Math.round((a.value - b.value) * 1000) / 10;
    const change = points === 0 ? 'unchanged from' : `${points > 0 ? 'up' : 'down'} ${Math.abs(points).toFixed(1)} percentage points from`;
    sentences.push(`${label}: ${percent(a.value)}, ${change} ${percent(b.value)} in ${before}.`);
  };
  const days = (label: string, unit: string, a: PublishedValue | null | undefined, b: PublishedValue | null | undefined) => {
    if (!isShown(a) || !isShown(b)) return;
    const diff = a.value - b.value;
    const of = (n: number) => `${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`;
    const change = diff === 0 ? 'the same as' : `${of(Math.abs(diff))} ${diff > 0 ? 'more' : 'fewer'} than`;
    sentences.push(`${label}: ${of(a.value)}, ${change} in ${before}.`);
  };

  const [letters, lettersBefore] = [current.letters, previous.letters];
  if (letters && lettersBefore) {
    count('Correspondence letters from GPs to the municipalities', letters.count[region]?.[current.period], lettersBefore.count[region]?.[previous.period]);
    share('Letters answered within the deadline', letters.answeredWithinDeadline[region], lettersBefore.answeredWithinDeadline[region]);
    days('Median reply time', 'working days', letters.replyWorkingDaysMedian[region], lettersBefore.replyWorkingDaysMedian[region]);
    share('Letters about children already known to the municipality', letters.knownToMunicipality[region], lettersBefore.knownToMunicipality[region]);
  }
  const [referrals, referralsBefore] = [current.referrals, previous.referrals];
  if (referrals && referralsBefore) {
    count('Referrals to child and adolescent psychiatry', referrals.count[region]?.[current.period], referralsBefore.count[region]?.[previous.period]);
    days('Median time from referral to assessment', 'days', referrals.daysToAssessmentMedian[region], referralsBefore.daysToAssessmentMedian[region]);
  }
  if (current.advisory && previous.advisory) {
    count(
      'Advisory sessions used',
      sumOfShown(current.advisory.values[region], current.advisory.kinds.map((k) => `${k.key}:USED`)),
      sumOfShown(previous.advisory.values[region], previous.advisory.kinds.map((k) => `${k.key}:USED`)),
    );
  }
  if (current.screening && previous.screening) {
    count(
      'Positive screenings',
      sumOfShown(current.screening.values[region], current.screening.tracks.map((t) => `${t.key}:POSITIVE`)),
      sumOfShown(previous.screening.values[region], previous.screening.tracks.map((t) => `${t.key}:POSITIVE`)),
    );
  }

  const largest = (what: string, a: AreaTable, b: AreaTable) => {
    const changes = reportAreas()
      .filter((area) => area.level === 'municipality')
      .flatMap((area) => {
        const x = a[area.key]?.[current.period];
        const y = b[area.key]?.[previous.period];
        return isShown(x) && isShown(y) && x.value !== y.value ? [{ name: area.label, diff: x.value - y.value }] : [];
      });
    const ups = changes.filter((c) => c.diff > 0).sort((p, q) => q.diff - p.diff || p.name.localeCompare(q.name)).slice(0, 3);
    const downs = changes.filter((c) => c.diff < 0).sort((p, q) => p.diff - q.diff || p.name.localeCompare(q.name)).slice(0, 2);
    const list = (items: typeof changes) => items.map((c) => `${c.name} (${c.diff > 0 ? '+' : '−'}${integer(Math.abs(c.diff))})`).join(', ');
    const parts = [
      ...(ups.length > 0 ? [`the largest increases in ${what} were in ${list(ups)}`] : []),
      ...(downs.length > 0 ? [`the largest ${downs.length === 1 ? 'decrease' : 'decreases'} in ${list(downs)}`] : []),
    ];
    if (parts.length > 0) sentences.push(`${capitalise(parts.join('; '))}.`);
  };
  if (letters && lettersBefore) largest('letters', letters.count, lettersBefore.count);
  if (referrals && referralsBefore) largest('referrals', referrals.count, referralsBefore.count);

  if (sentences.length === 0) sentences.push(`No figure is shown for both ${now} and ${before}, so there is nothing to compare.`);
  return sentences;
}

/** The sum of some values when every one of them is shown (else null: a part of a hidden sum must stay hidden). */
function sumOfShown(values: AreaValues | undefined, keys: readonly string[]): PublishedValue | null {
  let sum = 0;
  for (const key of keys) {
    const v = values?.[key];
    if (!isShown(v)) return null;
    sum += v.value;
  }
  return { value: sum };
}

const INTEGER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

function integer(n: number): string {
  return INTEGER.format(n);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
