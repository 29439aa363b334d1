import { insertChildren, type ScreeningDb } from '@pathway-graph/screening/db/repository';
import { outbox as screeningOutbox, screeningResults, trackMemberships } from '@pathway-graph/screening/db/schema';
import { municipalOffers, relativeRegistrations } from '@pathway-graph/municipality/db/schema';
import { childPseudonym, uuid7, type Principal } from '@pathway-graph/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { as } from '../support/auth.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import {
  asAdultPsychiatry,
  asCaseworker,
  asGp,
  asMunicipalAnalyst,
  asPaediatrician,
  asRegionAnalyst,
  codeOf,
  screeningActor,
  eventually,
  screeningCounts,
  sdqAnswers,
} from '../support/scenario/screening.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * Screening in the three risk groups, end to end through the gateway: a paediatric clinic registers chronically ill
 * children in track 2, screens them (scored on the server), makes action plans from the municipality's offers, and
 * re-screens them better; the evaluation counts them. Adult psychiatry registers a patient's child in track 3, and
 * the registration reaches the child's municipality exactly once, where family services screen and plan. Refusals
 * store and send nothing. No demo data: each municipality's catalogue holds exactly the offers made here.
 */

/** A synthetic CPR number for a child born on `birthDate` (2000s: 7th digit 4), serial `n` (0-999). */
function cprBornOn(birthDate: string, n: number): string {
  const [y, m, d] = birthDate.split('-');
  return `${d}${m}${y!.slice(2)}4${String(n).padStart(3, '0')}`;
}
const idOf = (cpr: string) => childPseudonym(cpr, TEST_PSEUDONYM_SECRET);

/** Silkeborg: only the track-2 story below has children here, so its evaluation row counts exactly them. */
const STORY_MUNICIPALITY = 740;
const PAEDIATRICS_SOR = '9990021000016000';

