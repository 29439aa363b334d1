import {
  appendAccessLog,
  assertChildPseudonym,
  assertUuid,
  findConsentsByChildIds,
  forbidden,
  hasClinicalRole,
  notFound,
  serializeDateTime,
  toConsentRecord,
  uuid7,
  type GuardedChild,
} from '@pathway-graph/shared';
import {
  interventionDisclosureToBua,
  validateIntervention,
  type InterventionDisclosure,
  type InterventionInput,
} from '@pathway-graph/shared/domain/coordination/index';
import { BUA_SOR_CODE } from '@pathway-graph/shared/domain/referral/bua';
import { guardOf } from '../access.ts';
import type { Context } from '../context.ts';
import { findInterventionById, holdsActiveBuaReferral, insertIntervention, updateIntervention } from '../db/interventions.ts';
import type { MunicipalityDb } from '../db/repository.ts';
import { accessLog, consents, type MunicipalInterventionRow } from '../db/schema.ts';
import { outbox } from '../letters/messaging.ts';

/** The part of the municipality's access log interventions are read and changed under. */
export const INTERVENTION_PART = 'municipalInterventions';
const WHAT = "the municipality's interventions for the child";
const sectorTables = { consents, accessLog };

export interface MunicipalInterventionResultModel {
  intervention: MunicipalInterventionRow;
  sentToBua: boolean;
  notSentReason: 'NO_ACTIVE_BUA_REFERRAL' | 'NO_CONSENT' | null;
  notSentExplanation: string | null;
}

export interface RecordInterventionInput extends Omit<InterventionInput, 'step'> {
  childId: string;
  pathwayStep: string;
}

/** Interventions are recorded by the municipality's own staff (a clinical role), for its own residents. */
function assertMunicipalStaff(ctx: Context, doing: string): void {
  const { principal } = ctx.access;
  if (!ctx.access.isOwnerSector || !hasClinicalRole(principal)) {
    throw forbidden(`Only the staff of the child's municipality can ${doing}; other sectors are kept informed by it.`, { rule: 'OWNER_SECTOR_ONLY' });
  }
}

async function residentChild(ctx: Context, childId: string): Promise<GuardedChild & { birthDate: string }> {
  const record = await ctx.loaders.child.load(assertChildPseudonym(childId, 'childId'));
  if (!record) throw notFound('Your municipality has no record of this child as a resident, so it has no intervention to record for it.', { field: 'childId' });
  const child = guardOf(record.id, record);
  // Another municipality's resident is refused here (FORBIDDEN), before anything is validated or stored.
  await ctx.access.read(child, INTERVENTION_PART, WHAT);
  return { ...child, birthDate: record.birthDate };
}

/**
 * Whether the intervention goes to BUA now (agreement 6.1: the municipality keeps psychiatry informed): only while BUA
 * holds an active referral for the child (as BUA's status messages told the municipality) and a consent held by the
 * municipality lets it disclose to BUA for care coordination. Decided inside the transaction that stores the change.
 */
export async function disclosureToBua(tx: MunicipalityDb, ctx: Context, child: GuardedChild & { birthDate: string }): Promise<InterventionDisclosure> {
  return interventionDisclosureToBua({
    buaHoldsActiveReferral: await holdsActiveBuaReferral(tx, child.id, Number(child.ownerOrganisation)),
    // Read in the transaction (not through the request's loader): the decision must see what the transaction sees.
    consents: (await findConsentsByChildIds(tx, sectorTables, [child.id])).map(toConsentRecord),
    buaOrganisation: BUA_SOR_CODE,
    birthDate: child.birthDate,
    today: ctx.access.today,
    now: ctx.access.now,
  });
}

async function sendToBua(tx: MunicipalityDb, row: MunicipalInterventionRow): Promise<void> {
  await outbox.enqueue(tx, {
    kind: 'municipal-intervention',
    to: 'bua',
    messageId: uuid7(),
    childId: row.childId,
    payload: {
      interventionId: row.id,
      childId: row.childId,
      municipalityCode: row.municipalityCode,
      intervention: {
        kind: row.kind,
        step: row.step,
        description: row.description,
        startedOn: row.startedOn,
        endedOn: row.endedOn,
        responsible: row.responsible,
        effect: row.effect,
      },
      // The stored timestamp comes back in the database's own form; the message carries an ISO instant.
      recordedAt: serializeDateTime(row.recordedAt),
    },
  });
}

