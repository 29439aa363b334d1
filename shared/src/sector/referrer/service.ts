import DataLoader from 'dataloader';
import { hasClinicalRole } from '../../access/policy.ts';
import type { AnyDatabase } from '../../db/database.ts';
import { recordJointDecisionPart, type JointDecisionSector } from '../../domain/referral/joint-decision.ts';
import { BUA_ORGANISATION } from '../../domain/referral/bua.ts';
import { validateReferral, type ReferralInput } from '../../domain/referral/referral.ts';
import type { ReferralStatus } from '../../domain/referral/status.ts';
import { conflict, forbidden, notFound } from '../../errors.ts';
import { buildReferralBundle } from '../../fhir/referral/referral-bundle.ts';
import type { MessageOrganization } from '../../fhir/referral/parties.ts';
import type { MessagingDb, OutgoingMessage } from '../../messaging/outbox.ts';
import { decodeCursor, pageSize, toConnection, type Connection } from '../../pagination.ts';
import { serializeDateTime } from '../../server/scalars.ts';
import { assertUuid, uuid7 } from '../../uuid7.ts';
import type { GuardedChild, RequestAccess, SectorOwnership } from '../access.ts';
import { appendAccessLog } from '../repository.ts';
import type { SectorTables } from '../tables.ts';
import { referralToBuaModel, type ReferralToBuaModel } from './model.ts';
import {
  findFurtherCourseByReferralIds,
  findReferralForUpdate,
  findReferralsByIds,
  insertFurtherCourse,
  insertReferralOnce,
  listReferrals,
} from './repository.ts';
import type { FurtherCourseRow, ReferrerReferralRow, ReferrerTables } from './tables.ts';

/** The part of the access log referrals are read and changed under, in both referring sectors. */
export const REFERRAL_PART = 'referralsToBua';

export type ReferringSector = JointDecisionSector;

interface ReferrerContext {
  access: RequestAccess;
  db: AnyDatabase<Record<string, unknown>>;
}

/** What the referrer side queues: the referral itself, and its part of the joint decision for the other side. */
export interface ReferrerOutbox {
  enqueue(tx: MessagingDb, message: OutgoingMessage<'bua-referral'> | OutgoingMessage<'referral-further-course'>): Promise<void>;
}

export interface ReferrerServiceOptions {
  sector: ReferringSector;
  tables: ReferrerTables & SectorTables;
  ownership: SectorOwnership;
  outbox: ReferrerOutbox;
}

/** A referral this sector is about to send, as its own service assembled it from its records. */
export interface OutgoingReferral {
  messageId: string;
  child: { id: string; cpr: string; birthDate: string };
  /** This sector's organisation: the practice's ydernummer or the municipality code. */
  organisation: string;
  sender: MessageOrganization;
  municipalityCode: number;
  ydernummer: string;
  requester: { name: string; role: string };
  input: Omit<ReferralInput, 'referrerSector'>;
}

const OTHER: Record<ReferringSector, { sector: ReferringSector; subgraph: 'general-practice' | 'municipality' }> = {
  GENERAL_PRACTICE: { sector: 'MUNICIPALITY', subgraph: 'municipality' },
  MUNICIPALITY: { sector: 'GENERAL_PRACTICE', subgraph: 'general-practice' },
};

/**
 * The referring side of a referral to BUA (Trin 3), the same in general practice and the municipality: send it (the
 * record and the outbox message in one transaction, idempotent by the client's message id), see it with every status
 * BUA reports, and take part in the joint decision on the further course when BUA finds no need for assessment.
 *
 * Who sees a referral here: the organisation holding it (the referrer, or the other sector around the child, which BUA
 * informs); another sector only with an active consent held by this sector. The referral's clinical record is BUA's.
 */
