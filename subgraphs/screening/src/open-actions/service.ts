import { byDueDate, consentLapsesAt18, screeningWithoutActionPlan, type OpenAction } from '@pathway-graph/shared/domain/open-actions/index';
import { birthDatesOfLapsingConsents } from '@pathway-graph/shared/sector/open-actions/birth-dates';
import {
  assertMayReadWorklist,
  assertWorklistChildIds,
  ownedActionsOf,
  ownedKeys,
  type OwnedActions,
  type OwnedKey,
} from '@pathway-graph/shared/sector/open-actions/service';
import type { Context } from '../context.ts';
import { findChildrenWithLapsingConsents, findOpenActionsOwnedBy, type KeptCustodyConsent } from '../db/open-actions.ts';
import type { ChildRecord } from '../db/repository.ts';
import type { ScreeningResultRow } from '../db/schema.ts';
import { dueOnOf } from '../plans/service.ts';

type OpenResult = Pick<ScreeningResultRow, 'id' | 'screeningDate' | 'recordedBySector' | 'recordedByOrganisation'>;

/** What screening's open-action rules read about one child. */
export interface ScreeningOpenActionSources {
  /** Null for a child screening does not know. */
  child: Pick<ChildRecord, 'birthDate' | 'memberships'> | null;
  /** Its positive results still without an action plan (one per track at most, db/open-actions.ts). */
  results: readonly OpenResult[];
  consents: readonly KeptCustodyConsent[];
}

/**
 * The open actions the screening tracks hold for a child (shared/src/domain/open-actions for the rules and due
 * dates): positive screenings still without an action plan, owned by the organisation that recorded the screening,
 * and the custody holders' consents screening keeps that lapse at 18 while the child is in a track (its pathway here
 * is active), owned by the organisation that recorded the consent.
 */
export function openActionsOf(s: ScreeningOpenActionSources, today: string, planDueOn: (r: OpenResult) => string): OpenAction[] {
  const child = s.child;
  const activePathway = child !== null && child.memberships.some((m) => m.endedOn === null);
  const actions = [
    ...s.results.map((r) =>
      screeningWithoutActionPlan({ id: r.id, planDueOn: planDueOn(r), recordedBy: { sector: r.recordedBySector, organisation: r.recordedByOrganisation } }, today),
    ),
    ...(child === null ? [] : s.consents.map((c) => consentLapsesAt18(c, { birthDate: child.birthDate, activePathway }, c.recordedBySector, today))),
  ];
  return actions.filter((a): a is OpenAction => a !== null).sort(byDueDate);
}

/**
 * The sources of a batch of children, through the request's DataLoaders (one statement per kind); with `ownResults`,
 * the results are those (already read) instead of every open one of the children.
 */
async function sourcesOf(ctx: Context, childIds: readonly string[], ownResults?: readonly ScreeningResultRow[]): Promise<Map<string, ScreeningOpenActionSources>> {
  const ids = [...new Set(childIds)];
  const given = ownResults && groupedByChild(ownResults);
  const [children, results, consents] = await Promise.all([
    ctx.loaders.child.loadMany(ids),
    given ? ids.map((id) => given.get(id) ?? []) : ctx.loaders.openActionsOfChild.loadMany(ids),
    ctx.loaders.custodyConsentsOfChild.loadMany(ids),
  ]);
  const ok = <T>(v: T | Error): T => {
    if (v instanceof Error) throw v;
    return v;
  };
  return new Map(ids.map((id, i) => [id, { child: ok(children[i]!), results: ok(results[i]!), consents: ok(consents[i]!) }]));
}

function groupedByChild(rows: readonly ScreeningResultRow[]): Map<string, ScreeningResultRow[]> {
  const grouped = new Map<string, ScreeningResultRow[]>();
  for (const row of rows) grouped.set(row.childId, [...(grouped.get(row.childId) ?? []), row]);
  return grouped;
}

function actionsByChild(ctx: Context, sources: ReadonlyMap<string, ScreeningOpenActionSources>): Map<string, OpenAction[]> {
  const today = ctx.access.today;
  return new Map([...sources].map(([childId, s]) => [childId, openActionsOf(s, today, (r) => dueOnOf(ctx, r))]));
}

export async function openActionsOfChild(ctx: Context, childId: string): Promise<OpenAction[]> {
  return actionsByChild(ctx, await sourcesOf(ctx, [childId])).get(childId)!;
}

export async function ownedOpenActionKeys(ctx: Context): Promise<OwnedKey[]> {
  assertMayReadWorklist(ctx.principal);
  const owner = { sector: ctx.principal.sector, organisation: ctx.principal.organisation };
  const [results, lapsing] = await Promise.all([
    findOpenActionsOwnedBy(ctx.db, owner),
    findChildrenWithLapsingConsents(ctx.db, owner, birthDatesOfLapsingConsents(ctx.access.today)),
  ]);
  // The owner's results are all the screening actions it can own; the candidates' consents and records decide the rest.
  const sources = await sourcesOf(ctx, [...results.map((r) => r.childId), ...lapsing], results);
  return ownedKeys(ctx.principal, actionsByChild(ctx, sources));
}

export async function ownedOpenActions(ctx: Context, childIds: readonly string[]): Promise<OwnedActions[]> {
  assertMayReadWorklist(ctx.principal);
  assertWorklistChildIds(childIds);
  return ownedActionsOf(ctx.access, childIds, actionsByChild(ctx, await sourcesOf(ctx, childIds)));
}
