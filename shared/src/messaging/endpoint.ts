import express, { type RequestHandler, type Response } from 'express';
import { describeErrorForLog, type Logger } from '../server/logger.ts';
import type { ReceivedMessage } from './outbox.ts';
import { SENDER_HEADER, SIGNATURE_HEADER, verifySignature } from './signature.ts';
import { MESSAGE_KINDS, type MessageKind } from './tables.ts';

export interface MessageEndpointOptions {
  signingSecret: string;
  /**
   * Stores and applies one message, normally in a transaction that starts with storeReceivedOnce and applies the
   * message only when that says it is new. Called for redeliveries too: the sender retries whenever it did not see
   * our 200, so a message it already sent is expected and answered like the first time.
   */
  handle: (m: ReceivedMessage) => Promise<{ duplicate: boolean; response?: unknown }>;
  log: Logger;
}

/** The JSON body of every refusal: a stable code the sender records, and a sentence for the person reading it. */
function refuse(res: Response, status: number, error: string, message: string): void {
  res.status(status).json({ error, message });
}

/**
 * POST handler of a sector's message endpoint, mounted as `app.post('/messages', messageEndpoint(...))`. It reads the
 * body itself, raw, because the signature covers the exact bytes sent: JSON parsed and re-serialised need not match.
 * Answers 401 (missing or wrong signature), 400 (malformed), 413 (over 2 MB), 500 (handle threw; the sender retries)
 * or 200 `{ received, duplicate, response }`.
 */
export function messageEndpoint(options: MessageEndpointOptions): RequestHandler {
  const { log } = options;
  const readRaw = express.raw({ type: 'application/json', limit: '2mb' });

  async function receive(body: unknown, signature: string | undefined, senderHeader: unknown, res: Response): Promise<void> {
    if (!Buffer.isBuffer(body)) {
      // Either no JSON content type, or a JSON parser mounted before this route already consumed the bytes.
      refuse(res, 400, 'BODY_REQUIRED', 'The request must have a JSON body (Content-Type: application/json), read by this endpoint unparsed.');
      return;
    }
    const sender = typeof senderHeader === 'string' ? senderHeader : '';
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(sender)) {
      refuse(res, 400, 'BAD_SENDER', `The ${SENDER_HEADER} header must name the sending sector, e.g. "general-practice".`);
      return;
    }
    if (!verifySignature(body, signature, options.signingSecret, sender)) {
      refuse(res, 401, 'BAD_SIGNATURE', `The ${SIGNATURE_HEADER} header is not the HMAC-SHA256 of the sender and the body under the shared secret.`);
      return;
    }
    const parsed = parseMessage(body);
    if (typeof parsed === 'string') {
      refuse(res, 400, 'MALFORMED_MESSAGE', parsed);
      return;
    }
    const fields = { messageId: parsed.messageId, kind: parsed.kind, sender };
    let result: { duplicate: boolean; response?: unknown };
    try {
      result = await options.handle({ ...parsed, sender });
    } catch (error) {
      log.error({ ...fields, err: describeErrorForLog(error) }, 'storing a received message failed');
      refuse(res, 500, 'NOT_STORED', 'The message could not be stored; send it again later.');
      return;
    }
    log.info({ ...fields, duplicate: result.duplicate }, result.duplicate ? 'message received again (duplicate)' : 'message received');
    res.status(200).json({ received: parsed.messageId, duplicate: result.duplicate, response: result.response });
  }

  return (req, res, next) => {
    readRaw(req, res, (error?: unknown) => {
      if (error) {
        // body-parser's errors carry the status to answer with (413 too large, 400 aborted or badly encoded, ...).
        const status = (error as { status?: unknown }).status;
        const type = (error as { type?: unknown }).type;
        refuse(res, typeof status === 'number' && status >= 400 && status < 500 ? status : 400, 'UNREADABLE_BODY', `The request body could not be read (${String(type ?? 'error')}).`);
        return;
      }
      // A signature is demanded before anything else about the request is looked at.
      const signature = req.headers[SIGNATURE_HEADER];
      if (typeof signature !== 'string' || signature === '') {
        refuse(res, 401, 'BAD_SIGNATURE', `The ${SIGNATURE_HEADER} header is missing.`);
        return;
      }
      receive(req.body, signature, req.headers[SENDER_HEADER], res).catch(next);
    });
  };
}

/** The message, or what is wrong with it. The messages name fields, never their values. */
function parseMessage(body: Buffer): { messageId: string; kind: MessageKind; payload: unknown } | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return 'The body is not valid JSON.';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'The body must be a JSON object { messageId, kind, payload }.';
  const { messageId, kind, payload } = value as Record<string, unknown>;
  if (typeof messageId !== 'string' || messageId.length === 0 || messageId.length > 200) return 'messageId must be a string of 1 to 200 characters.';
  if (typeof kind !== 'string' || !(MESSAGE_KINDS as readonly string[]).includes(kind)) return `kind must be one of ${MESSAGE_KINDS.join(', ')}.`;
  if (payload === undefined || payload === null) return 'payload is required.';
  return { messageId, kind: kind as MessageKind, payload };
}
