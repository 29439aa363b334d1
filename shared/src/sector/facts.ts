import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { withholdingOf, type Withholding } from '../access/withheld.ts';
import type { GuardedChild, RequestAccess } from './access.ts';

/**
 * A sector's facts about a child, as the pathway subgraph's `@requires` receives them: either the facts the reader
 * may see, with `withheld: null`, or every fact null and `withheld` saying why. Never both, and never an error: a
 * computed field the client selected must not bring errors about sector fields the client did not select.
 */
export type GuardedFacts<T extends Record<string, unknown>> = (T & { withheld: null }) | ({ [K in keyof T]: null } & { withheld: Withholding });

export interface FactsRead {
  /** The Child field the facts are served under, e.g. `municipalityFacts`: the access log's part names start with it. */
  field: string;
  /** What the facts are, for the refusal's message: the same words a refusal of the sector's own fields uses. */
  what: string;
  info: GraphQLResolveInfo;
}

/**
 * Passes the facts through the sector's access guard like any of its fields (so the read is logged, one part per
 * selected fact), and turns the guard's refusal into a withholding instead of throwing it. Anything else the guard
 * throws (a failing database) is a failure and is thrown on.
 */
export async function guardedFacts<T extends Record<string, unknown>>(
  access: RequestAccess,
  child: GuardedChild,
  read: FactsRead,
  facts: T,
): Promise<GuardedFacts<T>> {
  try {
    // All parts share one decision and one batched consent look-up; the first refusal is the answer.
    await Promise.all(selectedParts(read.field, read.info).map((part) => access.read(child, part, read.what)));
  } catch (error) {
    const withheld = withholdingOf(error);
    if (!withheld) throw error;
    const nothing = Object.fromEntries(Object.keys(facts).map((key) => [key, null])) as { [K in keyof T]: null };
    return { ...nothing, withheld };
  }
  return { ...facts, withheld: null };
}

/** `municipalityFacts.birthDate`, ...: the facts the caller selected; the field itself when it selected only `withheld`. */
function selectedParts(field: string, info: GraphQLResolveInfo): string[] {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  names.delete('withheld');
  names.delete('__typename');
  return names.size === 0 ? [field] : [...names].sort().map((name) => `${field}.${name}`);
}

/**
 * Whether the facts field being resolved selects `name` (directly, or in a fragment): facts that cost a statement
 * are looked up only when the pathway asks for them, so the other computed fields keep their statement counts.
 */
export function selectsFact(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((s) =>
      s.kind === Kind.FIELD ? s.name.value === name : s.kind === Kind.INLINE_FRAGMENT ? visit(s.selectionSet) : visit(info.fragments[s.name.value]?.selectionSet),
    );
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
