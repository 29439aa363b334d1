import type { GraphQLError } from 'graphql';
import { ageOn, parseIsoDate } from '@pathway-graph/shared/domain/age';
import { badUserInput } from '@pathway-graph/shared/errors';
import type { AnswerInput, AnswerSet, Instrument, InstrumentVersion, Item, ScreeningInput } from './model.ts';
import type { InstrumentRegistry } from './registry.ts';

export const AnswerProblemReason = {
  UNKNOWN_INSTRUMENT: 'UNKNOWN_INSTRUMENT',
  UNKNOWN_VERSION: 'UNKNOWN_VERSION',
  INFORMANT_MISMATCH: 'INFORMANT_MISMATCH',
  INVALID_DATE: 'INVALID_DATE',
  AGE_OUTSIDE_VERSION: 'AGE_OUTSIDE_VERSION',
  NO_ANSWERS: 'NO_ANSWERS',
  UNKNOWN_ITEM: 'UNKNOWN_ITEM',
  DUPLICATE_ITEM: 'DUPLICATE_ITEM',
  VALUE_NOT_ALLOWED: 'VALUE_NOT_ALLOWED',
  MISSING_REQUIRED_ITEM: 'MISSING_REQUIRED_ITEM',
  ITEM_NOT_ENABLED: 'ITEM_NOT_ENABLED',
} as const;
export type AnswerProblemReason = (typeof AnswerProblemReason)[keyof typeof AnswerProblemReason];

/** One thing wrong with a screening: where (`field`, e.g. `answers.item7`), what, and a sentence a person can act on. */
export interface AnswerProblem {
  field: string;
  reason: AnswerProblemReason;
  message: string;
  /** The item's linkId, for problems with one item. */
  item?: string;
}

/** Names the client element for an answer; FHIR input names `QuestionnaireResponse.item[i]` instead. */
export type FieldOf = (index: number, linkId: string) => string;
const answersField: FieldOf = (index, linkId) => (isLinkId(linkId) ? `answers.${linkId}` : `answers[${index}].item`);

function isLinkId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(value);
}

function itemName(instrument: Instrument, item: Item): string {
  return item.number !== undefined ? `${instrument.shortName} item ${item.number}` : `${instrument.shortName} "${item.topic.en ?? item.linkId}" question`;
}

