import { inNewEnvelope, parseAcknowledgementBundle, type DeliveryHooks, type MessageHandlers, type MessagingDb, type OutboxRow, type ResentHandlers } from '@pathway-graph/shared';
import { setLetterBundle, setReplyBundle } from '../db/letters.ts';
import type { MunicipalityDb } from '../db/repository.ts';
import { receiveLetter, type IncomingDeps } from './incoming.ts';
import { messagingTables, outbox } from './outbox.ts';

/**
 * The municipality's side of the GP <-> municipality channel (agreement 6.2), through the message contract
 * (shared/src/messaging/kinds.ts): it receives `correspondence-letter` and `reply-acknowledgement`, and sends
 * `letter-acknowledgement`, `correspondence-reply` and `letter-receipt`. A reply awaits general practice's MedCom
 * Acknowledgement; without one it is resent in a new envelope, and a refusing one makes it FAILED with the reason.
 */

export { messagingTables, outbox };

const asDb = (tx: MessagingDb) => tx as unknown as MunicipalityDb;

/** A reply sent again: the same bytes in a new envelope, kept as the reply's bundle. */
export async function reenvelopeReply(tx: MessagingDb, row: OutboxRow): Promise<unknown> {
  const payload = row.payload as { bundle: string };
  const bundle = inNewEnvelope(payload.bundle);
  await setReplyBundle(asDb(tx), row.messageId, bundle);
  return { ...payload, bundle };
}

async function reenvelopeAcknowledgement(_tx: MessagingDb, row: OutboxRow): Promise<unknown> {
  const payload = row.payload as { bundle: string };
  return { ...payload, bundle: inNewEnvelope(payload.bundle) };
}

export const replyDelivery: DeliveryHooks<'municipality'> = {
  acknowledged: { 'correspondence-reply': { reenvelope: reenvelopeReply } },
};

export function messageHandlers(
  deps: IncomingDeps,
): Pick<MessageHandlers<'municipality', MunicipalityDb>, 'correspondence-letter' | 'reply-acknowledgement'> {
  return {
    'correspondence-letter': receiveLetter(deps),
    'reply-acknowledgement': async (tx, { payload }) => {
      const ack = parseAcknowledgementBundle(JSON.parse(payload.bundle));
      const outcome =
        ack.code === 'ok'
          ? { ok: true as const }
          : ack.code === 'fatal-error'
            ? { ok: false as const, permanent: true as const, reason: ack.issues.map((i) => i.text ?? i.code).join('; ') }
            : { ok: false as const, permanent: false as const };
      // An Acknowledgement is never acknowledged, nor refused: one naming no reply of ours changes nothing.
      await outbox.acknowledge(tx, ack.acknowledged.messageId, outcome);
      return {};
    },
  };
}

/**
 * A letter that comes again in a new envelope (general practice got no Acknowledgement): not stored again; its
 * bytes become the latest, and the same Acknowledgement goes again in a new envelope (MedCom reliable messaging).
 */
export const resentHandlers: ResentHandlers<'municipality', MunicipalityDb> = {
  'correspondence-letter': async (tx, { messageId, payload }) => {
    await setLetterBundle(tx, messageId, payload.bundle);
    const ack = await outbox.responseTo(tx, messageId);
    if (ack) await outbox.resend(tx, ack.messageId, reenvelopeAcknowledgement);
  },
};

/** Everything the municipality's sectorMessaging needs for letters. */
export function letterMessaging(deps: IncomingDeps) {
  return { handlers: messageHandlers(deps), resent: resentHandlers, delivery: replyDelivery };
}
