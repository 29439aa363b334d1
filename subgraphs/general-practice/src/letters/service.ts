import {
  appendAccessLog,
  assertGeneralPractitioner,
  assertInTargetGroup,
  assertUuid,
  badUserInput,
  buildCareCommunicationBundle,
  newMedComId,
  childPseudonym,
  conflict,
  decodeCursor,
  forbidden,
  giveUpReason,
  notFound,
  pageSize,
  parseCareCommunicationBundle,
  parseCpr,
  toConnection,
  uuid7,
} from '@pathway-graph/shared';
import { uuidV5 } from '@pathway-graph/shared/fhir/uuid';
import type { Context } from '../context.ts';
import { applyLetterEvent, findChildNameByCpr, findLetterById, findLetterByMessageId, insertLetterOnce, insertStatusChange, listLetters } from '../db/letters.ts';
import { accessLog, consents, type LetterRow } from '../db/schema.ts';
import type { ImportedCareCommunication, SendLetterInput } from '../generated/resolvers-types.ts';
import { replyDueDate, replyWorkingDays } from '../rules/deadline.ts';
import { validateLetter } from '../rules/letter.ts';
import { letterMessage } from '../rules/message.ts';
import { replyProblem } from '../rules/reply.ts';
import type { LetterStatus } from '../rules/status.ts';
import { outbox, reenvelopeLetter } from './messaging.ts';
import { categoryEnum, letterGuard, toLetterModel, type LetterModel } from './model.ts';
import { storeReply } from './reply.ts';

const sectorTables = { consents, accessLog };

/** The part of the access log letters are recorded under. */
export const LETTER_PART = 'correspondenceLetters';
const LETTER_WHAT = 'the correspondence letters of the practice that sent them';

/** Letters are general practice's own correspondence: only GPs send them, and only the sending practice reads them. */
const assertGp = (ctx: Context, what: string) => assertGeneralPractitioner(ctx.access.principal, what);

async function practiceOf(ctx: Context) {
  const practice = await ctx.loaders.practice.load(ctx.access.principal.organisation);
  if (!practice) {
    throw forbidden('Your practice is not registered with general practice here, so it cannot send letters; ask the region to register it.');
  }
  return practice;
}

/** Guards and logs the read of a letter, then returns it as the GraphQL type. */
async function readLetter(ctx: Context, row: LetterRow): Promise<LetterModel> {
  await ctx.access.read(letterGuard(row), LETTER_PART, LETTER_WHAT);
  ctx.loaders.letter.prime(row.id, row);
  return toLetterModel(row, await ctx.loaders.letterHistory.load(row.id), ctx.access.today);
}

/**
 * The MedCom bundle of a letter: exactly the bytes the outbox delivered last (a resend's new envelope included). A
 * letter stored before the bytes were kept is built again as it was then built (its ids derived from the letter).
 */
export async function letterBundle(ctx: Context, row: LetterRow): Promise<string> {
  if (row.bundle !== null) return row.bundle;
  const practice = await ctx.loaders.practice.load(row.practice);
  if (!practice) throw new Error(`letter ${row.id} names practice ${row.practice}, which is not registered`);
  const legacy = (slot: string) => uuidV5(`${row.id}/${slot}`);
  const ids = { headerId: row.messageId, bundleId: legacy('bundle'), conversationId: row.id, segmentId: legacy('segment') };
  const name = await findChildNameByCpr(ctx.db, row.cpr);
  return JSON.stringify(buildCareCommunicationBundle(letterMessage(row, practice, ids, name ?? { givenNames: null, familyName: '' })));
}

