import type { CorrespondenceLetterResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { toReplyModel } from '../letters/model.ts';
import * as letters from '../letters/service.ts';

export const sentLetters: QueryResolvers['sentLetters'] = (_, args, ctx) => letters.listSentLetters(ctx, args);
export const sentLetter: QueryResolvers['sentLetter'] = (_, { id }, ctx) => letters.getLetter(ctx, id);
export const letterBundle: QueryResolvers['letterBundle'] = (_, { id }, ctx) => letters.exportLetterBundle(ctx, id);

export const sendCorrespondenceLetter: MutationResolvers['sendCorrespondenceLetter'] = (_, { input }, ctx) => letters.sendLetter(ctx, input);
export const retryLetterDelivery: MutationResolvers['retryLetterDelivery'] = (_, { id }, ctx) => letters.retryLetter(ctx, id);
export const giveUpLetterDelivery: MutationResolvers['giveUpLetterDelivery'] = (_, { id, reason }, ctx) => letters.giveUpLetter(ctx, id, reason);
export const importCareCommunication: MutationResolvers['importCareCommunication'] = (_, { bundle }, ctx) =>
  letters.importCareCommunication(ctx, bundle);

// Every CorrespondenceLetter reaching these resolvers has passed the access guard (readLetter or the send itself).
export const CorrespondenceLetter: CorrespondenceLetterResolvers = {
  reply: async (letter, _, { loaders }) => {
    const row = await loaders.letterReply.load(letter.id);
    return row ? toReplyModel(row) : null;
  },
  exportBundle: async (letter, _, ctx) => {
    const row = await ctx.loaders.letter.load(letter.id);
    return row ? letters.letterBundle(ctx, row) : null;
  },
};