export function referrerService<TContext extends ReferrerContext>(options: ReferrerServiceOptions) {
  const { sector, tables, ownership, outbox } = options;
  const what = (organisation: string | null) => `the referrals to BUA held by ${ownership.describe(organisation)}`;

  const loaders = new WeakMap<RequestAccess, { referral: DataLoader<string, ReferrerReferralRow | null>; furtherCourse: DataLoader<string, FurtherCourseRow[]> }>();
  function loadersOf(ctx: TContext) {
    let found = loaders.get(ctx.access);
    if (!found) {
      found = {
        referral: new DataLoader(async (ids) => {
          const rows = await findReferralsByIds(ctx.db, tables, ids);
          return ids.map((id) => rows.find((r) => r.id === id) ?? null);
        }),
        furtherCourse: new DataLoader(async (ids) => {
          const rows = await findFurtherCourseByReferralIds(ctx.db, tables, ids);
          return ids.map((id) => rows.filter((r) => r.referralId === id));
        }),
      };
      loaders.set(ctx.access, found);
    }
    return found;
  }

  const guardOf = (row: ReferrerReferralRow): GuardedChild => ({ id: row.childId, known: true, birthDate: row.birthDate, ownerOrganisation: row.organisation });

  async function show(ctx: TContext, row: ReferrerReferralRow): Promise<ReferralToBuaModel> {
    await ctx.access.read(guardOf(row), REFERRAL_PART, what(row.organisation));
    return referralToBuaModel(row, await loadersOf(ctx).furtherCourse.load(row.id));
  }

  async function load(ctx: TContext, id: string): Promise<ReferrerReferralRow> {
    assertUuid(id, 'id', 'id must be the id of a referral (a UUID) as the API returned it.');
    const row = await loadersOf(ctx).referral.load(id);
    if (!row) throw notFound('No referral to BUA has this id here.', { field: 'id' });
    return row;
  }

  /** Staff of this sector with a clinical role; the organisation is theirs. */
  function assertReferrer(ctx: TContext, doing: string): void {
    const { principal } = ctx.access;
    if (principal.sector !== sector || !hasClinicalRole(principal)) {
      throw forbidden(`Only clinical staff of ${ownership.describe(null)} can ${doing} here.`, { rule: 'REFERRER_SECTOR_ONLY' });
    }
  }

  return {
    assertReferrer,

    /** Validates the referral (every rule, before anything is stored), then stores it and queues it for BUA. */
    async send(ctx: TContext, outgoing: OutgoingReferral): Promise<ReferralToBuaModel> {
      assertReferrer(ctx, 'refer a child to BUA');
      const messageId = assertUuid(outgoing.messageId, 'messageId', 'messageId must be a UUID you generate for this referral; sending again with the same id returns the same referral.').toLowerCase();
      const referral = validateReferral(
        { ...outgoing.input, referrerSector: sector },
        { birthDate: outgoing.child.birthDate, today: ctx.access.today, now: ctx.access.now },
      );
      const sentAt = ctx.access.now.toISOString();
      const referralId = uuid7();
      // Built before the transaction: a referral the message cannot carry is refused before anything is stored.
      const bundle = buildReferralBundle({
        messageId,
        sentAt,
        referralId,
        patient: { cpr: outgoing.child.cpr },
        sender: outgoing.sender,
        receiver: BUA_ORGANISATION,
        requester: outgoing.requester,
        referral,
      });
      const { referral: stored, created } = await ctx.db.transaction(async (tx) => {
        const result = await insertReferralOnce(tx, tables, {
          id: referralId,
          role: 'REFERRER',
          organisation: outgoing.organisation,
          messageId,
          childId: outgoing.child.id,
          cpr: outgoing.child.cpr,
          birthDate: outgoing.child.birthDate,
          referrerSector: sector,
          referrerOrganisation: outgoing.organisation,
          municipalityCode: outgoing.municipalityCode,
          ydernummer: outgoing.ydernummer,
          referral,
          requester: outgoing.requester,
          sentAt,
          createdBy: ctx.access.principal.subject,
          delivery: 'QUEUED',
          status: 'SENT',
          history: [{ status: 'SENT', at: sentAt }],
        });
        if (result.created) {
          await outbox.enqueue(tx, {
            kind: 'bua-referral',
            to: 'bua',
            messageId,
            childId: outgoing.child.id,
            payload: { bundle, parties: { municipalityCode: outgoing.municipalityCode, ydernummer: outgoing.ydernummer } },
          });
          await appendAccessLog(tx, tables, [ctx.access.changeEntry(outgoing.child.id, [REFERRAL_PART])]);
        }
        return result;
      });
      if (!created && stored.organisation !== outgoing.organisation) {
        // Never say whose referral it is: the id is simply taken.
        throw conflict('This messageId is already used by another referral; generate a new id for a new referral.', { field: 'messageId' });
      }
      loadersOf(ctx).referral.prime(stored.id, stored);
      return created ? referralToBuaModel(stored, []) : show(ctx, stored);
    },

    async get(ctx: TContext, id: string): Promise<ReferralToBuaModel> {
      return show(ctx, await load(ctx, id));
    },

    /** The organisation's referrals (sent, and those BUA told it of), in id order. */
    async list(
      ctx: TContext,
      organisation: string,
      args: { first?: number | null; after?: string | null; status?: ReferralStatus | null },
    ): Promise<Connection<ReferralToBuaModel>> {
      const size = pageSize(args.first);
      const rows = await listReferrals(ctx.db, tables, organisation, args.status ?? undefined, size + 1, decodeCursor(args.after));
      const page = rows.slice(0, size);
      for (const row of page) loadersOf(ctx).referral.prime(row.id, row);
      const models = await Promise.all(page.map((row) => show(ctx, row)));
      const byId = new Map(models.map((m) => [m.id, m]));
      return toConnection(rows, size, (r) => r.id, (r) => byId.get(r.id)!);
    },

    /**
     * This sector's part of the joint decision after BUA found no need for assessment (agreement 6.1, Trin 3); stored
     * here and sent to the other sector, so both see whether the decision still waits for someone.
     */
    async recordFurtherCourse(ctx: TContext, referralId: string, furtherCourse: string): Promise<ReferralToBuaModel> {
      assertReferrer(ctx, 'record the further course of a referral');
      const row = await load(ctx, referralId);
      await ctx.access.read(guardOf(row), REFERRAL_PART, what(row.organisation));
      const updated = await ctx.db.transaction(async (tx) => {
        const current = (await findReferralForUpdate(tx, tables, row.id))!;
        const parts = await findFurtherCourseByReferralIds(tx, tables, [row.id]);
        const next = recordJointDecisionPart(
          current.visitation?.decision ?? null,
          parts.map((p) => ({ sector: p.sector, furtherCourse: p.furtherCourse, recordedAt: serializeDateTime(p.recordedAt) })),
          { sector, furtherCourse, recordedAt: ctx.access.now.toISOString() },
        );
        const part = next.at(-1)!;
        const messageId = uuid7();
        await insertFurtherCourse(tx, tables, { id: uuid7(), referralId: row.id, sector, furtherCourse: part.furtherCourse, recordedAt: part.recordedAt, recordedBy: ctx.access.principal.subject, messageId });
        await outbox.enqueue(tx, {
          kind: 'referral-further-course',
          to: OTHER[sector].subgraph,
          messageId,
          childId: row.childId,
          payload: { referralId: row.id, sector, furtherCourse: part.furtherCourse, recordedAt: part.recordedAt },
        });
        await appendAccessLog(tx, tables, [ctx.access.changeEntry(row.childId, [REFERRAL_PART])]);
        return current;
      });
      loadersOf(ctx).furtherCourse.clear(row.id);
      return referralToBuaModel(updated, await loadersOf(ctx).furtherCourse.load(row.id));
    },
  };
}

export type ReferrerService<TContext extends ReferrerContext> = ReturnType<typeof referrerService<TContext>>;
