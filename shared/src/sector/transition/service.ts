import DataLoader from 'dataloader';
import { transitionPlanEvents } from '../../domain/pathway/events.ts';
import type { PathwayEventSource } from '../pathway-events.ts';
import { asc, inArray } from 'drizzle-orm';
import type { AnyDatabase } from '../../db/database.ts';
import { assertMayMakeTransitionPlan, validateTransitionPlan, type TransitionPlanInput } from '../../domain/coordination/transition-plan.ts';
import { assertChildPseudonym } from '../../domain/pseudonym.ts';
import { forbidden, notFound } from '../../errors.ts';
import type { MessagingDb, OutgoingMessage } from '../../messaging/outbox.ts';
import { rejectMessage, type ReceivedMessage } from '../../messaging/receiver.ts';
import { uuid7 } from '../../uuid7.ts';
import type { GuardedChild, RequestAccess, SectorOwnership } from '../access.ts';
import { appendAccessLog } from '../repository.ts';
import type { SectorTables } from '../tables.ts';
import type { TransitionPlanRow, TransitionPlanTables } from './tables.ts';

export const TRANSITION_PART = 'transitionPlan';
const WHAT = "the young person's transition plan";

type Maker = 'BUA' | 'MUNICIPALITY';

interface TransitionContext {
  access: RequestAccess;
  db: AnyDatabase<Record<string, unknown>>;
}

export interface TransitionPlanServiceOptions<TContext extends TransitionContext> {
  sector: Maker;
  tables: TransitionPlanTables & SectorTables;
  ownership: SectorOwnership;
  outbox: { enqueue(tx: MessagingDb, m: OutgoingMessage<'transition-plan'>): Promise<void> };
  /** The child as this sector knows it, with its birth date; null when it has no record of the child. */
  findChild(ctx: TContext, childId: string): Promise<(GuardedChild & { birthDate: string }) | null>;
  /**
   * Whether BUA holds treatment responsibility for the child now, as this sector knows it (BUA: its referrals; the
   * municipality: the statuses BUA sent it): the plan is then BUA's to make, otherwise the municipality's.
   */
  buaHoldsTreatmentResponsibility(ctx: TContext, child: GuardedChild & { birthDate: string }): Promise<boolean>;
  /** Whether the plan goes to the other sector too: it is involved, and a consent held here allows it. */
  sharesWithOther(tx: MessagingDb, ctx: TContext, child: GuardedChild & { birthDate: string }): Promise<boolean>;
}

export interface TransitionPlanModel {
  id: string;
  child: { id: string };
  madeBy: Maker;
  responsible: { sector: string; name: string; role: string };
  plannedOn: string;
  receivingService: string;
  individualAssessment: string;
  youngPersonConsent: { decision: 'GIVEN' | 'REFUSED'; decidedOn: string; scope: string | null };
  recordedAt: string;
}

function toModel(row: TransitionPlanRow): TransitionPlanModel {
  return {
    id: row.id,
    child: { id: row.childId },
    madeBy: row.madeBy,
    responsible: { sector: row.responsibleSector, name: row.responsibleName, role: row.responsibleRole },
    plannedOn: row.plannedOn,
    receivingService: row.receivingService,
    individualAssessment: row.individualAssessment,
    youngPersonConsent: { decision: row.consentDecision, decidedOn: row.consentDecidedOn, scope: row.consentScope },
    recordedAt: row.recordedAt,
  };
}

export async function findPlansByChildIds(db: MessagingDb, { transitionPlans: t }: TransitionPlanTables, childIds: readonly string[]): Promise<TransitionPlanRow[]> {
  return db.select().from(t).where(inArray(t.childId, [...childIds])).orderBy(asc(t.recordedAt), asc(t.id));
}

/**
 * The transition to adulthood (agreement 6.1): the plan for a young person in an active pathway who turns 18 within
 * six months, made by the sector responsible for the pathway (BUA while it holds treatment responsibility, else the
 * municipality) and sent to the other one where a consent allows, so both know it exists. The newest plan counts.
 */
