import { ACCESS_LOG_SUBGRAPH_NAMES, badUserInput, MAX_CROSS_SECTOR_WORKLIST_PAGE_SIZE, pageSize, type Principal } from '@pathway-graph/shared';
import { OPEN_ACTION_KINDS, type OpenActionKind } from '@pathway-graph/shared/domain/open-actions/index';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.ts';
import { mergeWorklistKeys, parseWorklistCursor, worklistCursor, worklistPage } from '../rules/merge-worklist.ts';
import type { OpenActionFromSector, SectorSubgraph } from '../sector-client.ts';

/**
 * `Query.worklist`: the fan-out to the sectors and the merge (rules/merge-worklist.ts). Two calls per sector, whatever
 * the number of children: the keys (every child of the organisation's worklist there, with its earliest due day),
 * then, for the children of the page only, their actions (the read each sector logs). The sectors check the caller
 * themselves; this subgraph refuses early only what no sector could answer (a filter for another kind of organisation).
 * A sector that cannot be reached (down, or a fault of its own) leaves the others' children standing and is named in
 * `unavailableSources`, as in the merged access log; its refusal of the caller still fails the request.
 */

const HELD_BY: Record<SectorSubgraph, 'MUNICIPALITY' | 'GENERAL_PRACTICE' | 'BUA' | 'SCREENING'> = {
  municipality: 'MUNICIPALITY',
  'general-practice': 'GENERAL_PRACTICE',
  bua: 'BUA',
  screening: 'SCREENING',
};

export interface WorklistArgs {
  department?: string | null;
  assignee?: string | null;
  referralStatus?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface WorklistActionModel extends Pick<OpenActionFromSector, 'subjectId' | 'dueOn' | 'overdue'> {
  kind: OpenActionKind;
  heldBy: (typeof HELD_BY)[SectorSubgraph];
}

/** A kind the sector's schema does not declare is a failure of that sector, not something to pass on. */
function kindOf(sector: SectorSubgraph, kind: string): OpenActionKind {
  if ((OPEN_ACTION_KINDS as readonly string[]).includes(kind)) return kind as OpenActionKind;
  throw new GraphQLError(`The ${sector} subgraph answered an open action of an unknown kind.`, { extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: sector } });
}

/** The filter only one sector applies, and that sector; refused for an organisation it does not apply to. */
function filterOf(principal: Principal, args: WorklistArgs): { sector: SectorSubgraph; values: Record<string, unknown> } | null {
  const municipal = Boolean(args.department) || Boolean(args.assignee);
  if (municipal && args.referralStatus) {
    throw badUserInput("department and assignee filter a municipality's worklist, referralStatus BUA's: give one or the other.", { field: 'referralStatus' });
  }
  if (municipal) {
    if (principal.sector !== 'MUNICIPALITY') {
      throw badUserInput("department and assignee filter a municipality's worklist (its letters); leave them out for your organisation's.", { field: args.department ? 'department' : 'assignee' });
    }
    return { sector: 'municipality', values: { department: args.department ?? null, assignee: args.assignee ?? null } };
  }
  if (args.referralStatus) {
    if (principal.sector !== 'BUA') {
      throw badUserInput("referralStatus filters BUA's worklist (its referrals); leave it out for your organisation's.", { field: 'referralStatus' });
    }
    return { sector: 'bua', values: { referralStatus: args.referralStatus } };
  }
  return null;
}

export async function worklist(ctx: Context, args: WorklistArgs) {
  const size = pageSize(args.first, 50, MAX_CROSS_SECTOR_WORKLIST_PAGE_SIZE);
  const after = parseWorklistCursor(args.after);
  const filter = filterOf(ctx.principal, args);
  const answers = await ctx.sectors.ownedOpenActionKeys(filter ? { [filter.sector]: filter.values } : {});
  const unavailable = new Set(answers.flatMap(([sector, k]) => (k === null ? [sector] : [])));
  const keys = answers.flatMap(([sector, k]) => (k === null ? [] : [[sector, k] as const]));
  let restrictTo: Set<string> | undefined;
  if (filter) {
    // The filtering sector's keys name the children; the other sectors' still count for each one's earliest day.
    // Without that sector no child can be said to match: the page is empty and names it.
    const filtered = keys.find(([sector]) => sector === filter.sector)?.[1] ?? [];
    restrictTo = new Set(filtered.map((k) => k.childId));
  }
  const merged = mergeWorklistKeys(keys, restrictTo);
  const { page, hasNextPage } = worklistPage(merged, size, after);

  const childIdsBySector: Partial<Record<SectorSubgraph, string[]>> = {};
  for (const key of page) for (const sector of key.sectors) (childIdsBySector[sector] ??= []).push(key.childId);
  const actionsOf = new Map<string, WorklistActionModel[]>();
  for (const [sector, owned] of await ctx.sectors.ownedOpenActions(childIdsBySector)) {
    if (owned === null) {
      // It gave its keys but not the actions: its children stay where its keys put them, without its actions.
      unavailable.add(sector);
      continue;
    }
    for (const { childId, actions } of owned) {
      const list = actionsOf.get(childId) ?? [];
      list.push(...actions.map((a) => ({ kind: kindOf(sector, a.kind), subjectId: a.subjectId, dueOn: a.dueOn, overdue: a.overdue, heldBy: HELD_BY[sector] })));
      actionsOf.set(childId, list);
    }
  }
  const edges = page.map((key) => ({
    cursor: worklistCursor(key),
    node: {
      child: { id: key.childId },
      earliestDueOn: key.earliestDueOn,
      overdue: ctx.today > key.earliestDueOn,
      actions: (actionsOf.get(key.childId) ?? []).sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)),
    },
  }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: merged.length,
    unavailableSources: ACCESS_LOG_SUBGRAPH_NAMES.filter((sector) => unavailable.has(sector)),
  };
}
