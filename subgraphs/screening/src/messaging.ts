import { messageOutbox, type DeliveryHooks, type MessageHandlers, type MessagingDb } from '@pathway-graph/shared';
import { setNotificationOutcome, type ScreeningDb } from './db/repository.ts';
import { outbox as outboxTable, receivedMessages } from './db/schema.ts';

/**
 * Screening's side of the message contract (shared/src/messaging/kinds.ts): it sends `relative-registration` (track 3,
 * to the child's municipality) and receives nothing.
 */
export const messagingTables = { outbox: outboxTable, receivedMessages };
export const outbox = messageOutbox('screening', messagingTables);

/** Screening receives no kind, so its receiver has no handler. */
export const messageHandlers: MessageHandlers<'screening', ScreeningDb> = {};

const asDb = (tx: MessagingDb) => tx as unknown as ScreeningDb;

/** What delivery means for a track-3 registration: DELIVERED with the day the municipality received it, or FAILED with why. */
export const registrationDelivery: DeliveryHooks<'screening'> = {
  onDelivered: {
    'relative-registration': async (tx, row, response) => {
      await setNotificationOutcome(asDb(tx), row.messageId, { status: 'DELIVERED', receivedOn: response?.receivedOn ?? null });
    },
  },
  onFailed: async (tx, row, failure) => {
    if (row.kind !== 'relative-registration') return;
    const error = failure.permanent ? `refused by the municipality: ${failure.error}` : `delivery failed after ${row.attempts} attempts (${failure.error})`;
    await setNotificationOutcome(asDb(tx), row.messageId, { status: 'FAILED', error });
  },
};
