import { ConfigError, DEFAULT_ACTION_PLAN_DUE_DAYS, DEFAULT_SCREENING_FHIR_BASE_URL, type ScreeningSettings } from '@pathway-graph/shared';
import { screeningTrack, type ScreeningTrack } from '../db/schema.ts';
import {
  BUILT_IN_BAND_TABLES,
  createInstrumentRegistry,
  InstrumentDataError,
  loadBandTablesFile,
  loadLicensedItemTextsFile,
  parseThresholds,
  type BandTable,
  type InstrumentRegistry,
  type LicensedItemTexts,
  type Threshold,
} from '../instruments/index.ts';

/**
 * What one deployment screens with, built once at start-up from its settings: the instruments with the band scheme
 * it reports and any licensed item texts, the thresholds that make a child screen positive per track and
 * instrument, the canonical base of its FHIR resources, and how long a positive result may wait for an action plan.
 * Anything wrong is refused as a ConfigError naming the variable, every problem at once.
 */
export interface ScreeningSetup {
  registry: InstrumentRegistry;
  /** Each with the track it applies to (none: every track). */
  thresholds: readonly Threshold[];
  fhirBaseUrl: string;
  actionPlanDueDays: number;
}

export type ScreeningSetupSettings = Partial<Pick<ScreeningSettings, 'bandSchemes' | 'bandTablesFile' | 'licensedTextsFile' | 'fhirBaseUrl' | 'thresholds' | 'actionPlanDueDays'>>;

const TRACKS = screeningTrack.enumValues as readonly string[];

/**
 * The thresholds of the terms of reference's example, in this deployment's band scheme: WHO-5 at or below 50 on the
 * 0-100 index (poor well-being), and the SDQ total difficulties in the highest bands (rank 2 and up: "abnormal" of
 * the three bands, "high" and "very high" of the four).
 */
export function defaultThresholds(registry: InstrumentRegistry): Threshold[] {
  const thresholds: Threshold[] = [];
  if (registry.instrument('who5')) {
    thresholds.push({ id: 'who5-poor-well-being', instrumentId: 'who5', score: 'percentage', condition: { kind: 'value', comparator: 'lte', value: 50 } });
  }
  const scheme = registry.bandSchemeFor('sdq');
  const table = scheme ? registry.bandTable(scheme) : undefined;
  const bands = [...new Set(table?.entries.filter((e) => e.score === 'total').flatMap((e) => e.bands.filter((b) => b.rank >= 2).map((b) => b.code)) ?? [])];
  if (scheme && bands.length) {
    thresholds.push({ id: 'sdq-total-highest-bands', instrumentId: 'sdq', score: 'total', condition: { kind: 'band', bandScheme: scheme, bands } });
  }
  return thresholds;
}

/** Problems with configured thresholds: tracks, instruments, scores, band schemes and bands must all exist here. */
export function thresholdProblems(registry: InstrumentRegistry, thresholds: readonly Threshold[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const t of thresholds) {
    const at = `threshold ${t.id}`;
    if (ids.has(t.id)) problems.push(`${at} appears twice`);
    ids.add(t.id);
    if (t.track !== undefined && !TRACKS.includes(t.track)) problems.push(`${at}: track must be one of ${TRACKS.join(', ')}`);
    const instrument = registry.instrument(t.instrumentId);
    if (!instrument) {
      problems.push(`${at}: no instrument ${t.instrumentId} (instruments: ${registry.instruments.map((i) => i.id).join(', ')})`);
      continue;
    }
    for (const v of t.versionIds ?? []) if (!instrument.versions.some((x) => x.id === v)) problems.push(`${at}: ${instrument.shortName} has no version ${v}`);
    if (!instrument.versions.some((v) => v.scores.some((s) => s.id === t.score))) problems.push(`${at}: ${instrument.shortName} has no score ${t.score}`);
    if (t.condition.kind === 'band') {
      const own = registry.bandSchemeFor(instrument.id);
      if (t.condition.bandScheme !== own) {
        problems.push(`${at}: bands of ${t.condition.bandScheme}, but this deployment bands ${instrument.shortName} with ${own ?? 'no scheme'} (SCREENING_BAND_SCHEMES); name bands of that scheme`);
      } else {
        const codes = new Set(registry.bandTable(own)!.entries.filter((e) => e.score === t.score).flatMap((e) => e.bands.map((b) => b.code)));
        for (const b of t.condition.bands) if (!codes.has(b)) problems.push(`${at}: ${own} has no band ${b} for ${t.score}`);
      }
    }
  }
  return problems;
}

