import { describe, expect, it } from 'vitest';
import { refusalOf } from '../testing.ts';
import { optionalPlainText, requiredPlainText } from './text.ts';

describe('optionalPlainText', () => {
  it('trims, and gives null for absent or blank text', () => {
    expect(optionalPlainText('  Pige på 12 år  ', 'problem', 100)).toBe('Pige på 12 år');
    expect(optionalPlainText(undefined, 'problem', 100)).toBeNull();
    expect(optionalPlainText(null, 'problem', 100)).toBeNull();
    expect(optionalPlainText(' \n ', 'problem', 100, { multiline: true })).toBeNull();
  });

  it('keeps line breaks and tabs in free text, and emoji (a surrogate pair) anywhere', () => {
    expect(optionalPlainText('Linje 1\nLinje 2\r\n\tindrykket', 'problem', 100, { multiline: true })).toBe('Linje 1\nLinje 2\r\n\tindrykket');
    expect(optionalPlainText('Glad 😊', 'adviserName', 100)).toBe('Glad 😊');
  });

  it.each([
    ['NUL', 'a\u0000b', true],
    ['a bell', 'a\u0007b', true],
    ['an escape', 'a\u001Bb', true],
    ['DEL', 'a\u007Fb', true],
    ['a C1 control', 'a\u0085b', true],
    ['a line break in a one-line value', 'a\nb', false],
    ['a tab in a one-line value', 'a\tb', false],
  ])('refuses %s, naming the field and never quoting the text', (_name, text, multiline) => {
    const r = refusalOf(() => optionalPlainText(text, 'problem', 100, { multiline }));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'problem' });
    expect(r.message).toMatch(/^problem contains a control character/);
    expect(r.message).not.toContain(text);
  });

  it.each([
    ['a lone high surrogate', 'abc\uD83D'],
    ['a lone low surrogate', '\uDE0Aabc'],
    ['two high surrogates', '\uD83D\uD83Dx'],
  ])('refuses %s', (_name, text) => {
    const r = refusalOf(() => optionalPlainText(text, 'text', 100, { multiline: true }));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(r.message).toMatch(/broken character/);
  });

  it('refuses text longer than the limit, saying the limit and the length', () => {
    expect(optionalPlainText('x'.repeat(10), 'note', 10)).toHaveLength(10);
    const r = refusalOf(() => optionalPlainText('x'.repeat(11), 'note', 10));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note', extensions: expect.objectContaining({ maxLength: 10 }) });
    expect(r.message).toBe('note may be at most 10 characters; it has 11. Keep it short.');
  });

  it('refuses what is not text', () => {
    expect(refusalOf(() => optionalPlainText(42, 'note', 10)).message).toBe('note must be text.');
  });
});

describe('requiredPlainText', () => {
  it('refuses absent and blank text with the given message', () => {
    expect(refusalOf(() => requiredPlainText('  ', 'adviserName', 10, 'Give the adviser’s name.'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'adviserName',
      message: 'Give the adviser’s name.',
    });
    expect(requiredPlainText(' Demo ', 'adviserName', 10, 'x')).toBe('Demo');
  });
});
