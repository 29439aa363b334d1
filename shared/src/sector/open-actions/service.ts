import type { Principal } from '../../auth/principal.ts';
import { hasClinicalRole } from '../../access/policy.ts';
import { byDueDate, type OpenAction } from '../../domain/open-actions/open-actions.ts';
import { badUserInput, forbidden } from '../../errors.ts';
import type { RequestAccess } from '../access.ts';

/**
 * What every sector does the same way for the worklists (issue 15): the open actions an organisation OWNS, among those
 * the sector holds. The pathway subgraph asks each sector with the caller's own token, first for the keys (which
 * children, and each one's earliest due day here), then for the actions of the children on the page; it merges them.
 */

/** The part of a child's data a worklist reads, in the access log. */
export const OPEN_ACTIONS_PART = 'openActions';
export const MAX_WORKLIST_CHILDREN = 200;

/** A child and the earliest due day of the actions the organisation owns here. */
export interface OwnedKey {
  childId: string;
  earliestDueOn: string;
}

/** A child and the actions the organisation owns here, earliest due first. */
export interface OwnedActions {
  childId: string;
  actions: OpenAction[];
}

/**
 * A worklist is an organisation's clinical work: analysts and administrators see aggregates and logs, BUA's advisers
 * anonymous cases, none of them a list of children.
 */
export function assertMayReadWorklist(principal: Principal): void {
  if (!hasClinicalRole(principal)) {
    throw forbidden(
      "A worklist lists the children an organisation has open actions for; only its professionals working with children read it (analysts read aggregates, administrators access logs).",
      { rule: 'NO_CLINICAL_ROLE' },
    );
  }
}

export const isOwnedBy = (principal: Principal) => (a: OpenAction): boolean =>
  a.ownerSector === principal.sector && a.ownerOrganisation === principal.organisation;

/**
 * The children with actions the reader's organisation owns, each with its earliest due day, earliest first. With
 * `matches` (a worklist filter, e.g. a department), only the children with a matching owned action; their key is still
 * the earliest of all their owned actions, the same actions the second step returns.
 */
export function ownedKeys(
  principal: Principal,
  byChild: ReadonlyMap<string, readonly OpenAction[]>,
  matches: (childId: string, action: OpenAction) => boolean = () => true,
): OwnedKey[] {
  const owned = isOwnedBy(principal);
  const keys: OwnedKey[] = [];
  for (const [childId, actions] of byChild) {
    const mine = actions.filter(owned);
    if (!mine.some((a) => matches(childId, a))) continue;
    keys.push({ childId, earliestDueOn: mine.map((a) => a.dueOn).reduce((x, y) => (y < x ? y : x)) });
  }
  return keys.sort((a, b) => (a.earliestDueOn < b.earliestDueOn ? -1 : a.earliestDueOn > b.earliestDueOn ? 1 : a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0));
}

export function assertWorklistChildIds(childIds: readonly string[]): void {
  if (childIds.length > MAX_WORKLIST_CHILDREN) {
    throw badUserInput(`childIds: at most ${MAX_WORKLIST_CHILDREN} children per request; ask for the next page in a request of its own.`, { field: 'childIds' });
  }
}

/**
 * The actions the reader's organisation owns for each of the children, and the read written to the access log (one
 * entry per child with actions, part `openActions`). The actions are addressed to their owner (the agreement gives
 * the work to it), so no consent is asked; a child without actions here is neither returned nor logged.
 */
export async function ownedActionsOf(access: RequestAccess, childIds: readonly string[], byChild: ReadonlyMap<string, readonly OpenAction[]>): Promise<OwnedActions[]> {
  const { principal } = access;
  const owned = isOwnedBy(principal);
  const out: OwnedActions[] = [];
  for (const childId of new Set(childIds)) {
    const actions = (byChild.get(childId) ?? []).filter(owned).sort(byDueDate);
    if (actions.length > 0) out.push({ childId, actions });
  }
  // All at once: the guard's consent look-up is one DataLoader batch (one statement) for the whole page.
  await Promise.all(
    out.map(({ childId }) =>
      access.read(
        { id: childId, known: true, birthDate: null, ownerOrganisation: access.isOwnerSector ? principal.organisation : null },
        OPEN_ACTIONS_PART,
        'the open actions your organisation owns',
        { addressedTo: [{ sector: principal.sector, organisation: principal.organisation }] },
      ),
    ),
  );
  return out;
}
