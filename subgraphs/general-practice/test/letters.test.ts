import {
  acknowledgementOf,
  buildAcknowledgementBundle,
  buildCareCommunicationBundle,
  isUuidV4,
  newMedComId,
  childPseudonym,
  createLogger,
  glnFromPrefix,
  MUNICIPALITY_INBOXES,
  parseCareCommunicationBundle,
  SENDER_HEADER,
  SIGNATURE_HEADER,
  signMessage,
  type CareCommunicationMessage,
} from '@pathway-graph/shared';
import { readExample, type ExampleFile } from '@pathway-graph/shared/fhir/fixtures/examples';
import { capturingLogger, keyring, startRecipient } from '@pathway-graph/shared/messaging/test-helpers';
import { as, testVerifier } from '@pathway-graph/test/support/auth';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { postGraphQL } from '@pathway-graph/test/support/graphql';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertPracticesAndChildren, type GeneralPracticeDb } from '../src/db/repository.ts';
import { accessLog, letters, outbox, receivedMessages, replies } from '../src/db/schema.ts';
import { ACUTE_MESSAGE, NOTIFICATION_MESSAGE } from '../src/rules/letter.ts';
import { startGeneralPracticeSubgraph, type RunningGeneralPracticeSubgraph } from '../src/subgraph.ts';

const TODAY = '2026-06-01';
/** Born 2015-03-04, 11 on TODAY: a custody holder consents. */
const CHILD_CPR = '0403154321';
const CHILD_ID = childPseudonym(CHILD_CPR, TEST_PSEUDONYM_SECRET);
/** The practice's record of the child, with the (synthetic) official name a MedCom letter carries. */
const CHILD_RECORD = { id: CHILD_ID, cpr: CHILD_CPR, birthDate: '2015-03-04', givenNames: 'Alma', familyName: 'Testbarn', listedPractice: '107510', synthetic: true };
const AARHUS = MUNICIPALITY_INBOXES.find((m) => m.code === 751)!;
const practice = (ydernummer: string, municipalityCode: number) => ({
  ydernummer,
  name: `Testpraksis ${ydernummer} (syntetisk)`,
  locationNumber: glnFromPrefix(`57900066${String(municipalityCode).padStart(3, '0')}0`),
  municipalityCode,
  synthetic: true,
});
/** gp-107510 (and gp-107510-b) work in 107510; gp-106570 in another practice. */
const PRACTICES = [practice('107510', 751), practice('106570', 657)];

const LETTER_FIELDS = `id messageId child { id } recipient { municipality { code } code inboxName locationNumber } subject topic category
  text step consentGivenBy consentGivenOn signedBy status statusHistory { status at note } sentAt replyDueOn overdue
  reply { messageId text initiatedItems contactCommitment receivedAt exportBundle } exportBundle`;
const SEND = `mutation Send($input: SendLetterInput!) { sendCorrespondenceLetter(input: $input) { ${LETTER_FIELDS} } }`;

interface Letter {
  id: string;
  messageId: string;
  child: { id: string };
  status: string;
  statusHistory: { status: string; note: string | null }[];
  replyDueOn: string;
  overdue: boolean;
  exportBundle: string | null;
  reply: { text: string; initiatedItems: string[]; contactCommitment: string | null; exportBundle: string } | null;
  recipient: { code: number; inboxName: string; locationNumber: string; municipality: { code: number } };
}

let sequence = 0;
const newMessageId = () => `0197a1c2-0000-7000-8000-${String(++sequence).padStart(12, '0')}`;
const letterInput = (overrides: Record<string, unknown> = {}) => ({
  messageId: newMessageId(),
  cpr: CHILD_CPR,
  municipalityCode: 751,
  category: 'PSYCHIATRY_SOCIAL_DISABILITY',
  subject: 'Bekymring for trivsel',
  text: 'Pigen har i tre måneder haft ondt i maven og vil ikke i skole. Forældrene ønsker kontakt til PPR.',
  step: 'TRIN_1',
  consent: { givenBy: 'CUSTODY_HOLDER', givenOn: '2026-05-28' },
  signature: { name: 'Mette Lund', title: 'Praktiserende læge', phone: '86 12 34 56' },
  ...overrides,
});

