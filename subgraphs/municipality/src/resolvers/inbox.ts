import type { InboxLetterReplyResolvers, InboxLetterResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { letterAssignee, letterCategory, replyContactCommitment, replyDelivery, replyInitiated } from '../letters/model.ts';
import { knownChildNameMentions as mentions } from '../letters/known-names.ts';
import * as letters from '../letters/service.ts';
import { isOverdue } from '../rules/deadline.ts';

export const inbox: QueryResolvers['inbox'] = (_, args, ctx) => letters.listInbox(ctx, args);
export const receivedLetter: QueryResolvers['receivedLetter'] = (_, { id }, ctx) => letters.getReceivedLetter(ctx, id);
export const knownChildNameMentions: QueryResolvers['knownChildNameMentions'] = (_, { texts }, ctx) => mentions(ctx, texts);
export const municipalityDirectory: QueryResolvers['municipalityDirectory'] = (_, { search }, ctx) => letters.searchDirectory(ctx, search);

export const assignLetter: MutationResolvers['assignLetter'] = (_, { id, assignee }, ctx) => letters.assignLetter(ctx, id, assignee);
export const markLetterRead: MutationResolvers['markLetterRead'] = (_, { id }, ctx) => letters.markLetterRead(ctx, id);
export const replyToLetter: MutationResolvers['replyToLetter'] = (_, { id, input }, ctx) => letters.replyToLetter(ctx, id, input);
export const retryReplyDelivery: MutationResolvers['retryReplyDelivery'] = (_, { letterId }, ctx) => letters.retryReplyDelivery(ctx, letterId);
export const giveUpReplyDelivery: MutationResolvers['giveUpReplyDelivery'] = (_, { letterId, reason }, ctx) =>
  letters.giveUpReplyDelivery(ctx, letterId, reason);
export const setReplyDeadline: MutationResolvers['setReplyDeadline'] = (_, { municipalityCode, workingDays }, ctx) =>
  letters.setReplyDeadline(ctx, municipalityCode, workingDays);

// Every InboxLetter reaching these resolvers has passed the access guard (the service's readLetter).
export const InboxLetter: InboxLetterResolvers = {
  child: (l) => ({ id: l.childId }),
  municipality: async (l, _, { loaders }) => (await loaders.municipality.load(l.municipalityCode))!,
  senderPractice: (l) => ({ ydernummer: l.senderYdernummer, name: l.senderName, locationNumber: l.senderGln }),
  category: (l) => letterCategory(l),
  overdue: (l, _, ctx) => isOverdue(l, ctx.access.today),
  assignee: (l) => letterAssignee(l),
  history: (l, _, { loaders }) => loaders.letterEvents.load(l.id),
  reply: (l, _, { loaders }) => loaders.letterReply.load(l.id),
};

export const InboxLetterReply: InboxLetterReplyResolvers = {
  initiated: (r) => replyInitiated(r),
  contactCommitment: (r) => replyContactCommitment(r),
  delivery: (r) => replyDelivery(r),
};
