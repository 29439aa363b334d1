import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { GeneralPracticeDb } from '@pathway-graph/general-practice/db/repository';
import { letters as gpLetters, outbox as gpOutbox } from '@pathway-graph/general-practice/db/schema';
import { syntheticChildName } from '@pathway-graph/general-practice/db/seed';
import type { MunicipalityDb } from '@pathway-graph/municipality/db/repository';
import { letterReplies, outbox as municipalityOutbox, receivedLetters, receivedMessages } from '@pathway-graph/municipality/db/schema';
import {
  findCprLikeNumbers,
  generateMessagingKeyring,
  inNewEnvelope,
  isUuidV4,
  parseAcknowledgementBundle,
  parseCareCommunicationBundle,
  SENDER_HEADER,
  SIGNATURE_HEADER,
  signMessage,
} from '@pathway-graph/shared';
import { DEMO_CHILDREN, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { checkAcknowledgement, checkCareCommunication, describe as describeFinding } from '@pathway-graph/shared/fhir/conformance/validate';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../support/databases.ts';
import { asMunicipalStaff, codeOf } from '../support/scenario/advisory.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * MedCom through the gateway: a GP's letter and the municipality's reply travel as MedCom CareCommunication 5.0
 * bundles that break no rule of MedCom's profiles, each acknowledged in a MedCom Acknowledgement; what was sent is what
 * was received and what is exported, byte for byte. A letter sent again (MedCom's resend: the same MessageHeader.id in
 * a new envelope) is stored once and answered with the same Acknowledgement; no service logs the child's CPR number or
 * name on the way.
 */

const TODAY = '2026-11-23';
const index = DEMO_CHILDREN.findIndex((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && demoChildConsents(c));
const child = DEMO_CHILDREN[index]!;
const name = syntheticChildName(index);
/**
 * Two more children of the same practice and municipality, for the replies that end FAILED: a FAILED message holds
 * back the later messages for its child and recipient (issue 8: nothing out of order), so each gets a child of its own.
 */
const others = DEMO_CHILDREN.filter((c, i) => i !== index && c.municipalityCode === 751 && c.practiceYdernummer === '107510' && demoChildConsents(c));
const [refusedChild, rejectedChild] = [others[0]!, others[1]!];

const SEND = `mutation Send($input: SendLetterInput!) { sendCorrespondenceLetter(input: $input) { id messageId status } }`;
const LETTER = `query Letter($id: ID!) { sentLetter(id: $id) { id messageId status statusHistory { status note } replyDueOn exportBundle
  reply { text exportBundle } } }`;

interface SentLetter {
  id: string;
  messageId: string;
  status: string;
  statusHistory: { status: string; note: string | null }[];
  replyDueOn: string;
  exportBundle: string;
  reply: { text: string; exportBundle: string } | null;
}

const findings = (text: string) => checkCareCommunication(JSON.parse(text)).map(describeFinding);

const REPLY = `query Reply($id: ID!) { receivedLetter(id: $id) { reply { messageId delivery { status note deliveredAt } } } }`;

interface LogLine {
  service: string;
  msg?: string;
  [key: string]: unknown;
}

describeWithDatabases('MedCom CareCommunication and Acknowledgement through the gateway', (backend) => {
  let t: TestSystem;
  // Every service's log lines, at debug level: what an operator's log store would hold.
  const logText: string[] = [];
  const keyring = generateMessagingKeyring();
  beforeAll(async () => {
    t = await startTestSystem(backend, { today: TODAY, keyring, log: { level: 'debug', destination: { write: (line: string) => void logText.push(line) } } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const gpDb = () => t.system.databases['general-practice'].db as unknown as GeneralPracticeDb;
  const municipalityDb = () => t.system.databases.municipality.db as unknown as MunicipalityDb;

  /** What people do, in the words of the domain. */
  const asGp = {
    writes: async (messageId: string, about: { cpr: string } = child) => {
      const res = await t.queryAs<{ sendCorrespondenceLetter: { id: string } }>('gp-107510', SEND, {
        input: {
          messageId,
          cpr: about.cpr,
          municipalityCode: 751,
          category: 'PSYCHIATRY_SOCIAL_DISABILITY',
          subject: 'Henvendelse om barn i mistrivsel',
          text: 'Barnet viser tegn på mistrivsel i skolen; familien ønsker hjælp.',
          step: 'TRIN_1',
          consent: { givenBy: 'CUSTODY_HOLDER', givenOn: '2026-11-20' },
          signature: { name: 'Demo Læge (syntetisk)', title: 'Praktiserende læge', phone: '70 00 00 00' },
        },
      });
      expect(res.errors).toBeUndefined();
      return res.data!.sendCorrespondenceLetter.id;
    },
    reads: async (id: string) => {
      const res = await t.queryAs<{ sentLetter: SentLetter }>('gp-107510', LETTER, { id });
      expect(res.errors).toBeUndefined();
      return res.data!.sentLetter;
    },
    waitsFor: async (id: string, done: (letter: SentLetter) => boolean) => {
      for (let i = 0; i < 400; i++) {
        const letter = await asGp.reads(id);
        if (done(letter)) return letter;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the letter never got there');
    },
  };
  const asPpr = {
    seesReply: async (letterId: string) => {
      const res = await t.queryAs<{ receivedLetter: { reply: { messageId: string; delivery: { status: string; note: string | null; deliveredAt: string | null } } | null } }>(
        'ppr-751',
        REPLY,
        { id: letterId },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.receivedLetter.reply;
    },
    waitsForReplyDelivered: async (letterId: string, timeoutMs = 20_000) => {
      for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
        const reply = await asPpr.seesReply(letterId);
        if (reply && reply.delivery.status !== 'QUEUED') return reply;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the reply was never delivered');
    },
    /** Replies as the agreement asks: a contact commitment for a child the municipality knows, contact options otherwise. */
    replies: async (letterId: string, about: { hasOpenMunicipalCase: boolean } = child) => {
      const res = await t.queryAs('ppr-751', 'mutation($id: ID!, $input: ReplyToLetterInput!) { replyToLetter(id: $id, input: $input) { id } }', {
        id: letterId,
        input: about.hasOpenMunicipalCase
          ? { initiated: ['PPR_ASSESSMENT'], text: 'PPR ser på sagen.', contactCommitment: 'CONTACT_FAMILY', phone: '87 13 14 15' }
          : { initiated: ['NO_ACTION_NEEDED'], text: 'Vi kender ikke barnet.', contactOptions: 'Åben anonym rådgivning: 8940 2000, hverdage 9-12', phone: '87 13 14 15' },
      });
      expect(res.errors).toBeUndefined();
    },
  };

  it('delivers a conformant letter, acknowledged by the municipality, and a conformant reply, acknowledged by general practice, byte for byte', async () => {
    const id = await asGp.writes('e2e-medcom-0001');
    const delivered = await asGp.waitsFor(id, (l) => l.status === 'DELIVERED');
    // DELIVERED by the municipality's MedCom Acknowledgement, visibly.
    expect(delivered.statusHistory.map((h) => h.status)).toEqual(['QUEUED', 'DELIVERED']);
    expect(delivered.statusHistory.at(-1)!.note).toBe('acknowledged by the municipality (MedCom Acknowledgement: ok)');

    // The letter: no finding at all; its MessageHeader.id a UUID v4 apart from the client's key; the child's name in it.
    expect(findings(delivered.exportBundle)).toEqual([]);
    const sent = parseCareCommunicationBundle(JSON.parse(delivered.exportBundle)).message;
    expect(isUuidV4(sent.messageId)).toBe(true);
    expect(delivered.messageId).toBe('e2e-medcom-0001');
    expect(sent.patient.name).toEqual({ given: [name.givenNames], family: name.familyName });

    // What the municipality received is what general practice exports, byte for byte; it keeps the child's name.
    const [received] = await municipalityDb().select().from(receivedLetters).where(eq(receivedLetters.messageId, sent.messageId));
    expect(received!.bundle).toBe(delivered.exportBundle);
    expect({ given: received!.childGivenNames, family: received!.childFamilyName }).toEqual({ given: name.givenNames, family: name.familyName });
    const [gpRow] = await gpDb().select().from(gpLetters).where(eq(gpLetters.id, id));
    expect(gpRow!.bundle).toBe(delivered.exportBundle);

    // The municipality's Acknowledgement of it: conformant, ok, naming the letter.
    const [letterAck] = await municipalityDb().select().from(municipalityOutbox).where(eq(municipalityOutbox.respondsTo, sent.messageId));
    const letterAckBundle = JSON.parse((letterAck!.payload as { bundle: string }).bundle) as unknown;
    expect(checkAcknowledgement(letterAckBundle).map(describeFinding)).toEqual([]);
    expect(parseAcknowledgementBundle(letterAckBundle)).toMatchObject({ code: 'ok', acknowledged: { messageId: sent.messageId } });
    expect(letterAck!.status).toBe('DELIVERED');

    // The reply: from the inbox, with the author's phone, the child's name and the letter's Provenance; no finding.
    await asPpr.replies(received!.id);
    const answered = await asGp.waitsFor(id, (l) => l.status === 'ANSWERED');
    const replyText = answered.reply!.exportBundle;
    expect(findings(replyText)).toEqual([]);
    const reply = parseCareCommunicationBundle(JSON.parse(replyText)).message;
    expect(reply).toMatchObject({ activity: 'reply-message', inReplyTo: { messageId: sent.messageId }, patient: { name: sent.patient.name } });
    expect(reply.payloads[0]!.authorContact).toEqual({ system: 'phone', value: '+4587131415' });
    expect(reply.history?.map((h) => [h.messageId, h.activity])).toEqual([[sent.messageId, 'new-message']]);
    // The bytes the municipality sent are the bytes general practice exports.
    const [replyRow] = await municipalityDb().select().from(letterReplies).where(eq(letterReplies.letterId, received!.id));
    expect(replyRow!.bundle).toBe(replyText);

    // General practice's Acknowledgement of the reply: conformant, ok; the municipality's reply DELIVERED by it.
    const [replyAck] = await gpDb().select().from(gpOutbox).where(eq(gpOutbox.respondsTo, reply.messageId));
    const replyAckBundle = JSON.parse((replyAck!.payload as { bundle: string }).bundle) as unknown;
    expect(checkAcknowledgement(replyAckBundle).map(describeFinding)).toEqual([]);
    expect(parseAcknowledgementBundle(replyAckBundle).code).toBe('ok');
    // The municipality sees its reply DELIVERED in the API, by that Acknowledgement, and so says its outbox.
    const seen = await asPpr.waitsForReplyDelivered(received!.id);
    expect(seen).toMatchObject({ messageId: reply.messageId, delivery: { status: 'DELIVERED', note: null } });
    expect(Date.parse(seen!.delivery.deliveredAt!)).not.toBeNaN();
    const [replyOutbox] = await municipalityDb().select().from(municipalityOutbox).where(eq(municipalityOutbox.messageId, reply.messageId));
    expect(replyOutbox).toMatchObject({ status: 'DELIVERED', kind: 'correspondence-reply' });
  });

  it("shows the municipality its reply QUEUED while general practice is down, then DELIVERED by general practice's Acknowledgement", async () => {
    const id = await asGp.writes('e2e-medcom-0006');
    const delivered = await asGp.waitsFor(id, (l) => l.status === 'DELIVERED');
    const headerId = parseCareCommunicationBundle(JSON.parse(delivered.exportBundle)).message.messageId;
    const [received] = await municipalityDb().select().from(receivedLetters).where(eq(receivedLetters.messageId, headerId));
    await t.system.stopSubgraph('general-practice');
    try {
      await asPpr.replies(received!.id);
      await new Promise((r) => setTimeout(r, 300));
      expect(await asPpr.seesReply(received!.id)).toMatchObject({ delivery: { status: 'QUEUED', note: null, deliveredAt: null } });
    } finally {
      await t.system.startSubgraph('general-practice');
    }
    expect(await asPpr.waitsForReplyDelivered(received!.id, 60_000)).toMatchObject({ delivery: { status: 'DELIVERED', note: null } });
  });

  it("shows the municipality its reply FAILED with the reason when general practice refuses it in a MedCom Acknowledgement (AR)", async () => {
    const id = await asGp.writes('e2e-medcom-0007', refusedChild);
    const delivered = await asGp.waitsFor(id, (l) => l.status === 'DELIVERED');
    const headerId = parseCareCommunicationBundle(JSON.parse(delivered.exportBundle)).message.messageId;
    const [received] = await municipalityDb().select().from(receivedLetters).where(eq(receivedLetters.messageId, headerId));
    // The practice's system no longer knows the letter by that MessageHeader.id (as after restoring a backup taken
    // before it was sent), so the reply answers a letter it never sent.
    await gpDb().update(gpLetters).set({ headerId: randomUUID() }).where(eq(gpLetters.id, id));

    await asPpr.replies(received!.id, refusedChild);
    const reason = "The reply's Provenance names no letter this practice sent.";
    const seen = await asPpr.waitsForReplyDelivered(received!.id);
    expect(seen).toMatchObject({ delivery: { status: 'FAILED', note: `refused by the recipient's acknowledgement: ${reason}`, deliveredAt: null } });

    // General practice refused it in a conformant MedCom Acknowledgement of type AR (fatal-error) with the reason.
    const [ack] = await gpDb().select().from(gpOutbox).where(eq(gpOutbox.respondsTo, seen!.messageId));
    const ackBundle = JSON.parse((ack!.payload as { bundle: string }).bundle) as unknown;
    expect(checkAcknowledgement(ackBundle).map(describeFinding)).toEqual([]);
    expect(parseAcknowledgementBundle(ackBundle)).toMatchObject({ code: 'fatal-error', acknowledged: { messageId: seen!.messageId }, issues: [{ severity: 'error', text: reason }] });
    // Nothing of it was stored on the practice's side: the letter is not ANSWERED and has no reply.
    const letter = await asGp.reads(id);
    expect(letter.status).toBe('DELIVERED');
    expect(letter.reply).toBeNull();
    // The municipality's outbox says so too, and sends it no more.
    const [replyOutbox] = await municipalityDb().select().from(municipalityOutbox).where(eq(municipalityOutbox.messageId, seen!.messageId));
    expect(replyOutbox).toMatchObject({ status: 'FAILED', kind: 'correspondence-reply' });
  });

  it("shows the municipality its reply FAILED with the reason when the practice's message endpoint refuses it for good, and sends it once", async () => {
    const id = await asGp.writes('e2e-medcom-0008', rejectedChild);
    const delivered = await asGp.waitsFor(id, (l) => l.status === 'DELIVERED');
    const headerId = parseCareCommunicationBundle(JSON.parse(delivered.exportBundle)).message.messageId;
    const [received] = await municipalityDb().select().from(receivedLetters).where(eq(receivedLetters.messageId, headerId));
    // The practice's system is a vendor's: here, in its place on its port, one that refuses every message for good
    // the way a message endpoint of the contract does (422 with a code and a reason a person can act on).
    const port = t.system.subgraphs['general-practice'].port;
    await t.system.stopSubgraph('general-practice');
    const posts: string[] = [];
    const refusing = createServer((req, res) => {
      posts.push(`${req.method} ${req.url}`);
      req.resume();
      req.on('end', () => {
        res.writeHead(422, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'PATIENT_UNKNOWN', message: 'The practice has no patient with this CPR number on its list.' }));
      });
    });
    await new Promise<void>((resolve) => refusing.listen(port, resolve));
    try {
      await asPpr.replies(received!.id, rejectedChild);
      const seen = await asPpr.waitsForReplyDelivered(received!.id);
      expect(seen).toMatchObject({ delivery: { status: 'FAILED', note: 'HTTP 422 PATIENT_UNKNOWN: The practice has no patient with this CPR number on its list.', deliveredAt: null } });
      // Refused for good: posted once, not retried.
      await new Promise((r) => setTimeout(r, 500));
      expect(posts).toEqual(['POST /messages']);
      const [replyOutbox] = await municipalityDb().select().from(municipalityOutbox).where(eq(municipalityOutbox.messageId, seen!.messageId));
      expect(replyOutbox).toMatchObject({ status: 'FAILED', kind: 'correspondence-reply', attempts: 1 });
    } finally {
      refusing.closeAllConnections();
      await new Promise<void>((resolve, reject) => refusing.close((error) => (error ? reject(error) : resolve())));
      await t.system.startSubgraph('general-practice');
    }
  });

  it('stores a resent letter (same MessageHeader.id, new envelope) once, and answers it with the same Acknowledgement again', async () => {
    const id = await asGp.writes('e2e-medcom-0003');
    const delivered = await asGp.waitsFor(id, (l) => l.status === 'DELIVERED');
    const headerId = parseCareCommunicationBundle(JSON.parse(delivered.exportBundle)).message.messageId;
    const [sentRow] = await gpDb().select().from(gpOutbox).where(eq(gpOutbox.messageId, headerId));
    const [firstAck] = await municipalityDb().select().from(municipalityOutbox).where(eq(municipalityOutbox.respondsTo, headerId));
    expect(firstAck!.status).toBe('DELIVERED');
    const firstAckBundle = (firstAck!.payload as { bundle: string }).bundle;
    const [stored] = await municipalityDb().select().from(receivedMessages).where(eq(receivedMessages.messageId, headerId));

    // General practice's system sends it again as MedCom's reliable messaging does: a new Bundle.id and timestamp.
    const original = sentRow!.payload as { bundle: string };
    const resentBundle = inNewEnvelope(original.bundle);
    expect(JSON.parse(resentBundle).id).not.toBe(JSON.parse(original.bundle).id);
    const body = JSON.stringify({ messageId: headerId, kind: 'correspondence-letter', payload: { ...original, bundle: resentBundle } });
    const res = await fetch(`http://localhost:${t.system.subgraphs.municipality.port}/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SENDER_HEADER]: 'general-practice',
        [SIGNATURE_HEADER]: signMessage(body, { sender: 'general-practice', receiver: 'municipality' }, keyring.signingKeys['general-practice']!),
      },
      body,
    });
    // Answered as the first time: a duplicate, with the answer stored then.
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: headerId, duplicate: true, response: stored!.response });

    // Stored once: one letter in the inbox, now holding the latest bytes.
    const letters = await municipalityDb().select().from(receivedLetters).where(eq(receivedLetters.messageId, headerId));
    expect(letters).toHaveLength(1);
    expect(letters[0]!.bundle).toBe(resentBundle);
    const inbox = await t.queryAs<{ inbox: { edges: { node: { messageId: string } }[] } }>('caseworker-751', '{ inbox(municipalityCode: 751, first: 500) { edges { node { messageId } } } }');
    expect(inbox.data!.inbox.edges.filter((e) => e.node.messageId === headerId)).toHaveLength(1);

    // The same Acknowledgement (its MessageHeader.id and content) in a new envelope, delivered to general practice again.
    let again = firstAck!;
    for (let i = 0; i < 400; i++) {
      const [row] = await municipalityDb().select().from(municipalityOutbox).where(eq(municipalityOutbox.respondsTo, headerId));
      again = row!;
      if (again.status === 'DELIVERED' && (again.payload as { bundle: string }).bundle !== firstAckBundle) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await municipalityDb().select().from(municipalityOutbox).where(eq(municipalityOutbox.respondsTo, headerId))).map((r) => r.id)).toEqual([firstAck!.id]);
    const againBundle = (again.payload as { bundle: string }).bundle;
    expect(again.status).toBe('DELIVERED');
    expect(JSON.parse(againBundle).id).not.toBe(JSON.parse(firstAckBundle).id);
    expect(checkAcknowledgement(JSON.parse(againBundle)).map(describeFinding)).toEqual([]);
    const [before, after] = [parseAcknowledgementBundle(JSON.parse(firstAckBundle)), parseAcknowledgementBundle(JSON.parse(againBundle))];
    expect(after).toMatchObject({ messageId: before.messageId, code: 'ok', acknowledged: { messageId: headerId } });
    // General practice's letter is delivered once: no second DELIVERED, nothing new in its history.
    expect((await asGp.reads(id)).statusHistory.map((h) => h.status)).toEqual(['QUEUED', 'DELIVERED']);
  });

  it("writes no CPR number and no child's name into any service's log during the MedCom flow", async () => {
    const from = logText.length;
    const id = await asGp.writes('e2e-medcom-0004');
    const delivered = await asGp.waitsFor(id, (l) => l.status === 'DELIVERED');
    const headerId = parseCareCommunicationBundle(JSON.parse(delivered.exportBundle)).message.messageId;
    const [received] = await municipalityDb().select().from(receivedLetters).where(eq(receivedLetters.messageId, headerId));
    await t.queryAs('ppr-751', 'query($id: ID!) { receivedLetter(id: $id) { id child { id } } }', { id: received!.id });
    await asPpr.replies(received!.id);
    await asGp.waitsFor(id, (l) => l.status === 'ANSWERED');
    await asPpr.waitsForReplyDelivered(received!.id);

    const text = logText.slice(from);
    const lines = text.map((line) => JSON.parse(line) as LogLine);
    // The logs are there to be read: the municipality logged the letter, its Acknowledgement and the reply's.
    const municipality = lines.filter((l) => l.service === 'municipality');
    expect(municipality.filter((l) => l.msg === 'message received').map((l) => l['kind'])).toEqual(expect.arrayContaining(['correspondence-letter', 'reply-acknowledgement']));
    expect(municipality.some((l) => l['messageId'] === headerId)).toBe(true);
    // ... and hold no CPR number, in any writing (findCprLikeNumbers: with or without dash, spaced, dotted), nor the name.
    const digits = child.cpr.replace(/\D/g, '');
    const namesTheChild = (line: string) =>
      line.includes(digits) || findCprLikeNumbers(line).some(({ start, end }) => line.slice(start, end).replace(/\D/g, '') === digits);
    expect(text.filter(namesTheChild)).toEqual([]);
    expect(text.filter((line) => line.includes(name.familyName) || line.includes(name.givenNames))).toEqual([]);
  });

  it('refuses a reply without a phone number to call, and sends nothing', async () => {
    const id = await asGp.writes('e2e-medcom-0002');
    const delivered = await asGp.waitsFor(id, (l) => l.status === 'DELIVERED');
    const headerId = parseCareCommunicationBundle(JSON.parse(delivered.exportBundle)).message.messageId;
    const [received] = await municipalityDb().select().from(receivedLetters).where(eq(receivedLetters.messageId, headerId));
    const res = await t.queryAs('ppr-751', 'mutation($id: ID!, $input: ReplyToLetterInput!) { replyToLetter(id: $id, input: $input) { id } }', {
      id: received!.id,
      input: { initiated: ['PPR_ASSESSMENT'], contactCommitment: 'CONTACT_FAMILY', phone: 'ring til os' },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
    expect(await municipalityDb().select().from(letterReplies).where(eq(letterReplies.letterId, received!.id))).toEqual([]);
    const replies = (await municipalityDb().select().from(municipalityOutbox).where(eq(municipalityOutbox.kind, 'correspondence-reply'))).filter(
      (r) => r.childId === received!.childId && r.createdAt > received!.receivedAt,
    );
    expect(replies.filter((r) => (r.payload as { bundle: string }).bundle.includes(headerId))).toEqual([]);
  });

  it("refuses the child's name from the MedCom letter in BUA's anonymous advisory case of that municipality, and only there", async () => {
    // The municipality knows the child's name from the GP's letter.
    const id = await asGp.writes('e2e-medcom-0005');
    await asGp.waitsFor(id, (l) => l.status === 'DELIVERED');
    // The demo's weekly advisory meetings (Aarhus on Thursdays, Herning on Tuesdays), on the real clock.
    const book = async (who: string) => {
      const staff = asMunicipalStaff(t, who);
      const slots = (await staff.slots({ from: new Date().toISOString().slice(0, 10), kind: 'CONSULTATION' })).data!.advisorySlots.edges.map((e) => e.node);
      const slot = slots.filter((s) => s.bookable)[1]!;
      const booked = await staff.book(slot.id, 'SPARRING');
      expect(booked.errors).toBeUndefined();
      return { staff, booking: booked.data!.bookAdvisorySlot };
    };
    const aarhus = await book('ppr-751');
    for (const text of [`${name.givenNames} ${name.familyName} har svært ved at komme i skole.`, `Pigen fra familien ${name.familyName} har svært ved at komme i skole.`]) {
      const refused = await aarhus.staff.describe(aarhus.booking.id, text);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0]!.message).toMatch(/personal identifier/i);
      expect(refused.errors![0]!.message).not.toContain(name.familyName);
    }
    expect((await aarhus.staff.booking(aarhus.booking.id)).data!.advisoryBooking).toMatchObject({ description: null });
    expect((await aarhus.staff.describe(aarhus.booking.id, 'En pige på 12 år har svært ved at komme i skole.')).errors).toBeUndefined();

    // Herning received no letter about the child: the name is no known child's there.
    const herning = await book('ppr-657');
    expect((await herning.staff.describe(herning.booking.id, `Familien ${name.familyName} har svært ved at komme i skole.`)).errors).toBeUndefined();
    // The check is the municipality's own, not the public graph's: the gateway does not offer it.
    const direct = await t.queryAs('ppr-751', 'query { knownChildNameMentions(texts: ["x"]) }');
    expect(direct.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
