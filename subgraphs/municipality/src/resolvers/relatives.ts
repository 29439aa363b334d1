import type { MutationResolvers, QueryResolvers, RelativeRegistrationResolvers } from '../generated/resolvers-types.ts';
import * as relatives from '../relatives/service.ts';

export const relativeRegistrations: QueryResolvers['relativeRegistrations'] = (_, args, ctx) => relatives.listRelativeRegistrations(ctx, args);
export const takeRelativeRegistration: MutationResolvers['takeRelativeRegistration'] = (_, { id }, ctx) => relatives.takeRelativeRegistration(ctx, id);

// Every RelativeRegistration reaching these resolvers has passed the access guard (the service's readRegistration).
export const RelativeRegistration: RelativeRegistrationResolvers = {
  child: (r) => ({ id: r.childId }),
};
