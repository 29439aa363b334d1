import { MissingBandReason, type BandEntry, type BandResult, type BandTable, type Sex } from './model.ts';

export interface BandChild {
  ageInYears: number;
  sex?: Sex;
}

export type BandLookup =
  | { band: BandResult; missing: null }
  | { band: null; missing: { reason: MissingBandReason; detail: string } };

function fits(entry: BandEntry, versionId: string, scoreId: string, child: BandChild): boolean {
  if (entry.score !== scoreId || !entry.versions.includes(versionId)) return false;
  if (entry.sex && entry.sex !== child.sex) return false;
  if (entry.ages && (child.ageInYears < entry.ages.min || (entry.ages.max !== null && child.ageInYears > entry.ages.max))) return false;
  return true;
}

/**
 * The band a score falls in under one scheme. The first entry that fits the version, score and child wins, so a
 * norm table can list sex- or age-specific entries before a general one.
 */
export function bandFor(table: BandTable | undefined, versionId: string, scoreId: string, value: number | null, child: BandChild): BandLookup {
  if (value === null) return { band: null, missing: { reason: MissingBandReason.SCORE_MISSING, detail: 'The score could not be computed.' } };
  if (!table) return { band: null, missing: { reason: MissingBandReason.NO_BAND_PUBLISHED, detail: 'No band scheme is configured for this instrument.' } };
  const entry = table.entries.find((e) => fits(e, versionId, scoreId, child));
  const band = entry?.bands.find((b) => value >= b.min && value <= b.max);
  if (!entry || !band) {
    return {
      band: null,
      missing: { reason: MissingBandReason.NO_BAND_PUBLISHED, detail: `${table.id} has no cut-offs for ${scoreId} on version ${versionId} for this child.` },
    };
  }
  return { band: { scheme: table.id, code: band.code, label: band.label, rank: band.rank }, missing: null };
}

/** Problems with one entry's bands: each value of [min, max] must fall in exactly one band. */
export function bandCoverageProblems(entry: BandEntry, min: number, max: number): string[] {
  const problems: string[] = [];
  for (const b of entry.bands) {
    if (b.min > b.max) problems.push(`band ${b.code} runs from ${b.min} down to ${b.max}`);
  }
  for (let v = min; v <= max; v++) {
    const count = entry.bands.filter((b) => v >= b.min && v <= b.max).length;
    if (count !== 1) problems.push(`value ${v} falls in ${count} bands`);
  }
  for (const b of entry.bands) {
    if (b.min < min || b.max > max) problems.push(`band ${b.code} (${b.min}-${b.max}) reaches outside the score's range ${min}-${max}`);
  }
  const codes = entry.bands.map((b) => b.code);
  if (new Set(codes).size !== codes.length) problems.push('band codes repeat');
  return problems;
}
