import { accessLog as buaLog, networkMeetings as buaMeetings } from '@pathway-graph/bua/db/schema';
import { accessLog as municipalityLog, consents as municipalityConsents, networkMeetings as municipalityMeetings, receivedLetters } from '@pathway-graph/municipality/db/schema';
import { DEMO_CHILDREN, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { demoOffersFor } from '@pathway-graph/shared/demo/demo-offers';
import { BUA_SOR_CODE } from '@pathway-graph/shared/domain/referral/index';
import { addWorkingDays, childPseudonym, glnFromPrefix, requiredConsentingParty, todayInDenmark, uuid7, type Principal } from '@pathway-graph/shared';
import { addMonths } from '@pathway-graph/shared/domain/coordination/index';
import { insertChildren as insertMunicipalChildren, type MunicipalityDb } from '@pathway-graph/municipality/db/repository';
import { and, eq, sql } from 'drizzle-orm';
import { readmeExamples } from '@pathway-graph/gateway/ide/readme-examples';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/auth.ts';
import { registerEverywhere, syntheticChildren, type TestChild } from '../support/children.ts';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { postGraphQL } from '../support/graphql.ts';
import { gpReferral, referralScenario } from '../support/scenario/referral.ts';
import { asPaediatrician } from '../support/scenario/screening.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * Worklists (issue 15), through the gateway: `Query.worklist` in the pathway subgraph fans out to every sector with the
 * caller's own token, so an organisation's list holds the open actions it owns wherever they are held (a network
 * meeting's action BUA recorded for a municipality is in that municipality's list), one entry per child, earliest due
 * first, paged by a cursor that stays right across sectors. And the sectors' `openActions` facts for the pathway.
 */

/** Holstebro: no demo data there, so its worklist holds exactly what the test makes. */
const CODE = 661;
const PRACTICE = { ydernummer: '166100', name: 'Lægehuset Arbejdsliste (syntetisk)', locationNumber: glnFromPrefix('579000996611') };
const CHILDREN = syntheticChildren(6, 31_000);
const LONG = 240_000;

const person = (subject: string, sector: Principal['sector'], organisation: string, roles: Principal['roles']): Principal => ({
  subject: `test:${subject}`,
  displayName: `Test ${subject}`,
  sector,
  organisation,
  roles,
});
const caseworker = person('caseworker-661', 'MUNICIPALITY', String(CODE), ['CASEWORKER']);
const gp661 = person('gp-166100', 'GENERAL_PRACTICE', PRACTICE.ydernummer, ['GP']);

const WORKLIST = `query($first: Int, $after: String, $department: ReceivingDepartment, $assignee: String, $referralStatus: ReferralStatus) {
  worklist(first: $first, after: $after, department: $department, assignee: $assignee, referralStatus: $referralStatus) {
    totalCount unavailableSources pageInfo { hasNextPage endCursor }
    edges { cursor node { earliestDueOn overdue child { id } actions { kind subjectId heldBy dueOn overdue } } } } }`;
interface Entry {
  earliestDueOn: string;
  overdue: boolean;
  child: { id: string };
  actions: { kind: string; subjectId: string; heldBy: string; dueOn: string; overdue: boolean }[];
}
interface Worklist {
  worklist: { totalCount: number; unavailableSources: string[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Entry }[] };
}

/** A meeting a sector recorded about the child, with one open action for an owner, due on `dueOn`. */
const meeting = (child: string, sector: 'BUA' | 'MUNICIPALITY', organisation: string, owner: { sector: 'MUNICIPALITY' | 'GENERAL_PRACTICE' | 'BUA'; organisation: string }, dueOn: string) => ({
  id: uuid7(),
  childId: child,
  sector,
  organisation,
  heldOn: '2026-09-01',
  participants: [],
  summary: 'Netværksmøde (syntetisk)',
  actions: [{ description: 'Følge op med familien (syntetisk)', owner, dueOn, completedAt: null, completedBy: null }],
  recordedBy: 'test:fixture',
});

describeWithDatabases('worklists of the organisations that own open actions, through the gateway', (backend) => {
  let t: TestSystem;
  let today = todayInDenmark();
  const ask = async <T>(who: string | Principal, query: string, variables: Record<string, unknown> = {}) => t.query<T>(query, variables, await as(who));
  const worklistOf = async (who: string | Principal, variables: Record<string, unknown> = {}) => {
    const res = await ask<Worklist>(who, WORKLIST, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.worklist;
  };
  const childrenOf = (w: Worklist['worklist']) => w.edges.map((e) => e.node.child.id);
  const [c0, c1, c2, c3] = CHILDREN as [TestChild, TestChild, TestChild, TestChild];
  let letterDue = '';

  beforeAll(async () => {
    t = await startTestSystem(backend, { today: () => today });
    await registerEverywhere(t.system, CHILDREN, { municipalityCode: CODE, practice: PRACTICE });
    // The practice writes about c0, c1 and c2; once delivered, the municipality owes each a reply by its deadline.
    for (const [n, child] of [c0, c1, c2].entries()) {
      const res = await ask(gp661, 'mutation($input: SendLetterInput!) { sendCorrespondenceLetter(input: $input) { id } }', {
        input: {
          messageId: `worklist-letter-${n}`,
          cpr: child.cpr,
          municipalityCode: CODE,
          category: 'OTHER',
          topic: 'Mistrivsel',
          subject: 'Barn i mistrivsel',
          text: `Brev ${n}: barnet mistrives i skolen. (syntetisk)`,
          step: 'TRIN_1',
          consent: { givenBy: requiredConsentingParty(child.birthDate, today), givenOn: today },
          signature: { name: 'Test Læge', title: 'Praktiserende læge', phone: '+45 70 00 00 00' },
        },
      });
      expect(res.errors).toBeUndefined();
    }
    const mdb = t.system.databases.municipality.db;
    for (let i = 0; i < 600 && (await mdb.$count(receivedLetters, eq(receivedLetters.municipalityCode, CODE))) < 3; i++) await new Promise((r) => setTimeout(r, 50));
    const letters = await mdb.select().from(receivedLetters).where(eq(receivedLetters.municipalityCode, CODE));
    expect(letters).toHaveLength(3);
    letterDue = letters[0]!.replyDueOn;
    const ofC1 = letters.find((l) => l.childId === c1.id)!;
    const assigned = await ask(caseworker, 'mutation($id: ID!, $a: LetterAssigneeInput!) { assignLetter(id: $id, assignee: $a) { id } }', {
      id: ofC1.id,
      a: { subject: 'test:ppr-661', role: 'PPR_PSYCHOLOGIST', displayName: 'Test PPR (syntetisk)', organisation: String(CODE) },
    });
    expect(assigned.errors).toBeUndefined();
    // BUA's network meetings gave the municipality actions for c3 and c0 (c0's falls due before its letter's reply).
    await t.system.databases.bua.db.insert(buaMeetings).values([
      meeting(c3.id, 'BUA', BUA_SOR_CODE, { sector: 'MUNICIPALITY', organisation: String(CODE) }, '2026-09-10'),
      meeting(c0.id, 'BUA', BUA_SOR_CODE, { sector: 'MUNICIPALITY', organisation: String(CODE) }, '2026-09-20'),
      meeting(c2.id, 'BUA', BUA_SOR_CODE, { sector: 'GENERAL_PRACTICE', organisation: PRACTICE.ydernummer }, '2026-09-15'),
    ]);
    // The deadlines pass.
    today = addWorkingDays(letterDue, 1);
  }, 400_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists a municipality’s children with the actions it owns in any sector, one entry per child, earliest due first, paged by cursor', async () => {
    const all = await worklistOf(caseworker, { first: 10 });
    expect(all.totalCount).toBe(4);
    expect(childrenOf(all)).toEqual([c3.id, c0.id, ...[c1.id, c2.id].sort()]);
    const entryOf = (id: string) => all.edges.find((e) => e.node.child.id === id)!.node;
    expect(entryOf(c3.id)).toMatchObject({ earliestDueOn: '2026-09-10', overdue: true, actions: [{ kind: 'NETWORK_MEETING_ACTION_OVERDUE', heldBy: 'BUA', dueOn: '2026-09-10' }] });
    // c0: the BUA meeting's action and the unanswered letter, in one entry due on the earlier day.
    expect(entryOf(c0.id)).toMatchObject({
      earliestDueOn: '2026-09-20',
      actions: [
        { kind: 'NETWORK_MEETING_ACTION_OVERDUE', heldBy: 'BUA', dueOn: '2026-09-20', overdue: true },
        { kind: 'LETTER_REPLY_OVERDUE', heldBy: 'MUNICIPALITY', dueOn: letterDue, overdue: true },
      ],
    });
    // c2's meeting action is the practice's, not the municipality's.
    expect(entryOf(c2.id).actions.map((a) => a.kind)).toEqual(['LETTER_REPLY_OVERDUE']);

    const first = await worklistOf(caseworker, { first: 3 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await worklistOf(caseworker, { first: 3, after: first.pageInfo.endCursor });
    expect([...childrenOf(first), ...childrenOf(second)]).toEqual(childrenOf(all));
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges.at(-1)!.cursor });
  }, LONG);

  it('filters a municipality’s worklist by the department that received the letters and by their assignee', async () => {
    expect(childrenOf(await worklistOf(caseworker, { department: 'CHILDREN_AND_YOUTH' }))).toEqual([c0.id, ...[c1.id, c2.id].sort()]);
    expect(childrenOf(await worklistOf(caseworker, { department: 'HEALTH_AND_ELDERLY' }))).toEqual([]);
    const assigned = await worklistOf(caseworker, { assignee: 'test:ppr-661' });
    expect(childrenOf(assigned)).toEqual([c1.id]);
    expect(assigned.edges[0]!.node.actions).toEqual([{ kind: 'LETTER_REPLY_OVERDUE', subjectId: expect.any(String), heldBy: 'MUNICIPALITY', dueOn: letterDue, overdue: true }]);
  }, LONG);

  it('writes each listed child’s read to the access log of every sector that gave actions, and only theirs', async () => {
    await worklistOf(caseworker, { first: 10 });
    const reads = async (db: typeof t.system.databases.municipality.db, table: typeof municipalityLog, child: string) =>
      db.$count(table, and(eq(table.childId, child), eq(table.actorSubject, caseworker.subject), sql`${table.parts} @> array['openActions']`));
    expect(await reads(t.system.databases.municipality.db, municipalityLog, c1.id)).toBeGreaterThan(0);
    expect(await reads(t.system.databases.bua.db, buaLog, c3.id)).toBeGreaterThan(0);
    // BUA gave no action of the municipality's for c1: it read nothing of c1 and logged nothing.
    expect(await reads(t.system.databases.bua.db, buaLog, c1.id)).toBe(0);
  }, LONG);

  it('logs the keys too: every child the worklist counts is a read (part openActionKeys) in each sector holding actions of it, though the page shows one', async () => {
    const mdb = t.system.databases.municipality.db;
    const bdb = t.system.databases.bua.db;
    const reads = async (db: typeof mdb, table: typeof municipalityLog, child: string, part: string) =>
      db.$count(table, and(eq(table.childId, child), eq(table.actorSubject, caseworker.subject), sql`${table.parts} @> array[${part}]::text[]`));
    const counts = async () => ({
      c1Keys: await reads(mdb, municipalityLog, c1.id, 'openActionKeys'),
      c1Actions: await reads(mdb, municipalityLog, c1.id, 'openActions'),
      c3KeysAtBua: await reads(bdb, buaLog, c3.id, 'openActionKeys'),
      c3ActionsAtBua: await reads(bdb, buaLog, c3.id, 'openActions'),
      c1AtBua: await reads(bdb, buaLog, c1.id, 'openActionKeys'),
    });
    const before = await counts();
    const page = await worklistOf(caseworker, { first: 1 });
    expect(childrenOf(page)).toEqual([c3.id]);
    expect(page.totalCount).toBe(4);
    expect(await counts()).toEqual({
      // c1 is counted, not shown: the municipality logs that it told the request of c1's open actions, not a read of them.
      c1Keys: before.c1Keys + 1,
      c1Actions: before.c1Actions,
      // c3, on the page, is logged by BUA both ways.
      c3KeysAtBua: before.c3KeysAtBua + 1,
      c3ActionsAtBua: before.c3ActionsAtBua + 1,
      // BUA holds no action of the municipality's for c1: nothing of c1 was read there.
      c1AtBua: 0,
    });
  }, LONG);

  it('lists a GP’s own actions: a meeting’s action BUA gave the practice', async () => {
    const list = await worklistOf(gp661);
    expect(childrenOf(list)).toEqual([c2.id]);
    expect(list.edges[0]!.node.actions).toMatchObject([{ kind: 'NETWORK_MEETING_ACTION_OVERDUE', heldBy: 'BUA', dueOn: '2026-09-15' }]);
  }, LONG);

  it('shows another municipality none of these children, and refuses readers without a clinical role and filters of another kind of organisation', async () => {
    const other = await worklistOf(person('caseworker-657', 'MUNICIPALITY', '657', ['CASEWORKER']), { first: 200 });
    expect(childrenOf(other)).not.toEqual(expect.arrayContaining([c0.id]));
    expect(childrenOf(other).some((id) => CHILDREN.some((c) => c.id === id))).toBe(false);
    for (const who of ['analyst-region', 'admin-region', 'bua-adviser']) {
      const res = await ask(who, WORKLIST);
      expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(res.errors?.[0]?.message).toMatch(/only its professionals working with children/);
    }
    const gpDept = await ask(gp661, WORKLIST, { department: 'CHILDREN_AND_YOUTH' });
    expect(gpDept.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'department' });
    const municipalStatus = await ask(caseworker, WORKLIST, { referralStatus: 'RECEIVED' });
    expect(municipalStatus.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'referralStatus' });
    const badCursor = await ask(caseworker, WORKLIST, { after: 'bm90IGEgY3Vyc29y' });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  }, LONG);

  it('BUA: a received referral awaits visitation, filtered by referral status; after no need for assessment the municipality and the GP each owe their part of the further course', async () => {
    const s = referralScenario(t);
    // The demo GP refers an Aarhus child, on today's date: the visitation is not yet overdue.
    today = todayInDenmark();
    const demo = DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && c.birthDate >= '2012-01-01' && demoChildConsents(c))!;
    const sent = s.ok(await s.asGp().refer(gpReferral(demo.cpr))).referChildToBua;
    await s.asBuaClinician().awaitReferral(sent.id);
    const demoId = (sent.child as { id: string }).id;

    const received = await worklistOf('bua-clinician', { referralStatus: 'RECEIVED', first: 200 });
    expect(received.edges.find((e) => e.node.child.id === demoId)?.node.actions).toContainEqual({
      kind: 'REFERRAL_AWAITING_VISITATION',
      subjectId: sent.id,
      heldBy: 'BUA',
      dueOn: addWorkingDays(today, 8),
      overdue: false,
    });
    expect(childrenOf(await worklistOf('bua-clinician', { referralStatus: 'ASSESSED', first: 200 }))).not.toContain(demoId);

    s.ok(await s.asBuaClinician().visit(sent.id, 'NO_ASSESSMENT_NEEDED', 'Mistrivslen kan afhjælpes med kommunal indsats. (syntetisk)'));
    await s.asGp().awaitStatus(sent.id, 'VISITED');
    await s.asMunicipality().awaitStatus(sent.id, 'VISITED');
    const owes = (w: Worklist['worklist']) => w.edges.find((e) => e.node.child.id === demoId)?.node.actions.filter((a) => a.kind === 'NO_ASSESSMENT_COURSE_NOT_AGREED') ?? [];
    expect(owes(await worklistOf('gp-107510', { first: 200 }))).toEqual([expect.objectContaining({ subjectId: sent.id, heldBy: 'GENERAL_PRACTICE', dueOn: addWorkingDays(today, 10) })]);
    expect(owes(await worklistOf('caseworker-751', { first: 200 }))).toEqual([expect.objectContaining({ subjectId: sent.id, heldBy: 'MUNICIPALITY' })]);
    s.ok(await s.asGp().recordFurtherCourse(sent.id, 'Lægen følger op om tre måneder. (syntetisk)'));
    expect(owes(await worklistOf('gp-107510', { first: 200 }))).toEqual([]);
    expect(owes(await worklistOf('caseworker-751', { first: 200 }))).toHaveLength(1);
    // BUA no longer owes the visitation.
    expect(childrenOf(await worklistOf('bua-clinician', { referralStatus: 'RECEIVED', first: 200 }))).not.toContain(demoId);
  }, LONG);

  describe('the sectors’ openActions facts for the pathway subgraph (hidden from clients)', () => {
    const FACTS = (field: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { ${field} {
      withheld { reason } openActions { kind subjectId ownerSector ownerOrganisation dueOn overdue } } } } }`;
    const factsOf = async (subgraph: 'municipality' | 'bua' | 'general-practice', field: string, who: string | Principal, childId: string) => {
      const res = await postGraphQL<{ _entities: Record<string, { withheld: { reason: string } | null; openActions: Entry['actions'] | null }>[] }>(
        t.system.subgraphs[subgraph].url,
        FACTS(field),
        { r: [{ __typename: 'Child', id: childId }] },
        await as(who),
      );
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return res.data!._entities[0]![field]!;
    };

    it('gives every open action the sector holds, whoever owns it, and withholds them from a reader without consent', async () => {
      today = addWorkingDays(letterDue, 1);
      const bua = await factsOf('bua', 'buaFacts', 'bua-clinician', c2.id);
      expect(bua).toEqual({
        withheld: null,
        openActions: [{ kind: 'NETWORK_MEETING_ACTION_OVERDUE', subjectId: expect.any(String), ownerSector: 'GENERAL_PRACTICE', ownerOrganisation: PRACTICE.ydernummer, dueOn: '2026-09-15', overdue: true }],
      });
      const municipality = await factsOf('municipality', 'municipalityFacts', caseworker, c0.id);
      expect(municipality.openActions).toEqual([
        { kind: 'LETTER_REPLY_OVERDUE', subjectId: expect.any(String), ownerSector: 'MUNICIPALITY', ownerOrganisation: String(CODE), dueOn: letterDue, overdue: true },
      ]);
      // The GP holds no actions of c0 (the overdue reply is the municipality's to report).
      expect((await factsOf('general-practice', 'generalPracticeFacts', gp661, c0.id)).openActions).toEqual([]);
      expect(await factsOf('municipality', 'municipalityFacts', 'gp-107510', c0.id)).toEqual({ withheld: { reason: 'NO_CONSENT' }, openActions: null });
    }, LONG);
  });

  it('a municipality’s meetings count too: an action it recorded for itself is in its own list, held by the municipality', async () => {
    today = addWorkingDays(letterDue, 1);
    await t.system.databases.municipality.db.insert(municipalityMeetings).values(meeting(CHILDREN[5]!.id, 'MUNICIPALITY', String(CODE), { sector: 'MUNICIPALITY', organisation: String(CODE) }, '2026-08-01'));
    const list = await worklistOf(caseworker, { first: 1 });
    expect(list.edges[0]!.node).toMatchObject({ child: { id: CHILDREN[5]!.id }, actions: [{ kind: 'NETWORK_MEETING_ACTION_OVERDUE', heldBy: 'MUNICIPALITY', dueOn: '2026-08-01' }] });
    expect(list.totalCount).toBe(5);
  }, LONG);

  it('costs the same SQL statements per subgraph for a worklist of 200 children with their pathways as for one of 20', async () => {
    today = addWorkingDays(letterDue, 1);
    // Lemvig (665) owns actions for 200 children, Struer (671) for 20, each in a BUA meeting and one of its own.
    const many = syntheticChildren(200, 40_000);
    const few = syntheticChildren(20, 41_000);
    for (const [code, children] of [['665', many], ['671', few]] as const) {
      await t.system.databases.bua.db.insert(buaMeetings).values(children.map((c) => meeting(c.id, 'BUA', BUA_SOR_CODE, { sector: 'MUNICIPALITY', organisation: code }, '2026-10-01')));
      await t.system.databases.municipality.db.insert(municipalityMeetings).values(children.map((c) => meeting(c.id, 'MUNICIPALITY', code, { sector: 'MUNICIPALITY', organisation: code }, '2026-10-05')));
    }
    const QUERY = `query($first: Int) { worklist(first: $first) { totalCount edges { node { earliestDueOn child { id knownToMunicipality pathway { currentStep openActions { kind } } } actions { kind heldBy dueOn } } } } }`;
    const statementsFor = async (code: string, first: number) => {
      for (const db of Object.values(t.system.databases)) db.statements.reset();
      const res = await ask<{ worklist: { totalCount: number; edges: { node: Entry }[] } }>(person(`caseworker-${code}`, 'MUNICIPALITY', code, ['CASEWORKER']), QUERY, { first });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(res.data!.worklist.edges).toHaveLength(first);
      expect(res.data!.worklist.edges.every((e) => e.node.actions.length === 2)).toBe(true);
      // The pathway view of each child is there too. Without a consent BUA withholds its facts from the municipality, so
      // the view shows the municipality's own action only; the worklist lists BUA's too, addressed to its owner.
      expect(res.data!.worklist.edges.every((e) => (e.node.child as Entry['child'] & { pathway?: { openActions: unknown[] } }).pathway?.openActions.length === 1)).toBe(true);
      return Object.fromEntries(Object.entries(t.system.databases).map(([name, db]) => [name, db.statements.total]));
    };
    const twenty = await statementsFor('671', 20);
    const twoHundred = await statementsFor('665', 200);
    expect(twoHundred).toEqual(twenty);
    expect(twenty['bua']).toBeGreaterThan(0);
    expect(twenty['municipality']).toBeGreaterThan(0);
  }, LONG);

  it('a young person turning 18 soon with an open case: the municipality owes the transition plan and the young person’s own consent', async () => {
    today = addWorkingDays(letterDue, 1);
    const adult = addMonths(today, 2);
    const birthDate = `${Number(adult.slice(0, 4)) - 18}${adult.slice(4)}`;
    const cpr = `${birthDate.slice(8, 10)}${birthDate.slice(5, 7)}${birthDate.slice(2, 4)}4321`;
    const id = childPseudonym(cpr, TEST_PSEUDONYM_SECRET);
    await insertMunicipalChildren(t.system.databases.municipality.db as unknown as MunicipalityDb, [
      { id, cpr, birthDate, residenceMunicipalityCode: CODE, synthetic: true, openCaseSince: '2026-01-05' },
    ]);
    const consentId = uuid7();
    await t.system.databases.municipality.db.insert(municipalityConsents).values({
      id: consentId,
      childId: id,
      givenBy: 'CUSTODY_HOLDER',
      givenOn: '2023-01-10',
      recipientSector: 'GENERAL_PRACTICE',
      recipientOrganisation: null,
      purposes: ['CARE_COORDINATION'],
      validFrom: '2023-01-10',
      validUntil: null,
      recordedBy: 'test:fixture',
      recordedByOrganisation: String(CODE),
    });
    const list = await worklistOf(caseworker, { first: 200 });
    const entry = list.edges.find((e) => e.node.child.id === id)!.node;
    expect(entry.actions).toEqual([
      { kind: 'TRANSITION_PLAN_MISSING', subjectId: expect.any(String), heldBy: 'MUNICIPALITY', dueOn: addMonths(adult, -3), overdue: true },
      { kind: 'CONSENT_LAPSES_AT_18', subjectId: consentId, heldBy: 'MUNICIPALITY', dueOn: adult, overdue: false },
    ]);
    expect(entry.earliestDueOn).toBe(addMonths(adult, -3));
  }, LONG);

  it('answers the README’s worklist examples as written, each as the demo user it names', async () => {
    today = todayInDenmark();
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const examples = readmeExamples(readme).filter((e) => e.section.startsWith('Worklists'));
    expect(examples.map((e) => e.user)).toEqual(['caseworker-751', 'bua-clinician', 'gp-107510']);
    for (const example of examples) {
      const res = await t.queryAs<{ worklist: { totalCount: number; edges: unknown[] } }>(example.user!, example.query, example.variables);
      expect(res.errors, `${example.user}: ${JSON.stringify(res.errors)}`).toBeUndefined();
      expect(res.data!.worklist.totalCount).toBeGreaterThanOrEqual(res.data!.worklist.edges.length);
    }
  }, LONG);

  it('a screener’s list: a positive screening without an action plan, due the set days after it, ends with the plan', async () => {
    today = todayInDenmark();
    const [child] = syntheticChildren(1, 34_009) as [TestChild];
    const clinic = asPaediatrician(t);
    expect((await clinic.registerChronicallyIll(child.cpr, 'DE109', 751)).errors).toBeUndefined();
    const screened = await clinic.screenWho5(child.id, 'CHRONIC_SOMATIC_ILLNESS', [2, 2, 2, 2, 1]);
    expect(screened.errors).toBeUndefined();
    const result = screened.data!.recordScreening;
    const entryOf = async () => (await worklistOf('paediatrician', { first: 200 })).edges.find((e) => e.node.child.id === child.id)?.node;
    expect(await entryOf()).toEqual({
      earliestDueOn: result.actionPlanDueOn,
      overdue: false,
      child: { id: child.id },
      actions: [{ kind: 'SCREENING_WITHOUT_ACTION_PLAN', subjectId: result.id, heldBy: 'SCREENING', dueOn: result.actionPlanDueOn, overdue: false }],
    });
    const offer = demoOffersFor(751, 'CHRONIC_SOMATIC_ILLNESS', 12)[0]!;
    const plan = await clinic.makeActionPlan({
      screeningResultId: result.id,
      offerIds: [offer.id],
      responsible: { sector: 'MUNICIPALITY', organisation: '751', personName: 'Demo Koordinator (syntetisk)', phone: '+45 70 00 00 01' },
      followUpOn: addMonths(today, 3),
    });
    expect(plan.errors).toBeUndefined();
    expect(await entryOf()).toBeUndefined();
  }, LONG);

  // Last: it stops a sector subgraph.
  it('with BUA stopped, lists the other sectors’ children in their order and names BUA, the cursor exact across pages', async () => {
    today = addWorkingDays(letterDue, 1);
    const whole = await worklistOf(caseworker, { first: 200 });
    expect(whole.unavailableSources).toEqual([]);
    expect(whole.edges.some((e) => e.node.actions.every((a) => a.heldBy === 'BUA'))).toBe(true);
    // Without BUA: the children with an action held elsewhere, keyed by the earliest of those.
    const expected = whole.edges
      .map((e) => ({ id: e.node.child.id, due: e.node.actions.filter((a) => a.heldBy !== 'BUA').map((a) => a.dueOn).sort()[0] }))
      .filter((k): k is { id: string; due: string } => k.due !== undefined)
      .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id < b.id ? -1 : 1));
    await t.system.stopSubgraph('bua');
    try {
      const first = await worklistOf(caseworker, { first: 2 });
      expect(first.unavailableSources).toEqual(['bua']);
      expect(first.totalCount).toBe(expected.length);
      const rest = await worklistOf(caseworker, { first: 200, after: first.pageInfo.endCursor });
      expect(rest.unavailableSources).toEqual(['bua']);
      expect([...childrenOf(first), ...childrenOf(rest)]).toEqual(expected.map((k) => k.id));
      for (const e of [...first.edges, ...rest.edges]) {
        expect(e.node.actions.every((a) => a.heldBy !== 'BUA')).toBe(true);
        expect(e.node.earliestDueOn).toBe(expected.find((k) => k.id === e.node.child.id)!.due);
      }
      // A sector's refusal still fails the request: the municipality refuses an analyst while BUA is down.
      const refused = await ask('analyst-region', WORKLIST);
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    } finally {
      await t.system.startSubgraph('bua');
    }
  }, LONG);
});
