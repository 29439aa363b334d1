import { z } from 'zod';
import { todayInDenmark } from '@pathway-graph/shared/domain/age';
import { scoreScreening, type ScoreOptions } from './engine.ts';
import type { AnswerInput, AnswerOption, Informant, Instrument, InstrumentVersion, Item, ScreeningResult, Sex } from './model.ts';
import type { InstrumentRegistry } from './registry.ts';
import { answerProblems, problemsError, type AnswerProblem } from './validate.ts';

/**
 * FHIR R4 for the instruments, so a front end can use a standard form renderer: each instrument version is published
 * as a `Questionnaire`; a filled-in form comes back as a `QuestionnaireResponse` and is turned into the engine's
 * answers; a scored result goes out as a `QuestionnaireResponse` with the scores in extensions.
 *
 * Why extensions for the scores: they are FHIR's own way to carry data a resource has no element for, renderers
 * (LHC-Forms, the SDC reference renderers, ...) skip extensions they do not know, and the response still validates
 * against its Questionnaire. Score `item`s would be items the Questionnaire does not define, which validators
 * reject and renderers may drop or show as unanswered questions. Scores sent by a client are ignored: the server
 * recomputes every score from the answers.
 *
 * SDQ item texts: none unless a licensed deployment loaded them; the item's text is then a placeholder such as
 * "SDQ item 7" (or, for a supplement question without a number, "SDQ: interferes with home life").
 */

/** Replace per deployment with its own canonical base; used for Questionnaire, CodeSystem and extension URLs. */
export const DEFAULT_CANONICAL_BASE = 'https://pathway-graph.example/fhir';

export interface FhirOptions {
  canonicalBase?: string;
  language?: 'da' | 'en';
}

// ---- The slice of FHIR R4 these resources use ----

export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
  extension?: FhirExtension[];
}
export interface FhirExtension {
  url: string;
  valueCode?: string;
  valueString?: string;
  valueInteger?: number;
  valueDecimal?: number;
  valueCoding?: FhirCoding;
  extension?: FhirExtension[];
}
export interface FhirQuantity {
  value: number;
  unit: string;
  system: string;
  code: string;
}
export interface FhirQuestionnaireItem {
  linkId: string;
  prefix?: string;
  text: string;
  type: 'choice';
  required: boolean;
  repeats: false;
  answerOption: Array<{ valueCoding: FhirCoding }>;
  enableWhen?: Array<{ question: string; operator: '='; answerCoding: FhirCoding }>;
  enableBehavior?: 'any' | 'all';
}
export interface FhirQuestionnaire {
  resourceType: 'Questionnaire';
  id: string;
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'active';
  language: 'da' | 'en';
  subjectType: ['Patient'];
  description: string;
  copyright: string;
  useContext: Array<{ code: FhirCoding; valueRange: { low: FhirQuantity; high?: FhirQuantity } }>;
  extension: FhirExtension[];
  item: FhirQuestionnaireItem[];
}
export interface FhirQuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer: Array<{ valueCoding: FhirCoding }>;
}
export interface FhirQuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  questionnaire: string;
  status: 'completed';
  authored: string;
  extension: FhirExtension[];
  item: FhirQuestionnaireResponseItem[];
}

const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const UCUM = 'http://unitsofmeasure.org';

export function questionnaireId(instrumentId: string, versionId: string): string {
  return `${instrumentId}-${versionId}`;
}

const base = (o: FhirOptions) => (o.canonicalBase ?? DEFAULT_CANONICAL_BASE).replace(/\/+$/, '');
export const questionnaireUrl = (instrumentId: string, versionId: string, o: FhirOptions = {}) => `${base(o)}/Questionnaire/${questionnaireId(instrumentId, versionId)}`;
export const answerSystem = (instrumentId: string, answerSetId: string, o: FhirOptions = {}) => `${base(o)}/CodeSystem/${instrumentId}-${answerSetId}`;
export const bandSystem = (bandScheme: string, o: FhirOptions = {}) => `${base(o)}/CodeSystem/${bandScheme}`;
export const extensionUrl = (name: 'informant' | 'scoring' | 'score' | 'flag', o: FhirOptions = {}) => `${base(o)}/StructureDefinition/screening-${name}`;

function itemText(registry: InstrumentRegistry, instrument: Instrument, version: InstrumentVersion, item: Item, language: 'da' | 'en'): string {
  return (
    registry.itemText(instrument.id, version.id, item.linkId, language) ??
    (item.number !== undefined ? `${instrument.shortName} item ${item.number}` : `${instrument.shortName}: ${item.topic.en ?? item.linkId}`)
  );
}

