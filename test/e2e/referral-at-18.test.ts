import { outbox as buaOutbox, transitionPlans as buaPlans } from '@pathway-graph/bua/db/schema';
import { outbox as municipalityOutbox, transitionPlans as municipalityPlans } from '@pathway-graph/municipality/db/schema';
import { childPseudonym, eighteenthBirthday } from '@pathway-graph/shared';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { addMonths } from '@pathway-graph/shared/domain/coordination/index';
import { and, count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { codeOf, consenting, personOf } from '../support/scenario/index.ts';
import { BUA_REFERRAL_FIELDS, gpReferral, referralScenario, type BuaReferral } from '../support/scenario/referral.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * Consent at 18 and BUA's status messages, and whose the transition plan is (issue 9): a referral made on a custody holder's consent while the child
 * was young, still running when the young person turns 18. From the birthday nothing more flows on that consent; the
 * young person's own consent lets it continue. Closing stays possible, and the answer names who was not told.
 */

/** Synthetic Aarhus children of practice 107510, not yet known to BUA, referred long before they turn 18. */
const [childA, childB] = DEMO_CHILDREN.filter((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && c.buaRegisteredOn === null && c.birthDate >= '2016-01-01');
/** Known to BUA, without demo consents: the outcome is withheld at 18 and sent once the young person consents. */
const childD = DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && c.buaRegisteredOn !== null && c.birthDate === '2015-08-25')!;
/** Known to BUA and with the demo consents of every sector (so the pathway view shows each sector's open actions). */
const childC = DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && c.buaRegisteredOn !== null && c.birthDate === '2015-06-12')!;
const LONG = 180_000;
const START = '2026-12-02';
const idOf = (cpr: string) => childPseudonym(cpr, TEST_PSEUDONYM_SECRET);

