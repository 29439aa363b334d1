import { z } from 'zod';

/**
 * Screening instruments as data. Everything an instrument needs to be shown, validated, scored, banded and trended
 * is described here, so the engine reads the data and never asks which instrument it is scoring. The schemas are
 * checked when a registry is created (`registry.ts`), so a typo in a cut-off fails at start-up, not in a child's
 * result.
 */

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, 'ids use letters, digits and - (not first)');
const text = z.object({ en: z.string().min(1).optional(), da: z.string().min(1).optional() }).strict();
export type LocalisedText = z.infer<typeof text>;

export const informantSchema = z.enum(['self', 'parent', 'teacher']);
/** Who filled in the form: the child or young person, a parent (custody holder or carer), or a teacher. */
export type Informant = z.infer<typeof informantSchema>;

/** One box on the form. `value` is what is ticked (the box's position from 0), `score` what it counts. */
const answerOption = z
  .object({
    value: z.number().int().min(0),
    code: id,
    score: z.number().int().min(0),
    display: text,
  })
  .strict();
export type AnswerOption = z.infer<typeof answerOption>;

const answerSet = z.object({ id, options: z.array(answerOption).min(2) }).strict();
export type AnswerSet = z.infer<typeof answerSet>;

const item = z
  .object({
    /** The item's id in answers (`answers.item7`) and its FHIR linkId. */
    linkId: id,
    /** The number printed on the form, where there is one. */
    number: z.number().int().min(1).optional(),
    /** What the item is about, in a few words of our own (never the instrument's copyrighted wording). */
    topic: text,
    answerSet: id,
    required: z.boolean(),
    /** Scored the other way round: (highest + lowest option score) - option score. */
    reverse: z.boolean().optional(),
    /** The item applies only when another item was answered with one of these values (SDQ impact questions). */
    enableWhen: z.object({ item: id, values: z.array(z.number().int().min(0)).min(1) }).strict().optional(),
    /** The item's wording, shipped only where the instrument's licence allows it. */
    text: text.optional(),
  })
  .strict();
export type Item = z.infer<typeof item>;

export const directionSchema = z.enum(['higher-is-better', 'higher-is-worse']);
export type Direction = z.infer<typeof directionSchema>;

/** How a score over items treats unanswered items. */
const missingRule = z.discriminatedUnion('kind', [
  /** Every item must be answered (WHO-5). */
  z.object({ kind: z.literal('require-all') }).strict(),
  /**
   * Scored when at least `minAnswered` items are answered, scaled up to all items: mean of the answered items times
   * the number of items, rounded half up (SDQ subscales: 3 of 5).
   */
  z.object({ kind: z.literal('prorate'), minAnswered: z.number().int().min(1) }).strict(),
  /** Unanswered items count 0 once at least `minAnswered` items are answered (the SDQ impact score). */
  z.object({ kind: z.literal('count-missing-as-zero'), minAnswered: z.number().int().min(1) }).strict(),
]);
export type MissingRule = z.infer<typeof missingRule>;

const scoreCommon = {
  id,
  label: text,
  min: z.number().int(),
  max: z.number().int(),
  direction: directionSchema,
  /** The smallest change between two results that counts as meaningful, or null when none is published. */
  meaningfulChange: z.number().positive().nullable(),
};

const itemsScore = z
  .object({
    ...scoreCommon,
    kind: z.literal('item-sum'),
    items: z.array(id).min(1),
    missing: missingRule,
    /** A fixed value when a gating item has one of these answers (SDQ: impact is 0 when there are no difficulties). */
    gate: z.object({ item: id, values: z.array(z.number().int().min(0)).min(1), score: z.number().int() }).strict().optional(),
  })
  .strict();

const sumOfScores = z
  .object({ ...scoreCommon, kind: z.literal('score-sum'), scores: z.array(id).min(1) })
  .strict();

const scaledScore = z
  .object({ ...scoreCommon, kind: z.literal('scaled'), score: id, multiplier: z.number().int().min(1) })
  .strict();

export const scoreDefinitionSchema = z.discriminatedUnion('kind', [itemsScore, sumOfScores, scaledScore]);
export type ScoreDefinition = z.infer<typeof scoreDefinitionSchema>;