function optionList(set: AnswerSet): string {
  const parts = set.options.map((o) => `${o.value}${o.display.en ? ` (${o.display.en})` : ''}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}` : parts.join('');
}

/**
 * Everything wrong with a set of answers for one version: unknown or repeated items, values that are no answer to
 * their item, required items left out, and answers to items that do not apply (an SDQ impact question when
 * "any difficulties?" is not answered yes). Collects every problem, so one error can name them all.
 */
export function answerProblems(
  instrument: Instrument,
  version: InstrumentVersion,
  answers: readonly AnswerInput[],
  fieldOf: FieldOf = answersField,
  listField = 'answers',
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const items = new Map(version.items.map((i) => [i.linkId, i]));
  const sets = new Map(instrument.answerSets.map((s) => [s.id, s]));
  const where = `${instrument.shortName} ${version.id}`;
  if (answers.length === 0) {
    problems.push({ field: listField, reason: AnswerProblemReason.NO_ANSWERS, message: `${listField}: no item is answered; give the answers to ${where}` });
  }

  const seen = new Map<string, number>();
  const firstIndex = new Map<string, number>();
  const valid = new Map<string, number>();
  answers.forEach((answer, index) => {
    const linkId = answer.item;
    const field = fieldOf(index, linkId);
    const item = isLinkId(linkId) ? items.get(linkId) : undefined;
    if (!item) {
      problems.push({
        field,
        item: String(linkId),
        reason: AnswerProblemReason.UNKNOWN_ITEM,
        message: `${field}: ${where} has no item ${JSON.stringify(linkId)}; use the item ids (linkIds) of its Questionnaire`,
      });
      return;
    }
    const count = (seen.get(linkId) ?? 0) + 1;
    seen.set(linkId, count);
    if (count === 1) firstIndex.set(linkId, index);
    if (count === 2) {
      problems.push({ field, item: linkId, reason: AnswerProblemReason.DUPLICATE_ITEM, message: `${field}: ${itemName(instrument, item)} is answered more than once; give each item once` });
    }
    const set = sets.get(item.answerSet)!;
    const value = answer.value;
    if (typeof value !== 'number' || !set.options.some((o) => o.value === value)) {
      problems.push({
        field,
        item: linkId,
        reason: AnswerProblemReason.VALUE_NOT_ALLOWED,
        message: `${field}: ${JSON.stringify(value)} is not an answer to ${itemName(instrument, item)}; answer ${optionList(set)}`,
      });
      return;
    }
    if (count === 1) valid.set(linkId, value);
  });

  for (const item of version.items) {
    const field = fieldOf(firstIndex.get(item.linkId) ?? -1, item.linkId);
    const gate = item.enableWhen;
    const enabled = !gate || gate.values.includes(valid.get(gate.item) ?? -1);
    if (seen.has(item.linkId) && !enabled && gate) {
      const gateItem = items.get(gate.item)!;
      const gateSet = sets.get(gateItem.answerSet)!;
      const allowed = gateSet.options.filter((o) => gate.values.includes(o.value)).map((o) => `${o.value}${o.display.en ? ` (${o.display.en})` : ''}`);
      const gateField = fieldOf(firstIndex.get(gate.item) ?? -1, gate.item);
      problems.push({
        field,
        item: item.linkId,
        reason: AnswerProblemReason.ITEM_NOT_ENABLED,
        message:
          `${field}: ${itemName(instrument, item)} applies only when ${gateField} is ${allowed.join(', ')}, ` +
          `and it is ${valid.has(gate.item) ? valid.get(gate.item) : 'not answered'}; leave the question out or correct ${gateField}`,
      });
    }
    if (item.required && enabled && !seen.has(item.linkId)) {
      problems.push({
        field,
        item: item.linkId,
        reason: AnswerProblemReason.MISSING_REQUIRED_ITEM,
        message: `${field}: ${itemName(instrument, item)} is not answered, and every ${where} item marked required must be answered`,
      });
    }
  }
  return problems;
}

function describeAges(version: InstrumentVersion): string {
  return version.ages.max === null ? `from age ${version.ages.min}` : `for ages ${version.ages.min}-${version.ages.max}`;
}

export interface CheckedScreening {
  instrument: Instrument;
  version: InstrumentVersion;
  ageInYears: number;
}

/**
 * Every problem with a screening: the instrument and version, that the version is the informant's, the dates, that
 * the version fits the child's age on the day of screening (whole years, Danish birthday rule), and the answers.
 */
export function screeningProblems(registry: InstrumentRegistry, input: ScreeningInput): { problems: AnswerProblem[]; checked: CheckedScreening | null } {
  const problems: AnswerProblem[] = [];
  const instrument = registry.instrument(input.instrumentId);
  if (!instrument) {
    const known = registry.instruments.map((i) => i.id).join(', ');
    return {
      problems: [{ field: 'instrumentId', reason: AnswerProblemReason.UNKNOWN_INSTRUMENT, message: `instrumentId: there is no instrument ${JSON.stringify(input.instrumentId)}; use one of ${known}` }],
      checked: null,
    };
  }
  const version = instrument.versions.find((v) => v.id === input.versionId);
  if (!version) {
    const known = instrument.versions.map((v) => v.id).join(', ');
    return {
      problems: [{ field: 'versionId', reason: AnswerProblemReason.UNKNOWN_VERSION, message: `versionId: ${instrument.shortName} has no version ${JSON.stringify(input.versionId)}; use one of ${known}` }],
      checked: null,
    };
  }
  if (version.informant !== input.informant) {
    const own = instrument.versions.filter((v) => v.informant === input.informant).map((v) => v.id);
    problems.push({
      field: 'informant',
      reason: AnswerProblemReason.INFORMANT_MISMATCH,
      message:
        `informant: ${instrument.shortName} ${version.id} is completed by a ${version.informant} informant, not ${input.informant}; ` +
        (own.length ? `a ${input.informant} uses ${own.join(' or ')}` : `${instrument.shortName} has no ${input.informant} version`),
    });
  }

  let ageInYears: number | null = null;
  const dates: Array<['birthDate' | 'screeningDate', string]> = [['birthDate', input.birthDate], ['screeningDate', input.screeningDate]];
  let datesValid = true;
  for (const [field, value] of dates) {
    try {
      parseIsoDate(value, field);
    } catch (error) {
      datesValid = false;
      problems.push({ field, reason: AnswerProblemReason.INVALID_DATE, message: (error as GraphQLError).message });
    }
  }
  if (datesValid) {
    if (input.screeningDate < input.birthDate) {
      problems.push({ field: 'screeningDate', reason: AnswerProblemReason.INVALID_DATE, message: 'screeningDate: the screening date is before the birth date' });
    } else {
      ageInYears = ageOn(input.birthDate, input.screeningDate);
      const { min, max } = version.ages;
      if (ageInYears < min || (max !== null && ageInYears > max)) {
        const fitting = instrument.versions.filter((v) => ageInYears! >= v.ages.min && (v.ages.max === null || ageInYears! <= v.ages.max));
        problems.push({
          field: 'versionId',
          reason: AnswerProblemReason.AGE_OUTSIDE_VERSION,
          message:
            `versionId: ${instrument.shortName} ${version.id} is ${describeAges(version)}, and the child is ${ageInYears} on ${input.screeningDate}; ` +
            (fitting.length
              ? `versions that fit age ${ageInYears}: ${fitting.map((v) => `${v.id} (${v.informant})`).join(', ')}`
              : `no version of ${instrument.shortName} fits age ${ageInYears}`),
        });
      }
    }
  }

  problems.push(...answerProblems(instrument, version, input.answers));
  return { problems, checked: ageInYears === null ? null : { instrument, version, ageInYears } };
}

/** One BAD_USER_INPUT error naming every problem: the message lists them, `extensions.fields`/`reasons` too. */
export function problemsError(problems: readonly AnswerProblem[], subject = 'The screening cannot be scored'): GraphQLError {
  const plural = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return badUserInput(`${subject} (${plural}): ${problems.map((p) => p.message).join('; ')}. Correct these and submit again.`, {
    field: problems[0]?.field ?? null,
    fields: problems.map((p) => p.field),
    reasons: problems.map((p) => p.reason),
  });
}

/** Validates before anything is scored or stored; throws one BAD_USER_INPUT naming every problem. */
export function assertValidScreening(registry: InstrumentRegistry, input: ScreeningInput): CheckedScreening {
  const { problems, checked } = screeningProblems(registry, input);
  if (problems.length || !checked) throw problemsError(problems);
  return checked;
}
