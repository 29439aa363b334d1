import type { QueryResolvers } from '../generated/resolvers-types.ts';
import * as openActions from '../open-actions/service.ts';

export const openActionQueries: Pick<QueryResolvers, 'generalPracticeOwnedOpenActionKeys' | 'generalPracticeOwnedOpenActions'> = {
  generalPracticeOwnedOpenActionKeys: (_, __, ctx) => openActions.ownedOpenActionKeys(ctx),
  generalPracticeOwnedOpenActions: (_, args, ctx) => openActions.ownedOpenActions(ctx, args.childIds),
};