export function transitionPlanService<TContext extends TransitionContext>(options: TransitionPlanServiceOptions<TContext>) {
  const { sector, tables, ownership, outbox } = options;

  const loaders = new WeakMap<RequestAccess, DataLoader<string, TransitionPlanRow[]>>();
  const byChild = (ctx: TContext) => {
    let loader = loaders.get(ctx.access);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await findPlansByChildIds(ctx.db, tables, ids);
        return ids.map((id) => rows.filter((r) => r.childId === id));
      });
      loaders.set(ctx.access, loader);
    }
    return loader;
  };

  return {
    /** The pathway's timeline events of the transition plans this sector made itself. */
    pathwayEventSource(ctx: TContext): PathwayEventSource {
      const label = sector === 'BUA' ? 'BUA' : 'the municipality';
      return async (ids) => (await Promise.all(ids.map((id) => byChild(ctx).load(id)))).flat().flatMap((r) => transitionPlanEvents(r, label));
    },

    /** Whether any plan (this sector's or the other's) is held for each child: the missing-plan rule's `hasPlan`. */
    hasPlan: async (ctx: TContext, childId: string) => (await byChild(ctx).load(childId)).length > 0,

    async current(ctx: TContext, child: GuardedChild): Promise<TransitionPlanModel | null> {
      await ctx.access.read(child, TRANSITION_PART, WHAT);
      const rows = await byChild(ctx).load(child.id);
      return rows.length === 0 ? null : toModel(rows.at(-1)!);
    },

    async record(ctx: TContext, input: TransitionPlanInput & { childId: string }): Promise<TransitionPlanModel> {
      if (!ctx.access.isOwnerSector) {
        throw forbidden(`Only ${ownership.describe(null)} records its transition plans here; the sector responsible for the pathway records the plan in its own subgraph.`);
      }
      const child = await options.findChild(ctx, assertChildPseudonym(input.childId, 'childId'));
      if (!child) throw notFound(`${ownership.describe(null)} has no record of this child, so it has no pathway to plan the transition of.`, { field: 'childId' });
      await ctx.access.read(child, TRANSITION_PART, WHAT);
      assertMayMakeTransitionPlan(sector, await options.buaHoldsTreatmentResponsibility(ctx, child));
      const plan = validateTransitionPlan(input, { birthDate: child.birthDate, today: ctx.access.today });
      const recordedAt = ctx.access.now.toISOString();
      const row = await ctx.db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(tables.transitionPlans)
          .values({
            id: uuid7(),
            childId: child.id,
            source: 'OWN',
            madeBy: sector,
            organisation: ctx.access.principal.organisation,
            responsibleSector: plan.responsible.sector,
            responsibleName: plan.responsible.name,
            responsibleRole: plan.responsible.role,
            plannedOn: plan.plannedOn,
            receivingService: plan.receivingService,
            individualAssessment: plan.individualAssessment,
            consentDecision: plan.youngPersonConsent.decision,
            consentDecidedOn: plan.youngPersonConsent.decidedOn,
            consentScope: plan.youngPersonConsent.scope,
            recordedBy: ctx.access.principal.subject,
            recordedAt,
          })
          .returning();
        if (await options.sharesWithOther(tx, ctx, child)) {
          await outbox.enqueue(tx, {
            kind: 'transition-plan',
            to: sector === 'BUA' ? 'municipality' : 'bua',
            messageId: uuid7(),
            childId: child.id,
            payload: { planId: inserted!.id, childId: child.id, plan, recordedBy: sector, recordedAt },
          });
        }
        await appendAccessLog(tx, tables, [ctx.access.changeEntry(child.id, [TRANSITION_PART])]);
        return inserted!;
      });
      byChild(ctx).clear(child.id);
      return toModel(row);
    },

    /** The other sector's plan, stored as it was made there. */
    async receive(tx: MessagingDb, { payload }: ReceivedMessage<'transition-plan'>): Promise<Record<string, never>> {
      if (payload.recordedBy === sector) rejectMessage('WRONG_SECTOR', 'A transition plan received here is made by the other sector responsible for the pathway.');
      const p = payload.plan;
      await tx
        .insert(tables.transitionPlans)
        .values({
          id: payload.planId,
          childId: payload.childId,
          source: 'RECEIVED',
          madeBy: payload.recordedBy,
          organisation: null,
          responsibleSector: p.responsible.sector as TransitionPlanRow['responsibleSector'],
          responsibleName: p.responsible.name,
          responsibleRole: p.responsible.role,
          plannedOn: p.plannedOn,
          receivingService: p.receivingService,
          individualAssessment: p.individualAssessment,
          consentDecision: p.youngPersonConsent.decision,
          consentDecidedOn: p.youngPersonConsent.decidedOn,
          consentScope: p.youngPersonConsent.scope,
          recordedBy: null,
          recordedAt: payload.recordedAt,
        })
        .onConflictDoNothing();
      return {};
    },
  };
}
