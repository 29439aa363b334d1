import type { CorrespondenceLetterResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { toReplyModel } from '../letters/model.ts';
import {
  exportLetterBundle,
  getLetter,
  importCareCommunication,
  letterBundle,
  listSentLetters,
  retryLetter,
  sendLetter,
} from '../letters/service.ts';

export const letterQueries: Pick<QueryResolvers, 'sentLetters' | 'sentLetter' | 'letterBundle'> = {
  sentLetters: (_, args, ctx) => listSentLetters(ctx, args),
  sentLetter: (_, { id }, ctx) => getLetter(ctx, id),
  letterBundle: (_, { id }, ctx) => exportLetterBundle(ctx, id),
};

export const letterMutations: Pick<MutationResolvers, 'sendCorrespondenceLetter' | 'retryLetterDelivery' | 'importCareCommunication'> = {
  sendCorrespondenceLetter: (_, { input }, ctx) => sendLetter(ctx, input),
  retryLetterDelivery: (_, { id }, ctx) => retryLetter(ctx, id),
  importCareCommunication: (_, { bundle }, ctx) => importCareCommunication(ctx, bundle),
};

// Every CorrespondenceLetter reaching these resolvers has passed the access guard (readLetter or the send itself).
export const CorrespondenceLetter: CorrespondenceLetterResolvers = {
  reply: async (letter, _, { loaders }) => {
    const row = await loaders.letterReply.load(letter.id);
    return row ? toReplyModel(row) : null;
  },
  exportBundle: async (letter, _, ctx) => {
    const row = await ctx.loaders.letter.load(letter.id);
    return row ? JSON.stringify(await letterBundle(ctx, row)) : null;
  },
};

