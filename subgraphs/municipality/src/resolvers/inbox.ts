import {
  appendAccessLog,
  assertMunicipalityCode,
  assertUuid,
  isUuid,
  badUserInput,
  buildCareCommunicationBundle,
  conflict,
  decodeCursor,
  enqueueMessage,
  notFound,
  pageSize,
  toConnection,
  uuid7,
  type CareCommunicationMessage,
  type Principal,
} from '@pathway-graph/shared';
import { uuidV5 } from '@pathway-graph/shared/fhir/uuid';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Context } from '../context.ts';
import {
  findLetterForUpdate,
  findLettersByIds,
  insertLetterEvent,
  insertReply,
  listInbox,
  updateLetter,
  type LetterRecord,
} from '../db/letters.ts';
import { listMunicipalities, type MunicipalityDb } from '../db/repository.ts';
import { accessLog, consents, municipalities } from '../db/schema.ts';
import type {
  InboxLetterReplyResolvers,
  InboxLetterResolvers,
  MutationResolvers,
  QueryResolvers,
} from '../generated/resolvers-types.ts';
import { messagingTables } from '../incoming.ts';
import { categoryEnum } from '../models.ts';
import { assertReplyDeadline, isOverdue } from '../rules/deadline.ts';
import { replyLetterText, validateReply, type InitiatedAction } from '../rules/reply.ts';
import {
  assertMayHandleLetters,
  assertMaySetReplyDeadline,
  LETTER_HANDLER_ROLES,
  validateAssignee,
  type LetterHandlerRole,
} from '../rules/triage.ts';

const sectorTables = { consents, accessLog };
const LETTER_PART = 'correspondenceLetter';

function assertLetterId(id: string, field = 'id'): string {
  return assertUuid(id, field, `${field} is not a letter id; use the id of a letter from the inbox.`);
}

/**
 * A letter is the child's personal data (free text), owned by the receiving municipality: every read passes the
 * access policy and is logged. Health visitors are municipal staff under sector HEALTH_VISITING; the agreement sends
 * letters to them too (6.2, section 7), so they are named as addressees of their own municipality's letters.
 */
async function readLetter(ctx: Context, letter: LetterRecord): Promise<LetterRecord> {
  const owner = String(letter.municipalityCode);
  await ctx.access.read(
    { id: letter.childId, known: true, birthDate: letter.birthDate, ownerOrganisation: owner },
    LETTER_PART,
    'the correspondence letter',
    { dataClass: 'FREE_TEXT', addressedTo: [{ sector: 'HEALTH_VISITING', organisation: owner }] },
  );
  return letter;
}

async function reload(ctx: Context, id: string): Promise<LetterRecord> {
  const [letter] = await findLettersByIds(ctx.db, [id]);
  if (!letter) throw notFound(`No letter with id ${id}.`, { field: 'id' });
  return readLetter(ctx, letter);
}

/** Locks the letter for a change and checks the caller handles its municipality's letters. */
async function lockOwnLetter(tx: MunicipalityDb, principal: Principal, id: string): Promise<LetterRecord> {
  const letter = await findLetterForUpdate(tx, assertLetterId(id));
  if (!letter) throw notFound(`No letter with id ${id}; it may have been sent to another inbox.`, { field: 'id' });
  assertMayHandleLetters(principal, letter.municipalityCode, 'id');
  return letter;
}

function handlerRole(principal: Principal): LetterHandlerRole {
  return (LETTER_HANDLER_ROLES as readonly string[]).find((r) => principal.roles.includes(r as never)) as LetterHandlerRole;
}

function nameOf(displayName: string): { given: string[]; family?: string } {
  const words = displayName.trim().split(/\s+/);
  return words.length > 1 ? { given: words.slice(0, -1), family: words.at(-1)! } : { given: words };
}

const ROLE_TEXT: Record<LetterHandlerRole, string> = {
  PPR_PSYCHOLOGIST: 'PPR-psykolog',
  HEALTH_VISITOR: 'Sundhedsplejerske',
  SOCIAL_WORKER: 'Socialrådgiver',
  CASEWORKER: 'Sagsbehandler',
};

function daysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export const inboxQueries: Pick<QueryResolvers, 'inbox' | 'receivedLetter' | 'municipalityDirectory'> = {
  inbox: async (_, args, ctx) => {
    assertMunicipalityCode(args.municipalityCode, 'municipalityCode');
    assertMayHandleLetters(ctx.principal, args.municipalityCode);
    const size = pageSize(args.first);
    const after = decodeCursor(args.after);
    if (after !== undefined && !isUuid(after)) {
      throw badUserInput('after is not a cursor returned by this API; pass pageInfo.endCursor of the previous page.', { field: 'after' });
    }
    if (args.olderThanDays != null && (!Number.isInteger(args.olderThanDays) || args.olderThanDays < 0 || args.olderThanDays > 3650)) {
      throw badUserInput(`olderThanDays must be a whole number of days from 0 to 3650; got ${args.olderThanDays}.`, { field: 'olderThanDays' });
    }
    if (args.receivedBefore != null && Number.isNaN(Date.parse(args.receivedBefore))) {
      throw badUserInput('receivedBefore must be an ISO 8601 instant with time zone, e.g. 2026-03-01T00:00:00+01:00.', { field: 'receivedBefore' });
    }
    const today = ctx.access.today;
    const rows = await listInbox(
      ctx.db,
      {
        municipalityCode: args.municipalityCode,
        status: args.status ?? null,
        department: args.department ?? null,
        receivedBefore: args.receivedBefore ? new Date(args.receivedBefore).toISOString() : null,
        receivedOnOrBefore: args.olderThanDays != null ? daysBefore(today, args.olderThanDays) : null,
        assigneeSubject: args.assignee ?? null,
        unassigned: args.unassigned ?? null,
        overdue: args.overdue ?? null,
        today,
      },
      size + 1,
      after,
    );
    for (const row of rows.slice(0, size)) await readLetter(ctx, row);
    return toConnection(rows, size, (l) => l.id, (l) => l);
  },
  receivedLetter: async (_, { id }, ctx) => {
    const [letter] = await findLettersByIds(ctx.db, [assertLetterId(id)]);
    if (!letter) throw notFound(`No letter with id ${id}; it may have been sent to another inbox.`, { field: 'id' });
    assertMayHandleLetters(ctx.principal, letter.municipalityCode, 'id');
    return readLetter(ctx, letter);
  },
  municipalityDirectory: async (_, { search }, { db }) => {
    const all = await listMunicipalities(db);
    const q = (search ?? '').trim().toLowerCase();
    if (!q) return all;
    return all.filter(
      (m) =>
        m.name.toLowerCase().includes(q) ||
        m.inboxName.toLowerCase().includes(q) ||
        String(m.code) === q ||
        (/^\d+$/.test(q) && q.length >= 4 && m.inboxLocationNumber.startsWith(q)),
    );
  },
};

