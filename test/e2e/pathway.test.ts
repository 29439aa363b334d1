import { contactPersonEvents as buaContactPersonEvents } from '@pathway-graph/bua/db/schema';
import { municipalInterventions } from '@pathway-graph/municipality/db/schema';
import { childPseudonym, glnFromPrefix, parseCareCommunicationBundle, uuid7, type Principal } from '@pathway-graph/shared';
import { DEMO_CHILDREN, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { demoOffersFor } from '@pathway-graph/shared/demo/demo-offers';
import { readmeExamples } from '@pathway-graph/gateway/ide/readme-examples';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as } from '../support/auth.ts';
import { registerEverywhere, syntheticChildren } from '../support/children.ts';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { scenario } from '../support/scenario/index.ts';
import { asPaediatrician } from '../support/scenario/screening.ts';
import { gpReferral, referralScenario } from '../support/scenario/referral.ts';
import { startTestSystem, type GraphQLResponse, type TestSystem } from '../support/system.ts';

/**
 * The coordinated pathway view (`Child.pathway`), through the gateway: one child taken from Trin 1 to Trin 4 by the
 * other features (letters, referral, visitation, assessment, outcome, medication agreement, closing), the view
 * after each step; the same child as five readers see it; and what a long timeline costs.
 */

/** An Aarhus child of practice 107510 (synthetic) whose family consented, registered at BUA, far from 18. */
const CHILD = DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && c.birthDate >= '2012-01-01' && demoChildConsents(c) && c.buaRegisteredOn !== null)!;
const CHILD_ID = childPseudonym(CHILD.cpr, TEST_PSEUDONYM_SECRET);
const LONG = 240_000;

type Event = { id: string; sector: string; at: string; kind: string; recordStep: string | null; subjectId: string; summary: string };
interface View {
  currentStep: string | null;
  stepBasis: { sector: string; kind: string; at: string; eventId: string; rule: string } | null;
  treatmentResponsibility: { holder: string | null; startedAt: string | null; basis: string } | null;
  timeline: { edges: { cursor: string; node: Event }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number };
  contactPersons: { sector: string; status: string }[];
  openActions: { kind: string; subjectId: string; heldBy: string; ownerSector: string; ownerOrganisation: string; dueOn: string; overdue: boolean }[];
  withheld: { sector: string; reason: string; message: string }[];
}

const PATHWAY = `query Pathway($id: ID!, $first: Int, $after: String) { child(id: $id) { pathway {
  currentStep stepBasis { sector kind at eventId rule } treatmentResponsibility { holder startedAt basis }
  timeline(first: $first, after: $after) { edges { cursor node { id sector at kind recordStep subjectId summary } } pageInfo { hasNextPage endCursor } totalCount }
  contactPersons { sector status at name role phone }
  openActions { kind subjectId heldBy ownerSector ownerOrganisation dueOn overdue }
  withheld { sector reason message } } } }`;

