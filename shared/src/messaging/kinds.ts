import { z } from 'zod';
import { CONTACT_COMMITMENTS, CORRESPONDENCE_STEPS, INITIATED_ACTIONS } from '../domain/correspondence.ts';
import { parseAcknowledgementBundle } from '../fhir/acknowledgement.ts';
import { parseCareCommunicationBundle } from '../fhir/parse.ts';
import type { CareCommunicationActivity } from '../fhir/types.ts';
import { defineMessageKind } from './define.ts';

/**
 * THE MESSAGE CONTRACT: every kind of message one sector sends another. A new cross-sector flow adds its kinds here
 * (a payload schema, `from` and `to`, a description) and nothing else in shared/: routing, signatures, the outbox, the
 * delivery worker and the receiving endpoint all derive from this object. Kind names are stored as text
 * (outbox.kind, received_messages.kind), so renaming one needs care; adding one needs no migration.
 *
 * A new flow, e.g. a referral from general practice to BUA:
 * 1. here: `'bua-referral': defineMessageKind({ from: ['general-practice'], to: ['bua'], description, payload, response })`;
 * 2. the sender queues it in the transaction of its own record:
 *    `messageOutbox('general-practice', tables).enqueue(tx, { kind: 'bua-referral', to: 'bua', messageId, childId, payload })`
 *    (the payload is checked against the schema there; a bad one throws and stores nothing), and may add an
 *    `onDelivered['bua-referral']` hook to its delivery worker;
 * 3. the receiver handles it: `sectorMessaging({ subgraph: 'bua', ..., handlers: { 'bua-referral': async (tx, m) => ... } })`
 *    (the type-check fails until every kind sent to it has a handler), which mounts POST /messages and, for a sender,
 *    the delivery worker. Configuration (keys, endpoint URLs) follows from `from` and `to` by itself.
 */

/**
 * A MedCom message travels as its serialised bytes (FHIR JSON text), as a MedCom network carries a document: the
 * receiver stores and exports exactly what was sent, and a resend changes only Bundle.id and Bundle.timestamp.
 * `read` parses the JSON and refuses, with a message naming the element and the rule (never the value found there).
 */
function medcomBundleText(what: string, read: (json: unknown) => string | undefined) {
  return z
    .string()
    .min(2)
    .superRefine((text, ctx) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be ${what} as JSON text` });
        return;
      }
      try {
        const problem = read(json);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : `is not ${what}` });
      }
    });
}

/** A MedCom CareCommunication Bundle with the given activity, as parseCareCommunicationBundle accepts it. */
function careCommunicationBundle(activity: CareCommunicationActivity) {
  return medcomBundleText('a MedCom CareCommunication Bundle', (json) => {
    const { message } = parseCareCommunicationBundle(json);
    if (message.activity !== activity) return `must be a MedCom ${activity}, not a ${message.activity}`;
    if (message.activity === 'reply-message' && !('messageId' in message.inReplyTo)) {
      return "must name the MessageHeader of the letter it answers (Provenance.entity[revision])";
    }
    return undefined;
  });
}

/** A MedCom Acknowledgement Bundle, as parseAcknowledgementBundle accepts it. */
const acknowledgementBundle = medcomBundleText('a MedCom Acknowledgement Bundle', (json) => {
  parseAcknowledgementBundle(json);
  return undefined;
});

const isoDate = z.iso.date();
/** Identifiers of earlier messages, as the outbox and the receivers bound them. */
const messageId = z.string().min(1).max(200);

export const MESSAGE_CONTRACT = {
  'correspondence-letter': defineMessageKind({
    from: ['general-practice'],
    to: ['municipality'],
    description:
      "A GP's correspondence letter (korrespondancebrev, agreement 6.2) to a municipality's inbox: the MedCom " +
      'CareCommunication new-message (its bytes), with what MedCom has no element for beside it (the practice, the ' +
      'pathway step, a subject line). The message id is the bundle\'s MessageHeader.id. The municipality routes it by ' +
      'the receiver location number in the bundle and answers with a letter-acknowledgement.',
    payload: z.object({
      bundle: careCommunicationBundle('new-message'),
      /** The sending practice's provider number. */
      ydernummer: z.string().regex(/^\d{1,6}$/, 'must be 1 to 6 digits (a ydernummer)'),
      step: z.enum(CORRESPONDENCE_STEPS),
      subject: z.string().trim().min(1).max(200),
    }),
  }),

  'letter-acknowledgement': defineMessageKind({
    from: ['municipality'],
    to: ['general-practice'],
    description:
      "The municipality's MedCom Acknowledgement of a correspondence letter, sent for every letter it receives: ok " +
      '(stored in the inbox; the reply due date it set itself travels beside the bundle, as MedCom has no element for ' +
      'it) or fatal-error with the reason (nothing stored: e.g. no inbox has the receiver location number). Sent again, ' +
      'in a new envelope, when the letter comes again. Never acknowledged itself.',
    payload: z.object({
      bundle: acknowledgementBundle,
      /** The last day a reply is on time, by the receiving municipality's own deadline; null unless ok. */
      replyDueOn: isoDate.nullable(),
    }),
  }),

  'correspondence-reply': defineMessageKind({
    from: ['municipality'],
    to: ['general-practice'],
    description:
      "The municipality's one reply to a correspondence letter (agreement 6.2: the GP always gets a reply): the MedCom " +
      'reply-message pointing at the letter (its bytes), with the structured items beside it (what was initiated, whom ' +
      'the municipality will contact, or the contact options for a family it does not know). Only the inbox the ' +
      'letter was sent to may answer it. General practice answers with a reply-acknowledgement.',
    payload: z.object({
      bundle: careCommunicationBundle('reply-message'),
      initiatedItems: z.array(z.enum(INITIATED_ACTIONS)).min(1).max(INITIATED_ACTIONS.length),
      contactCommitment: z.enum(CONTACT_COMMITMENTS).nullable(),
      contactOptions: z.string().max(2000).nullable(),
    }),
  }),

  'reply-acknowledgement': defineMessageKind({
    from: ['general-practice'],
    to: ['municipality'],
    description:
      "General practice's MedCom Acknowledgement of the municipality's reply: ok (stored with the letter) or " +
      'fatal-error with the reason (nothing stored: the reply names no letter of the practice, comes from another ' +
      'inbox than the letter went to, or is about another child). Sent again, in a new envelope, when the reply comes ' +
      'again. Never acknowledged itself.',
    payload: z.object({ bundle: acknowledgementBundle }),
  }),

  'letter-receipt': defineMessageKind({
    from: ['municipality'],
    to: ['general-practice'],
    description:
      'A receipt for a correspondence letter: the municipality has opened it (READ). Sent once per letter; the GP sees ' +
      'the letter move from DELIVERED to READ. A fact of the municipality\'s handling that MedCom has no message for ' +
      '(its Acknowledgement says the letter was received, not read), so it keeps this format of our own.',
    payload: z.object({
      /** The letter's MessageHeader id. */
      letterMessageId: messageId,
      status: z.enum(['READ']),
      at: z.iso.datetime({ offset: true }),
    }),
  }),
} as const;
