import {
  parseAcknowledgementBundle,
  type Principal,
  buildCareCommunicationBundle,
  childPseudonym,
  createLogger,
  MUNICIPALITY_INBOXES,
  generateMessageKeyPair,
  parseCareCommunicationBundle,
  SENDER_HEADER,
  SIGNATURE_HEADER,
  signMessage,
  type CareCommunicationMessage,
  type ReceiveOutcome,
} from '@pathway-graph/shared';
import { keyring } from '@pathway-graph/shared/messaging/test-helpers';
import { newLetter } from '@pathway-graph/shared/fhir/fixtures/messages';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { as, testVerifier } from '@pathway-graph/test/support/auth';
import { postGraphQL } from '@pathway-graph/test/support/graphql';
import { and, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertChildren } from '../src/db/repository.ts';
import { accessLog, letterReplies, outbox, receivedLetters, receivedMessages } from '../src/db/schema.ts';
import { startMunicipalitySubgraph, type RunningMunicipalitySubgraph } from '../src/subgraph.ts';

const aarhusGln = MUNICIPALITY_INBOXES.find((m) => m.code === 751)!.inboxLocationNumber;
const KNOWN_CPR = '0707161234'; // has an open case in Aarhus
const UNKNOWN_CPR = '0808171235'; // not known to any municipality
const OTHER_CPR = '0909181236';

function letter(cpr: string, overrides: Partial<CareCommunicationMessage> = {}): CareCommunicationMessage {
  const messageId = randomUUID();
  return {
    ...newLetter,
    bundleId: randomUUID(),
    messageId,
    conversationId: `urn:uuid:${randomUUID()}`,
    patient: { cpr, name: { given: ['Alma'], family: 'Testbarn' } },
    receiver: { ...newLetter.receiver, gln: aarhusGln },
    payloads: newLetter.payloads.map((p) => ({ ...p, id: `urn:uuid:${randomUUID()}` })),
    ...overrides,
  } as CareCommunicationMessage;
}

interface InboxLetter {
  id: string;
  messageId: string;
  knownToMunicipality: boolean;
  status: string;
  overdue: boolean;
  replyDueOn: string;
  assignee: { subject: string; role: string } | null;
  history: { kind: string }[];
  reply: { initiated: string[]; contactCommitment: string | null; contactOptions: string | null } | null;
}
const LETTER_FIELDS =
  'id messageId knownToMunicipality status overdue replyDueOn subject gpSignature department senderPractice { locationNumber name } assignee { subject role } history { kind } reply { initiated contactCommitment contactOptions }';

