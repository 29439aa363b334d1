/**
 * What PostgreSQL (jsonb and text) cannot store, found before a message is queued or accepted, so that such a
 * message is refused for good instead of failing at the database and being retried forever: a NUL character, a lone
 * UTF-16 surrogate, and nesting deeper than any message of the contract needs (a FHIR Bundle is about a dozen levels
 * deep; 5,000 levels would exhaust recursion in the parsers that read it).
 */

export const MAX_MESSAGE_DEPTH = 64;
/** The message endpoint's body limit; the sender refuses to queue anything larger. */
export const MAX_MESSAGE_BYTES = 2 * 1024 * 1024;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorableText(s: string): string | undefined {
  if (s.includes('\u0000')) return 'a NUL character';
  if (LONE_SURROGATE.test(s)) return 'an unpaired UTF-16 surrogate';
  return undefined;
}

/**
 * The nesting depth of raw JSON text, counted without parsing it (brackets outside strings), so a hostile body is
 * measured in one pass before any parser recurses into it. Stops counting once past `limit`.
 */
export function jsonDepthExceeds(text: string, limit = MAX_MESSAGE_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Why a JSON value cannot be stored, naming where (a path such as `payload.bundle.entry[3].resource`), never what is
 * there; undefined when it can. Walks without recursion, and stops at `maxDepth`.
 */
export function findUnstorable(value: unknown, at = 'payload', maxDepth = MAX_MESSAGE_DEPTH): string | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: at, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = unstorableText(v);
      if (problem) return `${path} contains ${problem}`;
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) return `${path} is not a finite number`;
    } else if (typeof v === 'object' && v !== null) {
      if (depth >= maxDepth) return `${path} is nested deeper than ${maxDepth} levels`;
      if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }));
      else {
        for (const [key, item] of Object.entries(v)) {
          const problem = unstorableText(key);
          if (problem) return `a key in ${path} contains ${problem}`;
          stack.push({ value: item, path: `${path}.${key.slice(0, 40)}`, depth: depth + 1 });
        }
      }
    } else if (v !== null && v !== undefined && typeof v !== 'boolean') {
      return `${path} is not JSON (${typeof v})`;
    }
  }
  return undefined;
}