describeWithDatabases('the coordinated pathway view, through the gateway', (backend) => {
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem(backend);
  }, 400_000);
  afterAll(async () => {
    await t?.close();
  });

  const ok = <T>(res: GraphQLResponse<T>): T => {
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };
  const pathwayAs = async (user: string, variables: Record<string, unknown> = {}): Promise<View> =>
    ok(await t.queryAs<{ child: { pathway: View } }>(user, PATHWAY, { id: CHILD_ID, first: 500, ...variables })).child.pathway;
  /** The municipality's id of the letter the GP sent as `gpLetterId`: the inbox knows it by its MedCom header id. */
  const inboxIdOf = async (gpLetterId: string): Promise<string> => {
    const { sentLetter } = ok(await t.queryAs<{ sentLetter: { exportBundle: string } }>('gp-107510', 'query($id: ID!) { sentLetter(id: $id) { exportBundle } }', { id: gpLetterId }));
    const headerId = parseCareCommunicationBundle(JSON.parse(sentLetter.exportBundle)).message.messageId;
    const { inbox } = ok(await t.queryAs<{ inbox: { edges: { node: { id: string; messageId: string } }[] } }>('caseworker-751', 'query { inbox(municipalityCode: 751, first: 500) { edges { node { id messageId } } } }'));
    return inbox.edges.find((e) => e.node.messageId === headerId)!.node.id;
  };
  const eventsOf = (view: View, subjectId: string) => view.timeline.edges.map((e) => e.node).filter((e) => e.subjectId === subjectId);
  /** The open actions about one record, as `kind:owner sector`. */
  const actionsOn = (view: View, subjectId: string) => view.openActions.filter((a) => a.subjectId === subjectId).map((a) => `${a.kind}:${a.ownerSector}`);
  const expectSortedByDueDay = (view: View) => {
    const days = view.openActions.map((a) => a.dueOn);
    expect(days).toEqual([...days].sort());
  };
  const kindsOf = (view: View, subjectId: string) => eventsOf(view, subjectId).map((e) => `${e.sector}:${e.kind}`);

  it('takes one child from Trin 1 to Trin 4: after each step the caseworker sees the step, why, and the timeline of every sector', async () => {
    const people = scenario(() => t);
    const referral = referralScenario(t);
    const gp = people.asGp('107510');
    const caseworker = people.asCaseworker(751);
    const READER = 'caseworker-751';

    // Trin 1: the GP writes, the municipality reads and answers.
    const trin1MessageId = `pathway-${randomUUID()}`;
    const letter1 = await gp.sendsLetter({ messageId: trin1MessageId, cpr: CHILD.cpr, step: 'TRIN_1' });
    await gp.waitsUntilLetterIs(letter1, 'DELIVERED');
    const inbox1 = { id: await inboxIdOf(letter1) };
    ok(await caseworker.markRead(inbox1!.id));
    ok(await caseworker.reply(inbox1!.id, { initiated: ['PPR_ASSESSMENT'], contactCommitment: 'CONTACT_FAMILY', text: 'Vi kontakter familien. (syntetisk)', phone: '+4587654321' }));
    let view = await pathwayAs(READER);
    expect(view.withheld).toEqual([]);
    expect(kindsOf(view, letter1)).toEqual(['GENERAL_PRACTICE:LETTER_SENT']);
    expect(kindsOf(view, inbox1!.id)).toEqual(['MUNICIPALITY:LETTER_RECEIVED', 'MUNICIPALITY:LETTER_READ', 'MUNICIPALITY:LETTER_REPLIED']);
    expect(view.currentStep).toBe('TRIN_1');
    expect(view.stepBasis).toMatchObject({ sector: 'MUNICIPALITY', kind: 'LETTER_REPLIED', eventId: `MUNICIPALITY:LETTER_REPLIED:${inbox1!.id}` });
    expect(view.treatmentResponsibility).toMatchObject({ holder: null, startedAt: null });
    expect(actionsOn(view, inbox1!.id)).toEqual([]);
    // The summaries carry kinds, steps and codes, never the child's name, CPR number or the letter's text.
    for (const e of view.timeline.edges) {
      expect(e.node.summary).not.toContain(CHILD.cpr.slice(0, 6));
      expect(e.node.summary).not.toContain('syntetisk');
      expect(e.node.summary).not.toContain('mistrivsel');
    }
    const times = view.timeline.edges.map((e) => e.node.at);
    expect(times).toEqual([...times].sort());

    // Trin 2: a letter about Trin 2.
    const trin2MessageId = `pathway-${randomUUID()}`;
    const letter2 = await gp.sendsLetter({ messageId: trin2MessageId, cpr: CHILD.cpr, step: 'TRIN_2' });
    await gp.waitsUntilLetterIs(letter2, 'DELIVERED');
    const inbox2 = { id: await inboxIdOf(letter2) };
    view = await pathwayAs(READER);
    expect(kindsOf(view, letter2)).toEqual(['GENERAL_PRACTICE:LETTER_SENT']);
    expect(eventsOf(view, letter2)[0]).toMatchObject({ recordStep: 'TRIN_2' });
    expect(view.currentStep).toBe('TRIN_2');
    expect(view.stepBasis).toMatchObject({ sector: 'MUNICIPALITY', kind: 'LETTER_RECEIVED', eventId: `MUNICIPALITY:LETTER_RECEIVED:${inbox2!.id}` });

    // Trin 3: the GP refers, and BUA receives the referral.
    const sent = referral.ok(await referral.asGp().refer(gpReferral(CHILD.cpr))).referChildToBua;
    await referral.asBuaClinician().awaitReferral(sent.id);
    view = await pathwayAs(READER);
    expect(kindsOf(view, sent.id)).toEqual(['GENERAL_PRACTICE:REFERRAL_SENT', 'BUA:REFERRAL_RECEIVED']);
    expect(view.currentStep).toBe('TRIN_3');
    expect(view.stepBasis).toMatchObject({ sector: 'BUA', kind: 'REFERRAL_RECEIVED' });
    expect(actionsOn(view, sent.id)).toEqual(['REFERRAL_AWAITING_VISITATION:BUA']);
    expect(view.openActions.find((a) => a.subjectId === sent.id)).toMatchObject({ heldBy: 'BUA', overdue: false });
    expectSortedByDueDay(view);

    referral.ok(await referral.asBuaClinician().visit(sent.id, 'ASSESSMENT'));
    view = await pathwayAs(READER);
    expect(view.currentStep).toBe('TRIN_3');
    expect(view.stepBasis).toMatchObject({ sector: 'BUA', kind: 'TREATMENT_RESPONSIBILITY_TAKEN' });
    expect(view.treatmentResponsibility).toMatchObject({ holder: 'BUA', startedAt: expect.any(String) });
    expect(kindsOf(view, sent.id)).toEqual(['GENERAL_PRACTICE:REFERRAL_SENT', 'BUA:REFERRAL_RECEIVED', 'BUA:TREATMENT_RESPONSIBILITY_TAKEN', 'BUA:VISITATION_ASSESSMENT']);
    expect(actionsOn(view, sent.id)).toEqual([]);

    // A letter about Trin 1 while BUA holds treatment responsibility does not take the child out of psychiatry.
    const lateLetter = await gp.sendsLetter({ messageId: `pathway-${randomUUID()}`, cpr: CHILD.cpr, step: 'TRIN_1' });
    view = await pathwayAs(READER);
    expect(kindsOf(view, lateLetter)).toEqual(['GENERAL_PRACTICE:LETTER_SENT']);
    expect(view.currentStep).toBe('TRIN_3');

    ok(await referral.asBuaClinician().startAssessment(sent.id));
    ok(await referral.asBuaClinician().recordOutcome(sent.id));
    await referral.asBuaClinician().awaitOutcomeDelivered(sent.id);
    view = await pathwayAs(READER);
    // Told to the municipality and the GP by message, not yet to the parents: BUA still owes the communication.
    expect(actionsOn(view, sent.id)).toEqual(['OUTCOME_NOT_COMMUNICATED:BUA']);
    ok(await referral.asBuaClinician().toldParents(sent.id));
    view = await pathwayAs(READER);
    expect(view.currentStep).toBe('TRIN_3');
    expect(kindsOf(view, sent.id)).toEqual(
      expect.arrayContaining(['BUA:ASSESSMENT_STARTED', 'BUA:ASSESSMENT_CONCLUDED', 'BUA:OUTCOME_COMMUNICATED']),
    );
    expect(eventsOf(view, sent.id).filter((e) => e.kind === 'OUTCOME_COMMUNICATED')).toHaveLength(3);
    expect(actionsOn(view, sent.id)).toEqual([]);

    // Trin 4: BUA and the GP agree who continues the medication; BUA closes its course.
    const { agreement } = referral.ok(
      await referral.medication.proposeAsBua({ referralId: sent.id, atcCode: 'N06BA04', medicineName: 'Methylphenidat', prescriber: 'GENERAL_PRACTICE', prescribesFrom: '2027-01-01', reviewOn: '2027-04-01' }),
    ).proposeBuaMedicationAgreement;
    await referral.until(
      'the proposal reaching the GP',
      async () => referral.ok(await referral.medication.ofChild(CHILD.cpr, 'generalPracticeMedicationAgreements', 'gp-107510')).childByCpr['generalPracticeMedicationAgreements'] ?? [],
      (list) => list.some((a) => a.id === agreement.id),
    );
    view = await pathwayAs(READER);
    // Proposed by BUA, awaiting the GP: the action is the GP's, listed once though BUA and the GP both hold the agreement.
    expect(actionsOn(view, agreement.id)).toEqual(['MEDICATION_AGREEMENT_AWAITING_ACCEPTANCE:GENERAL_PRACTICE']);
    expect(view.currentStep).toBe('TRIN_4');
    referral.ok(await referral.medication.respondAsGp(agreement.id, true));
    view = await pathwayAs(READER);
    expect(kindsOf(view, agreement.id)).toEqual(['BUA:MEDICATION_AGREEMENT_PROPOSED', 'GENERAL_PRACTICE:MEDICATION_AGREEMENT_ACCEPTED']);
    expect(view.currentStep).toBe('TRIN_4');
    expect(view.stepBasis).toMatchObject({ sector: 'GENERAL_PRACTICE', kind: 'MEDICATION_AGREEMENT_ACCEPTED' });
    expect(actionsOn(view, agreement.id)).toEqual([]);

    ok(await referral.asBuaClinician().close(sent.id));
    view = await pathwayAs(READER);
    expect(view.currentStep).toBe('TRIN_4');
    expect(view.stepBasis).toMatchObject({ sector: 'BUA', kind: 'TREATMENT_RESPONSIBILITY_RETURNED' });
    expect(view.treatmentResponsibility).toMatchObject({ holder: null, startedAt: null });
    expect(kindsOf(view, sent.id).slice(-2)).toEqual(['BUA:REFERRAL_CLOSED', 'BUA:TREATMENT_RESPONSIBILITY_RETURNED']);

    // BUA appoints its coordinating contact person: the pathway shows the person and the appointment as an event.
    const appointedAt = new Date().toISOString();
    ok(
      await t.queryAs('bua-clinician', 'mutation($input: RecordContactPersonInput!) { recordBuaContactPerson(input: $input) { status } }', {
        input: { childId: CHILD_ID, type: 'APPOINTED', at: appointedAt, person: { name: 'Demo Koordinator (syntetisk)', role: 'Sygeplejerske', phone: '+4512345678' } },
      }),
    );
    view = await pathwayAs(READER);
    expect(view.contactPersons.map((c) => c.sector)).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA']);
    expect(view.contactPersons.find((c) => c.sector === 'BUA')).toEqual({ sector: 'BUA', status: 'APPOINTED', at: expect.any(String), name: 'Demo Koordinator (syntetisk)', role: 'Sygeplejerske', phone: '+4512345678' });
    const appointed = view.timeline.edges.map((e) => e.node).filter((e) => e.kind === 'CONTACT_PERSON_APPOINTED').at(-1)!;
    expect(appointed).toMatchObject({ sector: 'BUA' });
    expect(appointed.summary).not.toContain('Koordinator');
    expect(view.currentStep).toBe('TRIN_4');

    // The timeline pages: cursors continue where the last page ended, and every event is on exactly one page.
    const all = view.timeline.edges.map((e) => e.node.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: View = await pathwayAs(READER, { first: 3, after });
      seen.push(...page.timeline.edges.map((e) => e.node.id));
      expect(page.timeline.totalCount).toBe(all.length);
      if (!page.timeline.pageInfo.hasNextPage) break;
      after = page.timeline.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    const bad = await t.queryAs(READER, PATHWAY, { id: CHILD_ID, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  }, LONG);

  it('five readers each see what the consent and sector rules allow: a withheld sector is marked, with the refusal of its own field, and its events and actions are missing', async () => {
    const people = scenario(() => t);
    const referral = referralScenario(t);
    // Something from three sectors: a letter (GP, municipality) and a referral BUA received.
    const letter = await people.asGp('107510').sendsLetter({ messageId: `pathway-${randomUUID()}`, cpr: CHILD.cpr, step: 'TRIN_1' });
    await people.asGp('107510').waitsUntilLetterIs(letter, 'DELIVERED');
    const sent = referral.ok(await referral.asGp().refer(gpReferral(CHILD.cpr))).referChildToBua;
    await referral.asBuaClinician().awaitReferral(sent.id);

    /** Each sector's own field: reading it as the reader gives the refusal a withheld part must repeat. */
    const OWN_FIELDS = {
      MUNICIPALITY: 'knownToMunicipality',
      GENERAL_PRACTICE: 'listedPractice { ydernummer }',
      BUA: 'knownToBua',
      SCREENING: 'screeningTracks { track }',
    } as const;
    /** The withholding reason a refusal's code stands for (WithheldReason). */
    const REASON_OF: Record<string, (message: string) => string> = {
      CONSENT_REQUIRED: () => 'NO_CONSENT',
      FORBIDDEN: (message) => (message.startsWith('Analysts') || message.includes('role') ? 'NOT_PERMITTED_FOR_ROLE' : 'OTHER_ORGANISATION'),
    };
    const READERS = ['gp-107510', 'caseworker-751', 'bua-clinician', 'healthvisitor-751', 'analyst-region'];
    const seen: Record<string, string[]> = {};
    for (const reader of READERS) {
      const view = await pathwayAs(reader);
      const sectorsInTimeline = new Set(view.timeline.edges.map((e) => e.node.sector));
      const withheld = new Map(view.withheld.map((w) => [w.sector, w]));
      for (const [sector, field] of Object.entries(OWN_FIELDS)) {
        const own = await t.queryAs<{ child: Record<string, unknown> }>(reader, `query($id: ID!) { child(id: $id) { ${field} } }`, { id: CHILD_ID });
        const refusal = own.errors?.[0];
        if (refusal) {
          const part = withheld.get(sector);
          expect(part, `${reader}: ${sector} refuses its own field, so the pathway marks it withheld`).toBeDefined();
          expect(part!.reason).toBe(REASON_OF[refusal.extensions?.['code'] as string]?.(refusal.message));
          // Worded as the refusal of the sector's own field; the municipality's facts name both of its facts.
          expect(sector === 'MUNICIPALITY' ? part!.message.replace('the date of birth and ', '') : part!.message).toBe(refusal.message);
          expect(sectorsInTimeline.has(sector), `${reader}: no events of withheld ${sector}`).toBe(false);
          expect(view.openActions.filter((a) => a.heldBy === sector)).toEqual([]);
          expect(view.contactPersons.filter((c) => c.sector === sector)).toEqual([]);
        } else {
          expect(withheld.has(sector), `${reader}: ${sector} shares its own field, so nothing is withheld`).toBe(false);
        }
      }
      // The sectors that shared show their events: the letter (GP, municipality) and BUA's receipt of the referral.
      if (!withheld.has('GENERAL_PRACTICE')) expect(kindsOf(view, letter)).toEqual(['GENERAL_PRACTICE:LETTER_SENT']);
      if (!withheld.has('BUA')) expect(kindsOf(view, sent.id)).toContain('BUA:REFERRAL_RECEIVED');
      seen[reader] = view.withheld.map((w) => `${w.sector}:${w.reason}`);
    }
    // Each sector's own people see its part; the analyst sees no single child's data, and is told so, without an error.
    expect(seen['gp-107510']).not.toContainEqual(expect.stringMatching(/^GENERAL_PRACTICE:/));
    expect(seen['caseworker-751']).not.toContainEqual(expect.stringMatching(/^MUNICIPALITY:/));
    expect(seen['bua-clinician']).not.toContainEqual(expect.stringMatching(/^BUA:/));
    expect(seen['analyst-region']).toEqual(['MUNICIPALITY:NOT_PERMITTED_FOR_ROLE', 'GENERAL_PRACTICE:NOT_PERMITTED_FOR_ROLE', 'BUA:NOT_PERMITTED_FOR_ROLE', 'SCREENING:NOT_PERMITTED_FOR_ROLE']);
    const analystView = await pathwayAs('analyst-region');
    expect(analystView).toMatchObject({ currentStep: null, stepBasis: null, treatmentResponsibility: null, contactPersons: [], openActions: [] });
    expect(analystView.timeline.totalCount).toBe(0);
  }, LONG);

  it('the pathway of a child with 500 timeline events costs the same SQL statements per subgraph as one with 5', async () => {
    // Holstebro and a practice of its own: no demo data, so each child's timeline holds exactly what is written here.
    const [few, many] = syntheticChildren(2, 30_000) as [ReturnType<typeof syntheticChildren>[number], ReturnType<typeof syntheticChildren>[number]];
    const practice = { ydernummer: '166100', name: 'Lægehuset Tæller (syntetisk)', locationNumber: glnFromPrefix('579000996610') };
    await registerEverywhere(t.system, [few, many], { municipalityCode: 661, practice, consentTo: ['MUNICIPALITY'] });
    const caseworker: Principal = { subject: 'test:caseworker-661', displayName: 'Test caseworker', sector: 'MUNICIPALITY', organisation: '661', roles: ['CASEWORKER'] };
    // Each ended intervention is two events (started, ended), each contact-person record one; each child is in a track (one).
    const interventions = (childId: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: uuid7(),
        childId,
        municipalityCode: 661,
        kind: 'PEDAGOGICAL' as const,
        step: 'TRIN_1' as const,
        description: 'Støtte i klassen (syntetisk)',
        startedOn: `20${String(10 + Math.floor(i / 12)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-01`,
        endedOn: `20${String(10 + Math.floor(i / 12)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-20`,
        responsible: 'PPR Holstebro',
        effect: 'AS_EXPECTED' as const,
        recordedBy: 'test:fixture',
        recordedAt: '2026-01-01T10:00:00Z',
      }));
    const contactRecords = (childId: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: uuid7(),
        childId,
        organisation: '6620',
        sector: 'BUA' as const,
        type: 'NONE_AGREED' as const,
        at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
        note: 'Ikke behov (syntetisk)',
        recordedBy: 'test:fixture',
      }));
    await t.system.databases.municipality.db.insert(municipalInterventions).values([...interventions(few.id, 2), ...interventions(many.id, 237)]);
    await t.system.databases.bua.db.insert(buaContactPersonEvents).values([...contactRecords(few.id, 0), ...contactRecords(many.id, 25)]);

    const statementsFor = async (childId: string, events: number) => {
      for (const db of Object.values(t.system.databases)) db.statements.reset();
      const res = await t.query<{ child: { pathway: View } }>(PATHWAY, { id: childId, first: 500 }, await as(caseworker));
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      const view = res.data!.child.pathway;
      expect(view.withheld).toEqual([]);
      expect(view.timeline.totalCount).toBe(events);
      expect(view.timeline.edges).toHaveLength(events);
      expect(view.currentStep).toBe('TRIN_1');
      return Object.fromEntries(Object.entries(t.system.databases).map(([name, db]) => [name, db.statements.total]));
    };
    const five = await statementsFor(few.id, 5);
    const fiveHundred = await statementsFor(many.id, 500);
    expect(fiveHundred).toEqual(five);
    expect(Object.values(five).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, LONG);

  it('answers the README’s pathway example as written there, and as the analyst, without an error, marking what is withheld', async () => {
    const example = readmeExamples(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).find((e) => e.section.startsWith('The coordinated pathway view'))!;
    expect(example.user).toBe('caseworker-751');
    const asWritten = ok(await t.queryAs<{ childByCpr: { pathway: View } }>(example.user!, example.query, example.variables)).childByCpr.pathway;
    expect(asWritten.withheld).toEqual([]);
    expect(asWritten.timeline.totalCount).toBeGreaterThanOrEqual(asWritten.timeline.edges.length);
    expect(asWritten.contactPersons.map((c) => c.sector)).toEqual(['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA']);
    // The analyst may not look a child up by CPR number: the same selection, by pseudonym.
    const byPseudonym = example.query.replace('query($cpr: String!) { childByCpr(cpr: $cpr)', 'query($id: ID!) { child(id: $id)');
    expect(byPseudonym).not.toBe(example.query);
    const asAnalyst = ok(await t.queryAs<{ child: { pathway: View } }>('analyst-region', byPseudonym, { id: childPseudonym(String(example.variables!['cpr']), TEST_PSEUDONYM_SECRET) })).child.pathway;
    expect(asAnalyst.withheld.map((w) => w.reason)).toEqual(['NOT_PERMITTED_FOR_ROLE', 'NOT_PERMITTED_FOR_ROLE', 'NOT_PERMITTED_FOR_ROLE', 'NOT_PERMITTED_FOR_ROLE']);
    expect(asAnalyst.timeline).toMatchObject({ edges: [], totalCount: 0 });
  }, LONG);

  it('a page of 20 children with their pathways costs the same SQL statements per subgraph as a page of 2', async () => {
    // Lemvig: no demo data, and no other test of this file registers children there.
    const children = syntheticChildren(20, 31_000);
    const practice = { ydernummer: '166500', name: 'Lægehuset Side (syntetisk)', locationNumber: glnFromPrefix('579000996650') };
    await registerEverywhere(t.system, children, { municipalityCode: 665, practice, consentTo: ['MUNICIPALITY'] });
    const caseworker: Principal = { subject: 'test:caseworker-665', displayName: 'Test caseworker', sector: 'MUNICIPALITY', organisation: '665', roles: ['CASEWORKER'] };
    const PAGE = `query($first: Int) { municipality(code: 665) { children(first: $first) { edges { node { id pathway {
      currentStep stepBasis { kind } treatmentResponsibility { holder } timeline(first: 50) { edges { node { id kind } } totalCount }
      contactPersons { sector status } openActions { kind dueOn } withheld { sector reason } } } } } } }`;
    type Page = { municipality: { children: { edges: { node: { id: string; pathway: View } }[] } } };
    const statementsFor = async (first: number) => {
      for (const db of Object.values(t.system.databases)) db.statements.reset();
      const res = await t.query<Page>(PAGE, { first }, await as(caseworker));
      expect(res.errors, JSON.stringify(res.errors?.slice(0, 2))).toBeUndefined();
      const nodes = res.data!.municipality.children.edges.map((e) => e.node);
      expect(nodes).toHaveLength(first);
      // Each child is in a screening track: one event, from a sector that shared.
      for (const node of nodes) expect(node.pathway).toMatchObject({ withheld: [], timeline: { totalCount: 1 } });
      return Object.fromEntries(Object.entries(t.system.databases).map(([name, db]) => [name, db.statements.total]));
    };
    const two = await statementsFor(2);
    const twenty = await statementsFor(20);
    expect(twenty).toEqual(two);
    expect(Object.values(two).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, LONG);

  it('a visitation without need for assessment: Trin 3 by the visitation, the decision communicated, and each part of the further course an event that settles its open action', async () => {
    const referral = referralScenario(t);
    const sent = referral.ok(await referral.asGp().refer(gpReferral(CHILD.cpr))).referChildToBua;
    await referral.asBuaClinician().awaitReferral(sent.id);
    referral.ok(await referral.asBuaClinician().visit(sent.id, 'NO_ASSESSMENT_NEEDED', 'Ikke behov for udredning. (syntetisk)'));
    await referral.asGp().awaitStatus(sent.id, 'VISITED');
    let view = await pathwayAs('caseworker-751');
    // BUA tells the municipality and the GP of the decision by message: those communications are events too.
    expect(kindsOf(view, sent.id).filter((k) => k !== 'BUA:OUTCOME_COMMUNICATED')).toEqual(['GENERAL_PRACTICE:REFERRAL_SENT', 'BUA:REFERRAL_RECEIVED', 'BUA:VISITATION_NO_ASSESSMENT']);
    expect(view.currentStep).toBe('TRIN_3');
    expect(actionsOn(view, sent.id).sort()).toEqual(['NO_ASSESSMENT_COURSE_NOT_AGREED:GENERAL_PRACTICE', 'NO_ASSESSMENT_COURSE_NOT_AGREED:MUNICIPALITY']);

    referral.ok(await referral.asGp().recordFurtherCourse(sent.id, 'Opfølgning hos egen læge. (syntetisk)'));
    view = await pathwayAs('caseworker-751');
    expect(kindsOf(view, sent.id)).toContain('GENERAL_PRACTICE:FURTHER_COURSE_RECORDED');
    expect(eventsOf(view, sent.id).find((e) => e.kind === 'FURTHER_COURSE_RECORDED')!.summary).not.toContain('syntetisk');
    expect(actionsOn(view, sent.id)).not.toContain('NO_ASSESSMENT_COURSE_NOT_AGREED:GENERAL_PRACTICE');
  }, LONG);

  it('a positive screening puts the child at no step; the action plan from the municipality’s offers puts it at Trin 1', async () => {
    // Born 2014-05-21 (synthetic): no other test's child; the paediatric clinic registers it in track 2 of Aarhus.
    const [child] = syntheticChildren(1, 33_004) as [{ id: string; cpr: string; birthDate: string }];
    const clinic = asPaediatrician(t);
    ok(await clinic.registerChronicallyIll(child.cpr, 'DE109', 751));
    const result = ok(await clinic.screenWho5(child.id, 'CHRONIC_SOMATIC_ILLNESS', [2, 2, 2, 2, 1])).recordScreening;
    expect(result.positive).toBe(true);
    const viewOf = async () =>
      ok(await t.queryAs<{ child: { pathway: Pick<View, 'currentStep' | 'stepBasis' | 'withheld'> } }>('paediatrician', 'query($id: ID!) { child(id: $id) { pathway { currentStep stepBasis { sector kind at eventId rule } withheld { sector reason } } } }', { id: child.id }))
        .child.pathway;
    const screened = await viewOf();
    // The clinic sees its own screening record; the other sectors withhold theirs from it.
    expect(screened.withheld.map((w) => w.sector)).not.toContain('SCREENING');
    expect(screened).toMatchObject({ currentStep: null, stepBasis: null });

    const offer = demoOffersFor(751, 'CHRONIC_SOMATIC_ILLNESS', 12)[0]!;
    const responsible = { sector: 'MUNICIPALITY', organisation: '751', personName: 'Demo Koordinator (syntetisk)', phone: '+45 70 00 00 01' };
    const followUpOn = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const plan = ok(await clinic.makeActionPlan({ screeningResultId: result.id, offerIds: [offer.id], responsible, followUpOn })).createActionPlan;
    expect((await viewOf()).currentStep).toBe('TRIN_1');
    expect((await viewOf()).stepBasis).toMatchObject({ sector: 'SCREENING', kind: 'ACTION_PLAN_MADE', eventId: expect.stringContaining(plan.id), rule: expect.stringMatching(/action plan .* Trin 1/) });
  }, LONG);
});