describeWithDatabases("BUA's status messages when the custody holder's consent lapses at 18, through the gateway", (backend) => {
  let t: TestSystem;
  let s: ReturnType<typeof referralScenario>;
  let today = START;

  beforeAll(async () => {
    t = await startTestSystem(backend, { today: () => today });
    s = referralScenario(t);
  }, 400_000);
  afterAll(async () => {
    await t?.close();
  });

  /** BUA's status messages about the child, queued or delivered, to one sector. */
  const sentTo = async (childId: string, destination: 'municipality' | 'general-practice') => {
    const [row] = await t.system.databases.bua.db
      .select({ n: count() })
      .from(buaOutbox)
      .where(and(eq(buaOutbox.childId, childId), eq(buaOutbox.destination, destination), eq(buaOutbox.kind, 'bua-referral-status')));
    return row!.n;
  };

  /** BUA's open actions about the referral, as the pathway view shows them to BUA. */
  const openActionsOn = async (childId: string, referralId: string) => {
    const PATHWAY = 'query($id: ID!) { child(id: $id) { pathway { openActions { kind subjectId ownerSector } } } }';
    const view = s.ok(await t.queryAs<{ child: { pathway: { openActions: { kind: string; subjectId: string }[] } } }>('bua-clinician', PATHWAY, { id: childId }));
    return view.child.pathway.openActions.filter((a) => a.subjectId === referralId).map((a) => a.kind);
  };

  /** Referred at 8 on the custody holder's consent, visited and in assessment before the 18th birthday. */
  async function inAssessment(cpr: string) {
    today = START;
    const { asGp, asMunicipality, asBuaClinician, ok } = s;
    const sent = ok(await asGp().refer(gpReferral(cpr))).referChildToBua;
    await asBuaClinician().awaitReferral(sent.id);
    ok(await asBuaClinician().visit(sent.id, 'ASSESSMENT'));
    ok(await asBuaClinician().startAssessment(sent.id));
    await asGp().awaitStatus(sent.id, 'ASSESSMENT_STARTED');
    await asMunicipality().awaitStatus(sent.id, 'ASSESSMENT_STARTED');
    return sent.id;
  }

  it('tells neither the municipality nor the GP after 18, closes all the same and names both in the answer', async () => {
    const { asGp, asMunicipality, asBuaClinician, ok } = s;
    const childId = idOf(childA!.cpr);
    const referralId = await inAssessment(childA!.cpr);
    const before = { municipality: await sentTo(childId, 'municipality'), gp: await sentTo(childId, 'general-practice') };
    expect(before.municipality).toBeGreaterThan(0);

    today = eighteenthBirthday(childA!.birthDate);
    const assessed = ok(await asBuaClinician().recordOutcome(referralId)).recordBuaAssessmentOutcome.referral;
    const lapsed = [
      { party: 'MUNICIPALITY', organisation: '751', reason: 'CUSTODY_HOLDER_CONSENT_LAPSED', explanation: expect.stringContaining('turned 18') },
      { party: 'GENERAL_PRACTICE', organisation: '107510', reason: 'CUSTODY_HOLDER_CONSENT_LAPSED', explanation: expect.stringContaining('turned 18') },
    ];
    expect(assessed).toMatchObject({ status: 'ASSESSED', pendingCommunications: ['PARENTS'], partiesNotTold: lapsed });
    expect(await openActionsOn(childId, referralId)).toEqual(['OUTCOME_NOT_COMMUNICATED']);
    ok(await asBuaClinician().toldParents(referralId));
    // Told the parents, BUA owes the outcome to nobody: the sectors it may not tell are owed nothing.
    expect(await openActionsOn(childId, referralId)).toEqual([]);
    const closed = ok(await asBuaClinician().close(referralId)).closeBuaReferral;
    expect(closed).toMatchObject({ status: 'CLOSED', pendingCommunications: [], partiesNotTold: lapsed });

    // Neither the outcome nor the closing was queued for them; they still see the course as it was at 17.
    expect(await sentTo(childId, 'municipality')).toBe(before.municipality);
    expect(await sentTo(childId, 'general-practice')).toBe(before.gp);
    expect(ok(await asMunicipality().referral(referralId)).municipalityReferralToBua).toMatchObject({ status: 'ASSESSMENT_STARTED', outcome: null });
    expect(ok(await asGp().referral(referralId)).practiceReferralToBua).toMatchObject({ status: 'ASSESSMENT_STARTED', outcome: null });
  }, LONG);

  it("tells the municipality on the young person's own consent, and still not the GP", async () => {
    const { asGp, asMunicipality, asBuaClinician, ok, until } = s;
    const childId = idOf(childB!.cpr);
    const referralId = await inAssessment(childB!.cpr);
    const gpBefore = await sentTo(childId, 'general-practice');
    const municipalityBefore = await sentTo(childId, 'municipality');

    today = eighteenthBirthday(childB!.birthDate);
    await consenting(personOf(() => t, 'bua-clinician')).recordsConsent({ childId, givenBy: 'YOUNG_PERSON', givenOn: today, to: 'MUNICIPALITY', organisation: '751' });
    const assessed = ok(await asBuaClinician().recordOutcome(referralId)).recordBuaAssessmentOutcome.referral;
    expect(assessed['partiesNotTold']).toEqual([expect.objectContaining({ party: 'GENERAL_PRACTICE', reason: 'CUSTODY_HOLDER_CONSENT_LAPSED' })]);
    expect(await sentTo(childId, 'municipality')).toBe(municipalityBefore + 1);
    expect(await sentTo(childId, 'general-practice')).toBe(gpBefore);

    // The outcome counts as communicated to the municipality once delivered; the GP does not hold the referral open.
    await until(
      'the outcome reaching the municipality',
      async () => ok(await asBuaClinician().referral(referralId)).buaReferral,
      (r) => r.pendingCommunications.length === 1 && r.pendingCommunications[0] === 'PARENTS',
    );
    ok(await asBuaClinician().toldParents(referralId));
    const closed = ok(await asBuaClinician().close(referralId)).closeBuaReferral;
    expect(closed).toMatchObject({ status: 'CLOSED', partiesNotTold: [{ party: 'GENERAL_PRACTICE', organisation: '107510' }] });
    // The municipality reads BUA's referral on the young person's consent, but not whom else BUA may not tell.
    const read = ok(await t.queryAs<{ buaReferral: BuaReferral }>('caseworker-751', 'query($id: ID!) { buaReferral(id: $id) { id partiesNotTold { party } } }', { id: referralId }));
    expect(read.buaReferral).toEqual({ id: referralId, partiesNotTold: [] });
    expect(await sentTo(childId, 'municipality')).toBe(municipalityBefore + 2);
    expect(await sentTo(childId, 'general-practice')).toBe(gpBefore);
    expect(await asMunicipality().awaitStatus(referralId, 'CLOSED')).toMatchObject({ outcome: { conclusion: 'DIAGNOSED' } });
    expect(ok(await asGp().referral(referralId)).practiceReferralToBua).toMatchObject({ status: 'ASSESSMENT_STARTED' });
  }, LONG);

  it("sends the withheld outcome once the young person consents, and the referral closes after it arrived", async () => {
    const { asGp, asBuaClinician, ok, until } = s;
    const childId = idOf(childD.cpr);
    const referralId = await inAssessment(childD.cpr);
    today = eighteenthBirthday(childD.birthDate);
    ok(await asBuaClinician().recordOutcome(referralId));
    ok(await asBuaClinician().toldParents(referralId));
    const SEND = `mutation($id: ID!) { sendBuaReferralOutcome(referralId: $id) { ${BUA_REFERRAL_FIELDS} } }`;
    const gpBefore = await sentTo(childId, 'general-practice');

    // Nobody may be told yet: nothing to send.
    const nothing = await t.queryAs('bua-clinician', SEND, { id: referralId });
    expect(nothing.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOTHING_TO_SEND' });
    expect(codeOf(await t.queryAs('gp-107510', SEND, { id: referralId }))).toBe('FORBIDDEN');
    expect(await sentTo(childId, 'general-practice')).toBe(gpBefore);

    // The young person consents to the GP: the GP must now be told before the referral closes.
    await consenting(personOf(() => t, 'bua-clinician')).recordsConsent({ childId, givenBy: 'YOUNG_PERSON', givenOn: today, to: 'GENERAL_PRACTICE', organisation: '107510' });
    const early = await asBuaClinician().close(referralId);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'OUTCOME_NOT_COMMUNICATED', missing: ['GENERAL_PRACTICE'] });
    expect(await openActionsOn(childId, referralId)).toEqual(['OUTCOME_NOT_COMMUNICATED']);

    const sent = ok(await t.queryAs<{ sendBuaReferralOutcome: BuaReferral }>('bua-clinician', SEND, { id: referralId })).sendBuaReferralOutcome;
    expect(sent['partiesNotTold']).toEqual([expect.objectContaining({ party: 'MUNICIPALITY', reason: 'CUSTODY_HOLDER_CONSENT_LAPSED' })]);
    expect(await sentTo(childId, 'general-practice')).toBe(gpBefore + 1);
    expect(await asGp().awaitStatus(referralId, 'ASSESSED')).toMatchObject({ outcome: { conclusion: 'DIAGNOSED' } });
    await until('the outcome counting as communicated to the GP', async () => ok(await asBuaClinician().referral(referralId)).buaReferral, (r) => r.pendingCommunications.length === 0);
    expect(await openActionsOn(childId, referralId)).toEqual([]);
    expect(ok(await asBuaClinician().close(referralId)).closeBuaReferral).toMatchObject({ status: 'CLOSED', partiesNotTold: [{ party: 'MUNICIPALITY' }] });
    const closed = await t.queryAs('bua-clinician', SEND, { id: referralId });
    expect(closed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLOSED' });
  }, LONG);

  const rowsOf = async (subgraph: 'bua' | 'municipality', table: PgTable, where?: ReturnType<typeof eq>) => {
    const [row] = await t.system.databases[subgraph].db.select({ n: count() }).from(table).where(where);
    return row!.n;
  };

  it("sends BUA's transition plan to the municipality on the consents that hold at 18: not on a custody holder's, on the young person's own", async () => {
    const { ok } = s;
    // Child A again, referred anew (its first referral, if the first test ran, is closed).
    const childId = idOf(childA!.cpr);
    await inAssessment(childA!.cpr);
    const plansSent = () => rowsOf('bua', buaOutbox, and(eq(buaOutbox.childId, childId), eq(buaOutbox.kind, 'transition-plan'), eq(buaOutbox.destination, 'municipality')));
    const before = await plansSent();
    const RECORD = 'mutation($input: TransitionPlanInput!) { recordBuaTransitionPlan(input: $input) { id madeBy } }';
    const plan = () => ({
      childId,
      responsible: { sector: 'BUA', name: 'Demo Ansvarlig (syntetisk)', role: 'Overlæge' },
      plannedOn: addMonths(today, 1),
      receivingService: 'Voksenpsykiatrien, Aarhus Universitetshospital',
      individualAssessment: 'Fortsat behov for behandling i overgangen til voksenlivet. (syntetisk)',
      youngPersonConsent: { decision: 'GIVEN', decidedOn: today, scope: 'Overdragelse til voksenpsykiatrien' },
    });

    // 18 today: the referral's consent was the custody holder's, so the plan is BUA's alone.
    today = eighteenthBirthday(childA!.birthDate);
    expect(ok(await t.queryAs<{ recordBuaTransitionPlan: { madeBy: string } }>('bua-clinician', RECORD, { input: plan() })).recordBuaTransitionPlan).toMatchObject({ madeBy: 'BUA' });
    expect(await plansSent()).toBe(before);

    // The young person's own consent for the municipality: the next plan goes to it.
    await consenting(personOf(() => t, 'bua-clinician')).recordsConsent({ childId, givenBy: 'YOUNG_PERSON', givenOn: today, to: 'MUNICIPALITY', organisation: '751' });
    ok(await t.queryAs('bua-clinician', RECORD, { input: plan() }));
    expect(await plansSent()).toBe(before + 1);
  }, LONG);

  it('the transition plan is the responsible sector\'s: BUA only while it holds treatment responsibility, the municipality otherwise; the missing plan is an open action of that sector alone', async () => {
    const { asGp, asMunicipality, asBuaClinician, ok } = s;
    const childId = idOf(childC.cpr);
    // Five months before the 18th birthday: within the six months in which the young person needs a plan.
    today = addMonths(eighteenthBirthday(childC.birthDate), -5);
    const sent = ok(await asGp().refer(gpReferral(childC.cpr, { consents: [{ givenBy: 'YOUNG_PERSON', givenOn: today }] }))).referChildToBua;
    await asBuaClinician().awaitReferral(sent.id);
    await asMunicipality().awaitStatus(sent.id, 'RECEIVED');
    const plan = (sector: 'BUA' | 'MUNICIPALITY') => ({
      childId,
      responsible: { sector, name: 'Demo Ansvarlig (syntetisk)', role: sector === 'BUA' ? 'Overlæge' : 'Sagsbehandler' },
      plannedOn: addMonths(today, 2),
      receivingService: 'Voksenpsykiatrien, Aarhus Universitetshospital',
      individualAssessment: 'Fortsat behov for behandling i overgangen til voksenlivet. (syntetisk)',
      youngPersonConsent: { decision: 'GIVEN', decidedOn: today, scope: 'Overdragelse til voksenpsykiatrien' },
    });
    const BUA_RECORD = 'mutation($input: TransitionPlanInput!) { recordBuaTransitionPlan(input: $input) { id madeBy } }';
    const MUNICIPALITY_RECORD = 'mutation($input: TransitionPlanInput!) { recordMunicipalityTransitionPlan(input: $input) { id madeBy } }';
    const footprint = async () => ({
      bua: await rowsOf('bua', buaPlans, eq(buaPlans.childId, childId)),
      // The plans the municipality made itself: BUA's plan, once delivered, is kept there too (made by BUA).
      municipality: await rowsOf('municipality', municipalityPlans, and(eq(municipalityPlans.childId, childId), eq(municipalityPlans.madeBy, 'MUNICIPALITY'))),
      buaSent: await rowsOf('bua', buaOutbox, and(eq(buaOutbox.childId, childId), eq(buaOutbox.kind, 'transition-plan'))),
      municipalitySent: await rowsOf('municipality', municipalityOutbox, and(eq(municipalityOutbox.childId, childId), eq(municipalityOutbox.kind, 'transition-plan'))),
    });
    const before = await footprint();

    // Not visited yet: BUA holds no treatment responsibility, so the plan is not BUA's.
    const notYet = await t.queryAs('bua-clinician', BUA_RECORD, { input: plan('BUA') });
    expect(notYet.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_RESPONSIBLE_FOR_TRANSITION_PLAN', responsible: 'MUNICIPALITY' });
    expect(notYet.errors?.[0]?.message).toContain("the municipality's to make");
    expect(await footprint()).toEqual(before);

    // Visitation decides assessment: BUA holds treatment responsibility, and the municipality learns of it.
    ok(await asBuaClinician().visit(sent.id, 'ASSESSMENT'));
    await asMunicipality().awaitStatus(sent.id, 'VISITED');
    const refused = await t.queryAs('caseworker-751', MUNICIPALITY_RECORD, { input: plan('MUNICIPALITY') });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_RESPONSIBLE_FOR_TRANSITION_PLAN', responsible: 'BUA' });
    expect(refused.errors?.[0]?.message).toContain("BUA's to make");
    expect(await footprint()).toEqual(before);

    // One open action for the missing plan, BUA's, whichever sector's facts the view reads.
    const PATHWAY = 'query($id: ID!) { child(id: $id) { pathway { openActions { kind heldBy ownerSector ownerOrganisation } withheld { sector } } } }';
    const missingPlans = async (user: string) => {
      const view = ok(await t.queryAs<{ child: { pathway: { openActions: { kind: string }[]; withheld: { sector: string }[] } } }>(user, PATHWAY, { id: childId })).child.pathway;
      return { actions: view.openActions.filter((a) => a.kind === 'TRANSITION_PLAN_MISSING'), withheld: view.withheld.map((w) => w.sector) };
    };
    const seenByBua = await missingPlans('bua-clinician');
    expect(seenByBua.withheld).not.toContain('MUNICIPALITY');
    expect(seenByBua.actions).toEqual([{ kind: 'TRANSITION_PLAN_MISSING', heldBy: 'BUA', ownerSector: 'BUA', ownerOrganisation: expect.any(String) }]);
    expect((await missingPlans('caseworker-751')).actions).toEqual(seenByBua.actions);

    const made = ok(await t.queryAs<{ recordBuaTransitionPlan: { madeBy: string } }>('bua-clinician', BUA_RECORD, { input: plan('BUA') })).recordBuaTransitionPlan;
    expect(made).toMatchObject({ madeBy: 'BUA' });
    expect(await footprint()).toMatchObject({ bua: before.bua + 1, municipality: before.municipality });
    expect((await missingPlans('bua-clinician')).actions).toEqual([]);
  }, LONG);
});
