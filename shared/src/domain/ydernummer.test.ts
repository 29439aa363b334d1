import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { assertYdernummer, isYdernummer } from './ydernummer.ts';

describe('ydernummer', () => {
  it('accepts one to six digits, trimmed', () => {
    expect(assertYdernummer('107510')).toBe('107510');
    expect(assertYdernummer(' 1 ')).toBe('1');
    expect(isYdernummer('000001')).toBe(true);
  });

  it('refuses a CPR number, a location number, letters and the empty string with BAD_USER_INPUT naming the field', () => {
    for (const input of ['0101104123', '5790000000005', '1075a0', '', '1234567', '-12']) {
      expect(isYdernummer(input.trim()), input).toBe(false);
      try {
        assertYdernummer(input, 'practice');
        throw new Error(`accepted ${input}`);
      } catch (error) {
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'practice' });
        expect((error as GraphQLError).message).toMatch(/practice must be 1 to 6 digits/);
        // The refusal never echoes what was given: it may be someone's CPR number.
        if (input) expect((error as GraphQLError).message).not.toContain(input);
      }
    }
    expect(isYdernummer(107510)).toBe(false);
  });
});
