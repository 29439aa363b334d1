import { badUserInput, forbidden, parseIsoDate, type Principal } from '@pathway-graph/shared';
import { GraphQLError } from 'graphql';
import type { ScreeningTrack } from '../db/schema.ts';
import {
  parseQuestionnaireResponse,
  scoreScreening,
  screeningDateOf,
  type Informant,
  type ScreeningResult,
  type Threshold,
} from '../instruments/index.ts';
import { mayActInTrack, screeningSectors, trackDefinition } from '../tracks/reference.ts';
import { thresholdsOf, type ScreeningSetup } from './setup.ts';

/**
 * Recording a screening: the answers (or a FHIR QuestionnaireResponse) are validated and scored on the server by the
 * instruments engine, against the child's age on the day; the track's thresholds decide whether the child screens
 * positive. Pure: refusals are BAD_USER_INPUT naming the input field (`input.answers[3].value`), before anything is
 * stored.
 */

/** The longest QuestionnaireResponse accepted, in characters (an SDQ with every item and extension is ~15 000). */
export const QUESTIONNAIRE_RESPONSE_MAX = 100_000;

export interface RecordScreeningInput {
  childId: string;
  track: ScreeningTrack;
  screeningDate?: string | null;
  instrumentId?: string | null;
  versionId?: string | null;
  informant?: Informant | null;
  answers?: readonly { item: string; value: number }[] | null;
  questionnaireResponse?: string | null;
}

export interface ScoredScreening {
  result: ScreeningResult;
  positive: boolean;
  /** The score the track's threshold reads, for trends and the evaluation's "improved"; null when none applies. */
  headline: { scoreId: string; value: number | null; higherIsBetter: boolean; meaningfulChange: number | null } | null;
}

export function assertMayScreen(principal: Principal, track: ScreeningTrack): void {
  if (mayActInTrack(principal, track, 'screen')) return;
  const def = trackDefinition(track);
  throw forbidden(
    `Children of track ${def.number} (${def.name}) are screened by clinical staff of ${screeningSectors(track).join(', ')}; ` +
      'your organisation does not screen in this track.',
    { field: 'input.track', rule: 'NOT_A_SCREENING_PARTICIPANT' },
  );
}

/** The engine names fields of its own input (`answers[2].value`); the API's are under `input.`. */
function underInput(error: unknown, prefix: string): unknown {
  if (!(error instanceof GraphQLError) || error.extensions['code'] !== 'BAD_USER_INPUT') return error;
  const name = (f: unknown) => (typeof f === 'string' ? `${prefix}${f}` : f);
  const fields = error.extensions['fields'];
  return new GraphQLError(error.message, {
    extensions: { ...error.extensions, field: name(error.extensions['field']), ...(Array.isArray(fields) ? { fields: fields.map(name) } : {}) },
  });
}

function screeningDay(value: string | null | undefined, fallback: string | null, today: string, since: string): string {
  const day = value != null ? parseIsoDate(value, 'input.screeningDate') : (fallback ?? today);
  if (day > today) throw badUserInput(`input.screeningDate ${day} lies in the future; record a screening on or after the day it was done.`, { field: 'input.screeningDate' });
  if (day < since) {
    throw badUserInput(`input.screeningDate ${day} is before the child entered the track (${since}); a screening belongs to the track it was done in.`, {
      field: 'input.screeningDate',
    });
  }
  return day;
}

/** A scored screening's columns of its stored result (the service, the demo seed and the region seed store the same). */
export function scoredColumns(scored: ScoredScreening) {
  const { result, headline } = scored;
  return {
    instrumentId: result.instrumentId,
    instrumentRevision: result.instrumentRevision,
    versionId: result.versionId,
    informant: result.informant,
    bandScheme: result.bandScheme,
    screeningDate: result.screeningDate,
    ageInYears: result.ageInYears,
    answers: result.answers,
    scores: result.scores,
    flags: result.flags,
    thresholdOutcomes: result.thresholds,
    positive: scored.positive,
    headlineScoreId: headline?.scoreId ?? null,
    headlineScore: headline?.value ?? null,
    higherIsBetter: headline?.higherIsBetter ?? null,
    meaningfulChange: headline?.meaningfulChange ?? null,
  };
}

