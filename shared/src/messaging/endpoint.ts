import type { KeyObject } from 'node:crypto';
import express, { type RequestHandler, type Response } from 'express';
import type { SubgraphName } from '../config.ts';
import { describeErrorForLog, type Logger } from '../server/logger.ts';
import type { MessageReceiverApi } from './receiver.ts';
import { SENDER_HEADER, SIGNATURE_HEADER, verifyMessageSignature } from './signature.ts';
import { jsonDepthExceeds, MAX_MESSAGE_BYTES, MAX_MESSAGE_DEPTH } from './storable.ts';

export interface MessageEndpointOptions {
  receiver: MessageReceiverApi;
  /** The public key of each sector that may send here; a sender without one is refused. */
  publicKeys: Partial<Record<SubgraphName, KeyObject>>;
  log: Logger;
}

/** The JSON body of every refusal: a stable code the sender records, and a sentence for the person reading it. */
function refuse(res: Response, status: number, error: string, message: string): void {
  res.status(status).json({ error, message });
}

/**
 * POST handler of a subgraph's message endpoint, mounted as `app.post('/messages', messageEndpoint(...))`. It reads the
 * body itself, raw, because the signature covers the exact bytes sent. In this order: 401 unless the request is
 * signed by the private key of the sector named in x-message-sender (nothing is parsed for a stranger); 413 over
 * 2 MB; 400 for a body that is no storable JSON message (not JSON, nested too deep, a NUL character, an unknown
 * kind); 403 when the contract does not let that sender send that kind here; 422 when the payload breaks the
 * contract or the receiver refuses it; 500 when storing failed (the sender retries); else 200
 * `{ received, duplicate, response }`. 400, 403, 413 and 422 are permanent: the sender's worker marks the message FAILED
 * with the reason instead of retrying.
 */
export function messageEndpoint(options: MessageEndpointOptions): RequestHandler {
  const { log, receiver } = options;
  const readRaw = express.raw({ type: 'application/json', limit: MAX_MESSAGE_BYTES });

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
    const publicKey = Object.hasOwn(options.publicKeys, sender) ? options.publicKeys[sender as SubgraphName] : undefined;
    if (!publicKey) {
      refuse(res, 401, 'UNKNOWN_SENDER', `${receiver.name} holds no public key for ${sender}: it accepts messages only from the sectors its contract lets send to it.`);
      return;
    }
    if (!verifyMessageSignature(body, signature, { sender, receiver: receiver.name }, publicKey)) {
      refuse(res, 401, 'BAD_SIGNATURE', `The ${SIGNATURE_HEADER} header is not ${sender}'s Ed25519 signature of the sender, the receiver and the body.`);
      return;
    }
    const text = body.toString('utf8');
    if (jsonDepthExceeds(text, MAX_MESSAGE_DEPTH)) {
      refuse(res, 400, 'MALFORMED_MESSAGE', `The body is nested deeper than ${MAX_MESSAGE_DEPTH} levels; no message of the contract is.`);
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      refuse(res, 400, 'MALFORMED_MESSAGE', 'The body is not valid JSON.');
      return;
    }
    const outcome = await receiver.receive(sender, message);
    if (!outcome.ok) {
      refuse(res, outcome.status, outcome.error, outcome.message);
      return;
    }
    res.status(200).json({ received: outcome.messageId, duplicate: outcome.duplicate, response: outcome.response });
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
      receive(req.body, signature, req.headers[SENDER_HEADER], res).catch((err: unknown) => {
        log.error({ err: describeErrorForLog(err) }, 'message endpoint failed');
        next(err);
      });
    });
  };
}
