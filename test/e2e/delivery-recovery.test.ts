import { createServer } from 'node:http';
import type { GeneralPracticeDb } from '@pathway-graph/general-practice/db/repository';
import { outbox as gpOutbox } from '@pathway-graph/general-practice/db/schema';
import type { MunicipalityDb } from '@pathway-graph/municipality/db/repository';
import { letterReplies, outbox as municipalityOutbox } from '@pathway-graph/municipality/db/schema';
import { childPseudonym } from '@pathway-graph/shared';
import { DEMO_CHILDREN, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { waitingFor } from '@pathway-graph/shared/messaging/outbox';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { answeringLetters, codeOf, eventually, scenario, writingLetters, type Reply } from '../support/scenario/index.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * A FAILED message holds back every later message of its sender to the same recipient about the same child (issue 8:
 * nothing arrives out of order), so the sector that sent it must be able to get it going again: the municipality
 * retries or gives up its FAILED reply, general practice gives up its FAILED letter (it could already retry it).
 * Through the gateway, each test with a child of its own (a FAILED message would hold back the next test's).
 */

const TODAY = '2026-11-23';
const [retriedChild, givenUpChild, gpGivenUpChild] = DEMO_CHILDREN.filter(
  (c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && demoChildConsents(c),
);

/** The reply the agreement asks for: a contact commitment for a child the municipality knows, contact options otherwise. */
const replyAbout = (child: { hasOpenMunicipalCase: boolean }): Reply =>
  child.hasOpenMunicipalCase
    ? { initiated: ['PPR_ASSESSMENT'], text: 'PPR ser på sagen.', contactCommitment: 'CONTACT_FAMILY' }
    : { initiated: ['NO_ACTION_NEEDED'], text: 'Vi kender ikke barnet.', contactOptions: 'Åben anonym rådgivning: 8940 2000, hverdage 9-12' };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeWithDatabases('Retrying or giving up a FAILED message through the gateway', (backend) => {
  let t: TestSystem;
  beforeAll(async () => {
    t = await startTestSystem(backend, { today: TODAY });
  });
  afterAll(async () => {
    await t?.close();
  });

  const { asGp, asPprPsychologist, asCaseworker, as } = scenario(() => t);
  const gp = asGp('107510');
  const ppr = asPprPsychologist(751);
  const herning = asCaseworker(657);
  const gpDb = () => t.system.databases['general-practice'].db as unknown as GeneralPracticeDb;
  const municipalityDb = () => t.system.databases.municipality.db as unknown as MunicipalityDb;

  /**
   * Runs `during` with a vendor's system in place of the sector's subgraph, on its port, that refuses every message
   * for good as a message endpoint of the contract does (422 with a code and a reason): the sender's message FAILED.
   */
  async function whileRefusing<T>(sector: 'general-practice' | 'municipality', during: (posts: string[]) => Promise<T>): Promise<T> {
    const port = t.system.subgraphs[sector].port;
    await t.system.stopSubgraph(sector);
    const posts: string[] = [];
    const refusing = createServer((req, res) => {
      posts.push(`${req.method} ${req.url}`);
      req.resume();
      req.on('end', () => {
        res.writeHead(422, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'PATIENT_UNKNOWN', message: 'The recipient has no patient with this CPR number.' }));
      });
    });
    await new Promise<void>((resolve) => refusing.listen(port, resolve));
    try {
      return await during(posts);
    } finally {
      refusing.closeAllConnections();
      await new Promise<void>((resolve, reject) => refusing.close((error) => (error ? reject(error) : resolve())));
      await t.system.startSubgraph(sector);
    }
  }

  /** The changes the child's access log records for the client's operation (the gateway names its subgraph calls after it). */
  async function changesBy(operation: string, child: { cpr: string }) {
    const data = await as('admin-region').must<{ childAccessLog: { entries: { action: string; source: string; actorSubject: string; operation: string; parts: string[] }[] } }>(
      'query Log($id: ID!) { childAccessLog(childId: $id, first: 500) { entries { action source actorSubject operation parts } } }',
      { id: childPseudonym(child.cpr, TEST_PSEUDONYM_SECRET) },
    );
    return data.childAccessLog.entries.filter((e) => e.action === 'CHANGE' && e.operation.startsWith(`mutation ${operation}__`)).map(({ source, actorSubject, parts }) => ({ source, actorSubject, parts }));
  }

  /** A letter about the child delivered to the Aarhus inbox, and the practice's refusal of the municipality's reply to it. */
  async function letterWithFailedReply(messageId: string, child: { cpr: string; hasOpenMunicipalCase: boolean }) {
    const gpLetterId = await gp.sendsLetter({ messageId, cpr: child.cpr });
    await gp.waitsUntilLetterIs(gpLetterId, 'DELIVERED');
    const letter = await ppr.receives(await gp.headerIdOf(gpLetterId));
    await whileRefusing('general-practice', async () => {
      expect((await ppr.reply(letter.id, replyAbout(child))).errors).toBeUndefined();
      expect(await ppr.waitsUntilReplyIs(letter.id, 'FAILED')).toMatchObject({ note: 'HTTP 422 PATIENT_UNKNOWN: The recipient has no patient with this CPR number.' });
    });
    const [reply] = await municipalityDb().select().from(letterReplies).where(eq(letterReplies.letterId, letter.id));
    return { gpLetterId, letterId: letter.id, replyMessageId: reply!.messageId };
  }

  it('a FAILED reply holds back the next message for the child, visibly; giving it up releases it, and it is delivered', async () => {
    const { letterId, replyMessageId } = await letterWithFailedReply('e2e-recover-0101', givenUpChild!);

    // The GP writes again about the child: the municipality stores the letter, but its Acknowledgement waits behind
    // the FAILED reply, so the GP's letter is not DELIVERED.
    const next = await gp.sendsLetter({ messageId: 'e2e-recover-0102', cpr: givenUpChild!.cpr });
    const nextHeaderId = await gp.headerIdOf(next);
    const nextInInbox = await ppr.receives(nextHeaderId);
    const [held] = await eventually(
      'the Acknowledgement of the second letter',
      () => municipalityDb().select().from(municipalityOutbox).where(eq(municipalityOutbox.respondsTo, nextHeaderId)),
      (rows) => rows.length > 0,
    );
    expect(held).toMatchObject({ status: 'QUEUED', lastError: waitingFor(replyMessageId) });
    await pause(500);
    expect((await gp.seesLetter(next)).status).toBe('QUEUED');

    // Refused, changing nothing: another municipality, a GP, a reason with a CPR number, a letter without a reply.
    expect(codeOf(await herning.giveUpReply(letterId, 'Lægen er ringet op'))).toBe('FORBIDDEN');
    expect(codeOf(await answeringLetters(gp, 751).giveUpReply(letterId, 'Lægen er ringet op'))).toBe('FORBIDDEN');
    const withCpr = await ppr.giveUpReply(letterId, `Forkert barn, ${givenUpChild!.cpr}`);
    expect(withCpr.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', rule: 'CPR_NUMBER' });
    expect((await ppr.giveUpReply(letterId, 'x'.repeat(201))).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', maxLength: 200 });
    expect(codeOf(await ppr.giveUpReply(nextInInbox.id, 'Lægen er ringet op'))).toBe('CONFLICT');
    expect(await ppr.seesReplyDelivery(letterId)).toMatchObject({ status: 'FAILED' });
    const [stillHeld] = await municipalityDb().select().from(municipalityOutbox).where(eq(municipalityOutbox.respondsTo, nextHeaderId));
    expect(stillHeld).toMatchObject({ status: 'QUEUED', lastError: waitingFor(replyMessageId) });

    // Given up, with the reason beside the failure; the letter's history says who and why.
    const givenUp = await ppr.giveUpReply(letterId, 'Lægen er ringet op og har fået svaret telefonisk');
    expect(givenUp.errors).toBeUndefined();
    const { reply, history } = givenUp.data!.giveUpReplyDelivery;
    expect(reply.delivery).toMatchObject({ status: 'GIVEN_UP', deliveredAt: null });
    expect(reply.delivery.note).toBe(
      'given up (by demo:ppr-751: Lægen er ringet op og har fået svaret telefonisk) after: HTTP 422 PATIENT_UNKNOWN: The recipient has no patient with this CPR number.',
    );
    expect(history.at(-1)).toEqual({ kind: 'REPLY_GIVEN_UP', detail: 'Lægen er ringet op og har fået svaret telefonisk' });

    // What it held back goes on: the second letter's Acknowledgement reaches general practice.
    await gp.waitsUntilLetterIs(next, 'DELIVERED', 30_000);
    // One change in the child's access log: the successful give-up (the refusals wrote none).
    expect(await changesBy('GiveUpReply', givenUpChild!)).toEqual([{ source: 'municipality', actorSubject: 'demo:ppr-751', parts: ['correspondenceLetter.reply'] }]);

    // Once given up, neither given up again nor retried.
    expect(codeOf(await ppr.giveUpReply(letterId, 'Igen'))).toBe('CONFLICT');
    expect(codeOf(await ppr.retryReply(letterId))).toBe('CONFLICT');
    expect((await ppr.seesReplyDelivery(letterId))?.status).toBe('GIVEN_UP');
  });

  it('a FAILED reply retried after the cause is gone is DELIVERED, and the GP has it; a reply that has not failed is not retried', async () => {
    const { gpLetterId, letterId } = await letterWithFailedReply('e2e-recover-0201', retriedChild!);

    // Refused, changing nothing: another municipality, a GP.
    expect(codeOf(await herning.retryReply(letterId))).toBe('FORBIDDEN');
    expect(codeOf(await answeringLetters(gp, 751).retryReply(letterId))).toBe('FORBIDDEN');
    expect((await ppr.seesReplyDelivery(letterId))?.status).toBe('FAILED');
    expect((await gp.seesLetter(gpLetterId)).status).toBe('DELIVERED');

    // The practice's own system is back: the retried reply is QUEUED, then DELIVERED by its Acknowledgement.
    const retried = await ppr.retryReply(letterId);
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.retryReplyDelivery.reply.delivery).toEqual({ status: 'QUEUED', note: null, deliveredAt: null });
    expect(await ppr.waitsUntilReplyIs(letterId, 'DELIVERED', 30_000)).toMatchObject({ note: null });
    expect((await gp.waitsUntilLetterIs(gpLetterId, 'ANSWERED')).reply?.text).toContain(replyAbout(retriedChild!).text);

    expect(await changesBy('RetryReply', retriedChild!)).toEqual([{ source: 'municipality', actorSubject: 'demo:ppr-751', parts: ['correspondenceLetter.reply'] }]);

    // DELIVERED: neither retried nor given up.
    expect(codeOf(await ppr.retryReply(letterId))).toBe('CONFLICT');
    expect(codeOf(await ppr.giveUpReply(letterId, 'Lægen er ringet op'))).toBe('CONFLICT');
    expect((await ppr.seesReplyDelivery(letterId))?.status).toBe('DELIVERED');
    const history = await ppr.openLetter<{ history: { kind: string }[] }>(letterId, 'history { kind }');
    expect(history.data!.receivedLetter.history.map((h) => h.kind)).toEqual(['RECEIVED', 'REPLIED', 'REPLY_RETRIED']);
  });

  it("a GP gives up a FAILED letter: the letter about the child it held back is delivered; only the practice's GPs, only a FAILED letter", async () => {
    const [failed, next] = await whileRefusing('municipality', async (posts) => {
      const first = await gp.sendsLetter({ messageId: 'e2e-recover-0301', cpr: gpGivenUpChild!.cpr });
      await gp.waitsUntilLetterIs(first, 'FAILED');
      const second = await gp.sendsLetter({ messageId: 'e2e-recover-0302', cpr: gpGivenUpChild!.cpr });
      await pause(500);
      // Held back behind the FAILED letter: never posted.
      expect(posts).toEqual(['POST /messages']);
      return [first, second] as const;
    });
    // The municipality is back, and the second letter still waits, visibly.
    await pause(500);
    expect((await gp.seesLetter(next)).status).toBe('QUEUED');
    const [failedRow] = await gpDb().select().from(gpOutbox).where(eq(gpOutbox.messageId, await gp.headerIdOf(failed)));
    const [nextRow] = await gpDb().select().from(gpOutbox).where(eq(gpOutbox.messageId, await gp.headerIdOf(next)));
    expect(nextRow).toMatchObject({ status: 'QUEUED', lastError: waitingFor(failedRow!.messageId) });

    // Refused, changing nothing: another practice, the municipality, a letter that has not failed, a CPR number.
    expect(codeOf(await asGp('106570').giveUpLetter(failed, 'Sendt med posten'))).toBe('FORBIDDEN');
    expect(codeOf(await writingLetters(as('caseworker-751')).giveUpLetter(failed, 'Sendt med posten'))).toBe('FORBIDDEN');
    expect(codeOf(await gp.giveUpLetter(next, 'Sendt med posten'))).toBe('CONFLICT');
    const withCpr = await gp.giveUpLetter(failed, `Sendt med posten: ${gpGivenUpChild!.cpr}`);
    expect(withCpr.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', rule: 'CPR_NUMBER' });
    expect((await gp.seesLetter(failed)).status).toBe('FAILED');
    expect((await gp.seesLetter(next)).status).toBe('QUEUED');

    // Given up: the status and its history say so, with who and why.
    const givenUp = await gp.giveUpLetter(failed, 'Kommunen er ringet op; brevet er sendt med posten');
    expect(givenUp.errors).toBeUndefined();
    expect(givenUp.data!.giveUpLetterDelivery.status).toBe('GIVEN_UP');
    expect(givenUp.data!.giveUpLetterDelivery.statusHistory.map((h) => h.status)).toEqual(['QUEUED', 'FAILED', 'GIVEN_UP']);
    expect(givenUp.data!.giveUpLetterDelivery.statusHistory.at(-1)!.note).toBe('given up by demo:gp-107510: Kommunen er ringet op; brevet er sendt med posten');

    expect(await changesBy('GiveUp', gpGivenUpChild!)).toEqual([{ source: 'general-practice', actorSubject: 'demo:gp-107510', parts: ['correspondenceLetters'] }]);

    // What it held back goes on to the municipality; the given-up letter never does.
    await gp.waitsUntilLetterIs(next, 'DELIVERED', 30_000);
    expect(await ppr.findsInInbox(await gp.headerIdOf(next))).toHaveLength(1);
    expect(await ppr.findsInInbox(await gp.headerIdOf(failed))).toEqual([]);
    expect(codeOf(await gp.giveUpLetter(failed, 'Igen'))).toBe('CONFLICT');
    const retried = await gp.ask('mutation Retry($id: ID!) { retryLetterDelivery(id: $id) { status } }', { id: failed });
    expect(codeOf(retried)).toBe('CONFLICT');
    expect((await gp.seesLetter(failed)).status).toBe('GIVEN_UP');
  });
});
