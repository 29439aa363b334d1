import {
  childPseudonym,
  parseCareCommunicationBundle,
  parseCpr,
  storeReceivedOnce,
  uuid7,
  type CareCommunicationMessage,
  type Logger,
  type PractitionerInRole,
  type ReceivedMessage,
} from '@pathway-graph/shared';
import { eq } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { insertLetterOnce } from './db/letters.ts';
import type { MunicipalityDb } from './db/repository.ts';
import { LETTER_STEPS, municipalities, outbox, receivedMessages, type LetterStep } from './db/schema.ts';
import { replyDueDate } from './rules/deadline.ts';

export const messagingTables = { outbox, receivedMessages };

export interface IncomingDeps {
  db: MunicipalityDb;
  pseudonymSecret: string;
  /** Today's date in Denmark: the day of receipt, from which the reply deadline counts. */
  today: () => string;
  log?: Logger;
}

/**
 * What the municipality answers the sender in the endpoint's 200 response: RECEIVED when the letter is in the inbox,
 * REJECTED (with a reason, never personal data) when it can never be stored as sent. A rejection is acknowledged
 * rather than answered with an error so that the sender stops retrying a message that cannot succeed.
 */
export type IncomingResponse =
  | { status: 'RECEIVED'; messageId: string; replyDueOn?: string }
  | { status: 'REJECTED'; messageId: string; reason: string };

/**
 * The payload of a 'care-communication' message: the MedCom Bundle itself, or an envelope carrying it with the
 * facts MedCom has no element for (the practice's ydernummer, the step of the graduated pathway, the subject line).
 */
interface Envelope {
  bundle: unknown;
  ydernummer?: string;
  step?: LetterStep;
  subject?: string;
}

function envelopeOf(payload: unknown): Envelope {
  if (payload && typeof payload === 'object' && 'resourceType' in payload) return { bundle: payload };
  if (payload && typeof payload === 'object' && 'bundle' in payload) {
    const p = payload as Record<string, unknown>;
    return {
      bundle: p['bundle'],
      ...(typeof p['ydernummer'] === 'string' ? { ydernummer: p['ydernummer'] } : {}),
      ...(typeof p['step'] === 'string' && (LETTER_STEPS as readonly string[]).includes(p['step']) ? { step: p['step'] as LetterStep } : {}),
      ...(typeof p['subject'] === 'string' && p['subject'].length <= 200 ? { subject: p['subject'] } : {}),
    };
  }
  return { bundle: payload };
}

export function personName(p: PractitionerInRole | undefined): string | null {
  if (!p) return null;
  const name = [...p.name.given, p.name.family ?? ''].join(' ').trim();
  return name || null;
}

/** The GP who wrote: the named sender, else the author of the first segment. */
function gpOf(message: CareCommunicationMessage): PractitionerInRole | undefined {
  if (message.specificSender && 'practitioner' in message.specificSender) return message.specificSender.practitioner;
  return message.payloads[0]?.author;
}

const rejected = (messageId: string, reason: string) => ({ status: 'REJECTED' as const, messageId, reason });

/**
 * Receives one message from the message endpoint: a correspondence letter is parsed, routed to the municipality whose
 * inbox has the receiver's location number, and stored together with the received-message record in one transaction,
 * so a redelivered message id is recognised and stored once.
 */
export async function handleIncomingMessage(
  deps: IncomingDeps,
  m: ReceivedMessage,
): Promise<{ duplicate: boolean; response: IncomingResponse }> {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const fresh = await storeReceivedOnce(tx, messagingTables, m);
    if (!fresh) return { duplicate: true, response: { status: 'RECEIVED', messageId: m.messageId } as IncomingResponse };
    if (m.kind !== 'care-communication') {
      return { duplicate: false, response: rejected(m.messageId, `The municipality accepts care-communication messages only, not ${m.kind}.`) };
    }
    const { bundle, ydernummer, step, subject } = envelopeOf(m.payload);
    let message: CareCommunicationMessage;
    try {
      message = parseCareCommunicationBundle(bundle).message;
    } catch (error) {
      const reason = error instanceof GraphQLError ? error.message : 'The payload is not a MedCom CareCommunication Bundle.';
      deps.log?.warn({ messageId: m.messageId }, 'rejected a care-communication message that does not parse');
      return { duplicate: false, response: rejected(m.messageId, reason) };
    }
    if (message.messageId !== m.messageId) {
      return {
        duplicate: false,
        response: rejected(m.messageId, `The envelope's message id differs from the Bundle's MessageHeader id ${message.messageId}.`),
      };
    }
    if (message.activity !== 'new-message') {
      return {
        duplicate: false,
        response: rejected(m.messageId, 'The municipal inbox takes new correspondence letters; replies from general practice are not supported yet.'),
      };
    }
    const [municipality] = await tx.select().from(municipalities).where(eq(municipalities.inboxLocationNumber, message.receiver.gln));
    if (!municipality) {
      return {
        duplicate: false,
        response: rejected(m.messageId, `No municipal inbox has location number ${message.receiver.gln}; look the inbox up in the municipality directory.`),
      };
    }
    let cpr: ReturnType<typeof parseCpr>;
    try {
      cpr = parseCpr(message.patient.cpr, 'patient.cpr');
    } catch {
      return { duplicate: false, response: rejected(m.messageId, "The patient's CPR number is not a possible CPR number.") };
    }
    const gp = gpOf(message);
    const receivedOn = deps.today();
    const replyDueOn = replyDueDate(receivedOn, municipality.replyDeadlineWorkingDays);
    const now = new Date().toISOString();
    const id = uuid7();
    // MedCom identifies the practice by location number only; our senders add the ydernummer beside the bundle.
    const practice = ydernummer ?? null;
    const stored = await insertLetterOnce(
      tx,
      {
        id,
        messageId: message.messageId,
        municipalityCode: municipality.code,
        department: municipality.receivingDepartment,
        childId: childPseudonym(cpr.normalized, deps.pseudonymSecret),
        cpr: cpr.normalized,
        birthDate: cpr.birthDate,
        senderYdernummer: practice,
        senderGln: message.sender.gln,
        senderSorCode: message.sender.sorCode,
        senderName: message.sender.name ?? null,
        receiverGln: message.receiver.gln,
        receiverSorCode: message.receiver.sorCode,
        gpSignature: personName(gp),
        gpPractitioner: gp ?? null,
        conversationId: message.conversationId,
        category: message.category,
        topic: message.topic ?? null,
        subject: subject ?? message.topic ?? `Korrespondance (${message.category})`,
        text: message.payloads.map((p) => p.text).join('\n\n'),
        segments: message.payloads,
        step: step ?? null,
        sentAt: message.sentAt,
        receivedAt: now,
        receivedOn,
        replyDueOn,
      },
      uuid7(),
    );
    // The sender learns the due date this municipality set itself, so both sides flag the same letters as overdue.
    return { duplicate: !stored, response: { status: 'RECEIVED', messageId: m.messageId, replyDueOn } as IncomingResponse };
  });
}
