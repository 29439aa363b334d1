import { buildCareCommunicationBundle, childPseudonym, MUNICIPALITY_INBOXES, parseCareCommunicationBundle } from '@pathway-graph/shared';
import { DEMO_CHILDREN, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as } from '../support/auth.ts';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

const TODAY = '2026-11-23';

/** Two Aarhus children of practice 107510 whose families consented: letters about them may go to the municipality. */
const [childA, childB] = DEMO_CHILDREN.filter((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && demoChildConsents(c));

const SEND = `mutation Send($input: SendLetterInput!) { sendCorrespondenceLetter(input: $input) { id messageId status } }`;
const LETTER = `query Letter($id: ID!) { sentLetter(id: $id) { id status statusHistory { status } overdue replyDueOn
  reply { text initiatedItems contactCommitment exportBundle } } }`;

function letterInput(messageId: string, cpr: string, text = 'Barnet viser tegn på mistrivsel i skolen; familien ønsker hjælp.') {
  return {
    messageId,
    cpr,
    municipalityCode: 751,
    category: 'OTHER',
    topic: 'Mistrivsel',
    subject: 'Henvendelse om barn i mistrivsel',
    text,
    step: 'TRIN_1',
    consent: { givenBy: 'CUSTODY_HOLDER', givenOn: '2026-11-20' },
    signature: { name: 'Demo Læge (syntetisk)', title: 'Praktiserende læge', phone: '+45 70 00 00 00' },
  };
}

describeWithDatabases('GP to municipality correspondence through the gateway', (backend) => {
  let t: TestSystem;
  let today = TODAY;

  beforeAll(async () => {
    t = await startTestSystem(backend, { today: () => today });
  });
  afterAll(async () => {
    await t?.close();
  });

  const gp = <T>(query: string, variables?: Record<string, unknown>) => t.queryAs<T>('gp-107510', query, variables);
  const caseworker = <T>(query: string, variables?: Record<string, unknown>) => t.queryAs<T>('caseworker-751', query, variables);

  async function statusOf(id: string): Promise<string> {
    const res = await gp<{ sentLetter: { status: string } }>(LETTER, { id });
    return res.data!.sentLetter.status;
  }
  async function waitForStatus(id: string, status: string, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((await statusOf(id)) !== status) {
      if (Date.now() > until) throw new Error(`letter ${id} never became ${status}; it is ${await statusOf(id)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  /**
   * The client's key of each letter the GP sent, by its MedCom MessageHeader.id (a fresh UUID, what the municipality
   * knows the letter by): so the inbox can be read in the keys this test chose.
   */
  async function clientKeys(): Promise<Map<string, string>> {
    const res = await gp<{ sentLetters: { edges: { node: { messageId: string; exportBundle: string | null } }[] } }>(
      '{ sentLetters(first: 500) { edges { node { messageId exportBundle } } } }',
    );
    expect(res.errors).toBeUndefined();
    return new Map(res.data!.sentLetters.edges.map(({ node }) => [parseCareCommunicationBundle(JSON.parse(node.exportBundle!)).message.messageId, node.messageId]));
  }
  /** Inbox nodes with `messageId` replaced by the GP's client key of the letter. */
  async function asClientKeys<N extends { messageId: string }>(nodes: N[]): Promise<N[]> {
    const keys = await clientKeys();
    return nodes.map((n) => ({ ...n, messageId: keys.get(n.messageId) ?? n.messageId }));
  }
  async function headerIdOf(clientKey: string): Promise<string> {
    return [...(await clientKeys())].find(([, key]) => key === clientKey)![0];
  }
  async function inboxLetter(messageId: string) {
    const res = await caseworker<{ inbox: { edges: { node: { id: string; messageId: string; status: string; knownToMunicipality: boolean } }[] } }>(
      'query { inbox(municipalityCode: 751, first: 100) { edges { node { id messageId status knownToMunicipality } } } }',
    );
    expect(res.errors).toBeUndefined();
    return (await asClientKeys(res.data!.inbox.edges.map((e) => e.node))).filter((n) => n.messageId === messageId);
  }

  it('a GP sends a letter, the municipality triages and replies, and the GP sees the reply and the status history', async () => {
    const sent = await gp<{ sendCorrespondenceLetter: { id: string; status: string } }>(SEND, { input: letterInput('e2e-flow-0001', childA!.cpr) });
    expect(sent.errors).toBeUndefined();
    const id = sent.data!.sendCorrespondenceLetter.id;
    expect(sent.data!.sendCorrespondenceLetter.status).toBe('QUEUED');
    await waitForStatus(id, 'DELIVERED');

    const [received] = await inboxLetter('e2e-flow-0001');
    expect(received).toMatchObject({ status: 'RECEIVED', knownToMunicipality: childA!.hasOpenMunicipalCase });
    const detail = await caseworker<{ receivedLetter: Record<string, unknown> }>(
      'query($id: ID!) { receivedLetter(id: $id) { senderPractice { ydernummer } step subject text child { id } } }',
      { id: received!.id },
    );
    expect(detail.data!.receivedLetter).toMatchObject({
      senderPractice: { ydernummer: '107510' },
      step: 'TRIN_1',
      subject: 'Henvendelse om barn i mistrivsel',
      child: { id: childPseudonym(childA!.cpr, TEST_PSEUDONYM_SECRET) },
    });

    const assigned = await caseworker('mutation($id: ID!, $a: LetterAssigneeInput!) { assignLetter(id: $id, assignee: $a) { id } }', {
      id: received!.id,
      a: { subject: 'demo:ppr-751', role: 'PPR_PSYCHOLOGIST', displayName: 'Demo PPR-psykolog Aarhus', organisation: '751' },
    });
    expect(assigned.errors).toBeUndefined();
    const otherMunicipality = await caseworker('mutation($id: ID!, $a: LetterAssigneeInput!) { assignLetter(id: $id, assignee: $a) { id } }', {
      id: received!.id,
      a: { subject: 'demo:ppr-657', role: 'PPR_PSYCHOLOGIST', displayName: 'Demo PPR-psykolog Herning', organisation: '657' },
    });
    expect(otherMunicipality.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignee.organisation' });

    expect((await t.queryAs('ppr-751', 'mutation($id: ID!) { markLetterRead(id: $id) { id } }', { id: received!.id })).errors).toBeUndefined();
    await waitForStatus(id, 'READ');

    const readByOther = await t.queryAs('caseworker-657', 'query($id: ID!) { receivedLetter(id: $id) { text } }', { id: received!.id });
    expect(readByOther.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const reply = {
      phone: '87 13 14 15',
      initiated: ['PPR_ASSESSMENT'],
      text: 'PPR vurderer barnet; vi kontakter familien.',
      ...(childA!.hasOpenMunicipalCase ? { contactCommitment: 'CONTACT_FAMILY' } : { contactOptions: 'Familien kan ringe til PPR Aarhus på hverdage kl. 9-12.' }),
    };
    const replied = await t.queryAs('ppr-751', 'mutation($id: ID!, $input: ReplyToLetterInput!) { replyToLetter(id: $id, input: $input) { id } }', {
      id: received!.id,
      input: reply,
    });
    expect(replied.errors).toBeUndefined();
    const twice = await t.queryAs('ppr-751', 'mutation($id: ID!, $input: ReplyToLetterInput!) { replyToLetter(id: $id, input: $input) { id } }', {
      id: received!.id,
      input: reply,
    });
    expect(twice.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');

    await waitForStatus(id, 'ANSWERED');
    const letter = await gp<{ sentLetter: { statusHistory: { status: string }[]; reply: { text: string; initiatedItems: string[]; exportBundle: string } } }>(
      LETTER,
      { id },
    );
    expect(letter.data!.sentLetter.statusHistory.map((h) => h.status)).toEqual(['QUEUED', 'DELIVERED', 'READ', 'ANSWERED']);
    expect(letter.data!.sentLetter.reply.text).toContain('PPR vurderer barnet');
    expect(letter.data!.sentLetter.reply.initiatedItems).toEqual(['PPR_ASSESSMENT']);
    // The reply is a MedCom reply-message whose Provenance points at the GP's letter.
    const replyBundle = JSON.parse(letter.data!.sentLetter.reply.exportBundle) as {
      entry: { resource: { resourceType: string; activity?: { coding: { code: string }[] }; entity?: { role: string; what: { reference?: string } }[] } }[];
    };
    const provenance = replyBundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Provenance');
    expect(provenance.some((p) => p.activity?.coding.some((c) => c.code === 'reply-message'))).toBe(true);
    expect(provenance.flatMap((p) => p.entity ?? [])).toContainEqual({ role: 'revision', what: { reference: `MessageHeader/${await headerIdOf('e2e-flow-0001')}` } });

    const otherPractice = await t.queryAs('gp-106570', LETTER, { id });
    expect(otherPractice.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('refuses misuse with an actionable error and stores nothing', async () => {
    const count = async () =>
      (await gp<{ sentLetters: { edges: unknown[] } }>('{ sentLetters(first: 500) { edges { cursor } } }')).data!.sentLetters.edges.length;
    const before = await count();
    const notification = await gp(SEND, { input: { ...letterInput('e2e-refuse-01', childA!.cpr), isChildWelfareNotification: true } });
    expect(notification.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(notification.errors?.[0]?.message).toMatch(/underretning/i);
    const acute = await gp(SEND, { input: { ...letterInput('e2e-refuse-02', childA!.cpr), acute: true } });
    expect(acute.errors?.[0]?.message).toMatch(/BUA/);
    expect(acute.errors?.[0]?.message).toMatch(/emergency/i);
    expect(acute.errors?.[0]?.message).toMatch(/notification/i);
    const adult = await gp(SEND, { input: letterInput('e2e-refuse-03', '0101804001') });
    expect(adult.errors?.[0]?.message).toMatch(/18/);
    const impossibleDate = await gp(SEND, { input: letterInput('e2e-refuse-04', '3102154001') });
    expect(impossibleDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const { consent: _omitted, ...withoutConsent } = letterInput('e2e-refuse-05', childA!.cpr);
    const noConsent = await gp(SEND, { input: withoutConsent });
    expect(noConsent.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(noConsent.errors?.[0]?.message).toMatch(/consent/i);
    const unknownMunicipality = await gp(SEND, { input: { ...letterInput('e2e-refuse-06', childA!.cpr), municipalityCode: 101 } });
    expect(unknownMunicipality.errors?.[0]?.message).toMatch(/101/);
    const empty = await gp(SEND, { input: letterInput('e2e-refuse-07', childA!.cpr, '   ') });
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    // Only GPs write letters: the practice's analyst may not, nor anyone of another sector.
    const analyst = await t.query(SEND, { input: letterInput('e2e-refuse-08', childA!.cpr) }, await as({
      subject: 'test:analyst-107510',
      displayName: 'Test Practice Analyst',
      sector: 'GENERAL_PRACTICE',
      organisation: '107510',
      roles: ['ANALYST'],
    }));
    expect(analyst.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const caseworkerSends = await caseworker(SEND, { input: letterInput('e2e-refuse-09', childA!.cpr) });
    expect(caseworkerSends.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('20 concurrent sends with the same message id make one letter', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => gp<{ sendCorrespondenceLetter: { id: string } }>(SEND, { input: letterInput('e2e-same-id-0001', childB!.cpr) })),
    );
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(new Set(results.map((r) => r.data!.sendCorrespondenceLetter.id)).size).toBe(1);
    await waitForStatus(results[0]!.data!.sendCorrespondenceLetter.id, 'DELIVERED');
    expect(await inboxLetter('e2e-same-id-0001')).toHaveLength(1);
  });

  it('letters sent while the municipality is down stay queued, then arrive exactly once and in order when it is back', async () => {
    await t.system.stopSubgraph('municipality');
    const ids: string[] = [];
    try {
      for (const [n, child] of [childA, childB, childA].entries()) {
        const res = await gp<{ sendCorrespondenceLetter: { id: string; status: string } }>(SEND, {
          input: letterInput(`e2e-down-000${n}`, child!.cpr, `Brev nummer ${n} mens kommunen er nede.`),
        });
        expect(res.errors).toBeUndefined();
        ids.push(res.data!.sendCorrespondenceLetter.id);
      }
      await new Promise((r) => setTimeout(r, 300));
      for (const id of ids) expect(await statusOf(id)).toBe('QUEUED');
    } finally {
      await t.system.startSubgraph('municipality');
    }
    for (const id of ids) await waitForStatus(id, 'DELIVERED', 30_000);
    const arrived = await caseworker<{ inbox: { edges: { node: { messageId: string; receivedAt: string } }[] } }>(
      'query { inbox(municipalityCode: 751, first: 100) { edges { node { messageId receivedAt } } } }',
    );
    const down = (await asClientKeys(arrived.data!.inbox.edges.map((e) => e.node))).filter((n) => n.messageId.startsWith('e2e-down-'));
    expect(down.map((n) => n.messageId).sort()).toEqual(['e2e-down-0000', 'e2e-down-0001', 'e2e-down-0002']);
    const at = new Map(down.map((n) => [n.messageId, n.receivedAt]));
    // Per child in order: child A's first letter arrived before its second.
    expect(at.get('e2e-down-0000')! <= at.get('e2e-down-0002')!).toBe(true);
  });

  it('flags a letter overdue on both sides by the deadline the municipality set itself', async () => {
    const set = await caseworker('mutation { setReplyDeadline(municipalityCode: 751, workingDays: 3) { code } }');
    expect(set.errors).toBeUndefined();
    try {
      const sent = await gp<{ sendCorrespondenceLetter: { id: string } }>(SEND, { input: letterInput('e2e-deadline-01', childB!.cpr) });
      const id = sent.data!.sendCorrespondenceLetter.id;
      await waitForStatus(id, 'DELIVERED');
      // Monday 23 November + 3 working days.
      const onTime = await gp<{ sentLetter: { replyDueOn: string; overdue: boolean } }>(LETTER, { id });
      expect(onTime.data!.sentLetter).toMatchObject({ replyDueOn: '2026-11-26', overdue: false });
      today = '2026-11-27';
      const late = await gp<{ sentLetter: { overdue: boolean } }>(LETTER, { id });
      expect(late.data!.sentLetter.overdue).toBe(true);
      const inbox = await caseworker<{ inbox: { edges: { node: { messageId: string; replyDueOn: string; overdue: boolean } }[] } }>(
        'query { inbox(municipalityCode: 751, first: 100) { edges { node { messageId replyDueOn overdue } } } }',
      );
      expect((await asClientKeys(inbox.data!.inbox.edges.map((e) => e.node))).find((n) => n.messageId === 'e2e-deadline-01')).toMatchObject({
        replyDueOn: '2026-11-26',
        overdue: true,
      });
    } finally {
      today = TODAY;
      await caseworker('mutation { setReplyDeadline(municipalityCode: 751, workingDays: 10) { code } }');
    }
  });

  it('exports a letter as a MedCom bundle that imports back to the same letter', async () => {
    const sent = await gp<{ sendCorrespondenceLetter: { id: string } }>(SEND, { input: letterInput('e2e-export-001', childB!.cpr) });
    const bundle = await gp<{ letterBundle: string }>('query($id: ID!) { letterBundle(id: $id) }', { id: sent.data!.sendCorrespondenceLetter.id });
    expect(bundle.errors).toBeUndefined();
    const parsed = JSON.parse(bundle.data!.letterBundle) as { resourceType: string; type: string };
    expect(parsed).toMatchObject({ resourceType: 'Bundle', type: 'message' });
    const imported = await gp<{ importCareCommunication: Record<string, unknown> }>(
      'mutation($b: String!) { importCareCommunication(bundle: $b) { messageId activity category topic child { id } texts receiverLocationNumber deviations { code } } }',
      { b: bundle.data!.letterBundle },
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importCareCommunication).toMatchObject({
      messageId: await headerIdOf('e2e-export-001'),
      activity: 'new-message',
      category: 'OTHER',
      topic: 'Mistrivsel',
      texts: [letterInput('e2e-export-001', childB!.cpr).text],
      deviations: [],
    });
    const aarhus = await caseworker<{ municipality: { inbox: { locationNumber: string } } }>('{ municipality(code: 751) { inbox { locationNumber } } }');
    expect(imported.data!.importCareCommunication['receiverLocationNumber']).toBe(aarhus.data!.municipality.inbox.locationNumber);
  });

  it('keeps each child’s letters in order through a long outage of the municipality, and delivers all of them', async () => {
    const children = [childA!, childB!];
    await t.system.stopSubgraph('municipality');
    const sent: { id: string; messageId: string; child: number }[] = [];
    try {
      for (let n = 0; n < 20; n++) {
        const messageId = `e2e-outage-${String(n).padStart(2, '0')}`;
        const res = await gp<{ sendCorrespondenceLetter: { id: string } }>(SEND, {
          input: letterInput(messageId, children[n % 2]!.cpr, `Brev ${n} under et langt nedbrud.`),
        });
        expect(res.errors).toBeUndefined();
        sent.push({ id: res.data!.sendCorrespondenceLetter.id, messageId, child: n % 2 });
      }
      // Long enough for the first letter of each child to be tried and backed off several times.
      await new Promise((r) => setTimeout(r, 3000));
      for (const { id } of sent) expect(await statusOf(id)).toBe('QUEUED');
    } finally {
      await t.system.startSubgraph('municipality');
    }
    for (const { id } of sent) await waitForStatus(id, 'DELIVERED', 60_000);
    // The inbox pages newest first by its own receipt order: reversed, that is the order of arrival.
    const inbox = await caseworker<{ inbox: { edges: { node: { messageId: string } }[] } }>(
      'query { inbox(municipalityCode: 751, first: 500) { edges { node { messageId } } } }',
    );
    const arrived = (await asClientKeys(inbox.data!.inbox.edges.map((e) => e.node))).map((n) => n.messageId).filter((id) => id.startsWith('e2e-outage-')).reverse();
    expect(arrived).toHaveLength(20);
    for (const child of [0, 1]) {
      const expected = sent.filter((s) => s.child === child).map((s) => s.messageId);
      expect(arrived.filter((id) => expected.includes(id))).toEqual(expected);
    }
  });

  it('does not let an imported bundle from another sender answer a letter', async () => {
    const sent = await gp<{ sendCorrespondenceLetter: { id: string } }>(SEND, { input: letterInput('e2e-forged-01', childB!.cpr) });
    const id = sent.data!.sendCorrespondenceLetter.id;
    await waitForStatus(id, 'DELIVERED');
    const exported = await gp<{ letterBundle: string }>('query($id: ID!) { letterBundle(id: $id) }', { id });
    const letter = parseCareCommunicationBundle(JSON.parse(exported.data!.letterBundle)).message;
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
    const res = await gp('mutation($b: String!) { importCareCommunication(bundle: $b) { messageId } }', { b: JSON.stringify(forged) });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'MessageHeader.sender', reason: 'WRONG_SENDER' });
    const after = await gp<{ sentLetter: { status: string; reply: unknown } }>(LETTER, { id });
    expect(after.data!.sentLetter).toMatchObject({ status: 'DELIVERED', reply: null });
  });
});