export async function sendLetter(ctx: Context, input: SendLetterInput): Promise<LetterModel> {
  assertGp(ctx, 'send correspondence letters');
  const letter = validateLetter(
    {
      ...input,
      category: input.category,
      consent: input.consent ?? null,
    },
    { today: ctx.access.today },
  );
  const practice = await practiceOf(ctx);
  const { principal } = ctx.access;
  // MedCom's Patient carries the official name, and the practice's own record is where the GP knows it from.
  const childName = await findChildNameByCpr(ctx.db, letter.cpr);
  if (!childName) {
    throw badUserInput(
      "The practice's record has no name for this child, and a MedCom letter must carry the child's official name. " +
        "Register the child (with the name) in the practice's record, then send the letter again.",
      { field: 'cpr' },
    );
  }
  const ids = { headerId: newMedComId(), bundleId: newMedComId(), conversationId: newMedComId(), segmentId: newMedComId() };
  const childId = childPseudonym(letter.cpr, ctx.pseudonymSecret);
  const row = {
    id: uuid7(),
    messageId: letter.messageId,
    headerId: ids.headerId,
    practice: practice.ydernummer,
    childId,
    cpr: letter.cpr,
    recipientMunicipalityCode: letter.recipient.code,
    recipientInboxGln: letter.recipient.inboxLocationNumber,
    recipientInboxName: letter.recipient.inboxName,
    category: letter.category,
    topic: letter.topic,
    subject: letter.subject,
    text: letter.text,
    step: letter.step,
    consentGivenBy: letter.consent.givenBy,
    consentGivenOn: letter.consent.givenOn,
    signatureName: letter.signature.name,
    signatureTitle: letter.signature.title,
    signaturePhone: letter.signature.phone,
    status: 'QUEUED' as const,
    sentAt: ctx.access.now.toISOString(),
    replyDueOn: replyDueDate(ctx.access.today, replyWorkingDays(letter.recipient.code)),
    createdBy: principal.subject,
  };
  // Built before the transaction: a letter the standard cannot carry is refused before anything is stored. The
  // bytes are kept: what the outbox delivers is what the letter's export returns.
  const bundle = JSON.stringify(buildCareCommunicationBundle(letterMessage(row, practice, ids, childName)));
  const { letter: stored, created } = await ctx.db.transaction(async (tx) => {
    const result = await insertLetterOnce(tx, { ...row, bundle });
    if (result.created) {
      await insertStatusChange(tx, row.id, 'QUEUED');
      await outbox.enqueue(tx, {
        kind: 'correspondence-letter',
        to: 'municipality',
        messageId: ids.headerId,
        childId,
        // MedCom has no element for the practice's ydernummer, the pathway step or a subject line beside the topic,
        // so they travel beside the bundle.
        payload: { bundle, ydernummer: practice.ydernummer, step: letter.step, subject: letter.subject },
      });
      await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(childId, [LETTER_PART])]);
    }
    return result;
  });
  if (!created && stored.practice !== practice.ydernummer) {
    // Never say whose letter it is: the messageId is simply taken.
    throw conflict('This messageId is already used by another letter; generate a new id for a new letter.', { field: 'messageId' });
  }
  if (created) {
    ctx.loaders.letter.prime(stored.id, stored);
    return toLetterModel(stored, await ctx.loaders.letterHistory.load(stored.id), ctx.access.today);
  }
  return readLetter(ctx, stored);
}

export async function getLetter(ctx: Context, id: string): Promise<LetterModel> {
  assertGp(ctx, 'read correspondence letters');
  return readLetter(ctx, await loadLetter(ctx, id));
}

async function loadLetter(ctx: Context, id: string): Promise<LetterRow> {
  assertUuid(id, 'id', 'id must be a letter id (a UUID) as returned by sendCorrespondenceLetter or sentLetters.');
  const row = await ctx.loaders.letter.load(id);
  if (!row) throw notFound('No letter has this id.', { field: 'id' });
  return row;
}

export async function listSentLetters(
  ctx: Context,
  args: { first?: number | null; after?: string | null; status?: LetterStatus | null },
) {
  assertGp(ctx, 'read correspondence letters');
  const size = pageSize(args.first);
  const rows = await listLetters(ctx.db, ctx.access.principal.organisation, args.status ?? undefined, size + 1, decodeCursor(args.after));
  const page = rows.slice(0, size);
  for (const row of page) ctx.loaders.letter.prime(row.id, row);
  const models = await Promise.all(page.map((row) => readLetter(ctx, row)));
  const byId = new Map(models.map((m) => [m.id, m]));
  return toConnection(rows, size, (r) => r.id, (r) => byId.get(r.id)!);
}

export async function exportLetterBundle(ctx: Context, id: string): Promise<string> {
  assertGp(ctx, 'read correspondence letters');
  const row = await loadLetter(ctx, id);
  await ctx.access.read(letterGuard(row), LETTER_PART, LETTER_WHAT);
  return letterBundle(ctx, row);
}

export async function retryLetter(ctx: Context, id: string): Promise<LetterModel> {
  assertGp(ctx, 'retry the delivery of correspondence letters');
  const row = await loadLetter(ctx, id);
  await ctx.access.read(letterGuard(row), LETTER_PART, LETTER_WHAT);
  const updated = await ctx.db.transaction(async (tx) => {
    if (row.status !== 'FAILED') return undefined;
    const headerId = row.headerId ?? row.messageId;
    const letter = await applyLetterEvent(tx, headerId, 'RETRY', `retried by ${ctx.access.principal.subject}`);
    if (letter?.status !== 'QUEUED') return undefined;
    // A letter that had reached the municipality goes again in a new envelope (MedCom: a new Bundle.id and time).
    await outbox.retry(tx, headerId, reenvelopeLetter);
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(row.childId, [LETTER_PART])]);
    return letter;
  });
  if (!updated) {
    throw conflict(`Only a letter whose delivery failed can be retried; this letter is ${row.status}.`, { field: 'id', status: row.status });
  }
  ctx.loaders.letter.clear(id).prime(id, updated);
  ctx.loaders.letterHistory.clear(id);
  return toLetterModel(updated, await ctx.loaders.letterHistory.load(id), ctx.access.today);
}

