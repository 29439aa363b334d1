import type { Express } from 'express';
import type { MessagingConfig, SubgraphName } from '../config.ts';
import type { Logger } from '../server/logger.ts';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { messageSenders, receivesMessages, sendersTo, sendsMessages, type KindsFrom } from './contract.ts';
import { messageEndpoint } from './endpoint.ts';
import { metricsOf } from '../observability/metrics.ts';
import {
  acknowledgeMessage,
  enqueueMessage,
  findResponseTo,
  giveUpFailedMessage,
  outboxBacklog,
  resendMessage,
  retryFailedMessage,
  type AcknowledgementOutcome,
  type MessagingDb,
  type OutgoingMessage,
  type Reenvelope,
} from './outbox.ts';
import { createMessageReceiver, type MessageHandlers, type MessageReceiverApi, type ResentHandlers } from './receiver.ts';
import { generateMessageKeyPair } from './signature.ts';
import type { MessagingTables } from './tables.ts';
import { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from './worker.ts';

/**
 * A sending subgraph's outbox, typed by the contract: `enqueue` accepts only the kinds this subgraph may send, to the
 * receivers of that kind, with that kind's payload.
 */
export function messageOutbox<S extends SubgraphName>(sender: S, tables: MessagingTables) {
  return {
    sender,
    tables,
    /** Queues a message in the caller's transaction (the one that writes the sender's own record). */
    enqueue: <K extends KindsFrom<S>>(tx: MessagingDb, message: OutgoingMessage<K>) => enqueueMessage(tx, tables, sender, message),
    /**
     * Puts a FAILED message back in the queue (one that had reached its recipient in the envelope `reenvelope` builds);
     * false when it is not FAILED.
     */
    retry: (db: MessagingDb, messageId: string, reenvelope?: Reenvelope) => retryFailedMessage(db, tables, messageId, reenvelope),
    /** A person gives a FAILED message up, releasing the messages behind it; false when it is not FAILED. */
    giveUp: (db: MessagingDb, messageId: string, note: string) => giveUpFailedMessage(db, tables, messageId, note),
    /** Records the recipient's acknowledgement of an acknowledged kind's message (see `acknowledgeMessage`). */
    acknowledge: (tx: MessagingDb, messageId: string, outcome: AcknowledgementOutcome) => acknowledgeMessage(tx, tables, messageId, outcome),
    /** Sends a message once more in a new envelope (e.g. an acknowledgement, when the message it answers came again). */
    resend: (tx: MessagingDb, messageId: string, reenvelope: Reenvelope) => resendMessage(tx, tables, messageId, reenvelope),
    /** The message queued in answer to `messageId`, if any. */
    responseTo: (db: MessagingDb, messageId: string) => findResponseTo(db, tables, messageId),
  };
}

/** What a subgraph configures of its delivery worker beyond what the contract and the configuration decide. */
export type DeliveryHooks<S extends SubgraphName> = Pick<
  DeliveryWorkerOptions<S>,
  'onDelivered' | 'onFailed' | 'maxAttempts' | 'backoffMs' | 'acknowledged' | 'acknowledgementTimeoutMs' | 'maxResends'
>;

export interface SectorMessagingOptions<S extends SubgraphName, TDb extends MessagingDb> {
  subgraph: S;
  db: TDb;
  tables: MessagingTables;
  /** Keys and endpoints; without them the subgraph receives in-process only (`receiver`) and delivers nothing. */
  config?: MessagingConfig;
  /** One handler per kind the contract sends to this subgraph. */
  handlers: MessageHandlers<S, TDb>;
  /** Per kind, what to do when a message already applied comes again in a new envelope (a resend). */
  resent?: ResentHandlers<S, TDb>;
  delivery?: DeliveryHooks<S>;
  log: Logger;
}

export interface SectorMessaging {
  /** Set when the subgraph receives something: applies a message whose sender is already verified. */
  receiver: MessageReceiverApi | null;
  /** Set when the subgraph sends something and messaging is configured. */
  worker: DeliveryWorker | null;
  /** Mounts POST /messages when the subgraph receives something and messaging is configured. */
  routes: (app: Express) => void;
  start(): void;
  stop(): Promise<void>;
}

/**
 * A subgraph's part in messaging, as the contract makes it: a message endpoint when it receives some kind, a delivery
 * worker when it sends one. Nobody lists which subgraph has which.
 */
export function sectorMessaging<S extends SubgraphName, TDb extends MessagingDb>(options: SectorMessagingOptions<S, TDb>): SectorMessaging {
  const { subgraph, db, tables, config, log } = options;
  const receiver = receivesMessages(subgraph) ? createMessageReceiver({ receiver: subgraph, db, tables, handlers: options.handlers, ...(options.resent ? { resent: options.resent } : {}), log }) : null;
  let worker: DeliveryWorker | null = null;
  if (config && sendsMessages(subgraph)) {
    if (!config.signingKey) throw new Error(`${subgraph} sends messages but has no signing key configured`);
    worker = createDeliveryWorker<S>({
      ...options.delivery,
      sender: subgraph,
      db,
      tables,
      endpoints: config.endpoints,
      signingKey: config.signingKey,
      pollIntervalMs: config.workerPollMs,
      log,
    });
    // Read at every scrape of /metrics (outside any request, so no request's statement count includes it).
    metricsOf(subgraph).outboxBacklog = () => outboxBacklog(db, tables);
  }
  return {
    receiver,
    worker,
    routes: (app) => {
      if (config && receiver) app.post('/messages', messageEndpoint({ receiver, publicKeys: config.publicKeys, log }));
    },
    start: () => worker?.start(),
    stop: async () => worker?.stop(),
  };
}

/** Every message key of a deployment run in one process (npm start, tests): each sender's private and public key. */
export interface MessagingKeyring {
  signingKeys: Partial<Record<SubgraphName, KeyObject>>;
  publicKeys: Partial<Record<SubgraphName, KeyObject>>;
}

/** Fresh key pairs for every sender of the contract (tests). */
export function generateMessagingKeyring(): MessagingKeyring {
  const keyring: MessagingKeyring = { signingKeys: {}, publicKeys: {} };
  for (const sender of messageSenders()) {
    const { privateKey, publicKey } = generateMessageKeyPair();
    keyring.signingKeys[sender] = privateKey;
    keyring.publicKeys[sender] = publicKey;
  }
  return keyring;
}

/** The keyring of subgraphs configured one by one (npm start: each from its own settings). */
export function keyringOf(configs: readonly { name: SubgraphName; messaging?: MessagingConfig }[]): MessagingKeyring {
  const keyring: MessagingKeyring = { signingKeys: {}, publicKeys: {} };
  for (const { name, messaging } of configs) {
    if (messaging?.signingKey) {
      keyring.signingKeys[name] = messaging.signingKey;
      keyring.publicKeys[name] ??= createPublicKey(messaging.signingKey);
    }
    Object.assign(keyring.publicKeys, messaging?.publicKeys ?? {});
  }
  return keyring;
}

/**
 * One subgraph's messaging settings taken from a keyring, or undefined when the contract has it neither send nor
 * receive. `endpoints` is kept by reference: a launcher that learns the ports later fills it in before anything is sent.
 */
export function messagingConfigFor(
  subgraph: SubgraphName,
  keyring: MessagingKeyring,
  endpoints: Partial<Record<SubgraphName, string>>,
  workerPollMs: number,
): MessagingConfig | undefined {
  if (!sendsMessages(subgraph) && !receivesMessages(subgraph)) return undefined;
  const publicKeys: Partial<Record<SubgraphName, KeyObject>> = {};
  for (const sender of sendersTo(subgraph)) {
    const key = keyring.publicKeys[sender];
    if (key) publicKeys[sender] = key;
  }
  return { signingKey: keyring.signingKeys[subgraph] ?? null, publicKeys, endpoints, workerPollMs };
}