const flagRule = z.discriminatedUnion('kind', [
  /** Raised when the score lies in [min, max]. */
  z.object({ kind: z.literal('score-range'), id, label: text, score: id, min: z.number().int().optional(), max: z.number().int().optional() }).strict(),
  /** Raised when any of the items is answered with one of the values; the result names the items. */
  z.object({ kind: z.literal('item-value'), id, label: text, items: z.array(id).min(1), values: z.array(z.number().int().min(0)).min(1) }).strict(),
]);
export type FlagRule = z.infer<typeof flagRule>;

const ageRange = z.object({ min: z.number().int().min(0), max: z.number().int().min(0).nullable() }).strict();
export type AgeRange = z.infer<typeof ageRange>;

const instrumentVersion = z
  .object({
    /** The form's own code (SDQ: P4-17, T2-4, S11-17, ...). */
    id,
    label: text,
    informant: informantSchema,
    /** Whole years on the day of screening, both ends included; max null = no upper limit. */
    ages: ageRange,
    items: z.array(item).min(1),
    /** Computed in this order; a score may use only scores defined before it. */
    scores: z.array(scoreDefinitionSchema).min(1),
    flags: z.array(flagRule),
  })
  .strict();
export type InstrumentVersion = z.infer<typeof instrumentVersion>;

const sourceRef = z
  .object({ title: z.string().min(1), url: z.string().min(1).optional(), date: z.string().min(1).optional(), note: z.string().min(1).optional() })
  .strict();
export type SourceRef = z.infer<typeof sourceRef>;

export const instrumentSchema = z
  .object({
    id,
    name: z.string().min(1),
    /** What messages call it (WHO-5, SDQ). */
    shortName: z.string().min(1),
    /** Changes whenever this data changes in a way that could change a score; results keep it. */
    revision: z.string().min(1),
    description: text,
    licence: z
      .object({
        /** Whether the item texts in this data may be shown and sent (false: item topics and numbers only). */
        itemTextsIncluded: z.boolean(),
        note: z.string().min(1),
        attribution: z.string().min(1).optional(),
      })
      .strict(),
    sources: z.array(sourceRef).min(1),
    answerSets: z.array(answerSet).min(1),
    versions: z.array(instrumentVersion).min(1),
  })
  .strict();
export type Instrument = z.infer<typeof instrumentSchema>;

const band = z
  .object({
    code: id,
    label: text,
    min: z.number().int(),
    max: z.number().int(),
    /** 0 for the band of least concern, rising with concern (prosocial bands rise as the score falls). */
    rank: z.number().int().min(0),
  })
  .strict();
export type Band = z.infer<typeof band>;

export const sexSchema = z.enum(['female', 'male']);
export type Sex = z.infer<typeof sexSchema>;

const bandEntry = z
  .object({
    versions: z.array(id).min(1),
    score: id,
    /** For norms that differ by sex or age (e.g. Danish norms); an entry without conditions fits every child. */
    sex: sexSchema.optional(),
    ages: ageRange.optional(),
    bands: z.array(band).min(2),
    /** How well this entry's cut-offs were checked against sources. */
    verification: z.string().min(1),
  })
  .strict();
export type BandEntry = z.infer<typeof bandEntry>;

/**
 * One band scheme of one instrument (SDQ's original three bands, its newer four bands, a Danish norm table, ...).
 * A table's cut-offs never change under the same id: a corrected table gets a new id, so stored results stay
 * explainable.
 */
export const bandTableSchema = z
  .object({
    id,
    instrument: id,
    label: text,
    sources: z.array(sourceRef).min(1),
    entries: z.array(bandEntry).min(1),
  })
  .strict();
export type BandTable = z.infer<typeof bandTableSchema>;

/** One answer as the client sends it: the item's linkId and the value ticked. */
export const answerInputSchema = z.object({ item: z.string(), value: z.number() }).strict();
export type AnswerInput = z.infer<typeof answerInputSchema>;

/** Everything needed to validate and score one screening. No CPR number: the age comes from the birth date. */
export interface ScreeningInput {
  instrumentId: string;
  versionId: string;
  informant: Informant;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** YYYY-MM-DD, the day the form was filled in (Danish date). */
  screeningDate: string;
  answers: readonly AnswerInput[];
  /** Only needed for band tables whose norms differ by sex. */
  sex?: Sex;
}

