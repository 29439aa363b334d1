import { PURPOSE_HEADER, REQUEST_ID_HEADER, type RequestBase } from '@pathway-graph/shared';
import { GraphQLError } from 'graphql';
import type { OfferFacts } from '../plans/rules.ts';

/**
 * The municipalities' offer catalogues, as the screening subgraph sees them: owned by the municipality subgraph,
 * read through its API (never its database), with the caller's own token, purpose and request id, like any client.
 * An action plan stores only the offers' ids, and the gateway resolves `MunicipalOffer` from the municipality; this
 * look-up is what lets a plan be checked when it is made (the offer exists, is available, serves the track and the
 * child's age, belongs to the child's municipality). The catalogue is reference data about services, so nothing
 * about the child leaves screening in the look-up: only offer ids.
 */
export interface OfferCatalogue {
  /** The offers by id; an id no catalogue has maps to null. One request for all of them. */
  findOffers(ids: readonly string[], base: RequestBase): Promise<Map<string, OfferFacts | null>>;
}

interface EntityOffer {
  id: string;
  municipality: { code: number };
  tracks: string[];
  minAge: number;
  maxAge: number;
  available: boolean;
}

const QUERY = `query ActionPlanOffers($r: [_Any!]!) { _entities(representations: $r) {
  ... on MunicipalOffer { id municipality { code } tracks minAge maxAge available } } }`;

function unreachable(detail: string): GraphQLError {
  // INTERNAL_SERVER_ERROR with the service named, as the gateway words a subgraph that failed: nothing was stored.
  return new GraphQLError(
    `The municipality's offer catalogue could not be consulted (${detail}), so the action plan was not stored; try again in a moment.`,
    { extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'municipality' } },
  );
}

/** The catalogue behind the municipality subgraph's GraphQL endpoint; `url` is read at call time (ports are known late). */
export function municipalOfferCatalogue(url: () => string): OfferCatalogue {
  return {
    async findOffers(ids, base) {
      if (ids.length === 0) return new Map();
      let body: { data?: { _entities: (EntityOffer | null)[] } | null; errors?: { message: string }[] };
      try {
        const res = await fetch(url(), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: base.authorization,
            [REQUEST_ID_HEADER]: base.requestId,
            [PURPOSE_HEADER]: base.purpose,
          },
          body: JSON.stringify({ query: QUERY, variables: { r: ids.map((id) => ({ __typename: 'MunicipalOffer', id })) } }),
          signal: AbortSignal.timeout(10_000),
        });
        body = (await res.json()) as typeof body;
      } catch (error) {
        throw unreachable((error as Error).name === 'TimeoutError' ? 'it did not answer in time' : 'it is not reachable');
      }
      if (!body.data || body.errors?.length) throw unreachable('it answered with an error');
      return new Map(
        ids.map((id, i) => {
          const o = body.data!._entities[i] ?? null;
          return [id, o && { id: o.id, municipalityCode: o.municipality.code, tracks: o.tracks, minAge: o.minAge, maxAge: o.maxAge, available: o.available }];
        }),
      );
    },
  };
}
