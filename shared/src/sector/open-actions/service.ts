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
/**
 * The part a worklist's keys read: that the organisation owns open actions for the child here, and the earliest day
 * one is due. Told apart from `openActions` so that the log says which children were counted in a list and which
 * were shown with their actions.
 */
export const OPEN_ACTION_KEYS_PART = 'openActionKeys';
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
  return sortedKeys(keys);
}

/** Keys in worklist order: earliest due first, then by child id. */
export function sortedKeys(keys: OwnedKey[]): OwnedKey[] {
  return keys.sort((a, b) => (a.earliestDueOn < b.earliestDueOn ? -1 : a.earliestDueOn > b.earliestDueOn ? 1 : a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0));
}

export function assertWorklistChildIds(childIds: readonly string[]): void {
  if (childIds.length > MAX_WORKLIST_CHILDREN) {
    throw badUserInput(`childIds: at most ${MAX_WORKLIST_CHILDREN} children per request; ask for the next page in a request of its own.`, { field: 'childIds' });
  }
}

/** The read of a child whose actions the organisation owns; addressed to it, so no consent is asked. */
function readOwned(access: RequestAccess, childId: string, part: string, what: string): Promise<void> {
  const { principal } = access;
  return access.read(
    { id: childId, known: true, birthDate: null, ownerOrganisation: access.isOwnerSector ? principal.organisation : null },
    part,
    what,
    { addressedTo: [{ sector: principal.sector, organisation: principal.organisation }] },
  );
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
  await Promise.all(out.map(({ childId }) => readOwned(access, childId, OPEN_ACTIONS_PART, 'the open actions your organisation owns')));
  return out;
}

/**
 * Where one sector finds the sources of its open actions, and its rules that read them (`S`: one child's sources;
 * `F`: the worklist filter only this sector applies). The worklist keys come from the rules over `ownedBy`'s sources,
 * or, for a sector whose rules a query can state exactly, straight from the database (`ownedKeysIn`).
 */
export type OpenActionSources<C extends { access: RequestAccess }, S extends { childId: string }, F> = {
  /** One child's sources, batched with the request's other children (a DataLoader); null when the sector holds none. */
  ofChild(ctx: C, childId: string): Promise<S | null>;
  /** The sources of these children (the page of a worklist). */
  ofChildren(ctx: C, childIds: readonly string[]): Promise<readonly S[]>;
  /** The sector's rules: every open action the child's sources hold, whoever owns them. */
  actionsOf(ctx: C, sources: S): OpenAction[];
} & (
  | {
      /** The sources of the children with actions the reader's organisation may own here, with the filter. */
      ownedBy(ctx: C, filter: F): Promise<readonly S[]>;
      /** With a filter, which of the child's owned actions match it; all of them when not given. */
      matches?(sources: S, filter: F): (action: OpenAction) => boolean;
      ownedKeysIn?: undefined;
    }
  | {
      /** The keys as the database computes them: one per child, its earliest due day, in worklist order. */
      ownedKeysIn(ctx: C, filter: F): Promise<OwnedKey[]>;
      ownedBy?: undefined;
      matches?: undefined;
    }
);

/**
 * The three entry points of a sector's open actions, the same in every sector: a child's actions (the pathway's
 * facts), and the two steps of a worklist. The keys are logged too, as a read of each child they name (part
 * `openActionKeys`): they tell the caller's request which children have open actions with its organisation and
 * when, though the page shows only some of them.
 */
export function sectorOpenActions<C extends { access: RequestAccess }, S extends { childId: string }, F>(sources: OpenActionSources<C, S, F>) {
  const byChild = (ctx: C, rows: readonly S[]) => new Map(rows.map((s) => [s.childId, sources.actionsOf(ctx, s)]));
  const keysOf = async (ctx: C, filter: F): Promise<OwnedKey[]> => {
    if (sources.ownedKeysIn) return sources.ownedKeysIn(ctx, filter);
    const rows = await sources.ownedBy(ctx, filter);
    const ofChild = new Map(rows.map((s) => [s.childId, s]));
    const { matches } = sources;
    return ownedKeys(ctx.access.principal, byChild(ctx, rows), matches ? (childId, a) => matches(ofChild.get(childId)!, filter)(a) : undefined);
  };
  return {
    async openActionsOfChild(ctx: C, childId: string): Promise<OpenAction[]> {
      const found = await sources.ofChild(ctx, childId);
      return found ? sources.actionsOf(ctx, found) : [];
    },
    async ownedOpenActionKeys(ctx: C, filter: F): Promise<OwnedKey[]> {
      assertMayReadWorklist(ctx.access.principal);
      const keys = await keysOf(ctx, filter);
      // One entry per child, written with the request's other reads in one insert.
      await Promise.all(keys.map(({ childId }) => readOwned(ctx.access, childId, OPEN_ACTION_KEYS_PART, 'that your organisation owns open actions for the child, and when')));
      return keys;
    },
    async ownedOpenActions(ctx: C, childIds: readonly string[]): Promise<OwnedActions[]> {
      assertMayReadWorklist(ctx.access.principal);
      assertWorklistChildIds(childIds);
      return ownedActionsOf(ctx.access, childIds, byChild(ctx, await sources.ofChildren(ctx, childIds)));
    },
  };
}
