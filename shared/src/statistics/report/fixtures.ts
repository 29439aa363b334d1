/**
 * Hand-made figures for the report's tests: every table empty unless a test fills it, so a test shows exactly the
 * values it is about. Used by tests only.
 */
import type { PublishedValue } from '../published.ts';
import { ADVISORY_KINDS, ADVISORY_STATUSES, ACUTENESS, DECISIONS, OUTCOMES, REFERRAL_SOURCES, SCREENING_MEASURES, TRACKS } from './demo.ts';
import type { AdvisoryFigures, AreaTable, LetterFigures, ReferralFigures, ScreeningFigures, StatusReportFigures } from './figures.ts';

export const shown = (value: number): PublishedValue => ({ value });
export const hidden: PublishedValue = { suppressed: true };

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
/** Figures with every family present (a provider may leave a family out; these tests fill them). */
type AllFamilies = Omit<StatusReportFigures, 'letters' | 'referrals' | 'advisory' | 'screening'> & {
  letters: LetterFigures;
  referrals: ReferralFigures;
  advisory: AdvisoryFigures;
  screening: ScreeningFigures;
};

export function emptyFigures(period: string, halfYears: readonly string[]): Mutable<AllFamilies> {
  const category = (categories: typeof REFERRAL_SOURCES) => ({ categories: [...categories], values: {} as AreaTable });
  return {
    period,
    halfYears: [...halfYears],
    synthetic: false,
    source: 'test figures',
    threshold: 5,
    letters: { count: {}, answeredWithinDeadline: {}, replyWorkingDaysMedian: {}, replyWorkingDaysP90: {}, knownToMunicipality: {} },
    referrals: {
      count: {},
      bySource: category(REFERRAL_SOURCES),
      byAcuteness: category(ACUTENESS),
      byDecision: category(DECISIONS),
      byOutcome: category(OUTCOMES),
      daysToVisitationMedian: {},
      daysToVisitationP90: {},
      daysToAssessmentMedian: {},
      daysToAssessmentP90: {},
    },
    advisory: { kinds: [...ADVISORY_KINDS], statuses: [...ADVISORY_STATUSES], values: {} },
    screening: { tracks: [...TRACKS], measures: [...SCREENING_MEASURES], values: {} },
    suppression: [],
  } as Mutable<AllFamilies>;
}
