import type { LetterRecord, ReplyRecord } from '../db/letters.ts';
import { categoryEnum } from '../models.ts';
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

export const replyInitiated = (reply: ReplyRecord): InitiatedAction[] => reply.initiated as InitiatedAction[];

/** Stored as the API's enum values (CONTACT_FAMILY, CONTACT_GP). */
export const replyContactCommitment = (reply: ReplyRecord) => reply.contactCommitment;

export type MessageDeliveryStatus = 'QUEUED' | 'DELIVERED' | 'FAILED' | 'GIVEN_UP';

/**
 * How the reply fares, read from its outbox row: on its way (also while general practice's MedCom Acknowledgement is
 * awaited, when it may be resent), DELIVERED once acknowledged positively, FAILED when refused, out of attempts or
 * never acknowledged, GIVEN_UP when a person gave it up after that, with the outbox's reason (and the person's), which
 * never holds message content.
 */
export function replyDelivery(reply: Pick<ReplyRecord, 'outboxStatus' | 'outboxError' | 'deliveredAt'>): {
  status: MessageDeliveryStatus;
  note: string | null;
  deliveredAt: string | null;
} {
  switch (reply.outboxStatus) {
    case 'DELIVERED':
      return { status: 'DELIVERED', note: null, deliveredAt: reply.deliveredAt };
    case 'FAILED':
    case 'GIVEN_UP':
      return { status: reply.outboxStatus, note: reply.outboxError, deliveredAt: null };
    default:
      return { status: 'QUEUED', note: null, deliveredAt: null };
  }
}
