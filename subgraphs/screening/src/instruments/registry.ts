import { bandCoverageProblems } from './bands.ts';
import { SDQ } from './data/sdq.ts';
import { SDQ_UK_FOUR_BANDS, SDQ_UK_THREE_BANDS } from './data/sdq-bands.ts';
import { WHO5, WHO5_BANDS } from './data/who5.ts';
import {
  bandTableSchema,
  instrumentSchema,
  licensedItemTextsSchema,
  type AnswerOption,
  type AnswerSet,
  type BandTable,
  type Instrument,
  type InstrumentVersion,
  type Item,
  type LicensedItemTexts,
} from './model.ts';

export const BUILT_IN_INSTRUMENTS: readonly Instrument[] = [WHO5, SDQ];
export const BUILT_IN_BAND_TABLES: readonly BandTable[] = [WHO5_BANDS, SDQ_UK_THREE_BANDS, SDQ_UK_FOUR_BANDS];
/** The schemes used when a deployment names none: the newer SDQ bands, as youthinmind now reports them. */
export const DEFAULT_BAND_SCHEMES: Readonly<Record<string, string>> = { who5: 'who5-standard', sdq: 'sdq-uk-4band' };

export interface RegistryOptions {
  instruments?: readonly Instrument[];
  /** Replaces the built-in tables when given; add to `BUILT_IN_BAND_TABLES` to keep them (e.g. Danish norms). */
  bandTables?: readonly BandTable[];
  /** Per instrument id, the band scheme this deployment reports (selectable per deployment). */
  bandSchemes?: Readonly<Record<string, string>>;
  /** Item texts a licensed deployment loaded (see `licensed-texts.ts`). */
  licensedTexts?: readonly LicensedItemTexts[];
}

/** The instruments, band tables and texts one deployment uses, checked once at start-up. */
export interface InstrumentRegistry {
  readonly instruments: readonly Instrument[];
  instrument(id: string): Instrument | undefined;
  version(instrumentId: string, versionId: string): InstrumentVersion | undefined;
  bandTable(id: string): BandTable | undefined;
  /** The band scheme id this deployment uses for the instrument, or null when it has none. */
  bandSchemeFor(instrumentId: string): string | null;
  answerSet(instrumentId: string, answerSetId: string): AnswerSet;
  /** The item's text in a language: a licensed text first, then a text the instrument's licence lets us ship. */
  itemText(instrumentId: string, versionId: string, linkId: string, language: 'da' | 'en'): string | null;
  optionDisplay(instrumentId: string, answerSetId: string, option: AnswerOption, language: 'da' | 'en'): string | null;
  readonly licensedTexts: readonly LicensedItemTexts[];
}

/** Thrown at start-up with every problem in the instrument data listed. */
export class InstrumentDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid instrument data:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InstrumentDataError';
  }
}

