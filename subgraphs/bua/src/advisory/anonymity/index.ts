import { badUserInput } from '@pathway-graph/shared';
import { findCprLikeNumbers, type TextSpan } from './cpr-like.ts';
import { findKnownNames, type KnownNameIndex } from './known-names.ts';

export { COMMON_WORD_NAMES, buildKnownNameIndex, findKnownNames, nameKey, type KnownNameIndex } from './known-names.ts';
export { containsCprLikeNumber, findCprLikeNumbers, type TextSpan } from './cpr-like.ts';

/**
 * Advisory cases are anonymous (agreement 6.3: "sparring på anonyme konkrete sager"): their texts may hold neither a
 * CPR number nor a known child's name. The refusal says what kind of identifier was found and where, never what it
 * was, so neither the error nor a log of it repeats the identifier.
 */

export type PersonalIdentifierKind = 'CPR_NUMBER' | 'NAME';

export interface PersonalIdentifierHit extends TextSpan {
  kind: PersonalIdentifierKind;
}

export interface AnonymityOptions {
  /** Names of the children known to the sectors, or an index built once from them (buildKnownNameIndex). */
  knownNames: Iterable<string> | KnownNameIndex;
}

/** Every personal identifier in `text`, in order. */
export function findPersonalIdentifiers(text: string, options: AnonymityOptions): PersonalIdentifierHit[] {
  const cpr = findCprLikeNumbers(text).map((s) => ({ ...s, kind: 'CPR_NUMBER' as const }));
  const names = findKnownNames(text, options.knownNames).map((s) => ({ ...s, kind: 'NAME' as const }));
  return [...cpr, ...names].sort((a, b) => a.start - b.start);
}

const DESCRIBED: Record<PersonalIdentifierKind, string> = { CPR_NUMBER: 'a CPR number', NAME: 'a name' };

/**
 * Refuses (BAD_USER_INPUT, with `field`) a text holding a personal identifier. The message names the kinds found and
 * the character position of the first, so the writer can find it; `identifierKinds` and `offset` say the same to a
 * client.
 */
export function assertNoPersonalIdentifiers(text: string, field: string, options: AnonymityOptions): void {
  const hits = findPersonalIdentifiers(text, options);
  if (hits.length === 0) return;
  const kinds = [...new Set(hits.map((h) => h.kind))];
  const first = hits[0]!;
  throw badUserInput(
    `The text contains what looks like ${kinds.map((k) => DESCRIBED[k]).join(' and ')} (first at character ${first.start + 1}${hits.length > 1 ? `, ${hits.length} places in all` : ''}). ` +
      'Personal identifiers are not allowed here: advisory cases are anonymous (agreement 6.3). Remove CPR numbers and names, ' +
      "describe the child instead (for example 'a boy of 12 in 6th grade'), and send it again.",
    { field, identifierKinds: kinds, offset: first.start, count: hits.length },
  );
}
