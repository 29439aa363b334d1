import DataLoader from 'dataloader';
import { medicationAgreementEvents } from '../../domain/pathway/events.ts';
import type { PathwayEventSource } from '../pathway-events.ts';
import { hasClinicalRole } from '../../access/policy.ts';
import type { AnyDatabase } from '../../db/database.ts';
import type { AtcWarning } from '../../domain/atc/atc-code.ts';
import {
  isReviewDue,
  proposeMedicationAgreement,
  respondToMedicationAgreement,
  supersedeMedicationAgreement,
  type AgreementParty,
  type MedicationAgreement,
} from '../../domain/coordination/medication-agreement.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import type { MessagingDb, OutgoingMessage } from '../../messaging/outbox.ts';
import { rejectMessage, type ReceivedMessage } from '../../messaging/receiver.ts';
import { serializeDateTime } from '../../server/scalars.ts';
import { assertUuid, uuid7 } from '../../uuid7.ts';
import type { GuardedChild, RequestAccess } from '../access.ts';
import { appendAccessLog } from '../repository.ts';
import type { SectorTables } from '../tables.ts';
import { lockChildRecords } from '../coordination/repository.ts';
import { findAgreementById, findAgreementsByChildIds, findLatestOnMedicine, insertAgreement, updateAgreement } from './repository.ts';
import type { MedicationAgreementRow, MedicationAgreementTables } from './tables.ts';

export const MEDICATION_PART = 'medicationAgreements';
const WHAT = 'the medication agreements between BUA and the GP';

interface MedicationContext {
  access: RequestAccess;
  db: AnyDatabase<Record<string, unknown>>;
}

/** The referral an agreement continues, as this side knows it. */
export interface AgreementReferral {
  childId: string;
  ydernummer: string;
  guard: GuardedChild;
  /** Whether visitation decided on assessment, so BUA started the treatment an agreement could continue. */
  treatmentDecided: boolean;
}

export interface MedicationAgreementServiceOptions<TContext extends MedicationContext> {
  party: AgreementParty;
  tables: MedicationAgreementTables & SectorTables;
  outbox: {
    enqueue(tx: MessagingDb, m: OutgoingMessage<'medication-agreement-proposal'> | OutgoingMessage<'medication-agreement-response'>): Promise<void>;
  };
  /** The referral by id, if this side holds it and the reader's organisation may act on it; null otherwise. */
  findReferral(ctx: TContext, referralId: string): Promise<AgreementReferral | null>;
  /** Whose copy a row is, for the access guard (BUA: the department; general practice: the practice). */
  guardOf(ctx: TContext, row: MedicationAgreementRow): Promise<GuardedChild>;
}

export interface MedicationAgreementModel {
  id: string;
  referralId: string;
  child: { id: string };
  medicine: { atcCode: string; name: string };
  prescriber: AgreementParty;
  prescribesFrom: string;
  reviewOn: string;
  note: string | null;
  proposedBy: AgreementParty;
  proposedAt: string;
  status: MedicationAgreement['status'];
  response: { by: AgreementParty; at: string; accepted: boolean; reason: string | null } | null;
  supersededAt: string | null;
  reviewDue: boolean;
}

export interface MedicationProposalArgs {
  referralId: string;
  medicine: { atcCode: string; name: string };
  prescriber: string;
  prescribesFrom: string;
  reviewOn: string;
  note?: string | null;
}

const OTHER: Record<AgreementParty, { party: AgreementParty; subgraph: 'bua' | 'general-practice' }> = {
  BUA: { party: 'GENERAL_PRACTICE', subgraph: 'general-practice' },
  GENERAL_PRACTICE: { party: 'BUA', subgraph: 'bua' },
};

export function toAgreement(row: MedicationAgreementRow): MedicationAgreement {
  return {
    status: row.status,
    proposal: {
      medicine: { atcCode: row.atcCode, name: row.medicineName },
      prescriber: row.prescriber,
      prescribesFrom: row.prescribesFrom,
      reviewOn: row.reviewOn,
      note: row.note,
      proposedBy: row.proposedBy,
      proposedAt: serializeDateTime(row.proposedAt),
    },
    response:
      row.responseBy === null
        ? null
        : { by: row.responseBy, at: serializeDateTime(row.responseAt!), accepted: row.responseAccepted!, reason: row.responseReason },
    supersededAt: row.supersededAt === null ? null : serializeDateTime(row.supersededAt),
  };
}

function toModel(row: MedicationAgreementRow, today: string): MedicationAgreementModel {
  const a = toAgreement(row);
  return {
    id: row.id,
    referralId: row.referralId,
    child: { id: row.childId },
    ...a.proposal,
    status: a.status,
    response: a.response,
    supersededAt: a.supersededAt,
    reviewDue: isReviewDue(a, today),
  };
}

