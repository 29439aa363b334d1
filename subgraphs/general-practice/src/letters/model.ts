import { CARE_COMMUNICATION_CATEGORIES, parseCpr, type GuardedChild } from '@pathway-graph/shared';
import type { CareCommunicationCategory, ContactCommitment, CorrespondenceLetter, InitiatedAction, LetterReply } from '../generated/resolvers-types.ts';
import type { LetterRow, LetterStatusRow, ReplyRow } from '../db/schema.ts';
import { isOverdue } from '../rules/deadline.ts';
import type { ChildModel, MunicipalityModel } from '../models.ts';

/**
 * Stored values as the shared GraphQL enums (the municipality maps its own the same way): a category is stored as
 * MedCom's lower-case kebab code and shown upper snake; the reply's items and commitment are stored as the
 * municipality sent them. A stored category outside MedCom's list is a bug and fails loudly; an item or commitment
 * this contract does not know is left out (the reply's text, which states every item, is kept whole).
 */
export function categoryEnum(code: string): CareCommunicationCategory {
  if (!(CARE_COMMUNICATION_CATEGORIES as readonly string[]).includes(code)) {
    throw new Error('A stored letter has a category outside the MedCom CareCommunication categories.');
  }
  return code.toUpperCase().replace(/-/g, '_') as CareCommunicationCategory;
}

const INITIATED_ACTIONS: readonly InitiatedAction[] = [
  'PPR_ASSESSMENT',
  'HEALTH_VISITOR_CONTACT',
  'FAMILY_GUIDANCE',
  'SCHOOL_SUPPORT',
  'SOCIAL_CASE_OPENED',
  'NETWORK_MEETING',
  'NO_ACTION_NEEDED',
  'OTHER',
];
const CONTACT_COMMITMENTS: readonly ContactCommitment[] = ['CONTACT_FAMILY', 'CONTACT_GP'];

export function initiatedActionsOf(stored: readonly string[]): InitiatedAction[] {
  return stored.filter((item): item is InitiatedAction => (INITIATED_ACTIONS as readonly string[]).includes(item));
}

export function contactCommitmentOf(stored: string | null): ContactCommitment | null {
  return (CONTACT_COMMITMENTS as readonly (string | null)[]).includes(stored) ? (stored as ContactCommitment) : null;
}

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
    initiatedItems: initiatedActionsOf(row.initiatedItems),
    contactCommitment: contactCommitmentOf(row.contactCommitment),
    receivedAt: new Date(row.receivedAt).toISOString(),
    exportBundle: row.bundleText ?? JSON.stringify(row.bundle),
  };
}
