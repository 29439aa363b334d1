import { messageOutbox } from '@pathway-graph/shared';
import { outbox as outboxTable, receivedMessages } from '../db/schema.ts';

/** The municipality's messaging tables and outbox (shared definitions; the contract is in shared/src/messaging/kinds.ts). */
export const messagingTables = { outbox: outboxTable, receivedMessages };
export const outbox = messageOutbox('municipality', messagingTables);
