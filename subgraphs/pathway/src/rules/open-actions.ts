import type { OpenActionKind } from '@pathway-graph/shared/domain/open-actions/index';
import type { InvolvedSector, Sector } from '../generated/resolvers-types.ts';
import { SECTORS } from './facts.ts';

/** One open action as the pathway lists it: the sector's fact and the sector that holds it. */
export interface PathwayOpenActionItem {
  kind: OpenActionKind;
  subjectId: string;
  heldBy: InvolvedSector;
  ownerSector: Sector;
  ownerOrganisation: string;
  dueOn: string;
  overdue: boolean;
}

/** The same action (what, about which record, owned by whom), whichever sector holds a copy of the record. */
const sameAction = (a: PathwayOpenActionItem) => `${a.kind}|${a.subjectId}|${a.ownerSector}|${a.ownerOrganisation}`;

/**
 * The open actions of every sector that shared them, merged: earliest due first, then by holding sector (in the
 * order of `InvolvedSector`), kind and record, so every read gives the same order. An action two sectors both hold
 * (a medication agreement awaiting acceptance is in BUA's copy and the GP's) is listed once, as the first holder
 * in that order has it.
 */
export function mergeOpenActions(items: readonly PathwayOpenActionItem[]): PathwayOpenActionItem[] {
  const sorted = [...items].sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) ||
      SECTORS.indexOf(a.heldBy as (typeof SECTORS)[number]) - SECTORS.indexOf(b.heldBy as (typeof SECTORS)[number]) ||
      a.kind.localeCompare(b.kind) ||
      a.subjectId.localeCompare(b.subjectId),
  );
  const seen = new Set<string>();
  return sorted.filter((a) => !seen.has(sameAction(a)) && seen.add(sameAction(a)));
}
