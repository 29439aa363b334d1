import type { QueryResolvers } from '../generated/resolvers-types.ts';
import * as openActions from '../open-actions/service.ts';

export const openActionQueries: Pick<QueryResolvers, 'screeningOwnedOpenActionKeys' | 'screeningOwnedOpenActions'> = {
  screeningOwnedOpenActionKeys: (_, __, ctx) => openActions.ownedOpenActionKeys(ctx),
  screeningOwnedOpenActions: (_, args, ctx) => openActions.ownedOpenActions(ctx, args.childIds),
};
