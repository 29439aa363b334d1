import {
  appendAccessLog,
  assertMunicipalityCode,
  assertUuid,
  badUserInput,
  buildCareCommunicationBundle,
  newMedComId,
  conflict,
  decodeCursor,
  giveUpReason,
  inboxLetterReadTerms,
  isUuid,
  notFound,
  pageSize,
  toConnection,
  uuid7,
  type Principal,
} from '@pathway-graph/shared';
import { uuidV5 } from '@pathway-graph/shared/fhir/uuid';
import type { Context } from '../context.ts';
import {
  findLetterForUpdate,
  findLettersByIds,
  findRepliesByLetterIds,
  insertLetterEvent,
  insertReply,
  listInbox as listInboxRows,
  updateLetter,
  updateReplyDeadline,
  type LetterRecord,
} from '../db/letters.ts';
import { findMunicipalitiesByCodes, listMunicipalities, type MunicipalityDb } from '../db/repository.ts';
import { accessLog, consents, type MunicipalityRow, type LetterStatus } from '../db/schema.ts';
import { assertReplyDeadline } from '../rules/deadline.ts';
import { matchesDirectorySearch } from '../rules/directory.ts';
import { replyAuthorPhone, ROLE_TEXT, replyMessage } from '../rules/reply-message.ts';
import { validateReply, type ReplyInput } from '../rules/reply.ts';
import {
  assertMayHandleLetters,
  assertMaySetReplyDeadline,
  handlerRoleOf,
  validateAssignee,
  type AssigneeInput,
} from '../rules/triage.ts';
import { outbox, reenvelopeReply } from './messaging.ts';
import { replyDelivery } from './model.ts';

/**
 * The municipality's inbox of correspondence letters from general practice (agreement 6.2). Every operation runs in
 * the same order: guard (who may), validate (what is asked), the repository, then, for a change, the outbox message
 * and the access-log entry in the change's own transaction. Only src/db/ talks to the database.
 */

const sectorTables = { consents, accessLog };
/** The part of the access log letters are recorded under. */
export const LETTER_PART = 'correspondenceLetter';

function assertLetterId(id: string, field = 'id'): string {
  return assertUuid(id, field, `${field} is not a letter id; use the id of a letter from the inbox.`);
}

/** A letter is the child's personal data (free text), owned by the receiving municipality: every read passes the access policy and is logged. */
async function readLetter(ctx: Context, letter: LetterRecord): Promise<LetterRecord> {
  await ctx.access.read(
    { id: letter.childId, known: true, birthDate: letter.birthDate, ownerOrganisation: String(letter.municipalityCode) },
    LETTER_PART,
    'the correspondence letter',
    inboxLetterReadTerms(letter.municipalityCode),
  );
  return letter;
}

/** The letter after a change, read (and logged) as the caller sees it. */
async function reload(ctx: Context, id: string): Promise<LetterRecord> {
  const [letter] = await findLettersByIds(ctx.db, [id]);
  if (!letter) throw notFound(`No letter with id ${id}.`, { field: 'id' });
  return readLetter(ctx, letter);
}

/** Locks the letter for a change and checks the caller handles its municipality's letters. */
async function lockOwnLetter(tx: MunicipalityDb, principal: Principal, id: string, field = 'id'): Promise<LetterRecord> {
  const letter = await findLetterForUpdate(tx, assertLetterId(id, field));
  if (!letter) throw notFound(`No letter with id ${id}; it may have been sent to another inbox.`, { field });
  assertMayHandleLetters(principal, letter.municipalityCode, field);
  return letter;
}

function daysBefore(today: string, days: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export interface InboxArgs {
  municipalityCode: number;
  status?: LetterStatus | null;
  department?: 'CHILDREN_AND_YOUTH' | 'HEALTH_AND_ELDERLY' | null;
  receivedBefore?: string | null;
  olderThanDays?: number | null;
  assignee?: string | null;
  unassigned?: boolean | null;
  overdue?: boolean | null;
  first?: number | null;
  after?: string | null;
}

export async function listInbox(ctx: Context, args: InboxArgs) {
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
  const rows = await listInboxRows(
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
  // All at once, so the access guard loads the consents of the whole page in one statement.
  await Promise.all(rows.slice(0, size).map((row) => readLetter(ctx, row)));
  return toConnection(rows, size, (l) => l.id, (l) => l);
}

export async function getReceivedLetter(ctx: Context, id: string): Promise<LetterRecord> {
  const [letter] = await findLettersByIds(ctx.db, [assertLetterId(id)]);
  if (!letter) throw notFound(`No letter with id ${id}; it may have been sent to another inbox.`, { field: 'id' });
  assertMayHandleLetters(ctx.principal, letter.municipalityCode, 'id');
  return readLetter(ctx, letter);
}

/** The directory of inboxes general practice addresses letters by; reference data, open to any authenticated user. */
export async function searchDirectory(ctx: Context, search: string | null | undefined): Promise<MunicipalityRow[]> {
  const all = await listMunicipalities(ctx.db);
  return all.filter((m) => matchesDirectorySearch(m, search));
}

export async function assignLetter(ctx: Context, id: string, assignee: AssigneeInput): Promise<LetterRecord> {
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
}

/** The first time only: the letter is READ, and the GP gets a receipt. */
export async function markLetterRead(ctx: Context, id: string): Promise<LetterRecord> {
  await ctx.db.transaction(async (tx) => {
    const letter = await lockOwnLetter(tx, ctx.principal, id);
    if (letter.status !== 'RECEIVED') return;
    const now = new Date().toISOString();
    await updateLetter(tx, letter.id, { status: 'READ', readAt: now, readBy: ctx.principal.subject });
    await insertLetterEvent(tx, { id: uuid7(), letterId: letter.id, at: now, kind: 'READ', actorSubject: ctx.principal.subject, actorName: ctx.principal.displayName });
    await outbox.enqueue(tx, {
      kind: 'letter-receipt',
      to: 'general-practice',
      // Deterministic: the status of one letter is only ever announced once.
      messageId: uuidV5(`${letter.messageId}/status/READ`),
      childId: letter.childId,
      payload: { letterMessageId: letter.messageId, status: 'READ', at: now },
    });
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(letter.childId, [`${LETTER_PART}.status`])]);
  });
  return reload(ctx, id);
}