const resultOf = (intervention: MunicipalInterventionRow, decided: InterventionDisclosure): MunicipalInterventionResultModel =>
  decided.send
    ? { intervention, sentToBua: true, notSentReason: null, notSentExplanation: null }
    : { intervention, sentToBua: false, notSentReason: decided.reason, notSentExplanation: decided.explanation };

/** Records an intervention (every rule before anything is stored) and, where allowed, queues it for BUA in the same transaction. */
export async function recordIntervention(ctx: Context, input: RecordInterventionInput): Promise<MunicipalInterventionResultModel> {
  assertMunicipalStaff(ctx, 'record a municipal intervention');
  const child = await residentChild(ctx, input.childId);
  const { childId: _, pathwayStep, ...fields } = input;
  const intervention = validateIntervention({ ...fields, step: pathwayStep });
  const municipalityCode = Number(ctx.access.principal.organisation);
  const recordedAt = ctx.access.now.toISOString();
  const { row, decided } = await ctx.db.transaction(async (tx) => {
    const decided = await disclosureToBua(tx, ctx, child);
    const row = await insertIntervention(tx, {
      id: uuid7(),
      childId: child.id,
      municipalityCode,
      ...intervention,
      recordedBy: ctx.access.principal.subject,
      recordedAt,
      sentToBuaAt: decided.send ? recordedAt : null,
    });
    if (decided.send) await sendToBua(tx, row);
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(child.id, [INTERVENTION_PART])]);
    return { row, decided };
  });
  ctx.loaders.interventionsOfChild.clear(child.id);
  return resultOf(row, decided);
}

/**
 * The follow-up of an intervention (Trin 4, or the Trin 2 effect that leads to a referral): its end and effect. The
 * whole intervention is checked again, and BUA's copy is updated under the same rules as when it was recorded.
 */
export async function followUpIntervention(
  ctx: Context,
  id: string,
  input: { endedOn?: string | null; effect?: string | null },
): Promise<MunicipalInterventionResultModel> {
  assertMunicipalStaff(ctx, 'follow up a municipal intervention');
  assertUuid(id, 'id', 'id must be the id of a municipal intervention (a UUID) as the API returned it.');
  const existing = await findInterventionById(ctx.db, id.toLowerCase());
  if (!existing || String(existing.municipalityCode) !== ctx.access.principal.organisation) {
    throw notFound('Your municipality has no intervention with this id.', { field: 'id' });
  }
  const child = await residentChild(ctx, existing.childId);
  const recordedAt = ctx.access.now.toISOString();
  const { row, decided } = await ctx.db.transaction(async (tx) => {
    const current = (await findInterventionById(tx, existing.id, true))!;
    const next = validateIntervention({
      kind: current.kind,
      step: current.step,
      description: current.description,
      startedOn: current.startedOn,
      responsible: current.responsible,
      endedOn: input.endedOn === undefined ? current.endedOn : input.endedOn,
      effect: input.effect === undefined ? current.effect : input.effect,
    });
    const decided = await disclosureToBua(tx, ctx, child);
    const row = await updateIntervention(tx, current.id, {
      endedOn: next.endedOn,
      effect: next.effect,
      recordedAt,
      sentToBuaAt: decided.send ? recordedAt : current.sentToBuaAt,
    });
    if (decided.send) await sendToBua(tx, row);
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(child.id, [INTERVENTION_PART])]);
    return { row, decided };
  });
  ctx.loaders.interventionsOfChild.clear(child.id);
  return resultOf(row, decided);
}

/** A child's interventions, oldest first: guarded like the municipality's other data about the child. */
export async function interventionsOfChild(ctx: Context, child: GuardedChild): Promise<MunicipalInterventionRow[]> {
  await ctx.access.read(child, INTERVENTION_PART, WHAT);
  return ctx.loaders.interventionsOfChild.load(child.id);
}
