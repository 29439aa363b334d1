import { parseCpr, type GuardedChild } from '@pathway-graph/shared';
import type { CorrespondenceLetter, LetterReply } from '../generated/resolvers-types.ts';
import type { LetterRow, LetterStatusRow, ReplyRow } from '../db/schema.ts';
import { isOverdue } from '../rules/deadline.ts';
import type { ChildModel, MunicipalityModel } from '../models.ts';

/** Category codes are MedCom's lower-case kebab; the GraphQL enum is upper snake. */
export const categoryEnum = (code: string) => code.toUpperCase().replace(/-/g, '_') as CorrespondenceLetter['category'];

/** A letter as the GraphQL type, without the lazily resolved `reply` and `exportBundle`. */
export type LetterModel = Omit<CorrespondenceLetter, 'child' | 'recipient'> & {
  child: ChildModel;
  recipient: Omit<CorrespondenceLetter['recipient'], 'municipality'> & { municipality: MunicipalityModel };
};

/** The access guard's view of a letter: the sending practice's record of the child. */
export function letterGuard(row: LetterRow): GuardedChild {
  return { id: row.childId, known: true, birthDate: parseCpr(row.cpr).birthDate, ownerOrganisation: row.practice };
}

export function toLetterModel(row: LetterRow, history: LetterStatusRow[], today: string): LetterModel {
  return {
    id: row.id,
    messageId: row.messageId,
    child: { id: row.childId },
    recipient: {
      municipality: { code: row.recipientMunicipalityCode },
      code: row.recipientMunicipalityCode,
      inboxName: row.recipientInboxName,
      locationNumber: row.recipientInboxGln,
    },
    subject: row.subject,
    topic: row.topic,
    category: categoryEnum(row.category),
    text: row.text,
    step: row.step,
    consentGivenBy: row.consentGivenBy,
    consentGivenOn: row.consentGivenOn,
    signedBy: row.signatureName,
    status: row.status,
    statusHistory: history.map((h) => ({ status: h.status, at: new Date(h.at).toISOString(), note: h.note })),
    sentAt: row.sentAt,
    replyDueOn: row.replyDueOn,
    overdue: isOverdue(row.status, row.replyDueOn, today),
  };
}

export function toReplyModel(row: ReplyRow): LetterReply {
  return {
    messageId: row.messageId,
    text: row.text,
    initiatedItems: row.initiatedItems,
    contactCommitment: row.contactCommitment,
    receivedAt: new Date(row.receivedAt).toISOString(),
    exportBundle: JSON.stringify(row.bundle),
  };
}