function coding(registry: InstrumentRegistry, instrument: Instrument, answerSetId: string, option: AnswerOption, o: FhirOptions): FhirCoding {
  const display = registry.optionDisplay(instrument.id, answerSetId, option, o.language ?? 'en') ?? option.display.en;
  return { system: answerSystem(instrument.id, answerSetId, o), code: option.code, ...(display ? { display } : {}) };
}

function lookup(registry: InstrumentRegistry, instrumentId: string, versionId: string): { instrument: Instrument; version: InstrumentVersion } {
  const instrument = registry.instrument(instrumentId);
  const version = instrument?.versions.find((v) => v.id === versionId);
  if (!instrument || !version) throw new Error(`unknown instrument version ${instrumentId} ${versionId}`);
  return { instrument, version };
}

const years = (value: number): FhirQuantity => ({ value, unit: 'years', system: UCUM, code: 'a' });

/** The instrument version as a FHIR R4 Questionnaire: one choice item per item, enableWhen for dependent items. */
export function toQuestionnaire(registry: InstrumentRegistry, instrumentId: string, versionId: string, options: FhirOptions = {}): FhirQuestionnaire {
  const { instrument, version } = lookup(registry, instrumentId, versionId);
  const language = options.language ?? 'en';
  const o = { ...options, language };
  const items = new Map(version.items.map((i) => [i.linkId, i]));
  const copyright = [instrument.licence.note, instrument.licence.attribution, ...registry.licensedTexts.filter((t) => t.instrument === instrument.id).map((t) => `Item texts (${t.language}) used under licence from ${t.licence.holder} (${t.licence.reference}).`)]
    .filter(Boolean)
    .join(' ');
  return {
    resourceType: 'Questionnaire',
    id: questionnaireId(instrument.id, version.id),
    url: questionnaireUrl(instrument.id, version.id, o),
    version: instrument.revision,
    name: `${instrument.shortName}_${version.id}`.replace(/[^A-Za-z0-9_]/g, '_'),
    title: `${instrument.shortName} ${version.label[language] ?? version.label.en ?? version.id}`,
    status: 'active',
    language,
    subjectType: ['Patient'],
    description: instrument.description[language] ?? instrument.description.en ?? instrument.name,
    copyright,
    useContext: [
      {
        code: { system: 'http://terminology.hl7.org/CodeSystem/usage-context-type', code: 'age' },
        valueRange: { low: years(version.ages.min), ...(version.ages.max !== null ? { high: years(version.ages.max) } : {}) },
      },
    ],
    extension: [{ url: extensionUrl('informant', o), valueCode: version.informant }],
    item: version.items.map((item) => {
      const set = registry.answerSet(instrument.id, item.answerSet);
      const q: FhirQuestionnaireItem = {
        linkId: item.linkId,
        ...(item.number !== undefined ? { prefix: `${item.number}.` } : {}),
        text: itemText(registry, instrument, version, item, language),
        type: 'choice',
        required: item.required,
        repeats: false,
        answerOption: set.options.map((option) => ({
          valueCoding: { ...coding(registry, instrument, set.id, option, o), extension: [{ url: ORDINAL_VALUE, valueDecimal: option.value }] },
        })),
      };
      if (item.enableWhen) {
        const gate = items.get(item.enableWhen.item)!;
        const gateSet = registry.answerSet(instrument.id, gate.answerSet);
        q.enableWhen = gateSet.options
          .filter((opt) => item.enableWhen!.values.includes(opt.value))
          .map((opt) => ({ question: gate.linkId, operator: '=' as const, answerCoding: coding(registry, instrument, gateSet.id, opt, o) }));
        if (q.enableWhen.length > 1) q.enableBehavior = 'any';
      }
      return q;
    }),
  };
}

