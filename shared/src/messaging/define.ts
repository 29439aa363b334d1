import { z } from 'zod';
import type { SubgraphName } from '../config.ts';

/**
 * One kind of message between sectors, declared once (in kinds.ts) for sender and receiver alike: who may send it,
 * who may receive it, what its payload is and what the receiver answers.
 */
export interface MessageKindDefinition<
  From extends readonly SubgraphName[] = readonly SubgraphName[],
  To extends readonly SubgraphName[] = readonly SubgraphName[],
  Payload extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  /** The subgraphs that may send it. */
  from: From;
  /** The subgraphs that may receive it; the sender names one of them per message. */
  to: To;
  /** What the message means, for the people who operate and extend the system. */
  description: string;
  /**
   * The payload, validated by the sender before it is queued (in the sender's transaction: a payload that fails
   * stores nothing) and parsed by the receiver before its handler sees it. Schemas validate only (no transforms), so
   * what the sender stores is exactly what the receiver's handler gets.
   */
  payload: Payload;
  /** What the receiver answers in its acknowledgement (`response` of the 200); the sender's onDelivered gets it. */
  response: Response;
}

/** The answer of a kind whose receiver has nothing to tell the sender beyond "stored". */
export const emptyResponse = z.object({});

/**
 * Declares a message kind. `const` type parameters keep `from` and `to` as literal tuples, so the types derived from
 * the contract (which kinds a subgraph may send, which handlers it must have) are exact.
 */
export function defineMessageKind<
  const From extends readonly SubgraphName[],
  const To extends readonly SubgraphName[],
  Payload extends z.ZodType,
  Response extends z.ZodType = typeof emptyResponse,
>(definition: { from: From; to: To; description: string; payload: Payload; response?: Response }): MessageKindDefinition<From, To, Payload, Response> {
  return { ...definition, response: (definition.response ?? emptyResponse) as Response };
}