export const inboxMutations: Pick<MutationResolvers, 'assignLetter' | 'markLetterRead' | 'replyToLetter' | 'setReplyDeadline'> = {
  assignLetter: async (_, { id, assignee }, ctx) => {
    await ctx.db.transaction(async (tx) => {
      const letter = await lockOwnLetter(tx, ctx.principal, id);
      const a = validateAssignee(assignee, letter.municipalityCode);
      const now = new Date().toISOString();
      const previous = letter.assigneeName ? ` (was ${letter.assigneeName})` : '';
      await updateLetter(tx, letter.id, { assigneeSubject: a.subject, assigneeRole: a.role, assigneeName: a.displayName, assignedAt: now });
      await insertLetterEvent(tx, {
        id: uuid7(),
        letterId: letter.id,
        at: now,
        kind: 'ASSIGNED',
        actorSubject: ctx.principal.subject,
        actorName: ctx.principal.displayName,
        detail: `${a.displayName}, ${ROLE_TEXT[a.role]}${previous}`,
      });
      await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(letter.childId, [`${LETTER_PART}.assignee`])]);
    });
    return reload(ctx, id);
  },

  markLetterRead: async (_, { id }, ctx) => {
    await ctx.db.transaction(async (tx) => {
      const letter = await lockOwnLetter(tx, ctx.principal, id);
      if (letter.status !== 'RECEIVED') return;
      const now = new Date().toISOString();
      await updateLetter(tx, letter.id, { status: 'READ', readAt: now, readBy: ctx.principal.subject });
      await insertLetterEvent(tx, {
        id: uuid7(),
        letterId: letter.id,
        at: now,
        kind: 'READ',
        actorSubject: ctx.principal.subject,
        actorName: ctx.principal.displayName,
      });
      // Deterministic id: the status of one letter is only ever announced once.
      await enqueueMessage(tx, messagingTables, {
        messageId: uuidV5(`${letter.messageId}/status/READ`),
        childId: letter.childId,
        destination: 'general-practice',
        kind: 'status',
        payload: { letterMessageId: letter.messageId, status: 'READ', at: now },
      });
      await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(letter.childId, [`${LETTER_PART}.status`])]);
    });
    return reload(ctx, id);
  },

  replyToLetter: async (_, { id, input }, ctx) => {
    await ctx.db.transaction(async (tx) => {
      const letter = await lockOwnLetter(tx, ctx.principal, id);
      if (letter.status === 'ANSWERED') {
        throw conflict('This letter has already been answered; a letter takes one reply. Write to the GP in a new letter to add to it.', {
          field: 'id',
        });
      }
      const reply = validateReply(input, { knownToMunicipality: letter.knownToMunicipality });
      const [municipality] = await tx.select().from(municipalities).where(eq(municipalities.code, letter.municipalityCode));
      const now = new Date().toISOString();
      const messageId = randomUUID();
      const role = handlerRole(ctx.principal);
      const author = { name: nameOf(ctx.principal.displayName), roleText: ROLE_TEXT[role] };
      const message: CareCommunicationMessage = {
        bundleId: uuidV5(`${messageId}/Bundle`),
        messageId,
        sentAt: now,
        activity: 'reply-message',
        inReplyTo: { messageId: letter.messageId },
        conversationId: letter.conversationId,
        category: letter.category as CareCommunicationMessage['category'],
        ...(letter.topic ? { topic: letter.topic } : {}),
        patient: { cpr: letter.cpr },
        sender: { sorCode: letter.receiverSorCode, gln: letter.receiverGln, ...(municipality ? { name: municipality.inboxName } : {}) },
        receiver: { sorCode: letter.senderSorCode, gln: letter.senderGln, ...(letter.senderName ? { name: letter.senderName } : {}) },
        specificSender: { practitioner: author },
        ...(letter.gpPractitioner ? { specificRecipient: { practitioner: letter.gpPractitioner } } : {}),
        payloads: [{ id: `urn:uuid:${uuidV5(`${messageId}/payload/0`)}`, text: replyLetterText(reply), writtenAt: now, author }],
        quotedPayloads: letter.segments.map((s) => ({ ...s, from: 'receiver' as const })),
      };
      const bundle = buildCareCommunicationBundle(message);
      await insertReply(tx, {
        id: uuid7(),
        letterId: letter.id,
        messageId,
        initiated: reply.initiated,
        text: reply.text,
        contactCommitment: reply.contactCommitment,
        contactOptions: reply.contactOptions,
        repliedBySubject: ctx.principal.subject,
        repliedByName: ctx.principal.displayName,
        repliedByRole: role,
        repliedAt: now,
      });
      await updateLetter(tx, letter.id, { status: 'ANSWERED', ...(letter.readAt ? {} : { readAt: now, readBy: ctx.principal.subject }) });
      await insertLetterEvent(tx, {
        id: uuid7(),
        letterId: letter.id,
        at: now,
        kind: 'REPLIED',
        actorSubject: ctx.principal.subject,
        actorName: ctx.principal.displayName,
        detail: reply.initiated.join(', '),
      });
      await enqueueMessage(tx, messagingTables, {
        messageId,
        childId: letter.childId,
        destination: 'general-practice',
        kind: 'care-communication',
        // The MedCom bundle, wrapped with the structured items MedCom has no element for (general practice reads both).
        payload: { bundle, initiatedItems: reply.initiated, contactCommitment: reply.contactCommitment, contactOptions: reply.contactOptions },
      });
      await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(letter.childId, [`${LETTER_PART}.reply`])]);
    });
    return reload(ctx, id);
  },

  setReplyDeadline: async (_, { municipalityCode, workingDays }, ctx) => {
    assertMunicipalityCode(municipalityCode, 'municipalityCode');
    assertMaySetReplyDeadline(ctx.principal, municipalityCode);
    assertReplyDeadline(workingDays);
    const [row] = await ctx.db
      .update(municipalities)
      .set({ replyDeadlineWorkingDays: workingDays })
      .where(eq(municipalities.code, municipalityCode))
      .returning();
    if (!row) throw notFound(`Municipality ${municipalityCode} is missing from the reference data; restart the subgraph to restore it.`);
    ctx.loaders.municipality.clear(municipalityCode).prime(municipalityCode, row);
    return row;
  },
};

export const InboxLetter: InboxLetterResolvers = {
  child: (l) => ({ id: l.childId }),
  municipality: async (l, _, { loaders }) => (await loaders.municipality.load(l.municipalityCode))!,
  senderPractice: (l) => ({ ydernummer: l.senderYdernummer, name: l.senderName, locationNumber: l.senderGln }),
  category: (l) => categoryEnum(l.category),
  overdue: (l, _, ctx) => isOverdue(l, ctx.access.today),
  assignee: (l) =>
    l.assigneeSubject && l.assigneeRole && l.assigneeName
      ? { subject: l.assigneeSubject, role: l.assigneeRole as LetterHandlerRole, displayName: l.assigneeName }
      : null,
  history: (l, _, { loaders }) => loaders.letterEvents.load(l.id),
  reply: (l, _, { loaders }) => loaders.letterReply.load(l.id),
};

export const InboxLetterReply: InboxLetterReplyResolvers = {
  initiated: (r) => r.initiated as InitiatedAction[],
};
