import { PURPOSE_HEADER, REQUEST_ID_HEADER, type RequestBase } from '@pathway-graph/shared';
import { GraphQLError } from 'graphql';
import type { KnownChildNames } from './runtime.ts';

/**
 * The production source of known children's names for the anonymity rule: the municipality subgraph, which keeps the
 * child's name from the MedCom letters it receives. BUA asks it, with the writer's own token, purpose and request id
 * (like any client), which words of the texts about to be stored name a child the writer's municipality knows; the
 * municipality answers with those words only, so no name the writer did not write reaches BUA, and nothing is kept.
 *
 * Only municipal staff are checked against it: BUA itself stores no child's name, so for BUA's advisers (advice
 * texts) the honest source is empty, and asking a municipality about them would tell them what they do not know.
 * When the municipality cannot answer, the text is not stored (the rule fails closed, never open).
 */

/** The municipality's limit per text (its knownChildNameMentions). */
const MAX_CHECKED_TEXT_LENGTH = 20_000;

const QUERY = 'query KnownChildNameMentions($texts: [String!]!) { knownChildNameMentions(texts: $texts) }';

function unreachable(detail: string): GraphQLError {
  return new GraphQLError(
    `The municipality could not be asked whether the text names a child it knows (${detail}), so nothing was stored; try again in a moment.`,
    { extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'municipality' } },
  );
}

export function municipalityKnownNames(url: () => string): KnownChildNames {
  return async (writer, texts, request: RequestBase) => {
    if (writer.sector !== 'MUNICIPALITY') return [];
    // Longer texts than the municipality checks are longer than any advisory text BUA accepts: its own rule refuses them.
    const checked = texts.filter((t) => t.trim() !== '' && t.length <= MAX_CHECKED_TEXT_LENGTH);
    if (checked.length === 0) return [];
    let body: { data?: { knownChildNameMentions: string[] } | null; errors?: { message: string }[] };
    try {
      const res = await fetch(url(), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: request.authorization,
          [REQUEST_ID_HEADER]: request.requestId,
          [PURPOSE_HEADER]: request.purpose,
        },
        body: JSON.stringify({ query: QUERY, variables: { texts: checked } }),
        signal: AbortSignal.timeout(10_000),
      });
      body = (await res.json()) as typeof body;
    } catch (error) {
      throw unreachable((error as Error).name === 'TimeoutError' ? 'it did not answer in time' : 'it is not reachable');
    }
    if (!body.data || body.errors?.length) throw unreachable('it answered with an error');
    return body.data.knownChildNameMentions;
  };
}
