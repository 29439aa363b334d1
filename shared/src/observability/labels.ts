/**
 * Label values of metrics and span names: bounded and never personal. A client names its own operations, so an
 * operation name could carry a CPR number or a person's name; only names that look like code identifiers are kept,
 * and only so many of them, so a careless or hostile client can neither leak data into metrics nor flood them.
 */

/** At most this many distinct operation names per service; later ones are counted as `(other)`. */
export const MAX_OPERATION_NAMES = 200;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
/** Six digits in a row could be (part of) a CPR number or a phone number. */
const DIGIT_RUN = /\d{6}/;

export class OperationNames {
  private readonly seen = new Set<string>();

  constructor(private readonly limit = MAX_OPERATION_NAMES) {}

  /** The label for a request's operation name. */
  label(name: string | null | undefined): string {
    if (!name) return '(anonymous)';
    if (!IDENTIFIER.test(name) || DIGIT_RUN.test(name)) return '(withheld)';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.limit) return '(other)';
    this.seen.add(name);
    return name;
  }
}

const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,49}$/;

/** `ok`, or the code of the first error (ours and Apollo's are UPPER_SNAKE words); anything else is `ERROR`. */
export function outcomeLabel(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string {
  if (!errors || errors.length === 0) return 'ok';
  const code = errors[0]?.extensions?.['code'];
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : 'ERROR';
}
