import { GraphQLError } from 'graphql';
import { expect } from 'vitest';
import { SDQ_SUBSCALES } from './data/sdq.ts';
import type { AnswerInput, Informant, ScreeningInput, ScreeningResult } from './model.ts';

/** Shared by the instrument tests: inputs a person would give, and the error check. Synthetic data only. */

export const SCREENING_DATE = '2025-03-01';

/** A birth date that makes the child exactly `age` on `SCREENING_DATE`. */
export function bornAged(age: number): string {
  return `${2025 - age}-01-15`;
}

export function who5Input(values: readonly number[], age = 12): ScreeningInput {
  return {
    instrumentId: 'who5',
    versionId: '1998',
    informant: 'self',
    birthDate: bornAged(age),
    screeningDate: SCREENING_DATE,
    answers: values.map((value, i) => ({ item: `item${i + 1}`, value })),
  };
}

const INFORMANT: Record<string, Informant> = { P: 'parent', T: 'teacher', S: 'self' };

export function sdqInput(versionId: string, answers: readonly AnswerInput[], age = versionId.endsWith('2-4') ? 3 : 12): ScreeningInput {
  return { instrumentId: 'sdq', versionId, informant: INFORMANT[versionId[0]!]!, birthDate: bornAged(age), screeningDate: SCREENING_DATE, answers };
}

export type Subscale = keyof typeof SDQ_SUBSCALES;
const REVERSED = new Set([7, 11, 14, 21, 25]);

/**
 * The 25 symptom answers a respondent would tick to give each subscale the wanted score (0-10; unnamed subscales 0):
 * items take 2 points while they can, then 1. Reverse-scored items are ticked the other way round.
 */
export function sdqSymptoms(target: Partial<Record<Subscale, number>>): AnswerInput[] {
  const answers: AnswerInput[] = [];
  for (const [subscale, items] of Object.entries(SDQ_SUBSCALES) as Array<[Subscale, readonly number[]]>) {
    let left = target[subscale] ?? 0;
    for (const n of items) {
      const points = Math.min(2, left);
      left -= points;
      answers.push({ item: `item${n}`, value: REVERSED.has(n) ? 2 - points : points });
    }
  }
  return answers.sort((a, b) => Number(a.item.slice(4)) - Number(b.item.slice(4)));
}

export function value(result: ScreeningResult, scoreId: string): number | null {
  const score = result.scores.find((s) => s.id === scoreId);
  if (!score) throw new Error(`no score ${scoreId}`);
  return score.value;
}

export function bandCode(result: ScreeningResult, scoreId: string): string | null {
  return result.scores.find((s) => s.id === scoreId)?.band?.code ?? null;
}

/** Runs `fn`, expects a BAD_USER_INPUT GraphQLError and returns it. */
export function badInput(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    return error as GraphQLError;
  }
  throw new Error('expected a BAD_USER_INPUT error');
}