/** A scored result as a QuestionnaireResponse: the answers as items, the scores, bands and flags as extensions. */
export function toQuestionnaireResponse(registry: InstrumentRegistry, result: ScreeningResult, options: FhirOptions = {}): FhirQuestionnaireResponse {
  const { instrument, version } = lookup(registry, result.instrumentId, result.versionId);
  const language = options.language ?? 'en';
  const o = { ...options, language };
  const items = new Map(version.items.map((i) => [i.linkId, i]));
  const scoring: FhirExtension = {
    url: extensionUrl('scoring', o),
    extension: [
      { url: 'instrument', valueCode: result.instrumentId },
      { url: 'revision', valueString: result.instrumentRevision },
      { url: 'version', valueCode: result.versionId },
      { url: 'informant', valueCode: result.informant },
      ...(result.bandScheme ? [{ url: 'bandScheme', valueCode: result.bandScheme }] : []),
      { url: 'ageInYears', valueInteger: result.ageInYears },
    ],
  };
  const scores: FhirExtension[] = result.scores.map((s) => ({
    url: extensionUrl('score', o),
    extension: [
      { url: 'score', valueCode: s.id },
      ...(s.value !== null ? [{ url: 'value', valueInteger: s.value }] : []),
      ...(s.missing ? [{ url: 'missingReason', valueCode: s.missing.reason }] : []),
      ...(s.prorated ? [{ url: 'prorated', valueCode: 'true' }] : []),
      ...(s.band ? [{ url: 'band', valueCoding: { system: bandSystem(s.band.scheme, o), code: s.band.code, display: s.band.label[language] ?? s.band.label.en ?? s.band.code } }] : []),
    ],
  }));
  const flags: FhirExtension[] = result.flags.map((f) => ({
    url: extensionUrl('flag', o),
    extension: [{ url: 'flag', valueCode: f.id }, ...f.items.map((linkId) => ({ url: 'item', valueString: linkId }))],
  }));
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${questionnaireUrl(instrument.id, version.id, o)}|${result.instrumentRevision}`,
    status: 'completed',
    authored: result.screeningDate,
    extension: [scoring, ...scores, ...flags],
    item: result.answers.map((answer) => {
      const item = items.get(answer.item)!;
      const set = registry.answerSet(instrument.id, item.answerSet);
      const option = set.options.find((opt) => opt.value === answer.value)!;
      return { linkId: item.linkId, text: itemText(registry, instrument, version, item, language), answer: [{ valueCoding: coding(registry, instrument, set.id, option, o) }] };
    }),
  };
}

// ---- Accepting a QuestionnaireResponse ----

// Loose: a response may carry any other FHIR element (id, meta, subject, author, text, ...); only these are read.
const responseSchema = z.looseObject({
  resourceType: z.literal('QuestionnaireResponse'),
  questionnaire: z.string().min(1),
  status: z.string(),
  authored: z.string().optional(),
  item: z
    .array(
      z.looseObject({
        linkId: z.string().min(1),
        answer: z.array(z.looseObject({ valueCoding: z.looseObject({ system: z.string().min(1), code: z.string().min(1) }).optional() })).optional(),
        item: z.array(z.unknown()).optional(),
      }),
    )
    .optional(),
});

function fhirPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : `${acc}.${String(part)}`), 'QuestionnaireResponse');
}

export interface ParsedQuestionnaireResponse {
  instrumentId: string;
  versionId: string;
  informant: Informant;
  answers: AnswerInput[];
  /** The response's `authored`, as given, or null. */
  authored: string | null;
}

const problem = (field: string, message: string, item?: string): AnswerProblem => ({ field, reason: 'VALUE_NOT_ALLOWED', message: `${field}: ${message}`, ...(item ? { item } : {}) });

/**
 * Reads a QuestionnaireResponse for one of the published Questionnaires into the engine's answers, checking its
 * linkIds and answer codings against that Questionnaire. Refuses a malformed one with one BAD_USER_INPUT naming each
 * wrong element (`QuestionnaireResponse.item[3].answer[0].valueCoding.code`). Score extensions are ignored.
 */
export function parseQuestionnaireResponse(registry: InstrumentRegistry, json: unknown, options: FhirOptions = {}): ParsedQuestionnaireResponse {
  const subject = 'The QuestionnaireResponse cannot be accepted';
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) {
    throw problemsError(
      parsed.error.issues.map((i) => {
        const field = fhirPath(i.path);
        return { field, reason: 'VALUE_NOT_ALLOWED', message: `${field}: ${i.path.length === 0 ? 'is not a FHIR resource (a JSON object)' : i.message}` };
      }),
      subject,
    );
  }
  const response = parsed.data;
  const canonical = response.questionnaire.split('|')[0]!;
  const found = registry.instruments.flatMap((instrument) => instrument.versions.map((version) => ({ instrument, version }))).find(({ instrument, version }) => questionnaireUrl(instrument.id, version.id, options) === canonical);
  if (!found) {
    throw problemsError([problem('QuestionnaireResponse.questionnaire', `${JSON.stringify(response.questionnaire)} is not a Questionnaire this service publishes; fill in one of its Questionnaires`)], subject);
  }
  const { instrument, version } = found;
  const problems: AnswerProblem[] = [];
  if (response.status !== 'completed' && response.status !== 'amended') {
    problems.push(problem('QuestionnaireResponse.status', `is ${JSON.stringify(response.status)}; only a completed (or amended) response is scored`));
  }

  const items = new Map(version.items.map((i) => [i.linkId, i]));
  const answers: AnswerInput[] = [];
  const responseIndex: number[] = [];
  const broken = new Set<string>();
  (response.item ?? []).forEach((entry, index) => {
    const at = `QuestionnaireResponse.item[${index}]`;
    const item = items.get(entry.linkId);
    if (!item) {
      problems.push({ ...problem(`${at}.linkId`, `${JSON.stringify(entry.linkId)} is not an item of ${instrument.shortName} ${version.id}; use the linkIds of its Questionnaire`, entry.linkId), reason: 'UNKNOWN_ITEM' });
      return;
    }
    const fail = (field: string, message: string) => {
      broken.add(item.linkId);
      problems.push(problem(field, message, item.linkId));
    };
    if (entry.item?.length) return fail(`${at}.item`, `${item.linkId} is a question, not a group; it has no nested items`);
    if (!entry.answer?.length) return fail(`${at}.answer`, `${item.linkId} has no answer; leave out an unanswered item`);
    if (entry.answer.length > 1) return fail(`${at}.answer`, `${item.linkId} takes one answer, and ${entry.answer.length} are given`);
    const valueCoding = entry.answer[0]!.valueCoding;
    if (!valueCoding) return fail(`${at}.answer[0]`, `${item.linkId} is answered with a valueCoding from its answerOption`);
    const set = registry.answerSet(instrument.id, item.answerSet);
    const system = answerSystem(instrument.id, set.id, options);
    if (valueCoding.system !== system) return fail(`${at}.answer[0].valueCoding.system`, `${JSON.stringify(valueCoding.system)} is not the answer system of ${item.linkId}; use ${system}`);
    const option = set.options.find((opt) => opt.code === valueCoding.code);
    if (!option) {
      return fail(`${at}.answer[0].valueCoding.code`, `${JSON.stringify(valueCoding.code)} is not an answer to ${item.linkId}; use one of ${set.options.map((opt) => opt.code).join(', ')}`);
    }
    answers.push({ item: item.linkId, value: option.value });
    responseIndex.push(index);
  });

  const fieldOf = (i: number, linkId: string) => (i >= 0 ? `QuestionnaireResponse.item[${responseIndex[i]}]` : `QuestionnaireResponse.item.where(linkId='${linkId}')`);
  // An item refused above is not also reported missing.
  problems.push(
    ...answerProblems(instrument, version, answers, fieldOf, 'QuestionnaireResponse.item').filter(
      (p) => !(p.reason === 'NO_ANSWERS' && broken.size > 0) && !(p.reason === 'MISSING_REQUIRED_ITEM' && p.item && broken.has(p.item)),
    ),
  );
  if (problems.length) throw problemsError(problems, subject);
  return { instrumentId: instrument.id, versionId: version.id, informant: version.informant, answers, authored: response.authored ?? null };
}

/** A response's `authored` as the Danish calendar date of the screening, or null when it has none. */
export function screeningDateOf(authored: string | null): string | null {
  if (!authored) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(authored)) return authored;
  const at = new Date(authored);
  return Number.isNaN(at.getTime()) ? null : todayInDenmark(at);
}

export interface ScoreResponseInput {
  birthDate: string;
  /** Defaults to the response's `authored` date (Danish calendar date). */
  screeningDate?: string;
  sex?: Sex;
}

/** Parses, validates and scores a QuestionnaireResponse in one step. */
export function scoreQuestionnaireResponse(registry: InstrumentRegistry, json: unknown, child: ScoreResponseInput, options: FhirOptions & ScoreOptions = {}): ScreeningResult {
  const parsed = parseQuestionnaireResponse(registry, json, options);
  const screeningDate = child.screeningDate ?? screeningDateOf(parsed.authored);
  if (!screeningDate) {
    throw problemsError([problem('QuestionnaireResponse.authored', 'is missing or not a date; give the day the form was filled in')], 'The QuestionnaireResponse cannot be accepted');
  }
  return scoreScreening(
    registry,
    { instrumentId: parsed.instrumentId, versionId: parsed.versionId, informant: parsed.informant, birthDate: child.birthDate, screeningDate, answers: parsed.answers, ...(child.sex ? { sex: child.sex } : {}) },
    options,
  );
}
