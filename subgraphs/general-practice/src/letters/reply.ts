import { uuid7, type CareCommunicationMessage, type ContactCommitment } from '@pathway-graph/shared';
import { applyLetterEvent, insertReplyOnce } from '../db/letters.ts';
import type { GeneralPracticeDb } from '../db/repository.ts';
import type { LetterRow } from '../db/schema.ts';

/** A municipality's reply as general practice stores it: the MedCom reply-message and the structured items beside it. */
export interface IncomingReply {
  /** The bundle's bytes as received, kept so it can be exported unchanged. */
  bundle: string;
  message: CareCommunicationMessage;
  initiatedItems: readonly string[];
  contactCommitment: ContactCommitment | null;
}

/**
 * Stores a reply to `letter` and marks the letter ANSWERED, in the caller's transaction; the caller has checked that
 * the reply may answer it (rules/reply.ts). Storing the same reply again changes nothing.
 */
export async function storeReply(tx: GeneralPracticeDb, letter: LetterRow, reply: IncomingReply): Promise<{ letter: LetterRow; stored: boolean }> {
  const stored = await insertReplyOnce(tx, {
    id: uuid7(),
    letterId: letter.id,
    messageId: reply.message.messageId,
    text: reply.message.payloads.map((p) => p.text).join('\n\n'),
    initiatedItems: [...reply.initiatedItems],
    contactCommitment: reply.contactCommitment,
    bundle: JSON.parse(reply.bundle) as unknown,
    bundleText: reply.bundle,
  });
  const updated = stored ? await applyLetterEvent(tx, letter.headerId ?? letter.messageId, 'ANSWERED') : letter;
  return { letter: updated ?? letter, stored };
}