function zodProblems(prefix: string, issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string[] {
  return issues.map((i) => `${prefix}${i.path.length ? '.' + i.path.map(String).join('.') : ''}: ${i.message}`);
}

/** The data's own id where it has one, for messages about data that failed to parse. */
function nameOf(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : `#${index}`;
}

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

function versionProblems(instrument: Instrument, version: InstrumentVersion): string[] {
  const where = `${instrument.id} ${version.id}`;
  const problems: string[] = [];
  const items = new Map(version.items.map((i) => [i.linkId, i]));
  const sets = new Map(instrument.answerSets.map((s) => [s.id, s]));
  for (const d of duplicates(version.items.map((i) => i.linkId))) problems.push(`${where}: item ${d} appears twice`);
  if (version.ages.max !== null && version.ages.max < version.ages.min) problems.push(`${where}: age range ends before it starts`);
  for (const item of version.items) {
    const set = sets.get(item.answerSet);
    if (!set) problems.push(`${where}: item ${item.linkId} uses unknown answer set ${item.answerSet}`);
    if (item.text && !instrument.licence.itemTextsIncluded) problems.push(`${where}: item ${item.linkId} carries a text the licence does not allow shipping`);
    if (item.enableWhen) {
      const gate = items.get(item.enableWhen.item);
      if (!gate) problems.push(`${where}: item ${item.linkId} depends on unknown item ${item.enableWhen.item}`);
      else if (gate.enableWhen) problems.push(`${where}: item ${item.linkId} depends on ${gate.linkId}, which itself depends on another item`);
    }
  }
  const defined = new Set<string>();
  for (const score of version.scores) {
    if (defined.has(score.id)) problems.push(`${where}: score ${score.id} appears twice`);
    if (score.min > score.max) problems.push(`${where}: score ${score.id} has min above max`);
    if (score.kind === 'item-sum') {
      for (const linkId of score.items) if (!items.has(linkId)) problems.push(`${where}: score ${score.id} uses unknown item ${linkId}`);
      if (score.gate && !items.has(score.gate.item)) problems.push(`${where}: score ${score.id} is gated by unknown item ${score.gate.item}`);
      if (score.missing.kind !== 'require-all' && score.missing.minAnswered > score.items.length) {
        problems.push(`${where}: score ${score.id} needs more answered items than it has`);
      }
    } else if (score.kind === 'score-sum') {
      for (const s of score.scores) if (!defined.has(s)) problems.push(`${where}: score ${score.id} uses ${s}, which is not defined before it`);
    } else if (!defined.has(score.score)) {
      problems.push(`${where}: score ${score.id} scales ${score.score}, which is not defined before it`);
    }
    defined.add(score.id);
  }
  for (const flag of version.flags) {
    if (flag.kind === 'score-range' && !defined.has(flag.score)) problems.push(`${where}: flag ${flag.id} uses unknown score ${flag.score}`);
    if (flag.kind === 'item-value') for (const linkId of flag.items) if (!items.has(linkId)) problems.push(`${where}: flag ${flag.id} uses unknown item ${linkId}`);
  }
  return problems;
}

function instrumentProblems(instrument: Instrument): string[] {
  const problems: string[] = [];
  for (const d of duplicates(instrument.versions.map((v) => v.id))) problems.push(`${instrument.id}: version ${d} appears twice`);
  for (const d of duplicates(instrument.answerSets.map((s) => s.id))) problems.push(`${instrument.id}: answer set ${d} appears twice`);
  for (const set of instrument.answerSets) {
    for (const d of duplicates(set.options.map((o) => String(o.value)))) problems.push(`${instrument.id}: answer set ${set.id} repeats value ${d}`);
    for (const d of duplicates(set.options.map((o) => o.code))) problems.push(`${instrument.id}: answer set ${set.id} repeats code ${d}`);
  }
  for (const version of instrument.versions) problems.push(...versionProblems(instrument, version));
  return problems;
}

function bandTableProblems(table: BandTable, instruments: ReadonlyMap<string, Instrument>): string[] {
  const instrument = instruments.get(table.instrument);
  if (!instrument) return [`band table ${table.id}: unknown instrument ${table.instrument}`];
  const problems: string[] = [];
  table.entries.forEach((entry, i) => {
    for (const versionId of entry.versions) {
      const version = instrument.versions.find((v) => v.id === versionId);
      const score = version?.scores.find((s) => s.id === entry.score);
      if (!version) problems.push(`band table ${table.id} entry ${i}: unknown version ${versionId}`);
      else if (!score) problems.push(`band table ${table.id} entry ${i}: version ${versionId} has no score ${entry.score}`);
      else for (const p of bandCoverageProblems(entry, score.min, score.max)) problems.push(`band table ${table.id} entry ${i} (${versionId} ${entry.score}): ${p}`);
    }
  });
  return problems;
}

function licensedTextProblems(texts: LicensedItemTexts, instruments: ReadonlyMap<string, Instrument>): string[] {
  const instrument = instruments.get(texts.instrument);
  const where = `licensed texts (${texts.instrument}, ${texts.language})`;
  if (!instrument) return [`${where}: unknown instrument`];
  const problems: string[] = [];
  for (const [versionId, items] of Object.entries(texts.items)) {
    const version = instrument.versions.find((v) => v.id === versionId);
    if (!version) {
      problems.push(`${where}: unknown version ${versionId}`);
      continue;
    }
    for (const linkId of Object.keys(items)) if (!version.items.some((i) => i.linkId === linkId)) problems.push(`${where}: ${versionId} has no item ${linkId}`);
  }
  for (const [setId, options] of Object.entries(texts.answerOptions ?? {})) {
    const set = instrument.answerSets.find((s) => s.id === setId);
    if (!set) problems.push(`${where}: unknown answer set ${setId}`);
    else for (const code of Object.keys(options)) if (!set.options.some((o) => o.code === code)) problems.push(`${where}: answer set ${setId} has no option ${code}`);
  }
  return problems;
}

/**
 * Checks the data (shapes with zod, then every cross-reference, then that each band table partitions its score's
 * range) and returns a registry; throws `InstrumentDataError` listing every problem otherwise.
 */
export function createInstrumentRegistry(options: RegistryOptions = {}): InstrumentRegistry {
  const problems: string[] = [];
  const instruments: Instrument[] = [];
  for (const [i, raw] of (options.instruments ?? BUILT_IN_INSTRUMENTS).entries()) {
    const parsed = instrumentSchema.safeParse(raw);
    if (parsed.success) instruments.push(parsed.data);
    else problems.push(...zodProblems(`instrument ${nameOf(raw, i)}`, parsed.error.issues));
  }
  const byId = new Map(instruments.map((i) => [i.id, i]));
  for (const d of duplicates(instruments.map((i) => i.id))) problems.push(`instrument ${d} appears twice`);
  for (const instrument of instruments) problems.push(...instrumentProblems(instrument));

  const tables: BandTable[] = [];
  for (const [i, raw] of (options.bandTables ?? BUILT_IN_BAND_TABLES).entries()) {
    const parsed = bandTableSchema.safeParse(raw);
    if (parsed.success) tables.push(parsed.data);
    else problems.push(...zodProblems(`band table ${nameOf(raw, i)}`, parsed.error.issues));
  }
  for (const d of duplicates(tables.map((t) => t.id))) problems.push(`band table ${d} appears twice`);
  for (const table of tables) problems.push(...bandTableProblems(table, byId));
  const tablesById = new Map(tables.map((t) => [t.id, t]));

  const schemes = { ...DEFAULT_BAND_SCHEMES, ...options.bandSchemes };
  for (const [instrumentId, scheme] of Object.entries(schemes)) {
    if (!byId.has(instrumentId)) continue;
    const table = tablesById.get(scheme);
    if (!table) problems.push(`band scheme ${scheme} chosen for ${instrumentId} does not exist`);
    else if (table.instrument !== instrumentId) problems.push(`band scheme ${scheme} belongs to ${table.instrument}, not ${instrumentId}`);
  }

  const licensedTexts: LicensedItemTexts[] = [];
  for (const [i, raw] of (options.licensedTexts ?? []).entries()) {
    const parsed = licensedItemTextsSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...zodProblems(`licensed texts ${i}`, parsed.error.issues));
      continue;
    }
    problems.push(...licensedTextProblems(parsed.data, byId));
    licensedTexts.push(parsed.data);
  }

  if (problems.length) throw new InstrumentDataError(problems);

  const licensed = (instrumentId: string, language: 'da' | 'en') =>
    licensedTexts.filter((t) => t.instrument === instrumentId && t.language === language);

  return {
    instruments,
    licensedTexts,
    instrument: (id) => byId.get(id),
    version: (instrumentId, versionId) => byId.get(instrumentId)?.versions.find((v) => v.id === versionId),
    bandTable: (id) => tablesById.get(id),
    bandSchemeFor: (instrumentId) => (byId.has(instrumentId) ? (schemes[instrumentId] ?? null) : null),
    answerSet(instrumentId, answerSetId) {
      const set = byId.get(instrumentId)?.answerSets.find((s) => s.id === answerSetId);
      if (!set) throw new Error(`unknown answer set ${instrumentId}/${answerSetId}`);
      return set;
    },
    itemText(instrumentId, versionId, linkId, language) {
      for (const t of licensed(instrumentId, language)) {
        const text = t.items[versionId]?.[linkId];
        if (text) return text;
      }
      const item: Item | undefined = byId.get(instrumentId)?.versions.find((v) => v.id === versionId)?.items.find((i) => i.linkId === linkId);
      return item?.text?.[language] ?? null;
    },
    optionDisplay(instrumentId, answerSetId, option, language) {
      for (const t of licensed(instrumentId, language)) {
        const display = t.answerOptions?.[answerSetId]?.[option.code];
        if (display) return display;
      }
      return option.display[language] ?? null;
    },
  };
}
