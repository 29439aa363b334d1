import { buildCareCommunicationBundle, childPseudonym, MUNICIPALITY_INBOXES, parseCareCommunicationBundle } from '@pathway-graph/shared';
import { DEMO_CHILDREN, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { codeOf, DEFAULT_LETTER_TEXT, scenario, writingLetters, type LetterDraft } from '../support/scenario/index.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * Correspondence between the child's GP and the municipality (agreement 6.2), through the gateway, as the people
 * involved do it: the GP writes, the municipality's inbox receives it (by its MedCom MessageHeader.id), someone
 * triages and replies with their phone number, and the GP follows the status; refusals store nothing; delivery
 * survives the municipality being down, keeps each child's letters in order, and never lets a forged bundle answer.
 */

const TODAY = '2026-11-23';

/** Two Aarhus children of practice 107510 whose families consented: letters about them may go to the municipality. */
const [childA, childB] = DEMO_CHILDREN.filter((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && demoChildConsents(c));

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
  const aarhus = asCaseworker(751);
  const letterAbout = (messageId: string, child: { cpr: string }, more: Partial<LetterDraft> = {}): LetterDraft => ({ messageId, cpr: child.cpr, ...more });

  it('a GP sends a letter, the municipality triages and replies, and the GP sees the reply and the status history', async () => {
    const sent = await gp.sendLetter(letterAbout('e2e-flow-0001', childA!));
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendCorrespondenceLetter.status).toBe('QUEUED');
    const id = sent.data!.sendCorrespondenceLetter.id;
    await gp.waitsUntilLetterIs(id, 'DELIVERED');

    // The inbox knows the letter by its MedCom MessageHeader.id, not by the GP's own key.
    const headerId = await gp.headerIdOf(id);
    expect(await aarhus.findsInInbox('e2e-flow-0001')).toEqual([]);
    const received = await aarhus.receives(headerId);
    expect(received).toMatchObject({ status: 'RECEIVED', knownToMunicipality: childA!.hasOpenMunicipalCase });
    const detail = await aarhus.openLetter(received.id, 'senderPractice { ydernummer } step subject text child { id }');
    expect(detail.data!.receivedLetter).toMatchObject({
      senderPractice: { ydernummer: '107510' },
      step: 'TRIN_1',
      subject: 'Henvendelse om barn i mistrivsel',
      text: DEFAULT_LETTER_TEXT,
      child: { id: childPseudonym(childA!.cpr, TEST_PSEUDONYM_SECRET) },
    });

    // Triage: handed to the PPR psychologist (not to someone of another municipality), who reads it.
    expect((await aarhus.assignLetter(received.id, { subject: 'demo:ppr-751', role: 'PPR_PSYCHOLOGIST', displayName: 'Demo PPR-psykolog Aarhus', organisation: '751' })).errors).toBeUndefined();
    const elsewhere = await aarhus.assignLetter(received.id, { subject: 'demo:ppr-657', role: 'PPR_PSYCHOLOGIST', displayName: 'Demo PPR-psykolog Herning', organisation: '657' });
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'assignee.organisation' });
    const ppr = asPprPsychologist(751);
    expect((await ppr.markRead(received.id)).errors).toBeUndefined();
    await gp.waitsUntilLetterIs(id, 'READ');
    // Herning's caseworker cannot read Aarhus's letter.
    expect(codeOf(await asCaseworker(657).openLetter(received.id, 'text'))).toBe('FORBIDDEN');

    // The reply, with the psychologist's phone number; a letter takes one reply.
    const reply = {
      phone: '87 13 14 15',
      initiated: ['PPR_ASSESSMENT'],
      text: 'PPR vurderer barnet; vi kontakter familien.',
      ...(childA!.hasOpenMunicipalCase ? { contactCommitment: 'CONTACT_FAMILY' } : { contactOptions: 'Familien kan ringe til PPR Aarhus på hverdage kl. 9-12.' }),
    };
    expect((await ppr.reply(received.id, reply)).errors).toBeUndefined();
    expect(codeOf(await ppr.reply(received.id, reply))).toBe('CONFLICT');

    const answered = await gp.waitsUntilLetterIs(id, 'ANSWERED');
    expect(answered.statusHistory.map((h) => h.status)).toEqual(['QUEUED', 'DELIVERED', 'READ', 'ANSWERED']);
    expect(answered.reply!.text).toContain('PPR vurderer barnet');
    expect(answered.reply!.initiatedItems).toEqual(['PPR_ASSESSMENT']);
    // The reply is a MedCom reply-message whose Provenance points at the GP's letter, and carries the phone to call.
    const replyMessage = parseCareCommunicationBundle(JSON.parse(answered.reply!.exportBundle)).message;
    expect(replyMessage).toMatchObject({ activity: 'reply-message', inReplyTo: { messageId: headerId } });
    expect(replyMessage.history?.map((h) => [h.messageId, h.activity])).toEqual([[headerId, 'new-message']]);
    expect(replyMessage.payloads[0]!.authorContact).toEqual({ system: 'phone', value: '+4587131415' });
    const provenance = (JSON.parse(answered.reply!.exportBundle) as { entry: { resource: { resourceType: string; activity?: { coding: { code: string }[] }; entity?: unknown[] } }[] }).entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'Provenance');
    expect(provenance.some((p) => p.activity?.coding.some((c) => c.code === 'reply-message'))).toBe(true);
    expect(provenance.flatMap((p) => p.entity ?? [])).toContainEqual({ role: 'revision', what: { reference: `MessageHeader/${headerId}` } });

    // Another practice sees nothing of it.
    expect(codeOf(await asGp('106570').letter(id))).toBe('FORBIDDEN');
  });

  it('refuses misuse with an actionable error and stores nothing', async () => {
    const before = await gp.sentLetterCount();
    const refusal = async (draft: LetterDraft) => (await gp.sendLetter(draft)).errors?.[0];

    const notification = await refusal(letterAbout('e2e-refuse-01', childA!, { isChildWelfareNotification: true }));
    expect(notification?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(notification?.message).toMatch(/underretning/i);
    const acute = await refusal(letterAbout('e2e-refuse-02', childA!, { acute: true }));
    expect(acute?.message).toMatch(/BUA/);
    expect(acute?.message).toMatch(/emergency/i);
    expect(acute?.message).toMatch(/notification/i);
    expect((await refusal({ messageId: 'e2e-refuse-03', cpr: '0101804001' }))?.message).toMatch(/18/);
    expect((await refusal({ messageId: 'e2e-refuse-04', cpr: '3102154001' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const noConsent = await refusal(letterAbout('e2e-refuse-05', childA!, { consent: null }));
    expect(noConsent?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(noConsent?.message).toMatch(/consent/i);
    expect((await refusal(letterAbout('e2e-refuse-06', childA!, { municipalityCode: 101 })))?.message).toMatch(/101/);
    expect((await refusal(letterAbout('e2e-refuse-07', childA!, { text: '   ' })))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    // Only GPs write letters: the practice's analyst may not, nor anyone of another sector.
    const analyst = as({ subject: 'test:analyst-107510', displayName: 'Test Practice Analyst', sector: 'GENERAL_PRACTICE', organisation: '107510', roles: ['ANALYST'] });
    expect(codeOf(await writingLetters(analyst).sendLetter(letterAbout('e2e-refuse-08', childA!)))).toBe('FORBIDDEN');
    expect(codeOf(await writingLetters(aarhus).sendLetter(letterAbout('e2e-refuse-09', childA!)))).toBe('FORBIDDEN');
    expect(await gp.sentLetterCount()).toBe(before);
  });

  it('20 concurrent sends with the same message id make one letter', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => gp.sendLetter(letterAbout('e2e-same-id-0001', childB!))));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    const ids = new Set(results.map((r) => r.data!.sendCorrespondenceLetter.id));
    expect(ids.size).toBe(1);
    const [id] = ids;
    await gp.waitsUntilLetterIs(id!, 'DELIVERED');
    expect(await aarhus.findsInInbox(await gp.headerIdOf(id!))).toHaveLength(1);
  });

  it('letters sent while the municipality is down stay queued, then arrive exactly once and in order when it is back', async () => {
    await t.system.stopSubgraph('municipality');
    const ids: string[] = [];
    try {
      for (const [n, child] of [childA, childB, childA].entries()) {
        ids.push(await gp.sendsLetter(letterAbout(`e2e-down-000${n}`, child!, { text: `Brev nummer ${n} mens kommunen er nede.` })));
      }
      await new Promise((r) => setTimeout(r, 300));
      for (const id of ids) expect((await gp.seesLetter(id)).status).toBe('QUEUED');
    } finally {
      await t.system.startSubgraph('municipality');
    }
    for (const id of ids) await gp.waitsUntilLetterIs(id, 'DELIVERED', 30_000);
    const headerIds = await Promise.all(ids.map((id) => gp.headerIdOf(id)));
    const inbox = await aarhus.inbox();
    const arrived = headerIds.map((h) => inbox.filter((l) => l.messageId === h));
    expect(arrived.map((a) => a.length)).toEqual([1, 1, 1]);
    // Per child in order: child A's first letter arrived before its second.
    expect(arrived[0]![0]!.receivedAt <= arrived[2]![0]!.receivedAt).toBe(true);
  });

  it('flags a letter overdue on both sides by the deadline the municipality set itself', async () => {
    expect((await aarhus.setReplyDeadline(3)).errors).toBeUndefined();
    try {
      const id = await gp.sendsLetter(letterAbout('e2e-deadline-01', childB!));
      await gp.waitsUntilLetterIs(id, 'DELIVERED');
      // Monday 23 November + 3 working days.
      expect(await gp.seesLetter(id)).toMatchObject({ replyDueOn: '2026-11-26', overdue: false });
      today = '2026-11-27';
      expect((await gp.seesLetter(id)).overdue).toBe(true);
      expect(await aarhus.receives(await gp.headerIdOf(id))).toMatchObject({ replyDueOn: '2026-11-26', overdue: true });
    } finally {
      today = TODAY;
      await aarhus.setReplyDeadline(10);
    }
  });

  it('exports a letter as a MedCom bundle that imports back to the same letter', async () => {
    const id = await gp.sendsLetter(letterAbout('e2e-export-001', childB!));
    const bundle = await gp.exportsLetter(id);
    expect(JSON.parse(bundle)).toMatchObject({ resourceType: 'Bundle', type: 'message' });
    const imported = await gp.importBundle(bundle, 'messageId activity category topic child { id } texts receiverLocationNumber deviations { code }');
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importCareCommunication).toMatchObject({
      messageId: await gp.headerIdOf(id),
      activity: 'new-message',
      category: 'OTHER',
      topic: 'Mistrivsel',
      texts: [DEFAULT_LETTER_TEXT],
      deviations: [],
      receiverLocationNumber: await aarhus.inboxLocationNumber(),
    });
  });

  it('keeps each child’s letters in order through a long outage of the municipality, and delivers all of them', async () => {
    const children = [childA!, childB!];
    await t.system.stopSubgraph('municipality');
    const sent: { id: string; child: number }[] = [];
    try {
      for (let n = 0; n < 20; n++) {
        const messageId = `e2e-outage-${String(n).padStart(2, '0')}`;
        sent.push({ id: await gp.sendsLetter(letterAbout(messageId, children[n % 2]!, { text: `Brev ${n} under et langt nedbrud.` })), child: n % 2 });
      }
      // Long enough for the first letter of each child to be tried and backed off several times.
      await new Promise((r) => setTimeout(r, 3000));
      for (const { id } of sent) expect((await gp.seesLetter(id)).status).toBe('QUEUED');
    } finally {
      await t.system.startSubgraph('municipality');
    }
    for (const { id } of sent) await gp.waitsUntilLetterIs(id, 'DELIVERED', 60_000);
    const headerIds = new Map(await Promise.all(sent.map(async (s) => [await gp.headerIdOf(s.id), s] as const)));
    // The inbox pages newest first by its own receipt order: reversed, that is the order of arrival.
    const arrived = (await aarhus.inbox()).reverse().flatMap((l) => (headerIds.has(l.messageId) ? [headerIds.get(l.messageId)!] : []));
    expect(arrived).toHaveLength(20);
    for (const child of [0, 1]) {
      expect(arrived.filter((s) => s.child === child).map((s) => s.id)).toEqual(sent.filter((s) => s.child === child).map((s) => s.id));
    }
  });

  it('does not let an imported bundle from another sender answer a letter', async () => {
    const id = await gp.sendsLetter(letterAbout('e2e-forged-01', childB!));
    await gp.waitsUntilLetterIs(id, 'DELIVERED');
    const letter = parseCareCommunicationBundle(JSON.parse(await gp.exportsLetter(id))).message;
    const herning = MUNICIPALITY_INBOXES.find((m) => m.code === 657)!;
    // Herning's inbox writes as if it answered Aarhus's letter.
    const forged = buildCareCommunicationBundle({
      ...letter,
      bundleId: crypto.randomUUID(),
      messageId: crypto.randomUUID(),
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
