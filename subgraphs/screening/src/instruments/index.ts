/**
 * Screening instruments (WHO-5, SDQ) as versioned data, validated and scored on the server by one engine, with band
 * schemes chosen per deployment, thresholds and trends as pure functions, and FHIR R4 Questionnaire /
 * QuestionnaireResponse mapping. Pure: no database, no I/O except `loadLicensedItemTextsFile`.
 *
 * Typical use in the subgraph:
 *   const registry = createInstrumentRegistry({ bandSchemes: { sdq: 'sdq-uk-4band' }, licensedTexts });  // at start-up
 *   const result = scoreScreening(registry, input, { thresholds });   // throws BAD_USER_INPUT before anything is stored
 *   store(result)  // keeps instrumentId, instrumentRevision, versionId, bandScheme, answers, scores, flags
 */
export type {
  AnswerInput,
  AnswerOption,
  AnswerSet,
  Band,
  BandEntry,
  BandResult,
  BandTable,
  Direction,
  FlagResult,
  FlagRule,
  Informant,
  Instrument,
  InstrumentVersion,
  Item,
  LicensedItemTexts,
  LocalisedText,
  ScoreDefinition,
  ScoreResult,
  ScreeningInput,
  ScreeningResult,
  Sex,
  Threshold,
  ThresholdOutcome,
} from './model.ts';
export {
  answerInputSchema,
  bandTableSchema,
  instrumentSchema,
  licensedItemTextsSchema,
  MissingBandReason,
  MissingScoreReason,
  thresholdSchema,
} from './model.ts';

export {
  BUILT_IN_BAND_TABLES,
  BUILT_IN_INSTRUMENTS,
  createInstrumentRegistry,
  DEFAULT_BAND_SCHEMES,
  InstrumentDataError,
  type InstrumentRegistry,
  type RegistryOptions,
} from './registry.ts';
export { computeScores, roundHalfUpRatio, scoreOf, scoreScreening, type ScoreOptions } from './engine.ts';
export { answerProblems, AnswerProblemReason, assertValidScreening, problemsError, screeningProblems, type AnswerProblem } from './validate.ts';
export { bandFor } from './bands.ts';
export { evaluateThreshold, evaluateThresholds, parseThresholds } from './thresholds.ts';
export { buildTrend, type TrendChange, type TrendPoint, type TrendResult, type TrendSeries } from './trend.ts';
export { loadLicensedItemTextsFile, parseLicensedItemTexts } from './licensed-texts.ts';
export { loadBandTablesFile, parseBandTables } from './band-tables.ts';
export {
  answerSystem,
  DEFAULT_CANONICAL_BASE,
  parseQuestionnaireResponse,
  questionnaireId,
  questionnaireUrl,
  scoreQuestionnaireResponse,
  screeningDateOf,
  toQuestionnaire,
  toQuestionnaireResponse,
  type FhirOptions,
  type FhirQuestionnaire,
  type FhirQuestionnaireResponse,
  type ParsedQuestionnaireResponse,
} from './fhir.ts';

export { WHO5, WHO5_BANDS } from './data/who5.ts';
export { SDQ, SDQ_SUBSCALES } from './data/sdq.ts';
export { SDQ_UK_FOUR_BANDS, SDQ_UK_THREE_BANDS } from './data/sdq-bands.ts';
export { EXAMPLE_THRESHOLDS } from './data/thresholds.ts';