/** The municipality's one reply (agreement 6.2: the GP always gets one), stored and queued for the GP together. */
export async function replyToLetter(ctx: Context, id: string, input: ReplyInput & { phone?: string | null }): Promise<LetterRecord> {
  const phone = replyAuthorPhone(input.phone);
  await ctx.db.transaction(async (tx) => {
    const letter = await lockOwnLetter(tx, ctx.principal, id);
    if (letter.status === 'ANSWERED') {
      throw conflict('This letter has already been answered; a letter takes one reply. Write to the GP in a new letter to add to it.', { field: 'id' });
    }
    const reply = validateReply(input, { knownToMunicipality: letter.knownToMunicipality });
    const [municipality] = await findMunicipalitiesByCodes(tx, [letter.municipalityCode]);
    const now = new Date().toISOString();
    const messageId = newMedComId();
    const role = handlerRoleOf(ctx.principal);
    const message = replyMessage({
      letter,
      reply,
      author: { displayName: ctx.principal.displayName, role, phone },
      inboxName: municipality?.inboxName,
      messageId,
      ids: { bundleId: newMedComId(), segmentId: newMedComId() },
      now,
    });
    // The bytes are kept: what the outbox delivers is what was sent.
    const bundle = JSON.stringify(buildCareCommunicationBundle(message));
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
      bundle,
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
    await outbox.enqueue(tx, {
      kind: 'correspondence-reply',
      to: 'general-practice',
      messageId,
      childId: letter.childId,
      // The MedCom bundle, with the structured items MedCom has no element for beside it.
      payload: { bundle, initiatedItems: reply.initiated, contactCommitment: reply.contactCommitment, contactOptions: reply.contactOptions },
    });
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(letter.childId, [`${LETTER_PART}.reply`])]);
  });
  return reload(ctx, id);
}

/**
 * A FAILED reply holds back the municipality's later messages to the practice about the child (the outbox keeps
 * them in order), so the people who may reply may retry it (once the cause is dealt with; a reply that had reached
 * the practice goes in a new envelope) or give it up. Nothing changes unless it has FAILED: CONFLICT.
 */
async function recoverReply(ctx: Context, letterId: string, recovery: { retry: true } | { giveUp: string }): Promise<LetterRecord> {
  await ctx.db.transaction(async (tx) => {
    const letter = await lockOwnLetter(tx, ctx.principal, letterId, 'letterId');
    const [reply] = await findRepliesByLetterIds(tx, [letter.id]);
    const what = 'retry' in recovery ? 'retried' : 'given up';
    if (!reply) throw conflict(`This letter has no reply yet, so there is no delivery to be ${what}; reply with replyToLetter.`, { field: 'letterId' });
    const status = replyDelivery(reply).status;
    const refused = () => conflict(`Only a reply whose delivery failed can be ${what}; this reply is ${status}.`, { field: 'letterId', status });
    if (reply.outboxStatus !== 'FAILED') throw refused();
    const by = ctx.principal.subject;
    const done =
      'retry' in recovery ? await outbox.retry(tx, reply.messageId, reenvelopeReply) : await outbox.giveUp(tx, reply.messageId, `by ${by}: ${recovery.giveUp}`);
    if (!done) throw refused();
    await insertLetterEvent(tx, {
      id: uuid7(),
      letterId: letter.id,
      at: new Date().toISOString(),
      kind: 'retry' in recovery ? 'REPLY_RETRIED' : 'REPLY_GIVEN_UP',
      actorSubject: by,
      actorName: ctx.principal.displayName,
      detail: 'retry' in recovery ? null : recovery.giveUp,
    });
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(letter.childId, [`${LETTER_PART}.reply`])]);
  });
  return reload(ctx, letterId);
}

export const retryReplyDelivery = (ctx: Context, letterId: string) => recoverReply(ctx, letterId, { retry: true });

export function giveUpReplyDelivery(ctx: Context, letterId: string, reason: string): Promise<LetterRecord> {
  return recoverReply(ctx, letterId, { giveUp: giveUpReason(reason) });
}

export async function setReplyDeadline(ctx: Context, municipalityCode: number, workingDays: number): Promise<MunicipalityRow> {
  assertMunicipalityCode(municipalityCode, 'municipalityCode');
  assertMaySetReplyDeadline(ctx.principal, municipalityCode);
  assertReplyDeadline(workingDays);
  const row = await updateReplyDeadline(ctx.db, municipalityCode, workingDays);
  if (!row) throw notFound(`Municipality ${municipalityCode} is missing from the reference data; restart the subgraph to restore it.`);
  ctx.loaders.municipality.clear(municipalityCode).prime(municipalityCode, row);
  return row;
}