/**
 * Gives up a FAILED letter for good: its status GIVEN_UP with the reason in the history, its outbox message GIVEN_UP
 * so the later letters about the child it held back go on; one transaction, nothing changed when it had not failed.
 */
export async function giveUpLetter(ctx: Context, id: string, reason: string): Promise<LetterModel> {
  assertGp(ctx, 'give up the delivery of correspondence letters');
  const why = giveUpReason(reason);
  const row = await loadLetter(ctx, id);
  await ctx.access.read(letterGuard(row), LETTER_PART, LETTER_WHAT);
  const notFailed = () => conflict(`Only a letter whose delivery failed can be given up; this letter is ${row.status}.`, { field: 'id', status: row.status });
  if (row.status !== 'FAILED') throw notFailed();
  const updated = await ctx.db.transaction(async (tx) => {
    const headerId = row.headerId ?? row.messageId;
    const letter = await applyLetterEvent(tx, headerId, 'GIVE_UP', `given up by ${ctx.access.principal.subject}: ${why}`);
    // Both or neither (the throw rolls back): a letter shown as given up whose message still held back its
    // successors would be a lie.
    if (letter?.status !== 'GIVEN_UP' || !(await outbox.giveUp(tx, headerId, `by ${ctx.access.principal.subject}: ${why}`))) throw notFailed();
    await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(row.childId, [LETTER_PART])]);
    return letter;
  });
  ctx.loaders.letter.clear(id).prime(id, updated);
  ctx.loaders.letterHistory.clear(id);
  return toLetterModel(updated, await ctx.loaders.letterHistory.load(id), ctx.access.today);
}

type ImportResult = Omit<ImportedCareCommunication, 'child' | 'answeredLetter'> & {
  child: { id: string };
  answeredLetter: LetterModel | null;
};

/**
 * Reads a MedCom CareCommunication bundle: refused (BAD_USER_INPUT naming the element) unless it follows the
 * standard or one of the deviations the parser accepts, and unless its patient is in the target group today. A
 * reply to one of this practice's letters is stored as that letter's reply.
 */
export async function importCareCommunication(ctx: Context, text: string): Promise<ImportResult> {
  assertGp(ctx, 'import CareCommunication messages');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badUserInput('bundle is not JSON: pass the CareCommunication Bundle as JSON text.', { field: 'bundle' });
  }
  const { message, deviations } = parseCareCommunicationBundle(json);
  // A patient known only by a replacement CPR number cannot be matched to a child here; parseCpr refuses it.
  const cpr = parseCpr(message.patient.cpr ?? '', 'Patient.identifier');
  assertInTargetGroup(cpr.birthDate, ctx.access.today, 'Patient.identifier');
  const childId = childPseudonym(cpr.normalized, ctx.pseudonymSecret);

  let answeredLetter: LetterModel | null = null;
  if (message.activity === 'reply-message' && 'messageId' in message.inReplyTo) {
    const answers = message.inReplyTo.messageId;
    const result = await ctx.db.transaction(async (tx) => {
      const letter = await findLetterByMessageId(tx, answers);
      if (!letter) return undefined;
      await ctx.access.read(letterGuard(letter), LETTER_PART, LETTER_WHAT);
      // A file is no proof of who wrote it: only a reply from the inbox the letter went to may answer it.
      const problem = replyProblem(letter, message);
      if (problem) throw badUserInput(problem.message, { field: problem.field, reason: problem.code });
      // A bundle carries no structured items; those come only with the municipality's own message.
      const stored = await storeReply(tx, letter, { bundle: text, message, initiatedItems: [], contactCommitment: null });
      if (stored.stored) await appendAccessLog(tx, sectorTables, [ctx.access.changeEntry(letter.childId, [LETTER_PART])]);
      return stored;
    });
    if (result) {
      ctx.loaders.letter.clear(result.letter.id);
      ctx.loaders.letterHistory.clear(result.letter.id);
      ctx.loaders.letterReply.clear(result.letter.id);
      answeredLetter = toLetterModel(result.letter, await ctx.loaders.letterHistory.load(result.letter.id), ctx.access.today);
    }
  }
  return {
    messageId: message.messageId,
    activity: message.activity,
    category: categoryEnum(message.category),
    topic: message.topic ?? null,
    child: { id: childId },
    senderName: message.sender.name ?? null,
    senderLocationNumber: message.sender.gln,
    receiverLocationNumber: message.receiver.gln,
    texts: message.payloads.map((p) => p.text),
    deviations: deviations.map((d) => ({ code: d.code, element: d.element, description: d.description })),
    answeredLetter,
  };
}

export { findLetterById };
