import { byDueDate, consentLapsesAt18, screeningWithoutActionPlan, type OpenAction } from '@pathway-graph/shared/domain/open-actions/index';
import { birthDatesOfLapsingConsents } from '@pathway-graph/shared/sector/open-actions/birth-dates';
import { isOwnedBy, sectorOpenActions, sortedKeys, type OwnedKey } from '@pathway-graph/shared/sector/open-actions/service';
import type { Context } from '../context.ts';
import { findChildrenWithLapsingConsents, findEarliestOpenScreeningsOwnedBy, type KeptCustodyConsent } from '../db/open-actions.ts';
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

type Sources = ScreeningOpenActionSources & { childId: string };

/** The sources of a batch of children, through the request's DataLoaders (one statement per kind). */
async function sourcesOf(ctx: Context, childIds: readonly string[]): Promise<Sources[]> {
  const ids = [...new Set(childIds)];
  const [children, results, consents] = await Promise.all([
    ctx.loaders.child.loadMany(ids),
    ctx.loaders.openActionsOfChild.loadMany(ids),
    ctx.loaders.custodyConsentsOfChild.loadMany(ids),
  ]);
  const ok = <T>(v: T | Error): T => {
    if (v instanceof Error) throw v;
    return v;
  };
  return ids.map((childId, i) => ({ childId, child: ok(children[i]!), results: ok(results[i]!), consents: ok(consents[i]!) }));
}

const actionsOf = (ctx: Context, s: ScreeningOpenActionSources) => openActionsOf(s, ctx.access.today, (r) => dueOnOf(ctx, r));

/**
 * The worklist keys: a screening action is due a fixed number of days after its screening, so the database finds each
 * child's earliest; a lapsing consent's due day is the birthday, which the rules give for the few candidates the
 * database finds (born within the notice). A child with both keeps the earlier.
 */
async function ownedKeysIn(ctx: Context): Promise<OwnedKey[]> {
  const owner = { sector: ctx.principal.sector, organisation: ctx.principal.organisation };
  const [screenings, lapsing] = await Promise.all([
    findEarliestOpenScreeningsOwnedBy(ctx.db, owner),
    findChildrenWithLapsingConsents(ctx.db, owner, birthDatesOfLapsingConsents(ctx.access.today)),
  ]);
  const earliest = new Map(screenings.map((r) => [r.childId, dueOnOf(ctx, r)]));
  const owned = isOwnedBy(ctx.principal);
  for (const s of lapsing.length === 0 ? [] : await sourcesOf(ctx, lapsing)) {
    for (const a of actionsOf(ctx, { ...s, results: [] }).filter(owned)) {
      const known = earliest.get(s.childId);
      if (known === undefined || a.dueOn < known) earliest.set(s.childId, a.dueOn);
    }
  }
  return sortedKeys([...earliest].map(([childId, earliestDueOn]) => ({ childId, earliestDueOn })));
}

export const { openActionsOfChild, ownedOpenActionKeys, ownedOpenActions } = sectorOpenActions<Context, Sources, void>({
  ofChild: async (ctx, childId) => (await sourcesOf(ctx, [childId]))[0]!,
  ofChildren: sourcesOf,
  actionsOf,
  ownedKeysIn,
});
