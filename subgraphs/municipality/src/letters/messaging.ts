import { messageOutbox, type MessageHandlers } from '@pathway-graph/shared';
import type { MunicipalityDb } from '../db/repository.ts';
import { outbox as outboxTable, receivedMessages } from '../db/schema.ts';
import { receiveLetter, type IncomingDeps } from './incoming.ts';

/**
 * The municipality's side of the GP <-> municipality channel (agreement 6.2), through the message contract
 * (shared/src/messaging/kinds.ts): it receives `correspondence-letter` and sends `correspondence-reply` and
 * `letter-receipt`.
 */

export const messagingTables = { outbox: outboxTable, receivedMessages };
export const outbox = messageOutbox('municipality', messagingTables);

export function messageHandlers(deps: IncomingDeps): Pick<MessageHandlers<'municipality', MunicipalityDb>, 'correspondence-letter'> {
  return { 'correspondence-letter': receiveLetter(deps) };
}
