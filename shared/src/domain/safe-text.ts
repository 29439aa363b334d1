import { badUserInput } from '../errors.ts';

/**
 * Text a person typed, checked the way every String input of the graph is (the wave-2 input convention): trimmed,
 * at most `max` characters, no NUL or other control characters (line breaks and tabs only in free text), no unpaired
 * surrogates. A refusal is BAD_USER_INPUT naming the field and never quotes the value, which may be about a child.
 * (A generic enforcement by the server is coming; these checks stay the service's own.)
 */

// C0 controls except \t \n \r, DEL, and C1 controls: matching control characters is the point of this pattern.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface SafeTextOptions {
  /** Free text may hold line breaks and tabs; a name or a code may not. */
  multiline?: boolean;
  /** What the field is, for the message (defaults to the field's name). */
  what?: string;
}

/** The checked, trimmed text; refuses a missing, empty, too long or malformed one. */
export function safeText(value: unknown, field: string, max: number, options: SafeTextOptions = {}): string {
  const what = options.what ?? field;
  if (value === undefined || value === null) throw badUserInput(`${what} is required.`, { field });
  if (typeof value !== 'string') throw badUserInput(`${what} must be text.`, { field });
  if (CONTROL.test(value) || (!options.multiline && LINE_BREAK_OR_TAB.test(value))) {
    throw badUserInput(
      `${what} contains a control character${options.multiline ? ' (only line breaks and tabs are allowed)' : ' or a line break'}; remove it.`,
      { field, rule: 'CONTROL_CHARACTER' },
    );
  }
  if (LONE_SURROGATE.test(value)) {
    throw badUserInput(`${what} contains an incomplete character (an unpaired UTF-16 surrogate); re-enter the text.`, { field, rule: 'UNPAIRED_SURROGATE' });
  }
  const text = value.trim();
  if (text === '') throw badUserInput(`${what} is required and must not be empty.`, { field });
  // Characters as a person counts them (code points), so an emoji counts once.
  const length = [...text].length;
  if (length > max) {
    throw badUserInput(`${what} is ${length} characters long; at most ${max} are accepted. Shorten it.`, { field, maxLength: max });
  }
  return text;
}

/** Like safeText, but null when absent or blank. */
export function optionalSafeText(value: unknown, field: string, max: number, options: SafeTextOptions = {}): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return safeText(value, field, max, options);
}
