import type { MunicipalOfferResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import * as offers from '../offers/service.ts';

export const municipalOffers: QueryResolvers['municipalOffers'] = (_, args, ctx) => offers.listOffers(ctx, args);

export const createMunicipalOffer: MutationResolvers['createMunicipalOffer'] = (_, { input }, ctx) => offers.createOffer(ctx, input);
export const updateMunicipalOffer: MutationResolvers['updateMunicipalOffer'] = (_, { id, changes }, ctx) => offers.updateOffer(ctx, id, changes);
export const retireMunicipalOffer: MutationResolvers['retireMunicipalOffer'] = (_, { id, retiredOn }, ctx) => offers.retireOffer(ctx, id, retiredOn);

export const MunicipalOffer: MunicipalOfferResolvers = {
  // The same look-up as the catalogue's; null for an id no catalogue has (the gateway then shows no offer).
  __resolveReference: ({ id }, ctx) => offers.findOffer(ctx, id),
  municipality: async (o, _, { loaders }) => (await loaders.municipality.load(o.municipalityCode))!,
  available: (o) => o.availability === 'EXISTING' && o.retiredOn === null,
};