const comparator = z.enum(['lte', 'lt', 'gte', 'gt']);

/**
 * When a result makes a child screen positive in a track, as data: a score compared with a value, or a score in one
 * of a band scheme's bands. Configured per track and instrument.
 */
export const thresholdSchema = z
  .object({
    id,
    track: z.string().min(1).optional(),
    instrumentId: id,
    /** Limit to these versions or informants; absent = all. */
    versionIds: z.array(id).min(1).optional(),
    informants: z.array(informantSchema).min(1).optional(),
    score: id,
    condition: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('value'), comparator, value: z.number() }).strict(),
      z.object({ kind: z.literal('band'), bandScheme: id, bands: z.array(id).min(1) }).strict(),
    ]),
  })
  .strict();
export type Threshold = z.infer<typeof thresholdSchema>;

/** Item texts a licensed deployment loads at start-up (e.g. SDQ's, under an agreement with youthinmind). */
export const licensedItemTextsSchema = z
  .object({
    instrument: id,
    language: z.enum(['da', 'en']),
    licence: z.object({ holder: z.string().min(1), reference: z.string().min(1), note: z.string().min(1).optional() }).strict(),
    /** Per version id, per item linkId, the text. */
    items: z.record(z.string(), z.record(z.string(), z.string().min(1))),
    /** Per answer set id, per option code, the label. */
    answerOptions: z.record(z.string(), z.record(z.string(), z.string().min(1))).optional(),
  })
  .strict();
export type LicensedItemTexts = z.infer<typeof licensedItemTextsSchema>;

// ---- Results ----

export const MissingScoreReason = {
  /** Fewer items answered than the score needs. */
  TOO_FEW_ITEMS_ANSWERED: 'TOO_FEW_ITEMS_ANSWERED',
  /** A score it is built from is missing. */
  COMPONENT_SCORE_MISSING: 'COMPONENT_SCORE_MISSING',
} as const;
export type MissingScoreReason = (typeof MissingScoreReason)[keyof typeof MissingScoreReason];

export const MissingBandReason = {
  SCORE_MISSING: 'SCORE_MISSING',
  /** The band scheme has no cut-offs for this score, version or child (e.g. SDQ externalising). */
  NO_BAND_PUBLISHED: 'NO_BAND_PUBLISHED',
} as const;
export type MissingBandReason = (typeof MissingBandReason)[keyof typeof MissingBandReason];

export interface BandResult {
  scheme: string;
  code: string;
  label: LocalisedText;
  rank: number;
}

export interface ScoreResult {
  id: string;
  label: LocalisedText;
  /** null when the score could not be computed; `missing` says why. */
  value: number | null;
  min: number;
  max: number;
  missing: { reason: MissingScoreReason; detail: string } | null;
  /** For item sums: how many of its items were answered, and whether the value was scaled up. */
  answeredItems: number | null;
  prorated: boolean;
  band: BandResult | null;
  bandMissing: { reason: MissingBandReason; detail: string } | null;
}

export interface FlagResult {
  id: string;
  label: LocalisedText;
  /** For item flags: the items that raised it. */
  items: string[];
}

export interface ThresholdOutcome {
  thresholdId: string;
  track: string | null;
  /** null when the threshold cannot be decided for this result; `reason` says why. */
  passed: boolean | null;
  reason: 'NOT_APPLICABLE' | 'SCORE_MISSING' | 'BAND_SCHEME_MISMATCH' | 'BAND_MISSING' | null;
}

/**
 * A scored screening, self-contained so it can be stored as is: which instrument, version, revision and band scheme
 * it was scored with, the answers, every score (null with a reason when missing), bands and flags.
 */
export interface ScreeningResult {
  instrumentId: string;
  instrumentRevision: string;
  versionId: string;
  informant: Informant;
  bandScheme: string | null;
  screeningDate: string;
  ageInYears: number;
  /** The answers as given, in the form's item order. */
  answers: AnswerInput[];
  scores: ScoreResult[];
  flags: FlagResult[];
  thresholds: ThresholdOutcome[];
}
