import { outbox as buaOutbox, referrals as buaReferrals } from '@pathway-graph/bua/db/schema';
import { outbox as gpOutbox, referralsToBua as gpReferrals } from '@pathway-graph/general-practice/db/schema';
import { outbox as municipalityOutbox, referralsToBua as municipalityReferrals, transitionPlans as municipalityPlans } from '@pathway-graph/municipality/db/schema';
import { childPseudonym } from '@pathway-graph/shared';
import { DEMO_CHILDREN, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { count } from 'drizzle-orm';
import { createHash, randomUUID } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { gpReferral, municipalReferral, referralScenario } from '../support/scenario/referral.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/** Aarhus children of practice 107510 (synthetic): with consents and registered at BUA, with consents only, without. */
const aarhus = DEMO_CHILDREN.filter((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && c.birthDate >= '2010-01-01');
const withBuaConsent = aarhus.find((c) => demoChildConsents(c) && c.buaRegisteredOn !== null)!;
const [childB, childC] = aarhus.filter((c) => demoChildConsents(c) && c.buaRegisteredOn === null);
const withoutConsent = aarhus.find((c) => !demoChildConsents(c))!;
/** Turns 18 on 2027-01-01: within six months of the session's today, so a pathway at BUA needs a transition plan. */
const turning18 = DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && c.birthDate === '2009-01-01')!;
/** Each scenario makes many round trips through the gateway and waits for deliveries; on a loaded machine that takes long. */
const LONG = 180_000;
const idOf = (cpr: string) => childPseudonym(cpr, TEST_PSEUDONYM_SECRET);

describeWithDatabases('referral to BUA and its outcome, through the gateway', (backend) => {
  let t: TestSystem;
  let s: ReturnType<typeof referralScenario>;

  beforeAll(async () => {
    t = await startTestSystem(backend);
    s = referralScenario(t);
    // Starting five subgraphs and the gateway takes long on a loaded machine; the default hook timeout is not enough.
  }, 400_000);
  afterAll(async () => {
    await t?.close();
  });

  const rows = async (subgraph: 'bua' | 'general-practice' | 'municipality', table: PgTable) => {
    const [row] = await t.system.databases[subgraph].db.select({ n: count() }).from(table);
    return row!.n;
  };
  /** What the three sectors hold and have queued: a refusal must leave every figure as it was. */
  const footprint = async () => ({
    gpReferrals: await rows('general-practice', gpReferrals),
    gpOutbox: await rows('general-practice', gpOutbox),
    municipalityReferrals: await rows('municipality', municipalityReferrals),
    municipalityOutbox: await rows('municipality', municipalityOutbox),
    buaReferrals: await rows('bua', buaReferrals),
    buaOutbox: await rows('bua', buaOutbox),
  });

  it('a GP refers, BUA visits, assesses and communicates the outcome, and the GP and the municipality see every status and the outcome', async () => {
    const { asGp, asBuaClinician, asMunicipality, ok } = s;
    const sent = ok(await asGp().refer(gpReferral(withBuaConsent.cpr))).referChildToBua;
    expect(sent).toMatchObject({ role: 'REFERRER', status: 'SENT', delivery: { status: 'QUEUED' }, child: { id: idOf(withBuaConsent.cpr) } });

    await asGp().awaitStatus(sent.id, 'RECEIVED');
    const atBua = await asBuaClinician().awaitReferral(sent.id);
    expect(atBua).toMatchObject({ status: 'RECEIVED', referrer: { sector: 'GENERAL_PRACTICE', organisation: '107510' }, municipalityCode: 751, stepReached: 'NONE' });
    const worklist = ok(await asBuaClinician().worklist({ statuses: ['RECEIVED'] })).buaReferralWorklist;
    expect(worklist.edges.map((e) => e.node.id)).toContain(sent.id);

    const visited = ok(await asBuaClinician().visit(sent.id, 'ASSESSMENT')).decideBuaVisitation;
    expect(visited).toMatchObject({ status: 'VISITED', visitation: { decision: 'ASSESSMENT' }, treatmentResponsibility: { holder: 'BUA' } });
    const second = await asBuaClinician().visit(sent.id, 'NO_ASSESSMENT_NEEDED', 'Ikke behov');
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_VISITED' });

    ok(await asBuaClinician().startAssessment(sent.id));
    const outcome = ok(await asBuaClinician().recordOutcome(sent.id, { diagnoses: ['DF900', 'F41.1'] })).recordBuaAssessmentOutcome;
    expect(outcome.warnings).toEqual([]);
    expect(outcome.referral).toMatchObject({ status: 'ASSESSED', pendingCommunications: expect.arrayContaining(['PARENTS']) });

    // Not yet told to the parents: closing is refused, naming who is missing.
    await asBuaClinician().awaitOutcomeDelivered(sent.id);
    const early = await asBuaClinician().close(sent.id);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTCOME_NOT_COMMUNICATED', missing: ['PARENTS'] });
    expect(early.errors?.[0]?.message).toContain('the parents');

    const told = ok(await asBuaClinician().toldParents(sent.id)).recordOutcomeCommunicatedToParents;
    expect(told).toMatchObject({ parentCommunication: { how: 'IN_PERSON' }, pendingCommunications: [] });
    expect((told['communications'] as { recipient: string }[]).map((c) => c.recipient).sort()).toEqual(['GENERAL_PRACTICE', 'MUNICIPALITY', 'PARENTS']);
    const closed = ok(await asBuaClinician().close(sent.id)).closeBuaReferral;
    expect(closed).toMatchObject({ status: 'CLOSED', treatmentResponsibility: { holder: null } });

    // Every change and read is in the owning sector's access log, under the referral's part.
    const log = async (field: string) =>
      ok(
        await t.queryAs<Record<string, { entries: { action: string; parts: string[]; actorSector: string }[] }>>(
          'admin-region',
          `query($id: ID!) { ${field}(childId: $id, first: 500) { entries { action parts actorSector } } }`,
          { id: idOf(withBuaConsent.cpr) },
        ),
      )[field]!.entries;
    const buaLog = await log('buaAccessLog');
    expect(buaLog.filter((e) => e.action === 'CHANGE' && e.parts.includes('buaReferrals') && e.actorSector === 'BUA').length).toBeGreaterThanOrEqual(5);
    expect(buaLog.some((e) => e.action === 'READ' && e.parts.includes('buaReferrals'))).toBe(true);
    const gpLog = await log('generalPracticeAccessLog');
    expect(gpLog.some((e) => e.action === 'CHANGE' && e.parts.includes('referralsToBua') && e.actorSector === 'GENERAL_PRACTICE')).toBe(true);

    const atGp = await asGp().awaitStatus(sent.id, 'CLOSED');
    expect(atGp['statusHistory']).toEqual(['SENT', 'RECEIVED', 'VISITED', 'ASSESSMENT_STARTED', 'ASSESSED', 'CLOSED'].map((status) => ({ status, at: expect.any(String) })));
    expect(Object.values(atGp['statusTimes'] as Record<string, string | null>).every((at) => at !== null)).toBe(true);
    expect(atGp).toMatchObject({
      delivery: { status: 'DELIVERED' },
      outcome: {
        conclusion: 'DIAGNOSED',
        diagnoses: [
          { sks: 'DF900', icd10: 'F90.0', chapter: 'V' },
          { sks: 'DF411', icd10: 'F41.1', chapter: 'V' },
        ],
        treatment: { startedOn: '2026-11-20' },
      },
    });
    expect((atGp['outcome'] as { diagnoses: { title: string | null }[] }).diagnoses[0]!.title).toBeTruthy();

    // The municipality is the other sector around the child: BUA told it of every status and the outcome.
    const atMunicipality = await asMunicipality().awaitStatus(sent.id, 'CLOSED');
    expect(atMunicipality).toMatchObject({ role: 'INFORMED', referrer: { sector: 'GENERAL_PRACTICE', organisation: '107510' }, outcome: { conclusion: 'DIAGNOSED' } });
  }, LONG);

  it('shows a referral to its owners and addressees only: another practice, an analyst and other sectors without consent are refused', async () => {
    const { asGp, asBuaClinician, ok } = s;
    const sent = ok(await asGp().refer(gpReferral(withoutConsent.cpr))).referChildToBua;
    await asBuaClinician().awaitReferral(sent.id);

    expect((await asGp('gp-107510-b').referral(sent.id)).errors).toBeUndefined(); // the same practice
    const otherPractice = await asGp('gp-106570').referral(sent.id);
    expect(otherPractice.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(otherPractice.data).toBeNull();
    const otherList = await t.queryAs('gp-107510', 'query { practiceReferralsToBua(ydernummer: "106570") { edges { node { id } } } }');
    expect(otherList.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    for (const user of ['analyst-region', 'admin-region']) {
      const res = await t.queryAs(user, 'query($id: ID!) { buaReferral(id: $id) { id reason } }', { id: sent.id });
      expect(res.errors?.[0]?.extensions?.['code'], user).toBe('FORBIDDEN');
    }
    const worklist = await t.queryAs('caseworker-751', 'query { buaReferralWorklist { edges { node { id } } } }');
    expect(worklist.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    // BUA's record of the child: a municipality the referral does not name needs a consent held by BUA; this family
    // gave none (the child's own municipality follows it by the referral's consent: test/e2e/coordination.test.ts).
    const refused = await t.queryAs('caseworker-657', 'query($id: ID!) { buaReferral(id: $id) { id reason } }', { id: sent.id });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('CONSENT_REQUIRED');
    const viaChild = await t.queryAs(
      'caseworker-657',
      'query($ids: [_Any!]!) { _entities(representations: $ids) { ... on Child { buaReferrals { id } } } }',
      { ids: [{ __typename: 'Child', id: idOf(withoutConsent.cpr) }] },
    );
    expect(viaChild.errors?.length ?? 0).toBeGreaterThan(0);

    // With BUA's consent to the municipality, the caseworker sees BUA's referrals of the child.
    const withConsent = ok(await asGp().refer(gpReferral(withBuaConsent.cpr))).referChildToBua;
    await asBuaClinician().awaitReferral(withConsent.id);
    const consented = await t.queryAs('caseworker-751', 'query($id: ID!) { buaReferral(id: $id) { id status } }', { id: withConsent.id });
    expect(consented.errors).toBeUndefined();
    expect(consented.data).toMatchObject({ buaReferral: { id: withConsent.id } });
  }, LONG);

  it('refuses, storing and sending nothing: an acute referral without the emergency call and notification, a malformed diagnosis, an outcome before visitation', async () => {
    const { asGp, asBuaClinician, ok } = s;
    const before = await footprint();
    const acute = await asGp().refer(gpReferral(childB!.cpr, { acute: true }));
    expect(acute.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['emergencyPhoneContact', 'notificationFiled'] });
    expect(acute.errors?.[0]?.message).toContain('psychiatric emergency service');
    expect(acute.errors?.[0]?.message).toContain('underretning');
    const onlyCall = await asGp().refer(
      gpReferral(childB!.cpr, { acute: true, emergencyPhoneContact: { at: new Date(Date.now() - 60_000).toISOString(), withWhom: 'Vagthavende læge, BUA akut' } }),
    );
    expect(onlyCall.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['notificationFiled'] });
    expect(await footprint()).toEqual(before);

    const sent = ok(await asGp().refer(gpReferral(childB!.cpr))).referChildToBua;
    await asBuaClinician().awaitReferral(sent.id);
    await asGp().awaitStatus(sent.id, 'RECEIVED');
    await s.asMunicipality().awaitStatus(sent.id, 'RECEIVED');
    const settled = await footprint();

    const neverVisited = await asBuaClinician().recordOutcome(sent.id);
    expect(neverVisited.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_VISITED' });
    ok(await asBuaClinician().visit(sent.id, 'ASSESSMENT'));
    ok(await asBuaClinician().startAssessment(sent.id));
    const afterStart = await footprint();
    for (const diagnoses of [['XF900'], ['DF999X'], ['F99.99.9']]) {
      const malformed = await asBuaClinician().recordOutcome(sent.id, { diagnoses });
      expect(malformed.errors?.[0]?.extensions?.['code'], diagnoses[0]).toBe('BAD_USER_INPUT');
    }
    const gpByBua = await t.queryAs('gp-107510', 'mutation($id: ID!, $at: DateTime!) { closeBuaReferral(referralId: $id, closedAt: $at) { id } }', {
      id: sent.id,
      at: new Date().toISOString(),
    });
    expect(gpByBua.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await footprint()).toEqual(afterStart);
    expect(afterStart.buaReferrals).toBe(settled.buaReferrals);
    expect(ok(await asBuaClinician().referral(sent.id)).buaReferral).toMatchObject({ status: 'ASSESSMENT_STARTED', outcome: null });

    const outsideF = ok(await asBuaClinician().recordOutcome(sent.id, { diagnoses: ['DF900', 'DE66'] })).recordBuaAssessmentOutcome;
    expect(outsideF.warnings).toEqual([expect.objectContaining({ code: 'OUTSIDE_CHAPTER_F' })]);
  }, LONG);

  it('an acute GP referral with the emergency call and the notification recorded goes first on the worklist', async () => {
    const { asGp, asBuaClinician, ok } = s;
    const sent = ok(
      await asGp().refer(
        gpReferral(childC!.cpr, {
          acute: true,
          emergencyPhoneContact: { at: new Date(Date.now() - 120_000).toISOString(), withWhom: 'Vagthavende læge, BUA akut' },
          notificationFiled: { filedAt: new Date(Date.now() - 60_000).toISOString(), reference: 'UND-2026-0001' },
        }),
      ),
    ).referChildToBua;
    expect(sent).toMatchObject({ acute: true });
    const atBua = await asBuaClinician().awaitReferral(sent.id);
    expect(atBua).toMatchObject({ acute: true, emergencyPhoneContact: { withWhom: 'Vagthavende læge, BUA akut' } });
    const first = ok(await asBuaClinician().worklist({ first: 1 })).buaReferralWorklist.edges[0]!.node;
    expect(first).toMatchObject({ id: sent.id, acute: true });
  }, LONG);

  it('no need for assessment: the municipality and the GP are told, both see the joint decision pending, then agreed', async () => {
    const { asGp, asMunicipality, asBuaClinician, ok } = s;
    const sent = ok(await asGp().refer(gpReferral(childC!.cpr))).referChildToBua;
    await asBuaClinician().awaitReferral(sent.id);
    const noReason = await asBuaClinician().visit(sent.id, 'NO_ASSESSMENT_NEEDED');
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    ok(await asBuaClinician().visit(sent.id, 'NO_ASSESSMENT_NEEDED', 'Mistrivslen kan afhjælpes med kommunal indsats; ingen tegn på psykiatrisk lidelse.'));

    const atGp = await asGp().awaitStatus(sent.id, 'VISITED');
    expect(atGp).toMatchObject({
      visitation: { decision: 'NO_ASSESSMENT_NEEDED', reason: expect.stringContaining('kommunal indsats') },
      furtherCourse: { status: 'PENDING', waitingFor: ['MUNICIPALITY', 'GENERAL_PRACTICE'] },
      treatmentResponsibility: { holder: null },
    });
    await asMunicipality().awaitStatus(sent.id, 'VISITED');
    ok(await asMunicipality().recordFurtherCourse(sent.id, 'PPR tilbyder samtaleforløb; kommunen kontakter familien.'));
    ok(await asGp().recordFurtherCourse(sent.id, 'Lægen følger op om tre måneder.'));
    const agreed = await s.until(
      'both sides seeing the joint decision agreed',
      async () => [(await asGp().referral(sent.id)).data!.practiceReferralToBua, (await asMunicipality().referral(sent.id)).data!.municipalityReferralToBua],
      (both) => both.every((r) => (r['furtherCourse'] as { status: string }).status === 'AGREED'),
    );
    expect((agreed[0]!['furtherCourse'] as { parts: unknown[] }).parts).toHaveLength(2);

    // Municipality and GP told: BUA may close without the parents (no outcome of an assessment to tell them).
    await asBuaClinician().awaitOutcomeDelivered(sent.id);
    expect(ok(await asBuaClinician().close(sent.id)).closeBuaReferral).toMatchObject({ status: 'CLOSED' });
  }, LONG);

  it('the municipality refers after Trin 2 with its interventions attached; without a Trin 2 intervention lacking effect it is refused', async () => {
    const { asMunicipality, asBuaClinician, asGp, ok } = s;
    const before = await footprint();
    const tooEarly = await asMunicipality().refer(municipalReferral(idOf(childB!.cpr), '107510', { stepReached: 'TRIN_1' }));
    expect(tooEarly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stepReached' });
    const noEffect = await asMunicipality().refer(
      municipalReferral(idOf(childB!.cpr), '107510', {
        interventionsTried: [{ kind: 'SOCIAL', pathwayStep: 'TRIN_2', description: 'Familiebehandling', startedOn: '2026-06-01', responsible: 'Familieafdelingen', effect: 'AS_EXPECTED' }],
      }),
    );
    expect(noEffect.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'interventionsTried' });
    const otherMunicipality = await asMunicipality('caseworker-657').refer(municipalReferral(idOf(childB!.cpr), '107510'));
    expect(otherMunicipality.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(await footprint()).toEqual(before);

    const sent = ok(await asMunicipality().refer(municipalReferral(idOf(childB!.cpr), '107510'))).referChildToBuaFromMunicipality;
    expect(sent).toMatchObject({ role: 'REFERRER', referrer: { sector: 'MUNICIPALITY', organisation: '751' }, stepReached: 'TRIN_2' });
    const atBua = await asBuaClinician().awaitReferral(sent.id);
    expect(atBua!['interventionsTried']).toEqual([
      expect.objectContaining({ kind: 'PSYCHOLOGICAL', pathwayStep: 'TRIN_1', effect: 'NOT_AS_EXPECTED' }),
      expect.objectContaining({ kind: 'PEDAGOGICAL', pathwayStep: 'TRIN_2', effect: 'NOT_AS_EXPECTED' }),
    ]);
    // The child's GP is told of it by BUA.
    expect(await asGp().awaitStatus(sent.id, 'RECEIVED')).toMatchObject({ role: 'INFORMED', referrer: { sector: 'MUNICIPALITY' } });
  }, LONG);

  it('referrals sent while BUA is down each arrive exactly once when it is back', async () => {
    const { asGp, asBuaClinician, ok } = s;
    await t.system.stopSubgraph('bua');
    const sent = [];
    try {
      for (const child of [childB!, childC!]) sent.push(ok(await asGp().refer(gpReferral(child.cpr))).referChildToBua);
      // Nothing can arrive: the referrals wait in general practice's outbox.
      await new Promise((r) => setTimeout(r, 300));
      for (const r of sent) expect(ok(await asGp().referral(r.id)).practiceReferralToBua).toMatchObject({ status: 'SENT', delivery: { status: 'QUEUED' } });
    } finally {
      await t.system.startSubgraph('bua');
    }
    for (const r of sent) await asGp().awaitStatus(r.id, 'RECEIVED');
    const ids = new Set(sent.map((r) => r.id));
    const atBua = ok(await asBuaClinician().worklist({ statuses: ['RECEIVED'], first: 500 })).buaReferralWorklist.edges.filter((e) => ids.has(e.node.id));
    expect(atBua).toHaveLength(2);
  }, LONG);

  it('Trin 4: BUA proposes continuing the medication, the GP accepts, and both see the agreement and its state', async () => {
    const { asGp, asBuaClinician, medication, ok, until } = s;
    const sent = ok(await asGp().refer(gpReferral(withBuaConsent.cpr))).referChildToBua;
    await asBuaClinician().awaitReferral(sent.id);
    const proposal = {
      referralId: sent.id,
      atcCode: 'N06BA04',
      medicineName: 'Methylphenidat',
      prescriber: 'GENERAL_PRACTICE',
      prescribesFrom: '2027-01-01',
      reviewOn: '2027-04-01',
    };
    const beforeVisit = await medication.proposeAsBua(proposal);
    expect(beforeVisit.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NO_TREATMENT' });
    ok(await asBuaClinician().visit(sent.id, 'ASSESSMENT'));
    await asGp().awaitStatus(sent.id, 'VISITED');
    const byGp = await t.queryAs('gp-107510', 'mutation($input: MedicationAgreementInput!) { proposeBuaMedicationAgreement(input: $input) { agreement { id } } }', {
      input: proposal,
    });
    expect(byGp.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const { agreement, warnings } = ok(await medication.proposeAsBua(proposal)).proposeBuaMedicationAgreement;
    expect(agreement.status).toBe('PROPOSED');
    expect(warnings).toEqual([]);
    const atGp = await until(
      'the proposal reaching the GP',
      async () => ok(await medication.ofChild(withBuaConsent.cpr, 'generalPracticeMedicationAgreements', 'gp-107510')).childByCpr['generalPracticeMedicationAgreements'] ?? [],
      (list) => list.some((a) => a.id === agreement.id),
    );
    expect(atGp.find((a) => a.id === agreement.id)).toMatchObject({ status: 'PROPOSED', proposedBy: 'BUA', prescriber: 'GENERAL_PRACTICE', medicine: { atcCode: 'N06BA04' } });
    expect(ok(await medication.respondAsGp(agreement.id, true)).respondToPracticeMedicationAgreement).toMatchObject({ status: 'ACCEPTED' });
    const atBua = await until(
      'the acceptance reaching BUA',
      async () => ok(await medication.ofChild(withBuaConsent.cpr, 'buaMedicationAgreements', 'bua-clinician')).childByCpr['buaMedicationAgreements'] ?? [],
      (list) => list.some((a) => a.id === agreement.id && a.status === 'ACCEPTED'),
    );
    expect(atBua.find((a) => a.id === agreement.id)).toMatchObject({ response: { by: 'GENERAL_PRACTICE', accepted: true } });
    const twice = await medication.respondAsGp(agreement.id, false, 'Ombestemt');
    expect(twice.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
  }, LONG);

  it('the transition at 18: a young person under BUA’s treatment turning 18 within six months is an open action until BUA records the plan', async () => {
    const { asGp, asBuaClinician, ok, until } = s;
    const young = idOf(turning18.cpr);
    const sent = ok(await asGp().refer(gpReferral(turning18.cpr, { consents: [{ givenBy: 'YOUNG_PERSON', givenOn: '2026-11-01' }] }))).referChildToBua;
    await asBuaClinician().awaitReferral(sent.id);
    ok(await asBuaClinician().visit(sent.id, 'ASSESSMENT'));
    const MISSING = 'query { buaMissingTransitionPlans { child { id } referral { id } turns18On dueOn overdue } }';
    const missing = ok(await t.queryAs<{ buaMissingTransitionPlans: { child: { id: string }; turns18On: string }[] }>('bua-clinician', MISSING)).buaMissingTransitionPlans;
    expect(missing.find((m) => m.child.id === young)).toMatchObject({ turns18On: '2027-01-01', referral: { id: sent.id } });
    expect((await t.queryAs('caseworker-751', MISSING)).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const plan = {
      childId: young,
      responsible: { sector: 'BUA', name: 'Demo Overlæge (syntetisk)', role: 'Overlæge' },
      plannedOn: '2026-12-20',
      receivingService: 'Voksenpsykiatrien, Aarhus Universitetshospital',
      individualAssessment: 'Fortsat behov for medicinsk behandling og støtte i overgangen til ungdomsuddannelse. (syntetisk)',
      youngPersonConsent: { decision: 'GIVEN', decidedOn: '2026-11-25', scope: 'Overdragelse af journaloplysninger til voksenpsykiatrien' },
    };
    const RECORD = 'mutation($input: TransitionPlanInput!) { recordBuaTransitionPlan(input: $input) { id madeBy plannedOn youngPersonConsent { decision } } }';
    const lateDate = await t.queryAs('bua-clinician', RECORD, { input: { ...plan, plannedOn: '2027-06-01' } });
    expect(lateDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plannedOn' });
    const recorded = await t.queryAs<{ recordBuaTransitionPlan: { madeBy: string } }>('bua-clinician', RECORD, { input: plan });
    expect(ok(recorded).recordBuaTransitionPlan).toMatchObject({ madeBy: 'BUA', youngPersonConsent: { decision: 'GIVEN' } });

    const after = ok(await t.queryAs<{ buaMissingTransitionPlans: { child: { id: string } }[] }>('bua-clinician', MISSING)).buaMissingTransitionPlans;
    expect(after.some((m) => m.child.id === young)).toBe(false);
    // The municipality of the open referral receives the plan, so it does not show it as missing either.
    await until('the plan reaching the municipality', async () => rows('municipality', municipalityPlans), (n) => n > 0);
    // Visible to another sector only with BUA's consent; never to an analyst.
    const PLAN = 'query($cpr: String!) { childByCpr(cpr: $cpr) { buaTransitionPlan { receivingService } } }';
    expect(ok(await t.queryAs('caseworker-751', PLAN, { cpr: turning18.cpr }))).toMatchObject({ childByCpr: { buaTransitionPlan: { receivingService: plan.receivingService } } });
    const analyst = await t.queryAs('analyst-region', PLAN, { cpr: turning18.cpr });
    expect(analyst.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  }, LONG);

  it('coordination: BUA appoints one contact person at a time with the history kept, and records a network meeting whose actions can be completed', async () => {
    const { ok } = s;
    const child = idOf(withBuaConsent.cpr);
    const CP = 'query($cpr: String!) { childByCpr(cpr: $cpr) { buaContactPerson { status person { name } previous { name } } buaContactPersonHistory { type } buaNetworkMeetings { id summary actions { index completedAt overdue } } } }';
    const RECORD = 'mutation($input: RecordContactPersonInput!) { recordBuaContactPerson(input: $input) { status person { name role } note } }';
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    const none = await t.queryAs('bua-clinician', RECORD, { input: { childId: child, type: 'NONE_AGREED', at: minutesAgo(30) } });
    expect(none.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    for (const [i, name] of ['Demo Sygeplejerske A (syntetisk)', 'Demo Psykolog B (syntetisk)'].entries()) {
      const res = await t.queryAs('bua-clinician', RECORD, { input: { childId: child, type: 'APPOINTED', at: minutesAgo(20 - i), person: { name, role: 'Kontaktperson' } } });
      expect(ok(res)).toMatchObject({ recordBuaContactPerson: { status: 'APPOINTED', person: { name } } });
    }
    const byCaseworker = await t.queryAs('caseworker-751', RECORD, { input: { childId: child, type: 'ENDED', at: minutesAgo(1) } });
    expect(byCaseworker.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const meeting = ok(
      await t.queryAs<{ recordBuaNetworkMeeting: { id: string } }>(
        'bua-clinician',
        'mutation($input: RecordNetworkMeetingInput!) { recordBuaNetworkMeeting(input: $input) { id actions { index } } }',
        {
          input: {
            childId: child,
            heldOn: '2026-11-20',
            participants: [
              { sector: 'BUA', role: 'Overlæge' },
              { sector: 'MUNICIPALITY', role: 'PPR-psykolog' },
            ],
            summary: 'Fælles plan for skolestøtte under udredningen. (syntetisk)',
            actions: [{ description: 'PPR aftaler støtte med skolen', owner: { sector: 'MUNICIPALITY', organisation: '751' }, dueOn: '2027-01-15' }],
          },
        },
      ),
    ).recordBuaNetworkMeeting;
    ok(await t.queryAs('bua-clinician', 'mutation($id: ID!) { completeBuaNetworkMeetingAction(meetingId: $id, actionIndex: 0) { id } }', { id: meeting.id }));

    const seen = ok(await t.queryAs<{ childByCpr: Record<string, unknown> }>('bua-clinician', CP, { cpr: withBuaConsent.cpr })).childByCpr;
    expect(seen).toMatchObject({
      buaContactPerson: { status: 'APPOINTED', person: { name: 'Demo Psykolog B (syntetisk)' } },
      buaContactPersonHistory: [{ type: 'APPOINTED' }, { type: 'APPOINTED' }],
    });
    expect(seen['buaNetworkMeetings']).toEqual([expect.objectContaining({ id: meeting.id, actions: [expect.objectContaining({ index: 0, completedAt: expect.any(String) })] })]);
    // The municipality sees it with BUA's consent (this family gave it); an analyst never does.
    expect((await t.queryAs('caseworker-751', CP, { cpr: withBuaConsent.cpr })).errors).toBeUndefined();
    expect((await t.queryAs('analyst-region', CP, { cpr: withBuaConsent.cpr })).errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  }, LONG);

  it('reads BUA’s worklist and a practice’s referrals in as many statements for a long page as for a short one', async () => {
    // Synthetic referrals straight into the two databases: 500 at BUA, 60 held by practice 107510.
    const fixture = (i: number) => {
      const id = randomUUID();
      const childId = `ch_${createHash('sha256').update(`count-${i}`).digest('hex').slice(0, 32)}`;
      const at = new Date(Date.UTC(2026, 5, 1, 8, 0, i)).toISOString();
      return { id, childId, at };
    };
    const many = Array.from({ length: 500 }, (_, i) => fixture(i));
    await t.system.databases.bua.db.insert(buaReferrals).values(
      many.map(({ id, childId, at }, i) => ({
        id,
        messageId: `count-${id}`,
        childId,
        cpr: '0101154000',
        birthDate: '2015-01-01',
        referrerSector: 'GENERAL_PRACTICE' as const,
        referrerOrganisation: '107510',
        municipalityCode: 751,
        ydernummer: '107510',
        requesterName: 'Test Læge (syntetisk)',
        requesterRole: 'GP',
        reason: `Tællehenvisning ${i} (syntetisk)`,
        stepReached: 'NONE' as const,
        acute: false,
        interventionsTried: [],
        screeningResultIds: [],
        consents: [{ givenBy: 'CUSTODY_HOLDER' as const, givenOn: '2026-05-01' }],
        sentAt: at,
        receivedAt: at,
        status: 'RECEIVED' as const,
        history: [
          { status: 'SENT' as const, at },
          { status: 'RECEIVED' as const, at },
        ],
        communicated: {},
        bundle: {},
      })),
    );
    await t.system.databases['general-practice'].db.insert(gpReferrals).values(
      many.slice(0, 60).map(({ id, childId, at }) => ({
        id,
        role: 'INFORMED' as const,
        organisation: '107510',
        childId,
        cpr: '0101154000',
        birthDate: '2015-01-01',
        referrerSector: 'MUNICIPALITY' as const,
        referrerOrganisation: '751',
        municipalityCode: 751,
        ydernummer: '107510',
        status: 'RECEIVED' as const,
        history: [{ status: 'RECEIVED' as const, at }],
      })),
    );
    const statements = async (user: string, query: string, variables: Record<string, unknown>, path: string, expected: number) => {
      for (const db of Object.values(t.system.databases)) db.statements.reset();
      const res = await t.queryAs<Record<string, { edges: unknown[] }>>(user, query, variables);
      expect(res.errors, JSON.stringify(res.errors?.slice(0, 2))).toBeUndefined();
      expect(res.data![path]!.edges).toHaveLength(expected);
      return Object.fromEntries(Object.entries(t.system.databases).map(([name, db]) => [name, db.statements.total]));
    };
    const worklist = `query($first: Int!) { buaReferralWorklist(statuses: [RECEIVED], minAgeDays: 30, first: $first) { edges { node {
      id status ageInDays reason statusTimes { receivedAt } treatmentResponsibility { holder } child { id knownToBua } } } } }`;
    const five = await statements('bua-clinician', worklist, { first: 5 }, 'buaReferralWorklist', 5);
    const fiveHundred = await statements('bua-clinician', worklist, { first: 500 }, 'buaReferralWorklist', 500);
    expect(fiveHundred).toEqual(five);
    expect(five['bua']).toBeGreaterThan(0);

    const practice = `query($first: Int!) { practiceReferralsToBua(ydernummer: "107510", first: $first) { edges { node {
      id status role statusTimes { receivedAt } furtherCourse { status } child { id } } } } }`;
    const two = await statements('gp-107510', practice, { first: 2 }, 'practiceReferralsToBua', 2);
    const fifty = await statements('gp-107510', practice, { first: 50 }, 'practiceReferralsToBua', 50);
    expect(fifty).toEqual(two);
    expect(two['general-practice']).toBeGreaterThan(0);
  }, LONG);
});