/** Validates and scores; `since` is the membership's start, `today` Denmark's date. */
export function scoreInput(
  setup: ScreeningSetup,
  input: RecordScreeningInput,
  child: { birthDate: string; since: string; today: string },
): ScoredScreening {
  const hasAnswers = input.answers != null;
  const hasResponse = input.questionnaireResponse != null;
  if (hasAnswers === hasResponse) {
    throw badUserInput('Give the answers either as input.answers (with instrumentId, versionId and informant) or as input.questionnaireResponse, not both and not neither.', {
      field: hasAnswers ? 'input.questionnaireResponse' : 'input.answers',
    });
  }
  const thresholds: Threshold[] = thresholdsOf(setup, input.track);
  const options = { thresholds, canonicalBase: setup.fhirBaseUrl };
  let result: ScreeningResult;
  if (hasResponse) {
    const text = input.questionnaireResponse!;
    if (text.length > QUESTIONNAIRE_RESPONSE_MAX) {
      throw badUserInput(`input.questionnaireResponse is ${text.length} characters long; at most ${QUESTIONNAIRE_RESPONSE_MAX} are accepted.`, {
        field: 'input.questionnaireResponse',
        maxLength: QUESTIONNAIRE_RESPONSE_MAX,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw badUserInput('input.questionnaireResponse is not JSON; send the FHIR QuestionnaireResponse resource as JSON text.', { field: 'input.questionnaireResponse' });
    }
    for (const [field, value] of [['instrumentId', input.instrumentId], ['versionId', input.versionId], ['informant', input.informant]] as const) {
      if (value != null) {
        throw badUserInput(`input.${field} is read from the QuestionnaireResponse (its questionnaire); leave it out.`, { field: `input.${field}` });
      }
    }
    let parsed;
    try {
      parsed = parseQuestionnaireResponse(setup.registry, json, { canonicalBase: setup.fhirBaseUrl });
    } catch (error) {
      throw underInput(error, 'input.questionnaireResponse: ');
    }
    const day = screeningDay(input.screeningDate, screeningDateOf(parsed.authored), child.today, child.since);
    try {
      result = scoreScreening(
        setup.registry,
        { instrumentId: parsed.instrumentId, versionId: parsed.versionId, informant: parsed.informant, birthDate: child.birthDate, screeningDate: day, answers: parsed.answers },
        options,
      );
    } catch (error) {
      throw underInput(error, 'input.');
    }
  } else {
    for (const [field, value] of [['instrumentId', input.instrumentId], ['versionId', input.versionId], ['informant', input.informant]] as const) {
      if (value == null) throw badUserInput(`input.${field} is required with input.answers.`, { field: `input.${field}` });
    }
    const day = screeningDay(input.screeningDate, null, child.today, child.since);
    try {
      result = scoreScreening(
        setup.registry,
        { instrumentId: input.instrumentId!, versionId: input.versionId!, informant: input.informant!, birthDate: child.birthDate, screeningDate: day, answers: input.answers! },
        options,
      );
    } catch (error) {
      throw underInput(error, 'input.');
    }
  }
  return { result, positive: result.thresholds.some((t) => t.passed === true), headline: headlineOf(setup, result, thresholds) };
}

/** The score of the first threshold that applies to the result's version and informant. */
export function headlineOf(setup: ScreeningSetup, result: ScreeningResult, thresholds: readonly Threshold[]): ScoredScreening['headline'] {
  const applied = result.thresholds.find((o) => o.reason !== 'NOT_APPLICABLE');
  const threshold = applied && thresholds.find((t) => t.id === applied.thresholdId);
  if (!threshold) return null;
  const definition = setup.registry.version(result.instrumentId, result.versionId)?.scores.find((s) => s.id === threshold.score);
  if (!definition) return null;
  const score = result.scores.find((s) => s.id === threshold.score);
  return {
    scoreId: threshold.score,
    value: score?.value ?? null,
    higherIsBetter: definition.direction === 'higher-is-better',
    meaningfulChange: definition.meaningfulChange,
  };
}