/** Marks the agreement a new proposal on the same medicine replaces, when it is still open or in force. */
async function supersedePrevious(tx: MessagingDb, tables: MedicationAgreementTables, childId: string, atcCode: string, at: string): Promise<void> {
  const previous = await findLatestOnMedicine(tx, tables, childId, atcCode);
  if (!previous || (previous.status !== 'PROPOSED' && previous.status !== 'ACCEPTED')) return;
  const superseded = supersedeMedicationAgreement(toAgreement(previous), at);
  await updateAgreement(tx, tables, previous.id, { status: 'SUPERSEDED', supersededAt: superseded.supersededAt });
}

/**
 * Trin 4 (agreement 6.1): BUA and the GP agree on continuing pharmacological treatment. One side proposes, the other
 * accepts or declines; both hold the agreement, kept in step by messages, so both see it and its state. The same
 * service on both sides, for `party`.
 */
export function medicationAgreementService<TContext extends MedicationContext>(options: MedicationAgreementServiceOptions<TContext>) {
  const { party, tables, outbox } = options;
  const other = OTHER[party];
  const partyLabel = party === 'BUA' ? 'BUA' : 'general practice';

  const loaders = new WeakMap<RequestAccess, DataLoader<string, MedicationAgreementRow[]>>();
  const byChild = (ctx: TContext) => {
    let loader = loaders.get(ctx.access);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const rows = await findAgreementsByChildIds(ctx.db, tables, ids);
        return ids.map((id) => rows.filter((r) => r.childId === id));
      });
      loaders.set(ctx.access, loader);
    }
    return loader;
  };

  function assertParty(ctx: TContext, doing: string): void {
    const { principal } = ctx.access;
    if (principal.sector !== party || !hasClinicalRole(principal)) {
      throw forbidden(`Only clinicians of ${partyLabel} can ${doing} here; the agreement is between BUA and the child's GP, each on its own side.`);
    }
  }

  return {
    /** The pathway's timeline events of this side's agreements: those it proposed and those it answered. */
    pathwayEventSource(ctx: TContext): PathwayEventSource {
      return async (ids) => (await Promise.all(ids.map((id) => byChild(ctx).load(id)))).flat().flatMap((r) => medicationAgreementEvents(r, party));
    },

    async propose(ctx: TContext, input: MedicationProposalArgs): Promise<{ agreement: MedicationAgreementModel; warnings: AtcWarning[] }> {
      assertParty(ctx, 'propose a medication agreement');
      const referralId = assertUuid(input.referralId, 'referralId', 'referralId must be the id of a referral to BUA (a UUID).');
      const referral = await options.findReferral(ctx, referralId);
      if (!referral) throw notFound('No referral to BUA with this id is held here for your organisation.', { field: 'referralId' });
      await ctx.access.read(referral.guard, MEDICATION_PART, WHAT);
      if (!referral.treatmentDecided) {
        throw conflict(
          'A medication agreement continues the treatment BUA started after assessing the child (Trin 4); visitation has not decided on assessment for this referral.',
          { field: 'referralId', reason: 'NO_TREATMENT' },
        );
      }
      const proposedAt = ctx.access.now.toISOString();
      const { agreement, warnings } = proposeMedicationAgreement({ ...input, proposedBy: party, proposedAt }, ctx.access.today);
      const id = uuid7();
      const row = await ctx.db.transaction(async (tx) => {
        await lockChildRecords(tx, tables.medicationAgreements, referral.childId);
        await supersedePrevious(tx, tables, referral.childId, agreement.proposal.medicine.atcCode, proposedAt);
        const inserted = await insertAgreement(tx, tables, {
          id,
          referralId,
          childId: referral.childId,
          ydernummer: referral.ydernummer,
          atcCode: agreement.proposal.medicine.atcCode,
          medicineName: agreement.proposal.medicine.name,
          prescriber: agreement.proposal.prescriber,
          prescribesFrom: agreement.proposal.prescribesFrom,
          reviewOn: agreement.proposal.reviewOn,
          note: agreement.proposal.note,
          proposedBy: party,
          proposedAt,
          status: 'PROPOSED',
        });
        await outbox.enqueue(tx, {
          kind: 'medication-agreement-proposal',
          to: other.subgraph,
          messageId: uuid7(),
          childId: referral.childId,
          payload: { agreementId: id, referralId, childId: referral.childId, ydernummer: referral.ydernummer, proposal: agreement.proposal },
        });
        await appendAccessLog(tx, tables, [ctx.access.changeEntry(referral.childId, [MEDICATION_PART])]);
        return inserted;
      });
      byChild(ctx).clear(referral.childId);
      return { agreement: toModel(row, ctx.access.today), warnings };
    },

    async respond(ctx: TContext, agreementId: string, input: { accept: boolean; reason?: string | null }): Promise<MedicationAgreementModel> {
      assertParty(ctx, 'answer a medication agreement proposal');
      const id = assertUuid(agreementId, 'id', 'id must be the id of a medication agreement (a UUID).');
      const existing = await findAgreementById(ctx.db, tables, id);
      if (!existing) throw notFound('No medication agreement has this id here.', { field: 'id' });
      await ctx.access.read(await options.guardOf(ctx, existing), MEDICATION_PART, WHAT);
      const row = await ctx.db.transaction(async (tx) => {
        const current = (await findAgreementById(tx, tables, id, true))!;
        const answered = respondToMedicationAgreement(toAgreement(current), { by: party, at: ctx.access.now.toISOString(), accept: input.accept, reason: input.reason ?? null });
        const response = answered.response!;
        const updated = await updateAgreement(tx, tables, id, {
          status: answered.status,
          responseBy: response.by,
          responseAt: response.at,
          responseAccepted: response.accepted,
          responseReason: response.reason,
        });
        await outbox.enqueue(tx, {
          kind: 'medication-agreement-response',
          to: other.subgraph,
          messageId: uuid7(),
          childId: current.childId,
          payload: { agreementId: id, by: response.by, at: response.at, accepted: response.accepted, reason: response.reason },
        });
        await appendAccessLog(tx, tables, [ctx.access.changeEntry(current.childId, [MEDICATION_PART])]);
        return updated;
      });
      byChild(ctx).clear(row.childId);
      return toModel(row, ctx.access.today);
    },

    /** A child's agreements, oldest first, for those who may read this side's data about the child. */
    async forChild(ctx: TContext, child: GuardedChild): Promise<MedicationAgreementModel[]> {
      await ctx.access.read(child, MEDICATION_PART, WHAT);
      return (await byChild(ctx).load(child.id)).map((r) => toModel(r, ctx.access.today));
    },

    /** What the other side sends: its proposals and its answers, applied exactly once per message. */
    handlers(deps: { knowsReferral(tx: MessagingDb, referralId: string, ydernummer: string): Promise<boolean> }) {
      return {
        'medication-agreement-proposal': async (tx: MessagingDb, { payload }: ReceivedMessage<'medication-agreement-proposal'>) => {
          if (payload.proposal.proposedBy !== other.party) rejectMessage('WRONG_PARTY', 'A proposal received here must be made by the other side of the agreement.');
          if (!(await deps.knowsReferral(tx, payload.referralId, payload.ydernummer))) {
            rejectMessage('UNKNOWN_REFERRAL', 'The proposal names a referral to BUA that is not held here for that practice.');
          }
          await lockChildRecords(tx, tables.medicationAgreements, payload.childId);
          await supersedePrevious(tx, tables, payload.childId, payload.proposal.medicine.atcCode, payload.proposal.proposedAt);
          const p = payload.proposal;
          await insertAgreement(tx, tables, {
            id: payload.agreementId,
            referralId: payload.referralId,
            childId: payload.childId,
            ydernummer: payload.ydernummer,
            atcCode: p.medicine.atcCode,
            medicineName: p.medicine.name,
            prescriber: p.prescriber,
            prescribesFrom: p.prescribesFrom,
            reviewOn: p.reviewOn,
            note: p.note,
            proposedBy: p.proposedBy,
            proposedAt: p.proposedAt,
            status: 'PROPOSED',
          });
          return {};
        },
        'medication-agreement-response': async (tx: MessagingDb, { payload }: ReceivedMessage<'medication-agreement-response'>) => {
          if (payload.by !== other.party) rejectMessage('WRONG_PARTY', 'A response received here must come from the other side of the agreement.');
          const current = await findAgreementById(tx, tables, payload.agreementId, true);
          if (!current) rejectMessage('UNKNOWN_AGREEMENT', 'The response names no medication agreement held here.');
          // Superseded here meanwhile by a newer proposal, which the other side will get next: the answer is moot.
          if (current.status === 'SUPERSEDED') return {};
          let answered: MedicationAgreement;
          try {
            answered = respondToMedicationAgreement(toAgreement(current), { by: payload.by, at: payload.at, accept: payload.accepted, reason: payload.reason });
          } catch (error) {
            // The rule's refusal names states and instants, never personal data.
            rejectMessage('RESPONSE_NOT_APPLICABLE', error instanceof Error ? error.message : 'The response does not apply to the agreement as held here.');
          }
          await updateAgreement(tx, tables, current.id, {
            status: answered.status,
            responseBy: payload.by,
            responseAt: payload.at,
            responseAccepted: payload.accepted,
            responseReason: payload.reason,
          });
          return {};
        },
      };
    },
  };
}
