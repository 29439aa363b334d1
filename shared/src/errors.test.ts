import { describe, expect, it } from 'vitest';
import { GraphQLError, locatedError } from 'graphql';
import { badUserInput, consentRequired, forbidden, hasErrorCode, notFound } from './errors.ts';

describe('error helpers', () => {
  it('make a GraphQLError with the shared code, the details and the message', () => {
    const error = consentRequired('The family has not consented to sharing with general practice', { sector: 'BUA' });
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.message).toBe('The family has not consented to sharing with general practice');
    expect(error.extensions).toEqual({ sector: 'BUA', code: 'CONSENT_REQUIRED' });
    expect(hasErrorCode(error, 'CONSENT_REQUIRED')).toBe(true);
    expect(hasErrorCode(error, 'FORBIDDEN')).toBe(false);
  });

  it('carry no stack frames (an answer, not a fault), also once graphql-js gives them a path, and leave other errors theirs', () => {
    for (const error of [forbidden('no'), badUserInput('bad'), notFound('none')]) {
      expect(error.stack).not.toMatch(/\n\s+at /);
      expect(locatedError(error, undefined, ['child', 'listedPractice']).stack).not.toMatch(/\n\s+at /);
    }
    expect(new Error('a fault').stack).toMatch(/\n\s+at /);
  });
});