describeWithDatabases('screening in the three risk groups through the gateway', (backend) => {
  let t: TestSystem;
  let today = '2026-09-01';
  let serial = 0;
  /** A new child for each test (born on the given day), so every test stands alone. */
  const newChild = (birthDate: string) => {
    const cpr = cprBornOn(birthDate, serial++);
    return { cpr, id: idOf(cpr) };
  };
  const offers: Record<string, string> = {};

  // A cold start on a busy machine takes a while (every subgraph migrates its database), hence the hook's timeout.
  beforeAll(async () => {
    t = await startTestSystem(backend, { seedDemoData: false, today: () => today });
    // Each municipality keeps its catalogue of offers (the terms of reference: which offers exist, which could be).
    const add = async (code: number, key: string, input: Record<string, unknown>) => {
      const res = await asCaseworker(t, code).addOffer({
        municipalityCode: code,
        kind: 'GROUP_COURSE',
        targetGroup: 'Børn med kronisk sygdom (syntetisk)',
        contact: 'Ring til Familierådgivningen, 70 00 00 00 (syntetisk)',
        ...input,
      });
      expect(res.errors).toBeUndefined();
      offers[key] = res.data!.createMunicipalOffer.id;
    };
    await Promise.all([
      add(STORY_MUNICIPALITY, 'copingGroup740', { name: 'Mestringsgruppe (syntetisk)', tracks: ['CHRONIC_SOMATIC_ILLNESS'], minAge: 7, maxAge: 15 }),
      add(STORY_MUNICIPALITY, 'counselling740', { name: 'Samtaleforløb (syntetisk)', kind: 'COUNSELLING', tracks: ['CHRONIC_SOMATIC_ILLNESS', 'RELATIVE_OF_MENTALLY_ILL'], minAge: 10, maxAge: 18 }),
      add(STORY_MUNICIPALITY, 'proposed740', { name: 'Foreslået forældrekursus (syntetisk)', tracks: ['CHRONIC_SOMATIC_ILLNESS'], minAge: 0, maxAge: 18, availability: 'PROPOSED' }),
      add(751, 'peerGroup751', { name: 'Netværksgruppe for børn af psykisk syge (syntetisk)', kind: 'PEER_GROUP', tracks: ['RELATIVE_OF_MENTALLY_ILL'], minAge: 6, maxAge: 18 }),
      add(751, 'copingGroup751', { name: 'Mestringsgruppe Aarhus (syntetisk)', tracks: ['CHRONIC_SOMATIC_ILLNESS'], minAge: 7, maxAge: 15 }),
      add(657, 'copingGroup657', { name: 'Mestringsgruppe Herning (syntetisk)', tracks: ['CHRONIC_SOMATIC_ILLNESS'], minAge: 7, maxAge: 15 }),
    ]);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  /** A track-2 child of `code` screened positive today on WHO-5 (36 of 100), by the paediatric clinic. */
  async function chronicallyIllChildScreenedPositive(code = 751, birthDate = '2014-03-10') {
    const child = newChild(birthDate);
    const registered = await asPaediatrician(t).registerChronicallyIll(child.cpr, 'DE109', code);
    expect(registered.errors).toBeUndefined();
    const screened = await asPaediatrician(t).screenWho5(child.id, 'CHRONIC_SOMATIC_ILLNESS', [2, 2, 2, 2, 1]);
    expect(screened.errors).toBeUndefined();
    return { ...child, membership: registered.data!.registerInScreeningTrack, result: screened.data!.recordScreening };
  }
  const responsible751 = { sector: 'MUNICIPALITY', organisation: '751', personName: 'Demo Koordinator (syntetisk)', phone: '+45 70 00 00 01' };

  it('a chronically ill child registered by the paediatric clinic screens positive, gets an action plan from the municipality’s offers, re-screens better, and the evaluation counts it', async () => {
    today = '2026-09-01';
    // Five children of Silkeborg with type 1 diabetes (E10.9), registered by the paediatric clinic.
    const cohort = ['2014-03-10', '2013-06-02', '2015-01-20', '2012-11-11', '2016-02-29'].map(newChild);
    const paediatrician = asPaediatrician(t);
    for (const res of await Promise.all(cohort.map((child) => paediatrician.registerChronicallyIll(child.cpr, 'DE109', STORY_MUNICIPALITY)))) {
      expect(res.errors).toBeUndefined();
      const m = res.data!.registerInScreeningTrack;
      expect(m).toMatchObject({
        track: 'CHRONIC_SOMATIC_ILLNESS',
        since: '2026-09-01',
        active: true,
        municipality: { code: STORY_MUNICIPALITY },
        basis: { problemArea: null, relation: null, diagnosis: { code: 'DE109', icd10: 'E10.9', chapter: 'IV' } },
        registeredBy: { sector: 'PAEDIATRICS', organisation: PAEDIATRICS_SOR },
        screenPositive: false,
        municipalityNotification: null,
      });
    }

    // WHO-5 self-report, scored on the server: raw 9 x 4 = 36, at or below 50 (poor well-being): positive.
    const first = (await Promise.all(cohort.map((child) => paediatrician.screenWho5(child.id, 'CHRONIC_SOMATIC_ILLNESS', [2, 2, 2, 2, 1])))).map((res) => {
      expect(res.errors).toBeUndefined();
      return res.data!.recordScreening;
    });
    const [a] = first;
    expect(a).toMatchObject({ instrumentId: 'who5', versionId: '1998', informant: 'SELF', screeningDate: '2026-09-01', ageInYears: 12, positive: true });
    expect(a!.instrumentRevision).toMatch(/\S/);
    expect(a!.scores.find((s) => s.id === 'raw')?.value).toBe(9);
    expect(a!.scores.find((s) => s.id === 'percentage')?.value).toBe(36);
    expect(a!.flags.flatMap((f) => f.items)).toContain('item5');
    expect(a!.thresholds).toContainEqual({ thresholdId: 'who5-poor-well-being', passed: true, reason: null });
    // The action plan is due 14 days after the positive screening: an open action of the clinic until then.
    expect(a!.actionPlanDueOn).toBe('2026-09-15');
    const open = await paediatrician.openActions({ first: 500 });
    const openIds = open.data!.openScreeningActions.edges.map((e) => e.node.screeningResult.id);
    for (const r of first) expect(openIds).toContain(r.id);

    // A week later the clinic makes the plans from Silkeborg's offers for the child's track and age.
    today = '2026-09-08';
    const catalogue = await paediatrician.offers(STORY_MUNICIPALITY, 'CHRONIC_SOMATIC_ILLNESS', 12);
    const offerNames = catalogue.data!.municipalOffers.edges.map((e) => e.node.name);
    expect(offerNames).toEqual(expect.arrayContaining(['Mestringsgruppe (syntetisk)', 'Samtaleforløb (syntetisk)']));
    const planned = await Promise.all(
      first.map((r) =>
        paediatrician.makeActionPlan({
          screeningResultId: r.id,
          offerIds: [offers['copingGroup740']],
          responsible: { sector: 'MUNICIPALITY', organisation: String(STORY_MUNICIPALITY), personName: 'Demo Koordinator (syntetisk)' },
          followUpOn: '2026-11-10',
          note: 'Mestringsgruppe efter jul; opfølgning med ny WHO-5.',
        }),
      ),
    );
    for (const [i, res] of planned.entries()) {
      const r = first[i]!;
      expect(res.errors).toBeUndefined();
      expect(res.data!.createActionPlan).toMatchObject({
        track: 'CHRONIC_SOMATIC_ILLNESS',
        createdOn: '2026-09-08',
        daysFromScreening: 7,
        followUpOn: '2026-11-10',
        // The gateway resolves the offers in the municipality subgraph, which owns them.
        offers: [{ id: offers['copingGroup740'], name: 'Mestringsgruppe (syntetisk)', municipality: { code: STORY_MUNICIPALITY } }],
        municipality: { code: STORY_MUNICIPALITY },
        screeningResult: { id: r.id, positive: true },
      });
    }
    const stillOpen = (await paediatrician.openActions({ first: 500 })).data!.openScreeningActions.edges.map((e) => e.node.screeningResult.id);
    for (const r of first) expect(stillOpen).not.toContain(r.id);
    // The plan is addressed to the responsible municipality: its caseworker reads it without a consent.
    const silkeborg = await asCaseworker(t, STORY_MUNICIPALITY).childField(cohort[0]!.id, 'actionPlans { id responsible { organisation } offers { name } }');
    expect(silkeborg.errors).toBeUndefined();
    expect(silkeborg.data!.child['actionPlans']).toHaveLength(1);

    // At follow-up the children are re-screened: 68 of 100, 32 points better (10 is meaningful), no longer positive.
    today = '2026-11-10';
    for (const res of await Promise.all(cohort.map((child) => paediatrician.screenWho5(child.id, 'CHRONIC_SOMATIC_ILLNESS', [3, 4, 3, 4, 3])))) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.recordScreening).toMatchObject({ positive: false, actionPlanDueOn: null });
    }
    const seen = await paediatrician.childScreening(cohort[0]!.id);
    expect(seen.errors).toBeUndefined();
    const child = seen.data!.child;
    expect(child.screenings!.map((s) => [s.screeningDate, s.positive])).toEqual([
      ['2026-09-01', true],
      ['2026-11-10', false],
    ]);
    const trend = child.screeningTrends!.find((s) => s.scoreId === 'percentage')!;
    expect(trend).toMatchObject({ instrumentId: 'who5', informant: 'SELF', meaningfulChange: 10 });
    expect(trend.points.map((p) => p.value)).toEqual([36, 68]);
    expect(trend.changes).toEqual([{ change: 32, meaningful: true, direction: 'IMPROVED' }]);
    expect(child.trackMemberships![0]!.screenPositive).toBe(false);

    // The evaluation counts them, per track, municipality and period.
    const evaluation = await asRegionAnalyst(t).evaluation('2026-07-01', '2026-12-31', 'CHRONIC_SOMATIC_ILLNESS');
    expect(evaluation.errors).toBeUndefined();
    const rows = evaluation.data!.screeningEvaluation.rows;
    expect(rows.find((r) => r.municipality?.code === STORY_MUNICIPALITY)).toEqual({
      track: 'CHRONIC_SOMATIC_ILLNESS',
      municipality: { code: STORY_MUNICIPALITY },
      childrenRegistered: 5,
      childrenScreened: 5,
      childrenScreenedPositive: 5,
      childrenWithActionPlan: 5,
      medianDaysToActionPlan: 7,
      childrenImprovedOnRescreening: 5,
      withheld: [],
    });
    expect(rows.some((r) => r.municipality === null)).toBe(true);
    // Aarhus's own analyst sees Aarhus's rows only.
    const aarhus = await asMunicipalAnalyst(t).evaluation('2026-07-01', '2026-12-31', 'CHRONIC_SOMATIC_ILLNESS');
    expect(aarhus.errors).toBeUndefined();
    expect(aarhus.data!.screeningEvaluation.rows.every((r) => r.municipality?.code === 751)).toBe(true);
  }, 180_000);

  it('a track-3 registration with the parent’s consent reaches the child’s municipality exactly once, where family services screen and plan', async () => {
    today = '2026-09-01';
    const child = newChild('2018-05-04');
    const registered = await asAdultPsychiatry(t).registerPatientsChild(child.cpr, 751, { relation: 'PARENT', patientConsentOn: '2026-09-01', contactPhone: '+45 70 00 00 02' });
    expect(registered.errors).toBeUndefined();
    const membership = registered.data!.registerInScreeningTrack;
    expect(membership).toMatchObject({ track: 'RELATIVE_OF_MENTALLY_ILL', basis: { relation: 'PARENT', diagnosis: null, problemArea: null } });
    expect(membership.municipalityNotification).toMatchObject({ patientConsentOn: '2026-09-01', municipality: { code: 751 } });

    // The delivery worker sends it; adult psychiatry sees it delivered.
    const delivered = await eventually(
      'delivery of the track-3 registration',
      async () => (await asAdultPsychiatry(t).childField(child.id, 'trackMemberships { municipalityNotification { status receivedOn } }')).data,
      (d) => (d?.child?.['trackMemberships'] as { municipalityNotification: { status: string } }[] | undefined)?.[0]?.municipalityNotification.status === 'DELIVERED',
    );
    expect((delivered!.child['trackMemberships'] as { municipalityNotification: { receivedOn: string } }[])[0]!.municipalityNotification.receivedOn).toBe('2026-09-01');

    // Aarhus's family services see it in their worklist: the child, the relation and whom to call; nothing about the patient.
    const worklist = async () =>
      (await asCaseworker(t, 751).relativeWorklist(751, 500)).data!.relativeRegistrations.edges.map((e) => e.node).filter((n) => n.child.id === child.id);
    const entries = await worklist();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ relation: 'PARENT', patientConsentOn: '2026-09-01', birthDate: '2018-05-04', departmentSorCode: '9990031000016003', status: 'NEW' });

    // A caseworker takes it from the worklist; Herning's family services cannot, and nobody takes it twice.
    const codeOfFirst = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.['code'];
    expect(codeOfFirst(await asCaseworker(t, 657).takeRelativeRegistration(entries[0]!.id))).toBe('FORBIDDEN');
    const taken = await asCaseworker(t, 751).takeRelativeRegistration(entries[0]!.id);
    expect(taken.errors).toBeUndefined();
    expect(taken.data!.takeRelativeRegistration).toMatchObject({ id: entries[0]!.id, status: 'TAKEN', takenByName: expect.any(String) });
    expect(Date.parse(taken.data!.takeRelativeRegistration.takenAt!)).not.toBeNaN();
    expect(codeOfFirst(await asCaseworker(t, 751).takeRelativeRegistration(entries[0]!.id))).toBe('CONFLICT');
    expect((await worklist()).map((e) => e.status)).toEqual(['TAKEN']);

    // A lost acknowledgement makes the worker send it again: the municipality keeps it once.
    const s = t.system.databases.screening.db;
    const [row] = await s.select().from(screeningOutbox).where(eq(screeningOutbox.childId, child.id));
    await s.update(screeningOutbox).set({ status: 'QUEUED', nextAttemptAt: new Date().toISOString() }).where(eq(screeningOutbox.id, row!.id));
    await eventually(
      'the redelivery',
      async () => (await s.select().from(screeningOutbox).where(eq(screeningOutbox.id, row!.id)))[0]!.status,
      (status) => status === 'DELIVERED',
    );
    expect(await worklist()).toHaveLength(1);
    const m = t.system.databases.municipality.db;
    expect(await m.$count(relativeRegistrations, eq(relativeRegistrations.childId, child.id))).toBe(1);

    // Family services screen the child (SDQ, parent version 4-17: total 21 is "very high") and plan from Aarhus's offers.
    const screened = await asCaseworker(t, 751).screen({ childId: child.id, track: 'RELATIVE_OF_MENTALLY_ILL', instrumentId: 'sdq', versionId: 'P4-17', informant: 'PARENT', answers: sdqAnswers(21) });
    expect(screened.errors).toBeUndefined();
    const result = screened.data!.recordScreening;
    expect(result).toMatchObject({ instrumentId: 'sdq', versionId: 'P4-17', informant: 'PARENT', bandScheme: 'sdq-uk-4band', ageInYears: 8, positive: true });
    expect(result.scores.find((x) => x.id === 'total')).toMatchObject({ value: 21, band: { code: 'very-high' } });
    const plan = await asCaseworker(t, 751).makeActionPlan({ screeningResultId: result.id, offerIds: [offers['peerGroup751']], responsible: responsible751, followUpOn: '2026-12-01' });
    expect(plan.errors).toBeUndefined();
    expect(plan.data!.createActionPlan.offers.map((o) => o.name)).toEqual(['Netværksgruppe for børn af psykisk syge (syntetisk)']);
  }, 120_000);

  it('registers a patient’s child without the patient’s consent, and sends nothing to the municipality', async () => {
    today = '2026-09-01';
    const child = newChild('2017-02-14');
    const before = await screeningCounts(t);
    const res = await asAdultPsychiatry(t).registerPatientsChild(child.cpr, 751, { relation: 'SIBLING' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.registerInScreeningTrack).toMatchObject({ basis: { relation: 'SIBLING' }, municipalityNotification: null });
    const after = await screeningCounts(t);
    expect(after).toEqual({ ...before, memberships: before.memberships + 1 });
  }, 120_000);

  it('ends a membership with its reason and keeps it in the history; the child can be registered again', async () => {
    today = '2026-09-01';
    const { cpr, id, membership } = await chronicallyIllChildScreenedPositive();
    today = '2026-10-01';
    const ended = await asPaediatrician(t).endMembership(membership.id, 'TRANSFERRED_TO_TREATMENT');
    expect(ended.errors).toBeUndefined();
    expect(ended.data!.endTrackMembership).toMatchObject({ active: false, endedOn: '2026-10-01', endReason: 'TRANSFERRED_TO_TREATMENT' });
    const again = await asPaediatrician(t).registerChronicallyIll(cpr, 'DE109', 751);
    expect(again.errors).toBeUndefined();
    const history = await asPaediatrician(t).childField(id, 'trackMemberships { endedOn endReason active } screeningTracks { id }');
    expect(history.data!.child['trackMemberships']).toEqual([
      { endedOn: '2026-10-01', endReason: 'TRANSFERRED_TO_TREATMENT', active: false },
      { endedOn: null, endReason: null, active: true },
    ]);
    expect(history.data!.child['screeningTracks']).toEqual([{ id: again.data!.registerInScreeningTrack.id }]);
  }, 120_000);

  it('refuses registrations by the wrong participant or with the wrong basis, storing and sending nothing', async () => {
    today = '2026-09-01';
    const child = newChild('2014-03-10');
    const before = await screeningCounts(t);
    // The municipality does not register in track 2: the paediatric clinic or the GP does.
    const byMunicipality = await asCaseworker(t, 751).registerChronicallyIll(child.cpr, 'DE109', 751);
    expect(codeOf(byMunicipality)).toBe('FORBIDDEN');
    // A mental disorder (chapter F) is track 1's, not a chronic somatic illness.
    const fCode = await asPaediatrician(t).registerChronicallyIll(child.cpr, 'DF900', 751);
    expect(codeOf(fCode)).toBe('BAD_USER_INPUT');
    expect(fCode.errors![0]!.extensions!['field']).toBe('input.chronicIllness.diagnosisCode');
    // Track 3 takes the relation, nothing else: a diagnosis is another track's basis.
    const wrongBasis = await asAdultPsychiatry(t).registerInTrack({
      cpr: child.cpr,
      track: 'RELATIVE_OF_MENTALLY_ILL',
      municipalityCode: 751,
      chronicIllness: { diagnosisCode: 'DE109' },
      relative: { relation: 'PARENT', patientConsentOn: '2026-09-01' },
    });
    expect(codeOf(wrongBasis)).toBe('BAD_USER_INPUT');
    expect(wrongBasis.errors![0]!.extensions!['field']).toBe('input.chronicIllness');
    // Adult psychiatry registers track 3 only.
    const wrongTrack = await asAdultPsychiatry(t).registerChronicallyIll(child.cpr, 'DE109', 751);
    expect(codeOf(wrongTrack)).toBe('FORBIDDEN');
    // An impossible CPR number, a municipality outside the region, a start in the future.
    expect(codeOf(await asPaediatrician(t).registerChronicallyIll('310214-4001', 'DE109', 751))).toBe('BAD_USER_INPUT');
    expect(codeOf(await asPaediatrician(t).registerChronicallyIll(child.cpr, 'DE109', 101))).toBe('BAD_USER_INPUT');
    expect(codeOf(await asPaediatrician(t).registerChronicallyIll(child.cpr, 'DE109', 751, '2026-09-02'))).toBe('BAD_USER_INPUT');
    expect(await screeningCounts(t)).toEqual(before);
    // Once in the track, a second registration is a conflict.
    expect((await asPaediatrician(t).registerChronicallyIll(child.cpr, 'DE109', 751)).errors).toBeUndefined();
    const mid = await screeningCounts(t);
    expect(codeOf(await asPaediatrician(t).registerChronicallyIll(child.cpr, 'DJ459', 751))).toBe('CONFLICT');
    expect(await screeningCounts(t)).toEqual(mid);
  }, 120_000);

  it('lists the three tracks as reference data, each with the participants of the terms of reference and who registers', async () => {
    const res = await t.queryAs<{ screeningTrackDefinitions: { track: string; number: number; participants: { kind: string; registers: boolean }[] }[] }>(
      'paediatrician',
      '{ screeningTrackDefinitions { track number participants { kind registers } } }',
    );
    expect(res.errors).toBeUndefined();
    const tracks = res.data!.screeningTrackDefinitions;
    expect(tracks.map((d) => [d.number, d.track])).toEqual([
      [1, 'RECOGNISED_MENTAL_PROBLEMS'],
      [2, 'CHRONIC_SOMATIC_ILLNESS'],
      [3, 'RELATIVE_OF_MENTALLY_ILL'],
    ]);
    const kinds = (n: number) => tracks[n - 1]!.participants.map((p) => p.kind).sort();
    expect(kinds(1)).toEqual(['BUA', 'FAMILY_SERVICES', 'GENERAL_PRACTICE', 'PPR', 'SCHOOL_SERVICES']);
    expect(kinds(2)).toEqual(['GENERAL_PRACTICE', 'HEALTH_IT', 'HEALTH_VISITING', 'PAEDIATRICS']);
    expect(kinds(3)).toEqual(['ADULT_PSYCHIATRY', 'FAMILY_SERVICES', 'PPR', 'RELATIVES_ORGANISATION']);
    // Track 2 is registered by the paediatric clinic or the GP, track 3 by adult psychiatry alone.
    const registering = (n: number) => tracks[n - 1]!.participants.filter((p) => p.registers).map((p) => p.kind).sort();
    expect(registering(2)).toEqual(['GENERAL_PRACTICE', 'PAEDIATRICS']);
    expect(registering(3)).toEqual(['ADULT_PSYCHIATRY']);
  });

  it('refuses a wrong answer set naming the item and why, and stores nothing', async () => {
    today = '2026-09-01';
    const child = newChild('2016-01-05'); // 10 years old
    expect((await asPaediatrician(t).registerChronicallyIll(child.cpr, 'DE109', 751)).errors).toBeUndefined();
    const before = await screeningCounts(t);
    const p = asPaediatrician(t);
    const fieldOf = (res: Awaited<ReturnType<typeof p.screen>>) => [codeOf(res), res.errors?.[0]?.extensions?.['field'], res.errors?.[0]?.message];

    // WHO-5 needs all five items.
    const missing = await p.screenWho5(child.id, 'CHRONIC_SOMATIC_ILLNESS', [3, 3, 3, 3]);
    expect(fieldOf(missing)[0]).toBe('BAD_USER_INPUT');
    expect(String(fieldOf(missing)[2])).toContain('item5');
    // Answers run 0-5.
    const outOfRange = await p.screenWho5(child.id, 'CHRONIC_SOMATIC_ILLNESS', [6, 3, 3, 3, 3]);
    expect(fieldOf(outOfRange).slice(0, 2)).toEqual(['BAD_USER_INPUT', 'input.answers.item1']);
    // An item the instrument does not have.
    const stranger = await p.screen({ childId: child.id, track: 'CHRONIC_SOMATIC_ILLNESS', instrumentId: 'who5', versionId: '1998', informant: 'SELF',
      answers: [1, 2, 3, 4, 5, 6].map((n) => ({ item: `item${n}`, value: 2 })) });
    expect(codeOf(stranger)).toBe('BAD_USER_INPUT');
    expect(String(stranger.errors![0]!.message)).toContain('item6');
    // The SDQ self-report is for 11-17: a 10-year-old's parent or teacher fills it in instead.
    const tooYoung = await p.screen({ childId: child.id, track: 'CHRONIC_SOMATIC_ILLNESS', instrumentId: 'sdq', versionId: 'S11-17', informant: 'SELF', answers: sdqAnswers(10) });
    expect(codeOf(tooYoung)).toBe('BAD_USER_INPUT');
    // The informant must be the version's.
    const wrongInformant = await p.screen({ childId: child.id, track: 'CHRONIC_SOMATIC_ILLNESS', instrumentId: 'sdq', versionId: 'P4-17', informant: 'TEACHER', answers: sdqAnswers(10) });
    expect(codeOf(wrongInformant)).toBe('BAD_USER_INPUT');
    // A screening in a track the child is not in.
    expect(codeOf(await p.screenWho5(child.id, 'RECOGNISED_MENTAL_PROBLEMS', [3, 3, 3, 3, 3]))).not.toBeNull();
    // A screening dated in the future.
    expect(codeOf(await p.screenWho5(child.id, 'CHRONIC_SOMATIC_ILLNESS', [3, 3, 3, 3, 3], '2026-09-02'))).toBe('BAD_USER_INPUT');
    // A FHIR QuestionnaireResponse that is not JSON.
    expect(codeOf(await p.screen({ childId: child.id, track: 'CHRONIC_SOMATIC_ILLNESS', questionnaireResponse: '{not json' }))).toBe('BAD_USER_INPUT');
    // An item answered twice (the count), a value out of range on the SDQ's 0-2, a version the instrument has not got.
    const twice = await p.screen({ childId: child.id, track: 'CHRONIC_SOMATIC_ILLNESS', instrumentId: 'who5', versionId: '1998', informant: 'SELF',
      answers: [1, 2, 3, 4, 5, 5].map((n) => ({ item: `item${n}`, value: 2 })) });
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    expect(String(twice.errors![0]!.message)).toContain('item5');
    const sdqOutOfRange = await p.screen({ childId: child.id, track: 'CHRONIC_SOMATIC_ILLNESS', instrumentId: 'sdq', versionId: 'P4-17', informant: 'PARENT',
      answers: sdqAnswers(10).map((a) => (a.item === 'item3' ? { ...a, value: 3 } : a)) });
    expect(fieldOf(sdqOutOfRange).slice(0, 2)).toEqual(['BAD_USER_INPUT', 'input.answers.item3']);
    const noSuchVersion = await p.screen({ childId: child.id, track: 'CHRONIC_SOMATIC_ILLNESS', instrumentId: 'sdq', versionId: 'P4-18', informant: 'PARENT', answers: sdqAnswers(10) });
    expect(codeOf(noSuchVersion)).toBe('BAD_USER_INPUT');
    expect(String(noSuchVersion.errors![0]!.message)).toContain('P4-18');
    // Who does not screen in the track: adult psychiatry registers track 3, it does not screen track 2.
    expect(codeOf(await asAdultPsychiatry(t).screenWho5(child.id, 'CHRONIC_SOMATIC_ILLNESS', [3, 3, 3, 3, 3]))).toBe('FORBIDDEN');
    expect(await screeningCounts(t)).toEqual(before);
  }, 120_000);

  it('accepts a FHIR QuestionnaireResponse for a published Questionnaire and returns the result as one, with the score', async () => {
    today = '2026-09-01';
    const child = newChild('2013-08-08');
    expect((await asPaediatrician(t).registerChronicallyIll(child.cpr, 'DE109', 751)).errors).toBeUndefined();
    // The front end renders the published Questionnaire and answers with its own codings.
    const instruments = await t.queryAs<{ screeningInstruments: { id: string; versions: { id: string; questionnaireUrl: string; questionnaire: string }[] }[] }>(
      'paediatrician',
      '{ screeningInstruments { id versions { id questionnaireUrl questionnaire } } }',
    );
    const version = instruments.data!.screeningInstruments.find((i) => i.id === 'who5')!.versions[0]!;
    type Option = { valueCoding: { system: string; code: string; extension?: { valueDecimal?: number }[] } };
    const questionnaire = JSON.parse(version.questionnaire) as { item: { linkId: string; answerOption: Option[] }[] };
    const ticked = (linkId: string, value: number) => {
      const option = questionnaire.item.find((i) => i.linkId === linkId)!.answerOption.find((o) => o.valueCoding.extension?.some((e) => e.valueDecimal === value))!;
      return { system: option.valueCoding.system, code: option.valueCoding.code };
    };
    const url = version.questionnaireUrl;
    const response = {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: url,
      authored: '2026-09-01',
      item: [5, 4, 3, 2, 1].map((v, i) => ({ linkId: `item${i + 1}`, answer: [{ valueCoding: ticked(`item${i + 1}`, v) }] })),
    };
    const res = await asPaediatrician(t).screen({ childId: child.id, track: 'CHRONIC_SOMATIC_ILLNESS', questionnaireResponse: JSON.stringify(response) });
    if (res.errors) {
      // The engine's own FHIR tests fix the answer form; this one must be accepted as the published Questionnaire asks.
      throw new Error(JSON.stringify(res.errors));
    }
    expect(res.data!.recordScreening.scores.find((s) => s.id === 'percentage')?.value).toBe(60);
    const back = await asPaediatrician(t).childField(child.id, 'screenings { questionnaireResponse }');
    const qr = JSON.parse((back.data!.child['screenings'] as { questionnaireResponse: string }[])[0]!.questionnaireResponse) as { resourceType: string; questionnaire: string };
    expect(qr.resourceType).toBe('QuestionnaireResponse');
    // The canonical URL with the revision of the instrument data it was scored with.
    expect(qr.questionnaire).toBe(`${url}|${res.data!.recordScreening.instrumentRevision}`);
  }, 120_000);

  it('refuses action plans that do not fit the child or the municipality, storing nothing', async () => {
    today = '2026-09-01';
    const positive = await chronicallyIllChildScreenedPositive(751, '2014-03-10');
    const plan = (offerIds: (string | undefined)[], extra: Record<string, unknown> = {}, who = asPaediatrician(t)) =>
      who.makeActionPlan({ screeningResultId: positive.result.id, offerIds, responsible: responsible751, followUpOn: '2026-11-01', ...extra });
    const before = await screeningCounts(t);
    const ruleOf = async (res: ReturnType<typeof plan>) => {
      const r = await res;
      return [codeOf(r), r.errors?.[0]?.extensions?.['rule'] ?? r.errors?.[0]?.extensions?.['field']];
    };
    // Another municipality's offer, a proposed (not yet existing) one, one for another track.
    expect(await ruleOf(plan([offers['copingGroup657']]))).toEqual(['BAD_USER_INPUT', 'OFFER_OF_ANOTHER_MUNICIPALITY']);
    expect(await ruleOf(plan([offers['peerGroup751']]))).toEqual(['BAD_USER_INPUT', 'OFFER_NOT_FOR_TRACK']);
    expect(await ruleOf(plan([offers['proposed740']]))).toEqual(['BAD_USER_INPUT', 'OFFER_OF_ANOTHER_MUNICIPALITY']);
    // No offer, an unknown one, a follow-up in the past.
    expect(await ruleOf(plan([]))).toEqual(['BAD_USER_INPUT', 'input.offerIds']);
    expect(await ruleOf(plan(['0190f3c8-0000-7000-8000-000000000000']))).toEqual(['BAD_USER_INPUT', 'OFFER_NOT_FOUND']);
    expect(await ruleOf(plan([offers['copingGroup751']], { followUpOn: '2026-08-01' }))).toEqual(['BAD_USER_INPUT', 'input.followUpOn']);
    // Another municipality's caseworker is not addressed: refused as a read would be.
    expect(codeOf(await plan([offers['copingGroup751']], {}, asCaseworker(t, 657)))).toBe('CONSENT_REQUIRED');
    expect(await screeningCounts(t)).toEqual(before);

    // One plan per result.
    expect((await plan([offers['copingGroup751']])).errors).toBeUndefined();
    const mid = await screeningCounts(t);
    expect(codeOf(await plan([offers['copingGroup751']]))).toBe('CONFLICT');
    expect(await screeningCounts(t)).toEqual(mid);
  }, 120_000);

  it('refuses a plan for a negative screening, and for an offer the municipality has not got yet', async () => {
    today = '2026-09-01';
    const child = newChild('2014-04-04');
    expect((await asPaediatrician(t).registerChronicallyIll(child.cpr, 'DE109', STORY_MUNICIPALITY)).errors).toBeUndefined();
    const negative = (await asPaediatrician(t).screenWho5(child.id, 'CHRONIC_SOMATIC_ILLNESS', [4, 4, 4, 4, 4])).data!.recordScreening;
    expect(negative.positive).toBe(false);
    const before = await screeningCounts(t);
    const responsible = { ...responsible751, organisation: String(STORY_MUNICIPALITY) };
    const notPositive = await asPaediatrician(t).makeActionPlan({ screeningResultId: negative.id, offerIds: [offers['copingGroup740']], responsible, followUpOn: '2026-11-01' });
    expect(codeOf(notPositive)).toBe('BAD_USER_INPUT');
    const positive = (await asPaediatrician(t).screenWho5(child.id, 'CHRONIC_SOMATIC_ILLNESS', [1, 1, 1, 1, 1])).data!.recordScreening;
    const mid = await screeningCounts(t);
    expect(mid).toEqual({ ...before, results: before.results + 1 });
    const proposed = await asPaediatrician(t).makeActionPlan({ screeningResultId: positive.id, offerIds: [offers['proposed740']], responsible, followUpOn: '2026-11-01' });
    expect([codeOf(proposed), proposed.errors?.[0]?.extensions?.['rule']]).toEqual(['BAD_USER_INPUT', 'OFFER_NOT_AVAILABLE']);
    expect(await screeningCounts(t)).toEqual(mid);
  }, 120_000);

  it('shares results with other sectors only under the consent rules, worded alike whether or not screening knows the child, and logs every read', async () => {
    today = '2026-09-01';
    const { id } = await chronicallyIllChildScreenedPositive();
    const unknown = newChild('2014-03-10');
    // The GP holds no consent from screening: refused, in the same words as for a child screening does not know.
    const gp = asGp(t, '107510');
    const known = await gp.childField(id, 'screenings { id }');
    const stranger = await gp.childField(unknown.id, 'screenings { id }');
    expect(codeOf(known)).toBe('CONSENT_REQUIRED');
    expect(stranger.errors?.[0]?.message).toBe(known.errors?.[0]?.message);
    // Analysts see no single child's data, only the evaluation; clinical staff no evaluation.
    expect(codeOf(await asRegionAnalyst(t).childField(id, 'screenings { id }'))).toBe('FORBIDDEN');
    expect(codeOf(await asCaseworker(t, 751).evaluation('2026-01-01', '2026-12-31'))).toBe('FORBIDDEN');
    // Another municipality's family services do not read Aarhus's track-3 worklist.
    expect(codeOf(await asCaseworker(t, 657).relativeWorklist(751))).toBe('FORBIDDEN');
    // With a consent recorded by screening, the GP reads the results.
    const consent = await t.queryAs<{ recordScreeningConsent: { id: string } }>(
      'paediatrician',
      'mutation($input: RecordConsentInput!) { recordScreeningConsent(input: $input) { id } }',
      { input: { childId: id, givenBy: 'CUSTODY_HOLDER', givenOn: '2026-09-01', recipientSector: 'GENERAL_PRACTICE', purposes: ['CARE_COORDINATION'], validFrom: '2026-09-01' } },
    );
    expect(consent.errors).toBeUndefined();
    const allowed = await gp.childField(id, 'screenings { id positive }');
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.child['screenings']).toHaveLength(1);
    const log = await t.queryAs<{ screeningAccessLog: { entries: { action: string; actorSector: string; parts: string[] }[] } }>(
      'admin-region',
      'query($id: ID!) { screeningAccessLog(childId: $id, first: 50) { entries { action actorSector parts } } }',
      { id },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.screeningAccessLog.entries).toContainEqual({ action: 'READ', actorSector: 'GENERAL_PRACTICE', parts: ['screenings'] });
  }, 120_000);

  it('a custody holder’s consent lapsing at 18 while the child is in a track is an open action of the organisation that recorded it, in the pathway and its worklist', async () => {
    today = '2026-09-01';
    // 18 on 2026-11-01, within the three months' notice; the other one in five months, not yet.
    const soon = newChild('2008-11-01');
    const later = newChild('2009-02-01');
    const consentIds: string[] = [];
    const memberships: string[] = [];
    for (const child of [soon, later]) {
      const registered = await asPaediatrician(t).registerChronicallyIll(child.cpr, 'DE109', 751);
      expect(registered.errors).toBeUndefined();
      memberships.push(registered.data!.registerInScreeningTrack.id);
      // Given at 13, by a custody holder (the young person consents from 15).
      const consent = await t.queryAs<{ recordScreeningConsent: { id: string } }>(
        'paediatrician',
        'mutation($input: RecordConsentInput!) { recordScreeningConsent(input: $input) { id } }',
        { input: { childId: child.id, givenBy: 'CUSTODY_HOLDER', givenOn: '2022-03-01', recipientSector: 'GENERAL_PRACTICE', purposes: ['CARE_COORDINATION'], validFrom: '2022-03-01' } },
      );
      expect(consent.errors).toBeUndefined();
      consentIds.push(consent.data!.recordScreeningConsent.id);
    }
    const lapse = { kind: 'CONSENT_LAPSES_AT_18', subjectId: consentIds[0], heldBy: 'SCREENING', dueOn: '2026-11-01', overdue: false };
    const pathwayOf = async (id: string) => {
      const res = await t.queryAs<{ child: { pathway: { openActions: Record<string, unknown>[] } } }>(
        'paediatrician',
        'query($id: ID!) { child(id: $id) { pathway { openActions { kind subjectId heldBy ownerSector ownerOrganisation dueOn overdue } } } }',
        { id },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.child.pathway.openActions;
    };
    const worklistOf = async (user: string) => {
      const res = await t.queryAs<{ worklist: { edges: { node: { child: { id: string }; actions: Record<string, unknown>[] } }[] } }>(
        user,
        'query { worklist(first: 200) { edges { node { child { id } actions { kind subjectId heldBy dueOn overdue } } } } }',
      );
      expect(res.errors).toBeUndefined();
      return res.data!.worklist.edges.map((e) => e.node);
    };
    expect(await pathwayOf(soon.id)).toEqual([{ ...lapse, ownerSector: 'PAEDIATRICS', ownerOrganisation: PAEDIATRICS_SOR }]);
    expect(await pathwayOf(later.id)).toEqual([]);
    const mine = await worklistOf('paediatrician');
    expect(mine.find((e) => e.child.id === soon.id)?.actions).toEqual([lapse]);
    expect(mine.some((e) => e.child.id === later.id)).toBe(false);
    // Adult psychiatry keeps none of these consents, so it owes nothing.
    expect((await worklistOf('adultpsych')).some((e) => e.child.id === soon.id)).toBe(false);
    // Out of the track, the pathway here is no longer active: nothing to ask the young person for.
    expect((await asPaediatrician(t).endMembership(memberships[0]!, 'NO_LONGER_AT_RISK')).errors).toBeUndefined();
    expect(await pathwayOf(soon.id)).toEqual([]);
    expect((await worklistOf('paediatrician')).some((e) => e.child.id === soon.id)).toBe(false);
  }, 120_000);

  it('reads lists of screenings, open actions, track-3 registrations and offers in the same statements per subgraph for 5 and 500 children', async () => {
    today = '2026-09-01';
    // A second paediatric department, so its lists hold exactly this test's 505 children.
    const clinic: Principal = { subject: 'test:paediatrician-2', displayName: 'Test Paediatrician 2', sector: 'PAEDIATRICS', organisation: '9990041000016001', roles: ['PAEDIATRICIAN'] };
    const template = newChild('2014-03-10');
    expect((await screeningActor(t, clinic).registerChronicallyIll(template.cpr, 'DE109', 657)).errors).toBeUndefined();
    const screened = await screeningActor(t, clinic).screenWho5(template.id, 'CHRONIC_SOMATIC_ILLNESS', [1, 1, 1, 1, 1]);
    expect(screened.errors).toBeUndefined();
    // 504 more children with the same positive result, each in a membership of its own (a fixture, not the API: the
    // API's path is the template's).
    const db = t.system.databases.screening.db as unknown as ScreeningDb;
    // Born in 2011, serials 5000-5503 (7th digit 5): no other test's children (7th digit 4) can coincide.
    const others = Array.from({ length: 504 }, (_, i) => {
      const [dd, mm] = [String(1 + (i % 28)).padStart(2, '0'), String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0')];
      return { id: idOf(`${dd}${mm}115${String(i).padStart(3, '0')}`), birthDate: `2011-${mm}-${dd}` };
    });
    await insertChildren(db, others.map((c) => ({ ...c, synthetic: true, tracks: [{ track: 'CHRONIC_SOMATIC_ILLNESS' as const, since: '2026-09-01', municipalityCode: 657 }] })));
    const memberships = await db.select().from(trackMemberships).where(inArray(trackMemberships.childId, others.map((c) => c.id)));
    const [row] = await db.select().from(screeningResults).where(eq(screeningResults.id, screened.data!.recordScreening.id));
    await db.update(trackMemberships).set({ parties: row!.parties }).where(inArray(trackMemberships.id, memberships.map((m) => m.id)));
    await db.insert(screeningResults).values(memberships.map((m) => ({ ...row!, id: uuid7(), childId: m.childId, membershipId: m.id })));
    // Herning's family services got 505 track-3 registrations, and keep 505 offers.
    const m = t.system.databases.municipality.db;
    await m.insert(relativeRegistrations).values(
      [...others, template].map((c, i) => ({
        id: uuid7(),
        messageId: `count-relative-${i}`,
        registrationId: uuid7(),
        municipalityCode: 657,
        childId: c.id,
        birthDate: '2014-03-10',
        relation: 'PARENT' as const,
        registeredOn: '2026-09-01',
        patientConsentOn: '2026-09-01',
        departmentSorCode: '9990031000016003',
        contactName: 'Test Clinician',
        contactPhone: null,
        receivedOn: '2026-09-01',
      })),
    );
    await m.insert(municipalOffers).values(
      Array.from({ length: 505 }, (_, i) => ({
        id: uuid7(),
        municipalityCode: 657,
        name: `Tilbud ${i} (syntetisk)`,
        kind: 'COUNSELLING' as const,
        targetGroup: 'Børn (syntetisk)',
        tracks: ['CHRONIC_SOMATIC_ILLNESS' as const],
        minAge: 0,
        maxAge: 18,
        contact: '70 00 00 00',
        availability: 'EXISTING' as const,
        createdBy: 'test:fixture',
        synthetic: true,
      })),
    );

    const cases: { name: string; who: string | Principal; query: string; items: (d: Record<string, unknown>) => unknown[] }[] = [
      {
        name: 'recordedScreenings, with each result’s child and its screening fields',
        who: clinic,
        query: `query($first: Int!) { recordedScreenings(first: $first) { edges { node { id positive actionPlanDueOn scores { id value band { code } }
          actionPlan { id } child { id trackMemberships { id screenPositive } screenings { id } actionPlans { id } screeningTrends { scoreId } } } } } }`,
        items: (d) => (d['recordedScreenings'] as { edges: unknown[] }).edges,
      },
      {
        name: 'openScreeningActions',
        who: clinic,
        query: `query($first: Int!) { openScreeningActions(first: $first) { edges { node { dueOn overdue track child { id } screeningResult { id positive } } } } }`,
        items: (d) => (d['openScreeningActions'] as { edges: unknown[] }).edges,
      },
      {
        name: 'relativeRegistrations (the track-3 worklist)',
        who: 'caseworker-657',
        query: `query($first: Int!) { relativeRegistrations(municipalityCode: 657, first: $first) { edges { node { id relation status knownToMunicipality child { id } } } } }`,
        items: (d) => (d['relativeRegistrations'] as { edges: unknown[] }).edges,
      },
      {
        name: 'municipalOffers',
        who: 'paediatrician',
        query: `query($first: Int!) { municipalOffers(municipalityCode: 657, first: $first) { edges { node { id name tracks available municipality { code } } } } }`,
        items: (d) => (d['municipalOffers'] as { edges: unknown[] }).edges,
      },
    ];
    const statements = async (c: (typeof cases)[number], first: number) => {
      for (const database of Object.values(t.system.databases)) database.statements.reset();
      const res = await t.query<Record<string, unknown>>(c.query, { first }, await as(c.who));
      expect(res.errors, JSON.stringify(res.errors?.slice(0, 2))).toBeUndefined();
      expect(c.items(res.data!), c.name).toHaveLength(first);
      return Object.fromEntries(Object.entries(t.system.databases).map(([name, database]) => [name, database.statements.total]));
    };
    for (const c of cases) {
      const few = await statements(c, 5);
      const many = await statements(c, 500);
      expect(many, c.name).toEqual(few);
      expect(Object.values(few).reduce((a, b) => a + b, 0), c.name).toBeGreaterThan(0);
    }
    // Nothing about the fixtures leaks into the rest: they belong to the second clinic and to Herning.
    expect(await db.$count(screeningResults, and(eq(screeningResults.recordedByOrganisation, clinic.organisation)))).toBe(505);
  }, 240_000);
});