describeWithDatabases('municipality inbox: correspondence letters from general practice', (backend) => {
  let subgraph: RunningMunicipalitySubgraph;
  let dispose: () => Promise<void>;
  let today = '2026-03-02'; // a Monday
  const gql = async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, user = 'caseworker-751') =>
    postGraphQL<T>(subgraph.url, query, variables, await as(user));

  /** The message general practice sends for a letter: the bundle, and the ydernummer, step and subject beside it. */
  const messageOf = (m: CareCommunicationMessage) => ({
    messageId: m.messageId,
    kind: 'correspondence-letter',
    payload: { bundle: JSON.stringify(buildCareCommunicationBundle(m)), ydernummer: '107510', step: 'TRIN_1', subject: 'Bekymring for trivsel' },
  });
  /** Delivers in-process, as the endpoint does once the signature is verified. */
  const deliver = async (m: CareCommunicationMessage) => {
    const outcome = await subgraph.receiveMessage('general-practice', messageOf(m));
    if (!outcome.ok) throw new Error(`refused: ${outcome.error} ${outcome.message}`);
    return outcome;
  };
  const messagesUrl = () => subgraph.url.replace('/graphql', '/messages');
  /** POSTs a body to the message endpoint as `sender`, signed with `key` (general practice's own by default). */
  const post = async (body: string, key = keyring.signingKeys['general-practice']!, sender = 'general-practice') => {
    const response = await fetch(messagesUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signMessage(body, { sender, receiver: 'municipality' }, key),
        [SENDER_HEADER]: sender,
      },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const stored = async () => ({
    messages: (await subgraph.database.db.select().from(receivedMessages)).length,
    letters: (await subgraph.database.db.select().from(receivedLetters)).length,
  });

  const letterIdOf = async (messageId: string) => {
    const [row] = await subgraph.database.db.select().from(receivedLetters).where(eq(receivedLetters.messageId, messageId));
    return row!.id;
  };

  const fetchLetter = async (id: string, user = 'caseworker-751') =>
    gql<{ receivedLetter: InboxLetter }>(`query($id: ID!) { receivedLetter(id: $id) { ${LETTER_FIELDS} } }`, { id }, user);

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    subgraph = await startMunicipalitySubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('municipality', process.env.DEBUG_LOG ? 'error' : 'silent'),
      verifier: await testVerifier(),
      today: () => today,
      // Nothing listens at the GP endpoint; the worker polls rarely, so the outbox stays as the mutations left it.
      messaging: {
        signingKey: keyring.signingKeys.municipality!,
        publicKeys: { 'general-practice': keyring.publicKeys['general-practice']! },
        endpoints: { 'general-practice': 'http://127.0.0.1:9/messages' },
        workerPollMs: 3_600_000,
      },
    });
    await insertChildren(subgraph.database.db, [
      { id: childPseudonym(KNOWN_CPR, TEST_PSEUDONYM_SECRET), cpr: KNOWN_CPR, birthDate: '2016-07-07', residenceMunicipalityCode: 751, synthetic: true, openCaseSince: '2025-10-01' },
    ]);
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

  it('receives a signed letter at POST /messages and stores it once, however often it is delivered', async () => {
    const m = letter(KNOWN_CPR);
    const body = JSON.stringify(messageOf(m));
    const first = await post(body);
    expect(first).toEqual({ status: 200, body: { received: m.messageId, duplicate: false, response: {} } });
    // Delivered again (the sender did not see the answer): the same answer, nothing stored twice.
    expect(await post(body)).toEqual({ status: 200, body: { received: m.messageId, duplicate: true, response: {} } });
    const rows = await subgraph.database.db.select().from(receivedLetters).where(eq(receivedLetters.messageId, m.messageId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      municipalityCode: 751,
      department: 'CHILDREN_AND_YOUTH',
      childId: childPseudonym(KNOWN_CPR, TEST_PSEUDONYM_SECRET),
      replyDueOn: '2026-03-16',
      senderYdernummer: '107510',
      step: 'TRIN_1',
      subject: 'Bekymring for trivsel',
      // The child's name as the letter's Patient gave it, and the bundle's exact bytes.
      childGivenNames: 'Alma',
      childFamilyName: 'Testbarn',
      bundle: messageOf(m).payload.bundle,
    });
    expect((await subgraph.database.db.select().from(receivedMessages).where(eq(receivedMessages.messageId, m.messageId))).length).toBe(1);
    // One MedCom Acknowledgement (ok) queued for general practice, with the reply due date beside it.
    const acks = (await subgraph.database.db.select().from(outbox).where(eq(outbox.respondsTo, m.messageId)));
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ kind: 'letter-acknowledgement', destination: 'general-practice', payload: { replyDueOn: '2026-03-16' } });
    const ack = parseAcknowledgementBundle(JSON.parse((acks[0]!.payload as { bundle: string }).bundle));
    expect(ack).toMatchObject({ code: 'ok', acknowledged: { messageId: m.messageId } });
  });

  it('refuses a GP message signed with the municipality’s key or another sector’s key (401), and stores nothing', async () => {
    const before = await stored();
    const body = JSON.stringify(messageOf(letter(UNKNOWN_CPR)));
    // The municipality's own key, claiming to be general practice.
    expect(await post(body, keyring.signingKeys.municipality!)).toMatchObject({ status: 401, body: { error: 'BAD_SIGNATURE' } });
    // Another sector's key (a key general practice does not hold), claiming to be general practice.
    const stranger = generateMessageKeyPair().privateKey;
    expect(await post(body, stranger)).toMatchObject({ status: 401, body: { error: 'BAD_SIGNATURE' } });
    // That other sector under its own name: the contract lets it send the municipality nothing, so no key is held.
    expect(await post(body, stranger, 'bua')).toMatchObject({ status: 401, body: { error: 'UNKNOWN_SENDER' } });
    expect(await stored()).toEqual(before);
  });

  it('refuses a kind general practice may not send to the municipality (403), and stores nothing', async () => {
    const before = await stored();
    const receipt = JSON.stringify({ messageId: randomUUID(), kind: 'letter-receipt', payload: { letterMessageId: randomUUID(), status: 'READ', at: '2026-03-02T10:00:00Z' } });
    expect(await post(receipt)).toMatchObject({ status: 403, body: { error: 'KIND_NOT_ALLOWED' } });
    expect(await stored()).toEqual(before);
  });

  it('refuses for good what can never be stored (400/422 with a stable code, never 500), and stores nothing', async () => {
    const before = await stored();
    const m = letter(UNKNOWN_CPR);
    const valid = messageOf(m);
    const withSubject = (subject: string) => JSON.stringify({ ...valid, payload: { ...valid.payload, subject } });
    const cases: [string, number, string][] = [
      [withSubject('Nul\u0000tegn'), 400, 'MALFORMED_MESSAGE'],
      [`{"messageId":"deep","kind":"correspondence-letter","payload":${'['.repeat(5000)}${']'.repeat(5000)}}`, 400, 'MALFORMED_MESSAGE'],
      [JSON.stringify({ ...valid, kind: 'care-communication' }), 400, 'UNKNOWN_KIND'],
      [JSON.stringify({ ...valid, payload: { ...valid.payload, step: 'TRIN_3' } }), 422, 'PAYLOAD_INVALID'],
      [JSON.stringify({ ...valid, payload: { ...valid.payload, bundle: JSON.stringify({ resourceType: 'Bundle', type: 'message', entry: [] }) } }), 422, 'PAYLOAD_INVALID'],
      // A reply-message where the municipality expects a new letter.
      [JSON.stringify({ ...valid, payload: { ...valid.payload, bundle: JSON.stringify(buildCareCommunicationBundle({ ...m, activity: 'reply-message', inReplyTo: { messageId: randomUUID() } })) } }), 422, 'PAYLOAD_INVALID'],
      [JSON.stringify({ ...valid, messageId: randomUUID() }), 422, 'MESSAGE_ID_MISMATCH'],
    ];
    for (const [body, status, error] of cases) {
      const result = await post(body);
      expect(result, body.slice(0, 120)).toMatchObject({ status, body: { error } });
      expect(String(result.body['message'])).not.toContain(UNKNOWN_CPR);
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a letter to an inbox that is no municipality’s in a fatal-error MedCom Acknowledgement with the reason, and stores no letter', async () => {
    const before = await stored();
    const m = letter(UNKNOWN_CPR, { receiver: { ...newLetter.receiver, gln: '5790000000005' } });
    const result: ReceiveOutcome = await subgraph.receiveMessage('general-practice', messageOf(m));
    expect(result).toMatchObject({ ok: true, duplicate: false });
    const [queued] = await subgraph.database.db.select().from(outbox).where(eq(outbox.respondsTo, m.messageId));
    expect(queued).toMatchObject({ kind: 'letter-acknowledgement', payload: { replyDueOn: null } });
    const ack = parseAcknowledgementBundle(JSON.parse((queued!.payload as { bundle: string }).bundle));
    expect(ack.code).toBe('fatal-error');
    expect(ack.issues[0]).toMatchObject({ detail: { code: 'MSG_Receiver_Identifier_UNKNOWN' } });
    expect(ack.issues[0]!.text).toMatch(/No municipal inbox has location number 5790000000005/);
    expect((await stored()).letters).toEqual(before.letters);
  });

  it('lists the inbox newest first, in pages, flagging whether each child is known, and logs each read', async () => {
    const unknown = letter(UNKNOWN_CPR);
    const other = letter(OTHER_CPR);
    expect((await deliver(unknown)).duplicate).toBe(false);
    expect((await deliver(other)).duplicate).toBe(false);
    expect((await deliver(other)).duplicate).toBe(true);

    const page = (after?: string) =>
      gql<{ inbox: { edges: { cursor: string; node: InboxLetter }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
        `query($after: String) { inbox(municipalityCode: 751, first: 2, after: $after) { edges { cursor node { ${LETTER_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
    const first = await page();
    expect(first.errors).toBeUndefined();
    expect(first.data!.inbox.edges.map((e) => e.node.messageId)).toEqual([other.messageId, unknown.messageId]);
    expect(first.data!.inbox.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.data!.inbox.pageInfo.endCursor);
    expect(second.data!.inbox.edges).toHaveLength(1);
    expect(second.data!.inbox.pageInfo.hasNextPage).toBe(false);
    const known = second.data!.inbox.edges[0]!.node;
    expect(known.knownToMunicipality).toBe(true);
    expect(first.data!.inbox.edges[1]!.node.knownToMunicipality).toBe(false);
    expect(known.history.map((h) => h.kind)).toEqual(['RECEIVED']);

    const logged = await subgraph.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.childId, childPseudonym(UNKNOWN_CPR, TEST_PSEUDONYM_SECRET)), eq(accessLog.action, 'READ')));
    expect(logged.some((e) => e.parts.includes('correspondenceLetter') && e.actorSubject === 'demo:caseworker-751')).toBe(true);
  });

  it('refuses another municipality’s staff, GPs and analysts the inbox and its letters', async () => {
    for (const user of ['caseworker-657', 'gp-107510', 'analyst-751']) {
      const res = await gql('{ inbox(municipalityCode: 751) { edges { cursor } } }', undefined, user);
      expect(res.errors?.[0]?.extensions?.['code'], user).toBe('FORBIDDEN');
    }
    const m = letter(UNKNOWN_CPR);
    await deliver(m);
    const res = await fetchLetter(await letterIdOf(m.messageId), 'caseworker-657');
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(res.errors?.[0]?.message).toMatch(/only open to municipality 751/);
  });

  it('assigns and reassigns a letter within the municipality, and refuses a person of another municipality', async () => {
    const m = letter(UNKNOWN_CPR);
    await deliver(m);
    const id = await letterIdOf(m.messageId);
    const assign = (assignee: Record<string, unknown>, user = 'caseworker-751') =>
      gql<{ assignLetter: InboxLetter }>(
        `mutation($id: ID!, $a: LetterAssigneeInput!) { assignLetter(id: $id, assignee: $a) { ${LETTER_FIELDS} } }`,
        { id, a: assignee },
        user,
      );
    const ppr = { subject: 'demo:ppr-751', role: 'PPR_PSYCHOLOGIST', displayName: 'Demo PPR Psychologist Aarhus', organisation: '751' };
    const ok = await assign(ppr);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.assignLetter.assignee).toEqual({ subject: 'demo:ppr-751', role: 'PPR_PSYCHOLOGIST' });
    const again = await assign({ ...ppr, subject: 'demo:healthvisitor-751', role: 'HEALTH_VISITOR', displayName: 'Demo Health Visitor Aarhus' });
    expect(again.data!.assignLetter.history.map((h) => h.kind)).toEqual(['RECEIVED', 'ASSIGNED', 'ASSIGNED']);

    const foreign = await assign({ ...ppr, subject: 'demo:ppr-657', organisation: '657' });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignee.organisation' });
    expect(foreign.errors?.[0]?.message).toMatch(/only be assigned to a professional of municipality 751/);
    const byOther = await assign(ppr, 'caseworker-657');
    expect(byOther.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    // The health visitor it is now assigned to sees it in their own filtered inbox.
    const mine = await gql<{ inbox: { edges: { node: { id: string } }[] } }>(
      '{ inbox(municipalityCode: 751, assignee: "demo:healthvisitor-751") { edges { node { id } } } }',
      undefined,
      'healthvisitor-751',
    );
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.inbox.edges.map((e) => e.node.id)).toEqual([id]);
  });

  it('marks a letter read once, queuing one status message to the GP', async () => {
    const m = letter(UNKNOWN_CPR);
    await deliver(m);
    const id = await letterIdOf(m.messageId);
    const mark = () => gql<{ markLetterRead: InboxLetter }>(`mutation($id: ID!) { markLetterRead(id: $id) { ${LETTER_FIELDS} } }`, { id }, 'ppr-751');
    expect((await mark()).data!.markLetterRead.status).toBe('READ');
    expect((await mark()).data!.markLetterRead.history.map((h) => h.kind)).toEqual(['RECEIVED', 'READ']);
    const statuses = (await subgraph.database.db.select().from(outbox).where(eq(outbox.kind, 'letter-receipt'))).filter(
      (r) => (r.payload as { letterMessageId: string }).letterMessageId === m.messageId,
    );
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toMatchObject({ destination: 'general-practice', payload: { letterMessageId: m.messageId, status: 'READ' } });
    const read = await gql<{ inbox: { edges: { node: { id: string } }[] } }>('{ inbox(municipalityCode: 751, status: READ) { edges { node { id } } } }');
    expect(read.data!.inbox.edges.map((e) => e.node.id)).toContain(id);
  });

  describe('replying', () => {
    const reply = (id: string, input: Record<string, unknown>, user = 'caseworker-751') =>
      gql<{ replyToLetter: InboxLetter }>(
        `mutation($id: ID!, $input: ReplyToLetterInput!) { replyToLetter(id: $id, input: $input) { ${LETTER_FIELDS} } }`,
        { id, input: { phone: '87 13 14 15', ...input } },
        user,
      );

    it('requires a contact commitment for a known child, then queues a reply-message bundle pointing at the letter', async () => {
      const m = letter(KNOWN_CPR);
      await deliver(m);
      const id = await letterIdOf(m.messageId);
      const missing = await reply(id, { initiated: ['PPR_ASSESSMENT'], text: 'PPR ser på sagen.' });
      expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactCommitment' });
      // MedCom's text segment carries its author's telephone: a reply without a number to call is refused.
      const noPhone = await reply(id, { initiated: ['PPR_ASSESSMENT'], contactCommitment: 'CONTACT_FAMILY', phone: 'ring til kontoret' });
      expect(noPhone.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });

      const byOther = await reply(id, { initiated: ['PPR_ASSESSMENT'], contactCommitment: 'CONTACT_FAMILY' }, 'caseworker-657');
      expect(byOther.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      // Neither refusal stored a reply or queued a message.
      const storedReply = async () => ({
        replies: (await subgraph.database.db.select().from(letterReplies).where(eq(letterReplies.letterId, id))).length,
        messages: (await subgraph.database.db.select().from(outbox).where(eq(outbox.kind, 'correspondence-reply'))).filter(
          (r) => r.childId === childPseudonym(KNOWN_CPR, TEST_PSEUDONYM_SECRET),
        ).length,
      });
      expect(await storedReply()).toEqual({ replies: 0, messages: 0 });

      const ok = await reply(id, { initiated: ['PPR_ASSESSMENT', 'FAMILY_GUIDANCE'], text: 'PPR ser på sagen.', contactCommitment: 'CONTACT_FAMILY' });
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.replyToLetter).toMatchObject({
        status: 'ANSWERED',
        reply: { initiated: ['PPR_ASSESSMENT', 'FAMILY_GUIDANCE'], contactCommitment: 'CONTACT_FAMILY', contactOptions: null },
      });

      const [queued] = (await subgraph.database.db.select().from(outbox).where(eq(outbox.kind, 'correspondence-reply'))).filter(
        (r) => r.childId === childPseudonym(KNOWN_CPR, TEST_PSEUDONYM_SECRET),
      );
      expect(queued).toBeDefined();
      const payload = queued!.payload as { bundle: string; initiatedItems: string[]; contactCommitment: string };
      expect(payload).toMatchObject({ initiatedItems: ['PPR_ASSESSMENT', 'FAMILY_GUIDANCE'], contactCommitment: 'CONTACT_FAMILY', contactOptions: null });
      const parsed = parseCareCommunicationBundle(JSON.parse(payload.bundle)).message;
      expect(parsed.activity).toBe('reply-message');
      // The reply's own segment carries the author's phone; the child's name and the letter's Provenance come along.
      expect(parsed.payloads[0]!.authorContact).toEqual({ system: 'phone', value: '+4587131415' });
      expect(parsed.patient.name).toEqual({ given: ['Alma'], family: 'Testbarn' });
      expect(parsed.history?.map((h) => h.messageId)).toEqual([m.messageId]);
      // The bytes sent are the bytes kept.
      const [kept] = await subgraph.database.db.select().from(letterReplies).where(eq(letterReplies.letterId, id));
      expect(kept!.bundle).toBe(payload.bundle);
      expect(parsed.activity === 'reply-message' && parsed.inReplyTo).toEqual({ messageId: m.messageId });
      expect(parsed.receiver.gln).toBe(newLetter.sender.gln);
      expect(parsed.sender.gln).toBe(aarhusGln);
      expect(parsed.conversationId).toBe(m.conversationId);
      expect(parsed.payloads[0]!.text).toMatch(/PPR-vurdering; Familievejledning[\s\S]*kontakter familien/);
      const provenance = (JSON.parse(payload.bundle) as { entry: { resource: { resourceType: string; entity?: { role: string; what: { reference?: string } }[] } }[] }).entry
        .map((e) => e.resource)
        .find((r) => r.resourceType === 'Provenance')!;
      expect(provenance.entity).toContainEqual({ role: 'revision', what: { reference: `MessageHeader/${m.messageId}` } });

      const twice = await reply(id, { initiated: ['PPR_ASSESSMENT'], contactCommitment: 'CONTACT_GP' });
      expect(twice.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
      expect(twice.errors?.[0]?.message).toMatch(/already been answered/);
      expect(await storedReply()).toEqual({ replies: 1, messages: 1 });

      const changes = await subgraph.database.db
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.childId, childPseudonym(KNOWN_CPR, TEST_PSEUDONYM_SECRET)), eq(accessLog.action, 'CHANGE')));
      expect(changes.map((c) => c.parts)).toContainEqual(['correspondenceLetter.reply']);
    });

    it('requires contact options, and no commitment, for a child the municipality does not know', async () => {
      const m = letter(UNKNOWN_CPR);
      await deliver(m);
      const id = await letterIdOf(m.messageId);
      const missing = await reply(id, { initiated: ['NO_ACTION_NEEDED'] });
      expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactOptions' });
      const committed = await reply(id, { initiated: ['NO_ACTION_NEEDED'], contactCommitment: 'CONTACT_FAMILY', contactOptions: 'Åben rådgivning 8940 2000' });
      expect(committed.errors?.[0]?.extensions).toMatchObject({ field: 'contactCommitment' });
      const ok = await reply(id, { initiated: ['NO_ACTION_NEEDED'], contactOptions: 'Åben anonym rådgivning: 8940 2000, hverdage 9-12' });
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.replyToLetter.reply).toMatchObject({ contactCommitment: null, contactOptions: 'Åben anonym rådgivning: 8940 2000, hverdage 9-12' });
    });
  });

  it('flags letters past the municipality’s deadline as overdue, and lets its caseworker change the deadline', async () => {
    today = '2026-03-02';
    const m = letter(OTHER_CPR);
    await deliver(m);
    const id = await letterIdOf(m.messageId);
    expect((await fetchLetter(id)).data!.receivedLetter).toMatchObject({ replyDueOn: '2026-03-16', overdue: false });
    today = '2026-03-17';
    expect((await fetchLetter(id)).data!.receivedLetter.overdue).toBe(true);
    const overdue = await gql<{ inbox: { edges: { node: { id: string; overdue: boolean } }[] } }>(
      '{ inbox(municipalityCode: 751, overdue: true) { edges { node { id overdue } } } }',
    );
    expect(overdue.data!.inbox.edges.map((e) => e.node.id)).toContain(id);
    expect(overdue.data!.inbox.edges.every((e) => e.node.overdue)).toBe(true);
    const old = await gql<{ inbox: { edges: { node: { id: string } }[] } }>('{ inbox(municipalityCode: 751, olderThanDays: 15) { edges { node { id } } } }');
    expect(old.data!.inbox.edges.map((e) => e.node.id)).toContain(id);
    const recent = await gql<{ inbox: { edges: { node: { id: string } }[] } }>('{ inbox(municipalityCode: 751, olderThanDays: 16) { edges { node { id } } } }');
    expect(recent.data!.inbox.edges).toHaveLength(0);

    const refused = await gql('mutation { setReplyDeadline(municipalityCode: 751, workingDays: 3) { code } }', undefined, 'ppr-751');
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const foreign = await gql('mutation { setReplyDeadline(municipalityCode: 751, workingDays: 3) { code } }', undefined, 'caseworker-657');
    expect(foreign.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const bad = await gql('mutation { setReplyDeadline(municipalityCode: 751, workingDays: 0) { code } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workingDays' });
    const set = await gql<{ setReplyDeadline: { inbox: { replyDeadlineWorkingDays: number } } }>(
      'mutation { setReplyDeadline(municipalityCode: 751, workingDays: 3) { inbox { replyDeadlineWorkingDays } } }',
    );
    expect(set.data!.setReplyDeadline.inbox.replyDeadlineWorkingDays).toBe(3);
    const later = letter(OTHER_CPR);
    await deliver(later); // received Tuesday 2026-03-17
    expect((await fetchLetter(await letterIdOf(later.messageId))).data!.receivedLetter.replyDueOn).toBe('2026-03-20');
  });

  it('files a letter to a municipality that routes letters to its health and elderly area under that department', async () => {
    const lemvig = MUNICIPALITY_INBOXES.find((m) => m.code === 665)!;
    expect(lemvig.receivingDepartment).toBe('HEALTH_AND_ELDERLY');
    const m = letter(UNKNOWN_CPR, { receiver: { ...newLetter.receiver, gln: lemvig.inboxLocationNumber } });
    await deliver(m);
    const lemvigCaseworker: Principal = { subject: 'test:caseworker-665', displayName: 'Test Caseworker Lemvig', sector: 'MUNICIPALITY', organisation: '665', roles: ['CASEWORKER'] };
    const inbox = async (department: string) =>
      postGraphQL<{ inbox: { edges: { node: { messageId: string; department: string } }[] } }>(
        subgraph.url,
        'query($d: ReceivingDepartment) { inbox(municipalityCode: 665, department: $d) { edges { node { messageId department } } } }',
        { d: department },
        await as(lemvigCaseworker),
      );
    const health = await inbox('HEALTH_AND_ELDERLY');
    expect(health.errors).toBeUndefined();
    expect(health.data!.inbox.edges.map((e) => e.node)).toEqual([{ messageId: m.messageId, department: 'HEALTH_AND_ELDERLY' }]);
    const children = await inbox('CHILDREN_AND_YOUTH');
    expect(children.data!.inbox.edges).toEqual([]);
  });

  it('keeps the access log append-only: rows can be neither updated nor deleted', async () => {
    const { db } = subgraph.database;
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => 'succeeded',
        (e: unknown) => `${String((e as Error).message)} ${String(((e as Error).cause as Error | undefined)?.message ?? '')}`,
      );
    expect(await failure(db.execute(sql`update municipality.access_log set purpose = 'EARLY_DETECTION'`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`delete from municipality.access_log`))).toMatch(/append-only/);
  });

  it('lets any authenticated user search the directory of inboxes by name, code or location number', async () => {
    type Dir = { municipalityDirectory: { code: number; inbox: { locationNumber: string; receivingDepartment: string } }[] };
    const byName = await gql<Dir>('{ municipalityDirectory(search: "aarhus") { code inbox { locationNumber receivingDepartment } } }', undefined, 'gp-107510');
    expect(byName.errors).toBeUndefined();
    expect(byName.data!.municipalityDirectory.map((m) => m.code)).toEqual([751]);
    const byGln = await gql<Dir>('query($s: String) { municipalityDirectory(search: $s) { code } }', { s: aarhusGln }, 'gp-107510');
    expect(byGln.data!.municipalityDirectory.map((m) => m.code)).toEqual([751]);
    const byCode = await gql<Dir>('{ municipalityDirectory(search: "657") { code } }', undefined, 'analyst-region');
    expect(byCode.data!.municipalityDirectory.map((m) => m.code)).toEqual([657]);
    const all = await gql<Dir>('{ municipalityDirectory { code } }', undefined, 'gp-107510');
    expect(all.data!.municipalityDirectory).toHaveLength(19);
  });
});