const vendorExample = (file: string) => readExample(file as ExampleFile);
const VENDOR_EXAMPLES = [
  { file: 'EG_Clinea.json', cpr: '2509479989' },
  { file: 'Systematic_ColumnaCura.json', cpr: '2509479989' },
  { file: 'Vena_Vena.json', cpr: '1612593155' },
];

async function counts(db: GeneralPracticeDb) {
  const [l] = await db.select({ n: count() }).from(letters);
  const [o] = await db.select({ n: count() }).from(outbox);
  return { letters: l!.n, outbox: o!.n };
}

describeWithDatabases('correspondence letters', (backend) => {
  let subgraph: RunningGeneralPracticeSubgraph;
  let dispose: () => Promise<void>;
  const gql = async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, user = 'gp-107510') =>
    postGraphQL<T>(subgraph.url, query, variables, await as(user));
  const send = (input: Record<string, unknown>, user?: string) => gql<{ sendCorrespondenceLetter: Letter }>(SEND, { input }, user);
  const importBundle = (bundle: string, user?: string) =>
    gql<{ importCareCommunication: { messageId: string; activity: string; category: string; child: { id: string }; texts: string[]; deviations: { code: string; element: string }[]; answeredLetter: Letter | null } }>(
      `mutation Import($b: String!) { importCareCommunication(bundle: $b) { messageId activity category child { id } texts deviations { code element description } answeredLetter { ${LETTER_FIELDS} } } }`,
      { b: bundle },
      user,
    );

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    subgraph = await startGeneralPracticeSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      log: createLogger('general-practice', 'silent'),
      verifier: await testVerifier(),
      today: () => TODAY,
    });
    await insertPracticesAndChildren(subgraph.database.db, PRACTICES, [CHILD_RECORD]);
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

  it('refuses every invalid letter with an actionable message naming the field, and stores nothing', async () => {
    const before = await counts(subgraph.database.db);
    const cases: [Record<string, unknown>, string, RegExp | string][] = [
      [{ cpr: '12345' }, 'cpr', /CPR number must be 10 digits/],
      [{ cpr: '0101304321' }, 'cpr', /not yet born on 2026-06-01/],
      [{ cpr: '0101084321' }, 'cpr', /18 or older on 2026-06-01; the collaboration agreement covers children and young people aged 0-18/],
      [{ consent: null }, 'consent', /consent is required/],
      [{ consent: { givenBy: 'YOUNG_PERSON', givenOn: '2026-05-28' } }, 'consent.givenBy', /custody holder .* must give the consent/],
      [{ municipalityCode: 999 }, 'municipalityCode', /Unknown municipality code 999/],
      [{ municipalityCode: null, inboxLocationNumber: glnFromPrefix('579000000001') }, 'inboxLocationNumber', /No municipality inbox has location number 5790000000012/],
      [{ text: '' }, 'text', /text is empty/],
      // The schema states the limit, so the text is refused before the service sees it, by the stated maximum.
      [{ text: 'x'.repeat(10_001) }, 'input.text', /input.text is 10001 characters long; at most 10000 are accepted/],
      [{ isChildWelfareNotification: true }, 'isChildWelfareNotification', NOTIFICATION_MESSAGE],
      [{ purpose: 'CHILD_WELFARE_NOTIFICATION' }, 'purpose', NOTIFICATION_MESSAGE],
      [{ acute: true }, 'acute', ACUTE_MESSAGE],
      [{ priority: 'ASAP' }, 'priority', ACUTE_MESSAGE],
      [{ category: 'ACUTE_AMBULANT' }, 'category', ACUTE_MESSAGE],
    ];
    for (const [overrides, field, message] of cases) {
      const res = await send(letterInput(overrides));
      const error = res.errors?.[0];
      expect(error?.extensions?.['code'], JSON.stringify(overrides).slice(0, 80)).toBe('BAD_USER_INPUT');
      expect(error?.extensions?.['field']).toBe(field);
      if (typeof message === 'string') expect(error?.message).toBe(message);
      else expect(error?.message).toMatch(message);
      expect(res.data ?? null).toBeNull();
    }
    expect(NOTIFICATION_MESSAGE).toMatch(/usual notification channel/);
    expect(ACUTE_MESSAGE).toMatch(/phone the psychiatric emergency service.*referral directly to .*BUA.*notification/s);
    // Only GPs send letters.
    const caseworker = await send(letterInput(), 'caseworker-751');
    expect(caseworker.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await counts(subgraph.database.db)).toEqual(before);
    // Nothing about the child was logged either.
    expect(await subgraph.database.db.select().from(accessLog).where(eq(accessLog.childId, CHILD_ID))).toEqual([]);
  });

  it('sends a letter: QUEUED, one outbox message carrying its MedCom bundle, and a CHANGE in the access log', async () => {
    const before = await counts(subgraph.database.db);
    const input = letterInput({ inboxLocationNumber: AARHUS.inboxLocationNumber });
    const res = await send(input);
    expect(res.errors).toBeUndefined();
    const letter = res.data!.sendCorrespondenceLetter;
    expect(letter).toMatchObject({
      messageId: input.messageId,
      child: { id: CHILD_ID },
      recipient: { code: 751, municipality: { code: 751 }, inboxName: AARHUS.inboxName, locationNumber: AARHUS.inboxLocationNumber },
      status: 'QUEUED',
      statusHistory: [{ status: 'QUEUED', note: null }],
      replyDueOn: '2026-06-16', // 10 working days after Monday 1 June, Grundlovsdag skipped
      overdue: false,
      reply: null,
    });
    // Only the exported MedCom bundle carries the CPR number (its Patient must); no other field does.
    expect(JSON.stringify({ ...letter, exportBundle: null })).not.toContain(CHILD_CPR);
    expect(await counts(subgraph.database.db)).toEqual({ letters: before.letters + 1, outbox: before.outbox + 1 });
    // MedCom's MessageHeader.id is a fresh UUID of version 4, apart from the client's idempotency key; the outbox
    // delivers the letter under it.
    const headerId = headerOf(letter);
    expect(isUuidV4(headerId)).toBe(true);
    expect(headerId).not.toBe(input.messageId);
    const [message] = await subgraph.database.db.select().from(outbox).where(eq(outbox.messageId, headerId));
    expect(message).toMatchObject({ childId: CHILD_ID, destination: 'municipality', kind: 'correspondence-letter', status: 'QUEUED' });
    // The bundle travels as its bytes: exactly what the export returns. The ydernummer and the step, which MedCom has
    // no element for, travel beside it.
    const payload = message!.payload as { bundle: string; ydernummer: string; step: string; subject: string };
    expect(payload).toEqual({ bundle: letter.exportBundle, ydernummer: '107510', step: input.step, subject: input.subject });
    const parsed = parseCareCommunicationBundle(JSON.parse(payload.bundle)).message;
    expect(parsed).toMatchObject({
      messageId: headerId,
      activity: 'new-message',
      patient: { cpr: CHILD_CPR, name: { given: ['Alma'], family: 'Testbarn' } },
      receiver: { gln: AARHUS.inboxLocationNumber },
    });
    expect([parsed.bundleId, parsed.conversationId.replace('urn:uuid:', ''), parsed.payloads[0]!.id.replace('urn:uuid:', '')].every(isUuidV4)).toBe(true);
    const logged = await subgraph.database.db.select().from(accessLog).where(eq(accessLog.childId, CHILD_ID));
    expect(logged).toMatchObject([{ action: 'CHANGE', actorSubject: 'demo:gp-107510', parts: ['correspondenceLetters'] }]);
  });

  it('returns the first letter when the same messageId is sent again, and CONFLICT when another practice uses it', async () => {
    const input = letterInput();
    const first = await send(input);
    const before = await counts(subgraph.database.db);
    const again = await send({ ...input, text: 'A different text the second time.' }, 'gp-107510-b');
    expect(again.errors).toBeUndefined();
    expect(again.data!.sendCorrespondenceLetter.id).toBe(first.data!.sendCorrespondenceLetter.id);
    expect(await counts(subgraph.database.db)).toEqual(before);
    const other = await send(input, 'gp-106570');
    expect(other.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
    expect(other.errors?.[0]?.message).not.toContain('107510');
    expect(await counts(subgraph.database.db)).toEqual(before);
  });

  it('turns 20 concurrent sends of one messageId into one letter and one outbox message', async () => {
    const before = await counts(subgraph.database.db);
    const input = letterInput();
    const results = await Promise.all(Array.from({ length: 20 }, () => send(input)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data!.sendCorrespondenceLetter.id)).size).toBe(1);
    expect(await counts(subgraph.database.db)).toEqual({ letters: before.letters + 1, outbox: before.outbox + 1 });
  });

  it("shows a practice only its own letters: another practice's GP gets FORBIDDEN and an empty list", async () => {
    const sent = (await send(letterInput())).data!.sendCorrespondenceLetter;
    const query = `query($id: ID!) { sentLetter(id: $id) { id status } }`;
    const own = await gql<{ sentLetter: { id: string } }>(query, { id: sent.id }, 'gp-107510-b');
    expect(own.data?.sentLetter.id).toBe(sent.id);
    const other = await gql(query, { id: sent.id }, 'gp-106570');
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const otherBundle = await gql(`query($id: ID!) { letterBundle(id: $id) }`, { id: sent.id }, 'gp-106570');
    expect(otherBundle.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const list = await gql<{ sentLetters: { edges: unknown[] } }>('{ sentLetters { edges { node { id } } } }', {}, 'gp-106570');
    expect(list.data!.sentLetters.edges).toEqual([]);
    const caseworker = await gql(query, { id: sent.id }, 'caseworker-751');
    expect(caseworker.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('pages through the practice\'s letters newest first, filtered by status', async () => {
    type Page = { sentLetters: { edges: { node: { id: string; status: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const q = 'query($after: String, $status: LetterStatus) { sentLetters(first: 2, after: $after, status: $status) { edges { node { id status } } pageInfo { hasNextPage endCursor } } }';
    const all: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await gql<Page>(q, { after, status: 'QUEUED' });
      expect(res.errors).toBeUndefined();
      all.push(...res.data!.sentLetters.edges.map((e) => e.node.id));
      if (!res.data!.sentLetters.pageInfo.hasNextPage) break;
      after = res.data!.sentLetters.pageInfo.endCursor;
    }
    const rows = await subgraph.database.db.select({ id: letters.id }).from(letters).where(eq(letters.practice, '107510'));
    expect(all).toEqual(rows.map((r) => r.id).sort().reverse());
  });

  it("refuses a letter about a child whose name the practice's record lacks, and stores nothing", async () => {
    const before = await counts(subgraph.database.db);
    const res = await send(letterInput({ cpr: '0506124321', consent: { givenBy: 'CUSTODY_HOLDER', givenOn: '2026-05-28' } }));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cpr' });
    expect(res.errors?.[0]?.message).toMatch(/record has no name for this child.*official name/);
    expect(res.errors?.[0]?.message).not.toContain('0506124321');
    expect(await counts(subgraph.database.db)).toEqual(before);
  });

  it('exports the bundle losslessly and imports it back', async () => {
    const sent = (await send(letterInput({ category: 'OTHER', topic: 'Mistrivsel i skolen' }))).data!.sendCorrespondenceLetter;
    const exported = await gql<{ letterBundle: string }>('query($id: ID!) { letterBundle(id: $id) }', { id: sent.id });
    expect(exported.data!.letterBundle).toBe(sent.exportBundle);
    const message = parseCareCommunicationBundle(JSON.parse(exported.data!.letterBundle)).message;
    expect(JSON.stringify(buildCareCommunicationBundle(message))).toBe(exported.data!.letterBundle);
    const imported = await importBundle(exported.data!.letterBundle);
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importCareCommunication).toMatchObject({
      messageId: headerOf(sent),
      activity: 'new-message',
      category: 'OTHER',
      child: { id: CHILD_ID },
      deviations: [],
      answeredLetter: null,
    });
  });

  it('refuses the vendors’ example messages (adults) with the target-group error, and imports them with a child’s CPR', async () => {
    for (const { file, cpr } of VENDOR_EXAMPLES) {
      const original = vendorExample(file);
      const refused = await importBundle(original);
      expect(refused.errors?.[0]?.extensions, file).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Patient.identifier', reason: 'AGED_18_OR_OLDER' });
      expect(refused.errors?.[0]?.message).toMatch(/18 or older on 2026-06-01; the collaboration agreement covers children and young people aged 0-18/);
      const asChild = original.split(cpr).join(CHILD_CPR);
      const accepted = await importBundle(asChild);
      expect(accepted.errors, file).toBeUndefined();
      expect(accepted.data!.importCareCommunication.child.id).toBe(CHILD_ID);
      if (file === 'Vena_Vena.json') {
        expect([...new Set(accepted.data!.importCareCommunication.deviations.map((d) => d.code))].sort()).toEqual(
          ['cpr-system-without-urn-oid', 'message-definition-4.0', 'sor-system-missing-colon'].sort(),
        );
        expect(accepted.data!.importCareCommunication.deviations.every((d) => d.element.length > 0)).toBe(true);
      } else {
        expect(accepted.data!.importCareCommunication.deviations).toEqual([]);
      }
    }
    // A deviation the parser does not accept is refused with the element named.
    const broken = JSON.parse(vendorExample('EG_Clinea.json').split('2509479989').join(CHILD_CPR)) as { entry: { resource: { resourceType: string; eventCoding?: unknown } }[] };
    delete broken.entry[0]!.resource.eventCoding;
    const refused = await importBundle(JSON.stringify(broken));
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/eventCoding/);
    const notJson = await importBundle('{ not json');
    expect(notJson.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bundle' });
  });

  it('stores an imported reply to a letter: the GP sees the reply and the letter ANSWERED', async () => {
    const sent = (await send(letterInput())).data!.sendCorrespondenceLetter;
    const reply = replyTo(sent);
    const res = await importBundle(JSON.stringify(buildCareCommunicationBundle(reply)));
    expect(res.errors).toBeUndefined();
    expect(res.data!.importCareCommunication.answeredLetter).toMatchObject({ status: 'ANSWERED', reply: { text: reply.payloads[0]!.text } });
    // Another practice cannot answer (or learn about) this practice's letter.
    const other = await importBundle(JSON.stringify(buildCareCommunicationBundle({ ...reply, messageId: newMessageId() })), 'gp-106570');
    expect(other.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses an imported reply that does not come from the inbox the letter was sent to, and stores nothing', async () => {
    const sent = (await send(letterInput())).data!.sendCorrespondenceLetter;
    const repliesBefore = await subgraph.database.db.select({ n: count() }).from(replies);
    const herning = MUNICIPALITY_INBOXES.find((m) => m.code === 657)!;
    for (const sender of [
      { sorCode: '6579991000016003', gln: herning.inboxLocationNumber, name: 'Herning Kommune' },
      // An unsigned bundle naming the practice itself, or any made-up sender.
      { sorCode: '1075101000016004', gln: PRACTICES[0]!.locationNumber, name: 'Testpraksis' },
    ]) {
      const forged = { ...replyTo(sent), sender };
      const res = await importBundle(JSON.stringify(buildCareCommunicationBundle(forged)));
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'MessageHeader.sender', reason: 'WRONG_SENDER' });
      expect(res.errors?.[0]?.message).toMatch(new RegExp(`comes from location number ${sender.gln}.*only that inbox can answer it`));
    }
    const letter = await gql<{ sentLetter: Letter }>(`query($id: ID!) { sentLetter(id: $id) { ${LETTER_FIELDS} } }`, { id: sent.id });
    expect(letter.data!.sentLetter).toMatchObject({ status: 'QUEUED', reply: null });
    expect(await subgraph.database.db.select({ n: count() }).from(replies)).toEqual(repliesBefore);
  });

  it('delivers through the outbox, records read receipts and replies from the municipality, fails and retries', async () => {
    // A subgraph of its own, with messaging, against the municipality's message endpoint reduced to what it answers.
    const created = await backend.create(1);
    const municipality = await startRecipient();
    // Every line logged, at debug level: none may hold the child's name or CPR number (they travel in the bundles).
    const logged = capturingLogger();
    const withMessaging = await startGeneralPracticeSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      log: logged.log,
      verifier: await testVerifier(),
      today: () => TODAY,
      messaging: {
        signingKey: keyring.signingKeys['general-practice']!,
        publicKeys: { municipality: keyring.publicKeys.municipality! },
        endpoints: { municipality: municipality.url },
        workerPollMs: 20,
        maxAttempts: 2,
        backoffMs: () => 10,
      },
    });
    const local = async <T>(query: string, variables: Record<string, unknown>) =>
      postGraphQL<T>(withMessaging.url, query, variables, await as('gp-107510'));
    const statusOf = async (id: string) =>
      (await local<{ sentLetter: Letter }>(`query($id: ID!) { sentLetter(id: $id) { ${LETTER_FIELDS} } }`, { id })).data!.sentLetter;
    const until = async (id: string, status: string) => {
      for (let i = 0; i < 200; i++) {
        const letter = await statusOf(id);
        if (letter.status === status) return letter;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`letter never became ${status}`);
    };
    const post = async (body: unknown, key = keyring.signingKeys.municipality!) => {
      const text = JSON.stringify(body);
      const response = await fetch(withMessaging.url.replace('/graphql', '/messages'), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signMessage(text, { sender: 'municipality', receiver: 'general-practice' }, key),
          [SENDER_HEADER]: 'municipality',
        },
        body: text,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const receivedCount = async () => (await withMessaging.database.db.select({ n: count() }).from(receivedMessages))[0]!.n;
    try {
      // A second child, so a letter FAILED for one child holds back only that child's later letters.
      const other = { ...CHILD_RECORD, id: childPseudonym('0506124321', TEST_PSEUDONYM_SECRET), cpr: '0506124321', birthDate: '2012-06-05', givenNames: 'Karl' };
      await insertPracticesAndChildren(withMessaging.database.db, PRACTICES, [CHILD_RECORD, other]);
      const sent = (await local<{ sendCorrespondenceLetter: Letter }>(SEND, { input: letterInput() })).data!.sendCorrespondenceLetter;
      const awaiting = async (messageId: string) => {
        for (let i = 0; i < 200; i++) {
          const [row] = await withMessaging.database.db.select().from(outbox).where(eq(outbox.messageId, messageId));
          if (row?.status === 'AWAITING_ACKNOWLEDGEMENT' || row?.status === 'FAILED') return row;
          await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error('the letter never reached the municipality');
      };
      // Stored by the municipality, but DELIVERED only with its MedCom Acknowledgement.
      await awaiting(headerOf(sent));
      expect((await statusOf(sent.id)).status).toBe('QUEUED');
      expect(municipality.received.map((m) => [m.kind, m.messageId])).toEqual([['correspondence-letter', headerOf(sent)]]);
      // From another inbox: refused, nothing changes.
      const foreign = acknowledgementBody(sent, 'ok', MUNICIPALITY_INBOXES.find((m) => m.code === 657)!.inboxLocationNumber);
      expect(await post(foreign)).toMatchObject({ status: 422, body: { error: 'WRONG_SENDER' } });
      expect(await post(acknowledgementBody(sent, 'ok'))).toMatchObject({ status: 200 });
      const delivered = await statusOf(sent.id);
      expect(delivered.status).toBe('DELIVERED');
      expect(delivered.statusHistory.at(-1)?.note).toBe('acknowledged by the municipality (MedCom Acknowledgement: ok)');
      // The municipality's own due date replaces the one general practice estimated.
      expect(delivered.replyDueOn).toBe('2026-12-01');

      const receipt = { messageId: newMessageId(), kind: 'letter-receipt', payload: { letterMessageId: headerOf(sent), status: 'READ', at: '2026-06-02T10:00:00Z' } };
      // Signed with general practice's own key, or for an unknown letter: refused, nothing stored.
      expect(await post(receipt, keyring.signingKeys['general-practice']!)).toMatchObject({ status: 401, body: { error: 'BAD_SIGNATURE' } });
      const unknown = { ...receipt, messageId: newMessageId(), payload: { ...receipt.payload, letterMessageId: 'no-such-letter' } };
      expect(await post(unknown)).toMatchObject({ status: 422, body: { error: 'UNKNOWN_LETTER' } });
      expect(await receivedCount()).toBe(1); // the Acknowledgement only
      expect(await post(receipt)).toMatchObject({ status: 200, body: { duplicate: false } });
      expect(await post(receipt)).toMatchObject({ status: 200, body: { duplicate: true } }); // a redelivery changes nothing
      expect((await statusOf(sent.id)).status).toBe('READ');

      const reply = replyTo(sent);
      const replyBody = {
        messageId: reply.messageId,
        kind: 'correspondence-reply',
        payload: { bundle: JSON.stringify(buildCareCommunicationBundle(reply)), initiatedItems: ['PPR_ASSESSMENT', 'NETWORK_MEETING'], contactCommitment: 'CONTACT_FAMILY', contactOptions: null },
      };
      // From another inbox than the letter's: refused for good, the letter unanswered.
      const forged = { ...reply, messageId: newMessageId(), sender: { ...reply.sender, gln: MUNICIPALITY_INBOXES.find((m) => m.code === 657)!.inboxLocationNumber } };
      const forgedBody = { ...replyBody, messageId: forged.messageId, payload: { ...replyBody.payload, bundle: JSON.stringify(buildCareCommunicationBundle(forged)) } };
      // Answered with a MedCom Acknowledgement refusing it (fatal-error, with the reason), not stored.
      expect(await post(forgedBody)).toMatchObject({ status: 200 });
      expect((await statusOf(sent.id)).status).toBe('READ');
      const acknowledgements = async () => {
        for (let i = 0; i < 200 && municipality.received.filter((m) => m.kind === 'reply-acknowledgement').length < 2; i++) await new Promise((r) => setTimeout(r, 25));
        return municipality.received.filter((m) => m.kind === 'reply-acknowledgement').map((m) => JSON.parse((m.payload as { bundle: string }).bundle) as { entry: { resource: { resourceType: string; response?: { code: string; identifier: string } } }[] });
      };

      expect((await post(replyBody)).status).toBe(200);
      expect((await post(replyBody)).status).toBe(200);
      const answered = await statusOf(sent.id);
      expect(answered.status).toBe('ANSWERED');
      expect(answered.statusHistory.map((h) => h.status)).toEqual(['QUEUED', 'DELIVERED', 'READ', 'ANSWERED']);
      // The same enums as the municipality's InboxLetterReply: one vocabulary on both sides.
      expect(answered.reply).toMatchObject({ text: reply.payloads[0]!.text, initiatedItems: ['PPR_ASSESSMENT', 'NETWORK_MEETING'], contactCommitment: 'CONTACT_FAMILY' });
      // Exported as the exact bytes received.
      expect(answered.reply!.exportBundle).toBe(replyBody.payload.bundle);
      expect(await receivedCount()).toBe(4);
      // Both replies got their MedCom Acknowledgement: the forged one refused, the real one ok.
      expect((await acknowledgements()).map((b) => [b.entry[0]!.resource.response!.identifier, b.entry[0]!.resource.response!.code])).toEqual([
        [forged.messageId, 'fatal-error'],
        [reply.messageId, 'ok'],
      ]);

      // The municipality is down: after the bounded attempts the letter is FAILED, visibly; a retry delivers it.
      municipality.refuseWith = 503;
      const failing = (await local<{ sendCorrespondenceLetter: Letter }>(SEND, { input: letterInput() })).data!.sendCorrespondenceLetter;
      const failed = await until(failing.id, 'FAILED');
      expect(failed.statusHistory.at(-1)?.note).toMatch(/delivery failed after 2 attempts \(HTTP 503 TEST_REFUSAL\)/);
      expect(failed.overdue).toBe(false);
      municipality.refuseWith = undefined;
      const retried = await local<{ retryLetterDelivery: Letter }>(`mutation($id: ID!) { retryLetterDelivery(id: $id) { status } }`, { id: failing.id });
      expect(retried.errors).toBeUndefined();
      expect(retried.data!.retryLetterDelivery.status).toBe('QUEUED');
      await awaiting(headerOf(failing));
      expect(await post(acknowledgementBody(failing, 'ok'))).toMatchObject({ status: 200 });
      const redelivered = await until(failing.id, 'DELIVERED');
      expect(redelivered.statusHistory.map((h) => h.status)).toEqual(['QUEUED', 'FAILED', 'QUEUED', 'DELIVERED']);

      // The municipality's Acknowledgement refuses a letter (fatal-error): FAILED with its reason.
      const unroutable = (await local<{ sendCorrespondenceLetter: Letter }>(SEND, { input: letterInput({ cpr: other.cpr }) })).data!.sendCorrespondenceLetter;
      await awaiting(headerOf(unroutable));
      expect(await post(acknowledgementBody(unroutable, 'fatal-error'))).toMatchObject({ status: 200 });
      const unrouted = await statusOf(unroutable.id);
      expect(unrouted.status).toBe('FAILED');
      expect(unrouted.statusHistory.at(-1)?.note).toBe("refused by the municipality's MedCom Acknowledgement: No municipal inbox has the location number.");
      const again = await local<{ retryLetterDelivery: Letter }>(`mutation($id: ID!) { retryLetterDelivery(id: $id) { status } }`, { id: failing.id });
      expect(again.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');

      // The municipality refuses a letter for good: FAILED at the first attempt, with its reason.
      municipality.refuseWith = 422;
      const refused = (await local<{ sendCorrespondenceLetter: Letter }>(SEND, { input: letterInput() })).data!.sendCorrespondenceLetter;
      const refusal = await until(refused.id, 'FAILED');
      expect(refusal.statusHistory.at(-1)?.note).toBe('refused by the municipality: HTTP 422 TEST_REFUSAL: refused by the test');
      const [row] = await withMessaging.database.db.select().from(outbox).where(eq(outbox.messageId, headerOf(refused)));
      expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
      expect(logged.lines.length).toBeGreaterThan(10);
      for (const secret of [CHILD_RECORD.familyName, 'Karl', CHILD_CPR, '0506124321']) expect(logged.lines.join('\n')).not.toContain(secret);
    } finally {
      await withMessaging.close();
      await municipality.stop();
      await created.dispose();
    }
  });
});

/** The letter's MedCom MessageHeader.id, from its exported bundle. */
function headerOf(letter: Pick<Letter, 'exportBundle'>): string {
  return parseCareCommunicationBundle(JSON.parse(letter.exportBundle!)).message.messageId;
}

/** The municipality's MedCom Acknowledgement of a letter, as the message it sends (from `gln`, the inbox by default). */
function acknowledgementBody(letter: Letter, code: 'ok' | 'fatal-error', gln?: string) {
  const message = parseCareCommunicationBundle(JSON.parse(letter.exportBundle!)).message;
  const issues = code === 'ok' ? [] : [{ severity: 'error' as const, code: 'not-found', text: 'No municipal inbox has the location number.' }];
  const ack = acknowledgementOf(gln ? { ...message, receiver: { ...message.receiver, gln } } : message, { code, issues }, { messageId: newMedComId(), bundleId: newMedComId(), sentAt: '2026-06-01T10:00:00Z' });
  return { messageId: ack.messageId, kind: 'letter-acknowledgement', payload: { bundle: JSON.stringify(buildAcknowledgementBundle(ack)), replyDueOn: code === 'ok' ? '2026-12-01' : null } };
}

/** The municipality's reply to a letter, as its system would send it. */
function replyTo(letter: Letter): CareCommunicationMessage {
  const sent = parseCareCommunicationBundle(JSON.parse(letter.exportBundle!)).message;
  return {
    bundleId: crypto.randomUUID(),
    messageId: newMessageId(),
    sentAt: '2026-06-03T10:00:00+02:00',
    activity: 'reply-message',
    inReplyTo: { messageId: sent.messageId },
    conversationId: sent.conversationId,
    category: sent.category,
    ...(sent.topic ? { topic: sent.topic } : {}),
    patient: sent.patient,
    sender: sent.receiver,
    receiver: sent.sender,
    specificSender: { careTeam: { name: 'PPR Aarhus' } },
    payloads: [
      {
        id: `urn:uuid:${crypto.randomUUID()}`,
        text: 'Tak for henvendelsen. Pigen er kendt af kommunen; vi kontakter familien og aftaler et netværksmøde.',
        writtenAt: '2026-06-03T09:55:00+02:00',
      },
    ],
    quotedPayloads: [],
  };
}
