import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { optionalSafeText, safeText } from './safe-text.ts';

function refusal(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('safeText', () => {
  it('trims and returns text within the limit, counting characters as a person does', () => {
    expect(safeText('  Familiegruppen  ', 'name', 20)).toBe('Familiegruppen');
    expect(safeText('😀'.repeat(3), 'name', 3)).toBe('😀😀😀');
  });

  it('refuses text one character over the limit, naming the field and the limit, without quoting it', () => {
    const error = refusal(() => safeText('abcdef', 'input.name', 5));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', maxLength: 5 });
    expect(error.message).not.toContain('abcdef');
  });

  it('refuses missing, non-text and blank values', () => {
    for (const value of [undefined, null, 7, '   ']) expect(refusal(() => safeText(value, 'name', 5)).extensions['field']).toBe('name');
  });

  it('refuses NUL and other control characters, and line breaks outside free text', () => {
    for (const value of ['a\u0000b', 'a\u0007b', 'a\u001bb', 'a\u009fb']) {
      expect(refusal(() => safeText(value, 'note', 50, { multiline: true })).extensions).toMatchObject({ rule: 'CONTROL_CHARACTER' });
    }
    expect(refusal(() => safeText('a\nb', 'name', 50)).extensions).toMatchObject({ rule: 'CONTROL_CHARACTER' });
    expect(safeText('line one\n\tline two', 'note', 50, { multiline: true })).toBe('line one\n\tline two');
  });

  it('refuses unpaired surrogates, and keeps paired ones', () => {
    expect(refusal(() => safeText('a\uD83Db', 'name', 50)).extensions).toMatchObject({ rule: 'UNPAIRED_SURROGATE' });
    expect(refusal(() => safeText('a\uDE00b', 'name', 50)).extensions).toMatchObject({ rule: 'UNPAIRED_SURROGATE' });
  });

  it('optionalSafeText gives null for absent or blank, and checks anything else', () => {
    expect(optionalSafeText(undefined, 'phone', 30)).toBeNull();
    expect(optionalSafeText('  ', 'phone', 30)).toBeNull();
    expect(optionalSafeText('+45 70 00 00 00', 'phone', 30)).toBe('+45 70 00 00 00');
    expect(refusal(() => optionalSafeText('x'.repeat(31), 'phone', 30)).extensions['field']).toBe('phone');
  });
});
