import type { QueryResolvers } from '../generated/resolvers-types.ts';
import * as openActions from '../open-actions/service.ts';

export const openActionQueries: Pick<QueryResolvers, 'municipalityOwnedOpenActionKeys' | 'municipalityOwnedOpenActions'> = {
  municipalityOwnedOpenActionKeys: (_, args, ctx) => openActions.ownedOpenActionKeys(ctx, { department: args.department ?? null, assignee: args.assignee ?? null }),
  municipalityOwnedOpenActions: (_, args, ctx) => openActions.ownedOpenActions(ctx, args.childIds),
};
