import { badUserInput } from '@pathway-graph/shared';

/**
 * The text a person may send the advisory service: at most `max` characters, and nothing a screen cannot show or a
 * database or log could choke on. Refused with BAD_USER_INPUT naming the field, never quoting the text (free text
 * here may be exactly what the anonymity rule is about to refuse):
 * - control characters (NUL and the other C0/C1 controls, and DEL), except line breaks and tabs in free text;
 * - unpaired UTF-16 surrogates, which are no character at all and come from text cut in the middle of one.
 * Length counts characters as JavaScript (and the README's "at most N characters") does: UTF-16 code units.
 */

// Allowed in free text: tab, line feed, carriage return. Everything else below U+0020, DEL and C1 controls is not.
// \p{Cc} is exactly C0, DEL and C1 (U+0000-U+001F, U+007F-U+009F).
const CONTROL_FREE_TEXT = /(?![\t\n\r])\p{Cc}/u;
const CONTROL_LINE = /\p{Cc}/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextRule {
  /** Free text may hold line breaks and tabs; a one-line value (a name, an id, a time) may not. */
  multiline?: boolean;
}

/** Trimmed `value` if it is acceptable text of at most `max` characters; null when absent or blank. */
export function optionalPlainText(value: unknown, field: string, max: number, rule: TextRule = {}): string | null {
  if (value == null) return null;
  if (typeof value !== 'string') throw badUserInput(`${field} must be text.`, { field });
  if ((rule.multiline ? CONTROL_FREE_TEXT : CONTROL_LINE).test(value)) {
    throw badUserInput(
      `${field} contains a control character${rule.multiline ? ' (only line breaks and tabs are allowed)' : ''}; remove it and send it again.`,
      { field },
    );
  }
  if (LONE_SURROGATE.test(value)) {
    throw badUserInput(`${field} contains a broken character (half of a UTF-16 surrogate pair), often from text cut short; retype that part.`, { field });
  }
  const trimmed = value.trim();
  if (trimmed.length > max) {
    throw badUserInput(`${field} may be at most ${max} characters; it has ${trimmed.length}. Keep it short.`, { field, maxLength: max });
  }
  return trimmed === '' ? null : trimmed;
}

/** Like optionalPlainText, but required: absent or blank is refused with `missing`. */
export function requiredPlainText(value: unknown, field: string, max: number, missing: string, rule: TextRule = {}): string {
  const text = optionalPlainText(value, field, max, rule);
  if (text === null) throw badUserInput(missing, { field });
  return text;
}