/**
 * The band tables a deployment adds (SCREENING_BAND_TABLES_FILE), besides the shipped ones. A table may not reuse a
 * shipped id or one of the file's own: results keep the id they were scored with, and an id never changes meaning.
 */
function addedBandTables(file: string | null | undefined, problems: string[]): BandTable[] {
  if (!file) return [];
  let tables: BandTable[];
  try {
    tables = loadBandTablesFile(file);
  } catch (error) {
    // The loader's message names the file, the table and what is wrong with it.
    problems.push(`SCREENING_BAND_TABLES_FILE: ${(error as Error).message}`);
    return [];
  }
  const taken = new Set(BUILT_IN_BAND_TABLES.map((t) => t.id));
  return tables.filter((t) => {
    if (!taken.has(t.id)) return taken.add(t.id);
    const shipped = BUILT_IN_BAND_TABLES.some((b) => b.id === t.id);
    problems.push(`SCREENING_BAND_TABLES_FILE: band table ${t.id} ${shipped ? 'is a shipped table' : 'appears twice in the file'}; give each added table an id of its own`);
    return false;
  });
}

/** The setting a registry problem comes from (the shipped data itself is checked by the registry's tests). */
function variableOf(problem: string, addedTables: ReadonlySet<string>): string {
  if (/^band scheme /.test(problem)) return 'SCREENING_BAND_SCHEMES';
  const table = /^band table ([A-Za-z0-9-]+)/.exec(problem)?.[1];
  if (table !== undefined && addedTables.has(table)) return 'SCREENING_BAND_TABLES_FILE';
  return 'SCREENING_LICENSED_TEXTS_FILE';
}

/** Builds the setup, reading the band tables and licensed texts files if configured. */
export function createScreeningSetup(settings: ScreeningSetupSettings = {}): ScreeningSetup {
  const problems: string[] = [];
  const added = addedBandTables(settings.bandTablesFile, problems);
  const addedIds = new Set(added.map((t) => t.id));
  let licensedTexts: LicensedItemTexts[] = [];
  if (settings.licensedTextsFile) {
    try {
      licensedTexts = loadLicensedItemTextsFile(settings.licensedTextsFile);
    } catch (error) {
      // The loader's message names the file and what is wrong with it; the texts themselves are never quoted.
      problems.push(`SCREENING_LICENSED_TEXTS_FILE: ${(error as Error).message}`);
    }
  }
  let registry: InstrumentRegistry | undefined;
  try {
    registry = createInstrumentRegistry({ bandTables: [...BUILT_IN_BAND_TABLES, ...added], bandSchemes: settings.bandSchemes ?? {}, licensedTexts });
  } catch (error) {
    if (!(error instanceof InstrumentDataError)) throw error;
    for (const p of error.problems) problems.push(`${variableOf(p, addedIds)}: ${p}`);
  }
  let thresholds: Threshold[] = [];
  if (registry) {
    if (settings.thresholds == null) {
      thresholds = defaultThresholds(registry);
    } else {
      try {
        thresholds = parseThresholds(settings.thresholds);
        problems.push(...thresholdProblems(registry, thresholds).map((p) => `SCREENING_THRESHOLDS: ${p}`));
      } catch (error) {
        const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
        problems.push(...issues.slice(0, 10).map((i) => `SCREENING_THRESHOLDS: ${i.path.map(String).join('.') || '(list)'}: ${i.message}`));
        if (!issues.length) problems.push('SCREENING_THRESHOLDS: must be a list of thresholds');
      }
    }
  }
  if (problems.length || !registry) throw new ConfigError(problems);
  return {
    registry,
    thresholds,
    fhirBaseUrl: settings.fhirBaseUrl ?? DEFAULT_SCREENING_FHIR_BASE_URL,
    actionPlanDueDays: settings.actionPlanDueDays ?? DEFAULT_ACTION_PLAN_DUE_DAYS,
  };
}

/** The thresholds that decide a result in a track: those of the track, and those for every track. */
export function thresholdsOf(setup: Pick<ScreeningSetup, 'thresholds'>, track: ScreeningTrack): Threshold[] {
  return setup.thresholds.filter((t) => t.track === undefined || t.track === track);
}
