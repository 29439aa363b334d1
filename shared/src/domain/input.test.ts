import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { optionalText, requiredText } from './input.ts';

function refusal(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('requiredText', () => {
  it('trims and returns text within the limit, counting characters as a person does', () => {
    expect(requiredText('  Familiegruppen  ', 'name', 20)).toBe('Familiegruppen');
    expect(requiredText('😀'.repeat(3), 'name', 3)).toBe('😀😀😀');
  });

  it('refuses text one character over the limit, naming the field and the limit, without quoting it', () => {
    const error = refusal(() => requiredText('abcdef', 'input.name', 5));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', maxLength: 5 });
    expect(error.message).not.toContain('abcdef');
  });

  it('refuses missing, non-text and blank values', () => {
    for (const value of [undefined, null, 7, '   ']) expect(refusal(() => requiredText(value, 'name', 5)).extensions['field']).toBe('name');
  });

  it('refuses NUL and other control characters, and line breaks outside free text', () => {
    for (const value of ['a\u0000b', 'a\u0007b', 'a\u001bb', 'a\u009fb']) {
      expect(refusal(() => requiredText(value, 'note', 50)).extensions).toMatchObject({ rule: 'CONTROL_CHARACTER' });
    }
    expect(refusal(() => requiredText('a\nb', 'name', 50, { singleLine: true })).extensions).toMatchObject({ rule: 'CONTROL_CHARACTER' });
    expect(requiredText('line one\r\n\tline two', 'note', 50)).toBe('line one\r\n\tline two');
  });

  it('names what the field is for when given it, as text or as an option', () => {
    expect(refusal(() => requiredText('', 'input.name', 5, 'The name')).message).toBe('The name is required and must not be empty.');
    expect(refusal(() => requiredText('a\tb', 'input.name', 5, { what: 'The name', singleLine: true })).message).toMatch(/^The name contains a control character or a line break/);
  });

  it('refuses unpaired surrogates, and keeps paired ones', () => {
    expect(refusal(() => requiredText('a\uD83Db', 'name', 50)).extensions).toMatchObject({ rule: 'UNPAIRED_SURROGATE' });
    expect(refusal(() => requiredText('a\uDE00b', 'name', 50)).extensions).toMatchObject({ rule: 'UNPAIRED_SURROGATE' });
  });

  it('optionalText gives null for absent or blank, and checks anything else', () => {
    expect(optionalText(undefined, 'phone', 30)).toBeNull();
    expect(optionalText('  ', 'phone', 30)).toBeNull();
    expect(optionalText('+45 70 00 00 00', 'phone', 30)).toBe('+45 70 00 00 00');
    expect(refusal(() => optionalText('x'.repeat(31), 'phone', 30)).extensions['field']).toBe('phone');
  });
});
