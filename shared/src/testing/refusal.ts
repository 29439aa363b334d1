import { GraphQLError } from 'graphql';
import { expect } from 'vitest';

/** What a rule's refusal says: the shared error code, the input it names, and the message for the person. */
export interface Refusal {
  code: unknown;
  field: unknown;
  message: string;
  extensions: Record<string, unknown>;
}

/** Runs `action` and returns its refusal; fails the test when it returns instead, or throws something else. */
export function refusalOf(action: () => unknown): Refusal {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a refusal, got a result').toBeInstanceOf(GraphQLError);
  const error = thrown as GraphQLError;
  return { code: error.extensions['code'], field: error.extensions['field'], message: error.message, extensions: error.extensions };
}

/** The refusal must carry `code` and name `field`, and its message must match `message`. */
export function expectRefusal(action: () => unknown, code: string, field: string, message: RegExp): Refusal {
  const refusal = refusalOf(action);
  expect(refusal.code).toBe(code);
  expect(refusal.field).toBe(field);
  expect(refusal.message).toMatch(message);
  return refusal;
}
