import type { LetterRecord } from '../db/letters.ts';
import { categoryEnum } from '../models.ts';
import type { LetterReplyRow } from '../db/schema.ts';
import type { InitiatedAction } from '../rules/reply.ts';
import type { LetterHandlerRole } from '../rules/triage.ts';

/**
 * From what the inbox stores to what the API shows, one small function per value whose wording differs (or will):
 * the MedCom codes are stored as MedCom writes them.
 */

/** The letter's MedCom category: stored lower-case kebab as MedCom writes it, shown as the shared GraphQL enum. */
export const letterCategory = (letter: Pick<LetterRecord, 'category'>) => categoryEnum(letter.category);

export function letterAssignee(letter: LetterRecord): { subject: string; role: LetterHandlerRole; displayName: string } | null {
  return letter.assigneeSubject && letter.assigneeRole && letter.assigneeName
    ? { subject: letter.assigneeSubject, role: letter.assigneeRole as LetterHandlerRole, displayName: letter.assigneeName }
    : null;
}

export const replyInitiated = (reply: LetterReplyRow): InitiatedAction[] => reply.initiated as InitiatedAction[];

/** Stored as the API's enum values (CONTACT_FAMILY, CONTACT_GP). */
export const replyContactCommitment = (reply: LetterReplyRow) => reply.contactCommitment;
