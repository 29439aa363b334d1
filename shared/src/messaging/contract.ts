import type { z } from 'zod';
import type { SubgraphName } from '../config.ts';
import { MESSAGE_CONTRACT } from './kinds.ts';

/**
 * What the rest of messaging derives from the contract in kinds.ts: the kind names, who may send what to whom, and
 * the payload and response types of each kind. Nothing here names a kind or a sector.
 */

export { MESSAGE_CONTRACT };
export type MessageContract = typeof MESSAGE_CONTRACT;
export type MessageKind = keyof MessageContract;

/** The payload of a kind, as the sender gives it and the receiver's handler gets it. */
export type MessagePayload<K extends MessageKind> = z.output<MessageContract[K]['payload']>;
/** What the receiver of a kind answers. */
export type MessageResponse<K extends MessageKind> = z.output<MessageContract[K]['response']>;
export type SendersOf<K extends MessageKind> = MessageContract[K]['from'][number];
export type ReceiversOf<K extends MessageKind> = MessageContract[K]['to'][number];

/** The kinds subgraph `S` may send. */
export type KindsFrom<S extends SubgraphName> = { [K in MessageKind]: S extends SendersOf<K> ? K : never }[MessageKind];
/** The kinds subgraph `R` receives: its message endpoint needs a handler for each. */
export type KindsTo<R extends SubgraphName> = { [K in MessageKind]: R extends ReceiversOf<K> ? K : never }[MessageKind];
/** Subgraphs that send at least one kind (they run a delivery worker and need a signing key). */
export type MessageSender = { [K in MessageKind]: SendersOf<K> }[MessageKind];
/** Subgraphs that receive at least one kind (they serve POST /messages and need their senders' public keys). */
export type MessageReceiver = { [K in MessageKind]: ReceiversOf<K> }[MessageKind];

export const MESSAGE_KINDS = Object.keys(MESSAGE_CONTRACT) as MessageKind[];

export function isMessageKind(value: unknown): value is MessageKind {
  return typeof value === 'string' && Object.hasOwn(MESSAGE_CONTRACT, value);
}

const definition = (kind: MessageKind) => MESSAGE_CONTRACT[kind] as { from: readonly SubgraphName[]; to: readonly SubgraphName[] };

/** Whether the contract lets `from` send `kind` to `to`. */
export function mayTransmit(kind: MessageKind, from: string, to: string): boolean {
  const { from: senders, to: receivers } = definition(kind);
  return senders.includes(from as SubgraphName) && receivers.includes(to as SubgraphName);
}

const unique = (names: readonly SubgraphName[]) => [...new Set(names)];

/** Every subgraph that sends something. */
export function messageSenders(): SubgraphName[] {
  return unique(MESSAGE_KINDS.flatMap((k) => definition(k).from));
}

/** Every subgraph that receives something. */
export function messageReceivers(): SubgraphName[] {
  return unique(MESSAGE_KINDS.flatMap((k) => definition(k).to));
}

/** The subgraphs that may send something to `receiver`: whose public keys it needs. */
export function sendersTo(receiver: SubgraphName): SubgraphName[] {
  // A kind between either of two sectors (e.g. the joint decision) never goes from a sector to itself.
  return unique(MESSAGE_KINDS.filter((k) => definition(k).to.includes(receiver)).flatMap((k) => definition(k).from)).filter((s) => s !== receiver);
}

/** The subgraphs `sender` may send something to: whose message endpoints it needs. */
export function receiversFrom(sender: SubgraphName): SubgraphName[] {
  return unique(MESSAGE_KINDS.filter((k) => definition(k).from.includes(sender)).flatMap((k) => definition(k).to)).filter((r) => r !== sender);
}

export const sendsMessages = (subgraph: SubgraphName): boolean => messageSenders().includes(subgraph);
export const receivesMessages = (subgraph: SubgraphName): boolean => messageReceivers().includes(subgraph);

/** A schema check's outcome: the value (stripped of fields the contract does not know), or what is wrong with it. */
export type ContractCheck<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function check<T>(schema: z.ZodType, value: unknown, at: string): ContractCheck<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data as T };
  // Paths and rules only: zod's messages name what was expected, never the value found.
  return { ok: false, problems: result.error.issues.slice(0, 10).map((i) => `${[at, ...i.path.map(String)].join('.')}: ${i.message}`) };
}

export function checkPayload<K extends MessageKind>(kind: K, payload: unknown): ContractCheck<MessagePayload<K>> {
  return check(MESSAGE_CONTRACT[kind].payload, payload, 'payload');
}

export function checkResponse<K extends MessageKind>(kind: K, response: unknown): ContractCheck<MessageResponse<K>> {
  return check(MESSAGE_CONTRACT[kind].response, response, 'response');
}
