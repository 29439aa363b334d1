import { accessLog as gpAccessLog, outbox as gpOutbox } from '@pathway-graph/general-practice/db/schema';
import { buildCareCommunicationBundle, childPseudonym, MUNICIPALITY_INBOXES, parseCareCommunicationBundle } from '@pathway-graph/shared';
import { DEMO_CHILDREN, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { codeOf, DEFAULT_LETTER_TEXT, eventually, scenario, writingLetters, type Reply } from '../support/scenario/index.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/** Monday 23 November 2026. */
const TODAY = '2026-11-23';

/** Two Aarhus children of practice 107510 whose families consented: letters about them may go to the municipality. */
const [childA, childB] = DEMO_CHILDREN.filter((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && demoChildConsents(c)) as [
  (typeof DEMO_CHILDREN)[number],
  (typeof DEMO_CHILDREN)[number],
];

/** A PPR psychologist of Aarhus, as the caseworker hands a letter on. */
const PPR_AARHUS = { subject: 'demo:ppr-751', role: 'PPR_PSYCHOLOGIST', displayName: 'Demo PPR-psykolog Aarhus', organisation: '751' };

describeWithDatabases('GP to municipality correspondence through the gateway', (backend) => {
  let t: TestSystem;
  let today = TODAY;

  beforeAll(async () => {
    t = await startTestSystem(backend, { today: () => today });
  });
  afterAll(async () => {
    await t?.close();
  });

  const { asGp, asCaseworker, asPprPsychologist, as } = scenario(() => t);
  const gp = asGp('107510');
  const caseworker = asCaseworker(751);
  const ppr = asPprPsychologist(751);

  /** The GP's outbox rows for these message ids: what was handed to the delivery worker, and how often it tried. */
  const outboxOf = async (messageIds: readonly string[]) =>
    (await t.system.databases['general-practice'].db.select().from(gpOutbox)).filter((m) => messageIds.includes(m.messageId));

  it('a GP sends a letter, the municipality triages and replies, and the GP sees the reply and the status history', async () => {
    const sent = await gp.sendLetter({ messageId: 'e2e-flow-0001', cpr: childA.cpr });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendCorrespondenceLetter.status).toBe('QUEUED');
    const id = sent.data!.sendCorrespondenceLetter.id;
    await gp.waitsUntilLetterIs(id, 'DELIVERED');

    // The caseworker finds it in Aarhus' inbox, from the child's own GP, about the child the GP named.
    const [received] = await caseworker.findsInInbox('e2e-flow-0001');
    expect(received).toMatchObject({ status: 'RECEIVED', knownToMunicipality: childA.hasOpenMunicipalCase });
    const opened = await caseworker.openLetter(received!.id, 'senderPractice { ydernummer } step subject text child { id }');
    expect(opened.errors).toBeUndefined();
    expect(opened.data!.receivedLetter).toEqual({
      senderPractice: { ydernummer: '107510' },
      step: 'TRIN_1',
      subject: 'Henvendelse om barn i mistrivsel',
      text: DEFAULT_LETTER_TEXT,
      child: { id: childPseudonym(childA.cpr, TEST_PSEUDONYM_SECRET) },
    });

    // Hands it to PPR in Aarhus; not to a psychologist of Herning.
    expect((await caseworker.assignLetter(received!.id, PPR_AARHUS)).errors).toBeUndefined();
    const toHerning = await caseworker.assignLetter(received!.id, { ...PPR_AARHUS, subject: 'demo:ppr-657', displayName: 'Demo PPR-psykolog Herning', organisation: '657' });
    expect(toHerning.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignee.organisation' });

    expect((await ppr.markRead(received!.id)).errors).toBeUndefined();
    await gp.waitsUntilLetterIs(id, 'READ');
    // Herning's caseworker cannot read Aarhus' letter.
    expect(codeOf(await asCaseworker(657).openLetter(received!.id, 'text'))).toBe('FORBIDDEN');

    const reply: Reply = {
      initiated: ['PPR_ASSESSMENT'],
      text: 'PPR vurderer barnet; vi kontakter familien.',
      ...(childA.hasOpenMunicipalCase ? { contactCommitment: 'CONTACT_FAMILY' } : { contactOptions: 'Familien kan ringe til PPR Aarhus på hverdage kl. 9-12.' }),
    };
    expect((await ppr.reply(received!.id, reply)).errors).toBeUndefined();
    // A letter is answered once.
    expect(codeOf(await ppr.reply(received!.id, reply))).toBe('CONFLICT');

    const answered = await gp.waitsUntilLetterIs(id, 'ANSWERED');
    expect(answered.statusHistory.map((h) => h.status)).toEqual(['QUEUED', 'DELIVERED', 'READ', 'ANSWERED']);
    // The reply's text as MedCom carries it: what was initiated, the caseworker's words, then the commitment.
    expect(answered.reply!.text!.split('\n\n').slice(0, 2)).toEqual(['Iværksat: PPR-vurdering.', 'PPR vurderer barnet; vi kontakter familien.']);
    expect(answered.reply).toMatchObject({
      initiatedItems: ['PPR_ASSESSMENT'],
      contactCommitment: childA.hasOpenMunicipalCase ? 'CONTACT_FAMILY' : null,
    });
    // The reply is a MedCom reply-message whose Provenance points at the GP's letter.
    const replyBundle = JSON.parse(answered.reply!.exportBundle) as {
      entry: { resource: { resourceType: string; activity?: { coding: { code: string }[] }; entity?: { role: string; what: { reference?: string } }[] } }[];
    };
    const provenance = replyBundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Provenance');
    expect(provenance.some((p) => p.activity?.coding.some((c) => c.code === 'reply-message'))).toBe(true);
    expect(provenance.flatMap((p) => p.entity ?? [])).toContainEqual({ role: 'revision', what: { reference: 'MessageHeader/e2e-flow-0001' } });

    // Another practice's GP sees neither the letter nor its reply.
    expect(codeOf(await asGp('106570').letter(id))).toBe('FORBIDDEN');
  });

  it('refuses misuse with an actionable error and stores nothing', async () => {
    const changesLogged = async () =>
      (await t.system.databases['general-practice'].db.select().from(gpAccessLog)).filter((e) => e.action === 'CHANGE').length;
    const [lettersBefore, changesBefore] = [await gp.sentLetterCount(), await changesLogged()];
    const refusals: [string, Record<string, unknown>, Record<string, unknown>, RegExp][] = [
      ['a child-welfare notification', { isChildWelfareNotification: true }, { field: 'isChildWelfareNotification' }, /underretning/i],
      ['an acute matter', { acute: true }, { field: 'acute' }, /emergency.*BUA.*notification/is],
      ['a young person of 18', { cpr: '0101804001' }, { field: 'cpr' }, /18 or older on 2026-11-23/],
      ['a CPR number with an impossible date', { cpr: '3102154001' }, { field: 'cpr' }, /CPR number/],
      ['a letter without the family’s consent', { consent: null }, { field: 'consent' }, /consent is required/],
      ['a municipality outside the region', { municipalityCode: 101 }, { field: 'municipalityCode' }, /Unknown municipality code 101/],
      ['an empty letter', { text: '   ' }, { field: 'text' }, /text is empty/],
    ];
    for (const [n, [what, overrides, extensions, message]] of refusals.entries()) {
      const res = await gp.sendLetter({ messageId: `e2e-refuse-0${n}`, cpr: childA.cpr, ...overrides });
      expect(res.errors?.[0]?.extensions, what).toMatchObject({ code: 'BAD_USER_INPUT', ...extensions });
      expect(res.errors?.[0]?.message, what).toMatch(message);
      expect(res.data ?? null, what).toBeNull();
    }
    // Only GPs write letters: the practice's analyst may not, nor anyone of another sector.
    const analyst = as({ subject: 'test:analyst-107510', displayName: 'Test Practice Analyst', sector: 'GENERAL_PRACTICE', organisation: '107510', roles: ['ANALYST'] });
    for (const [n, someone] of [analyst, as('caseworker-751')].entries()) {
      expect(codeOf(await writingLetters(someone).sendLetter({ messageId: `e2e-refuse-1${n}`, cpr: childA.cpr })), someone.user).toBe('FORBIDDEN');
    }
    // No letter, nothing handed to the delivery worker, no change in the practice's access log.
    expect(await gp.sentLetterCount()).toBe(lettersBefore);
    const outbox = await t.system.databases['general-practice'].db.select().from(gpOutbox);
    expect(outbox.filter((m) => m.messageId.startsWith('e2e-refuse-'))).toEqual([]);
    expect(await changesLogged()).toBe(changesBefore);
  });

  it('20 concurrent sends with the same message id make one letter', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => gp.sendLetter({ messageId: 'e2e-same-id-0001', cpr: childB.cpr })));
    expect(results.map((r) => r.errors)).toEqual(Array(20).fill(undefined));
    const ids = new Set(results.map((r) => r.data!.sendCorrespondenceLetter.id));
    expect(ids.size).toBe(1);
    await gp.waitsUntilLetterIs([...ids][0]!, 'DELIVERED');
    expect(await caseworker.findsInInbox('e2e-same-id-0001')).toHaveLength(1);
  });

  it('letters sent while the municipality is down stay queued, then arrive exactly once and in order when it is back', async () => {
    const messageIds = ['e2e-down-0000', 'e2e-down-0001', 'e2e-down-0002'];
    await t.system.stopSubgraph('municipality');
    const ids: string[] = [];
    try {
      for (const [n, child] of [childA, childB, childA].entries()) {
        ids.push(await gp.sendsLetter({ messageId: messageIds[n]!, cpr: child.cpr, text: `Brev nummer ${n} mens kommunen er nede.` }));
      }
      // The worker tried the first letter of each child and failed; child A's second waits behind its first.
      await eventually('a failed delivery of each child’s first letter', () => outboxOf(messageIds), (rows) =>
        rows.filter((m) => m.messageId !== 'e2e-down-0002').every((m) => m.attempts >= 1 && m.lastError !== null),
      );
      for (const id of ids) expect((await gp.seesLetter(id)).status).toBe('QUEUED');
    } finally {
      await t.system.startSubgraph('municipality');
    }
    for (const id of ids) await gp.waitsUntilLetterIs(id, 'DELIVERED', 30_000);
    const down = (await caseworker.inbox()).filter((l) => l.messageId.startsWith('e2e-down-'));
    expect(down.map((l) => l.messageId).sort()).toEqual(messageIds);
    const at = new Map(down.map((l) => [l.messageId, l.receivedAt]));
    // Per child in order: child A's first letter arrived before its second.
    expect(at.get('e2e-down-0000')! <= at.get('e2e-down-0002')!).toBe(true);
  });

  it('flags a letter overdue on both sides by the deadline the municipality set itself', async () => {
    expect((await caseworker.setReplyDeadline(3)).errors).toBeUndefined();
    try {
      const id = await gp.sendsLetter({ messageId: 'e2e-deadline-01', cpr: childB.cpr });
      await gp.waitsUntilLetterIs(id, 'DELIVERED');
      // Monday 23 November + 3 working days.
      expect(await gp.seesLetter(id)).toMatchObject({ replyDueOn: '2026-11-26', overdue: false });
      today = '2026-11-27';
      expect(await gp.seesLetter(id)).toMatchObject({ replyDueOn: '2026-11-26', overdue: true });
      expect(await caseworker.findsInInbox('e2e-deadline-01')).toMatchObject([{ replyDueOn: '2026-11-26', overdue: true }]);
    } finally {
      today = TODAY;
      await caseworker.setReplyDeadline(10);
    }
  });

  it('exports a letter as a MedCom bundle that imports back to the same letter', async () => {
    const id = await gp.sendsLetter({ messageId: 'e2e-export-001', cpr: childB.cpr });
    const bundle = await gp.exportsLetter(id);
    expect(JSON.parse(bundle)).toMatchObject({ resourceType: 'Bundle', type: 'message' });
    const imported = await gp.importBundle(bundle, 'messageId activity category topic child { id } texts receiverLocationNumber deviations { code }');
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importCareCommunication).toEqual({
      messageId: 'e2e-export-001',
      activity: 'new-message',
      category: 'OTHER',
      topic: 'Mistrivsel',
      child: { id: childPseudonym(childB.cpr, TEST_PSEUDONYM_SECRET) },
      texts: [DEFAULT_LETTER_TEXT],
      receiverLocationNumber: await caseworker.inboxLocationNumber(),
      deviations: [],
    });
  });

  it('keeps each child’s letters in order through a long outage of the municipality, and delivers all of them', async () => {
    const children = [childA, childB];
    const sent: { id: string; messageId: string; child: number }[] = [];
    await t.system.stopSubgraph('municipality');
    try {
      for (let n = 0; n < 20; n++) {
        const messageId = `e2e-outage-${String(n).padStart(2, '0')}`;
        sent.push({ id: await gp.sendsLetter({ messageId, cpr: children[n % 2]!.cpr, text: `Brev ${n} under et langt nedbrud.` }), messageId, child: n % 2 });
      }
      // The first letter of each child tried and backed off several times; every other letter held back behind it.
      const firsts = sent.slice(0, 2).map((s) => s.messageId);
      await eventually('three failed attempts at each child’s first letter', () => outboxOf(firsts), (rows) => rows.every((m) => m.attempts >= 3), 30_000);
      expect((await outboxOf(sent.slice(2).map((s) => s.messageId))).filter((m) => m.attempts > 0)).toEqual([]);
      for (const { id } of sent) expect((await gp.seesLetter(id)).status).toBe('QUEUED');
    } finally {
      await t.system.startSubgraph('municipality');
    }
    for (const { id } of sent) await gp.waitsUntilLetterIs(id, 'DELIVERED', 60_000);
    // The inbox pages newest first by its own receipt order: reversed, that is the order of arrival.
    const arrived = (await caseworker.inbox()).map((l) => l.messageId).filter((id) => id.startsWith('e2e-outage-')).reverse();
    expect(arrived).toHaveLength(20);
    for (const child of [0, 1]) {
      const expected = sent.filter((s) => s.child === child).map((s) => s.messageId);
      expect(arrived.filter((id) => expected.includes(id))).toEqual(expected);
    }
  });

  it('does not let an imported bundle from another sender answer a letter', async () => {
    const id = await gp.sendsLetter({ messageId: 'e2e-forged-01', cpr: childB.cpr });
    await gp.waitsUntilLetterIs(id, 'DELIVERED');
    const letter = parseCareCommunicationBundle(JSON.parse(await gp.exportsLetter(id))).message;
    // A "reply" that claims to come from Herning's inbox, to a letter the GP sent to Aarhus.
    const herning = MUNICIPALITY_INBOXES.find((m) => m.code === 657)!;
    const forged = buildCareCommunicationBundle({
      ...letter,
      bundleId: crypto.randomUUID(),
      messageId: 'e2e-forged-reply-01',
      activity: 'reply-message',
      inReplyTo: { messageId: letter.messageId },
      sender: { sorCode: '6579991000016003', gln: herning.inboxLocationNumber, name: herning.inboxName },
      receiver: letter.sender,
      payloads: [{ id: `urn:uuid:${crypto.randomUUID()}`, text: 'Sagen er lukket; I skal ikke gøre mere.', writtenAt: '2026-11-23T12:00:00+01:00' }],
      quotedPayloads: [],
    });
    const res = await gp.importBundle(JSON.stringify(forged));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'MessageHeader.sender', reason: 'WRONG_SENDER' });
    expect(await gp.seesLetter(id)).toMatchObject({ status: 'DELIVERED', reply: null });
  });
});
