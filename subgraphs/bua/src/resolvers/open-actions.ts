import type { QueryResolvers } from '../generated/resolvers-types.ts';
import * as openActions from '../open-actions/service.ts';

export const openActionQueries: Pick<QueryResolvers, 'buaOwnedOpenActionKeys' | 'buaOwnedOpenActions'> = {
  buaOwnedOpenActionKeys: (_, args, ctx) => openActions.ownedOpenActionKeys(ctx, { referralStatus: args.referralStatus ?? null }),
  buaOwnedOpenActions: (_, args, ctx) => openActions.ownedOpenActions(ctx, args.childIds),
};
