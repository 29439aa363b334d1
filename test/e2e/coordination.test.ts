import { municipalInterventions as buaInterventions, referrals as buaReferrals, transitionPlans as buaPlans } from '@pathway-graph/bua/db/schema';
import { contactPersonEvents as gpContactPersons, networkMeetings as gpMeetings } from '@pathway-graph/general-practice/db/schema';
import {
  contactPersonEvents as municipalityContactPersons,
  municipalInterventions,
  networkMeetings as municipalityMeetings,
  outbox as municipalityOutbox,
  transitionPlans as municipalityPlans,
} from '@pathway-graph/municipality/db/schema';
import { childPseudonym, requiredConsentingParty, todayInDenmark } from '@pathway-graph/shared';
import { DEMO_CHILDREN, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as } from '../support/auth.ts';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { postGraphQL } from '../support/graphql.ts';
import { gpReferral, municipalReferral, referralScenario } from '../support/scenario/referral.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * Coordination around every pathway (agreement 6.1) in the municipality and general practice, through the gateway:
 * each sector's coordinating contact person (one at a time, the history kept, "none agreed" recorded), the
 * municipality's network meetings, its interventions kept in the municipality and told to BUA under an active
 * referral and a consent, its transition plan, and BUA's referrals shown to the parties the referral's consent names.
 */

/** Aarhus children of practice 107510 (synthetic). */
const aarhus = DEMO_CHILDREN.filter((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510');
const consented = aarhus.find((c) => demoChildConsents(c) && c.buaRegisteredOn !== null)!;
const [childB] = aarhus.filter((c) => demoChildConsents(c) && c.buaRegisteredOn === null && c.birthDate >= '2010-01-01');
const withoutConsent = aarhus.find((c) => !demoChildConsents(c))!;
/** Turns 18 on 2027-01-01, within six months of the session's today. */
const turning18 = aarhus.find((c) => c.birthDate === '2009-01-01')!;
const idOf = (c: { cpr: string }) => childPseudonym(c.cpr, TEST_PSEUDONYM_SECRET);
const LONG = 240_000;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

type Errors = { extensions?: Record<string, unknown>; message: string }[] | undefined;
const codeOf = (res: { errors?: Errors }) => res.errors?.[0]?.extensions?.['code'];

describeWithDatabases('coordination in the municipality and general practice, through the gateway', (backend) => {
  let t: TestSystem;
  let s: ReturnType<typeof referralScenario>;

  beforeAll(async () => {
    t = await startTestSystem(backend);
    s = referralScenario(t);
  }, 400_000);
  afterAll(async () => {
    await t?.close();
  });

  const rows = async (subgraph: 'bua' | 'general-practice' | 'municipality', table: PgTable) => {
    const [row] = await t.system.databases[subgraph].db.select({ n: count() }).from(table);
    return row!.n;
  };
  const log = async (field: string, childId: string) =>
    s.ok(
      await t.queryAs<Record<string, { entries: { action: string; parts: string[]; actorSector: string }[] }>>(
        'admin-region',
        `query($id: ID!) { ${field}(childId: $id, first: 500) { entries { action parts actorSector } } }`,
        { id: childId },
      ),
    )[field]!.entries;

  it('contact persons: the municipality and the practice each keep one at a time with the history, "none agreed" recorded; others read them by consent only', async () => {
    const { ok } = s;
    const child = idOf(consented);
    const RECORD_M = 'mutation($input: RecordContactPersonInput!) { recordMunicipalityContactPerson(input: $input) { sector status at person { name role phone } note previous { name } } }';
    const RECORD_GP = 'mutation($input: RecordContactPersonInput!) { recordGeneralPracticeContactPerson(input: $input) { sector status at note } }';
    const appoint = (name: string, m: number) => ({ childId: child, type: 'APPOINTED', at: minutesAgo(m), person: { name, role: 'Sagsbehandler', phone: '+45 70 00 00 00' } });

    // Refusals first, each storing nothing: another sector, another municipality, a broken rule.
    const before = { m: await rows('municipality', municipalityContactPersons), gp: await rows('general-practice', gpContactPersons) };
    expect(codeOf(await t.queryAs('gp-107510', RECORD_M, { input: appoint('Demo A (syntetisk)', 30) }))).toBe('FORBIDDEN');
    expect(codeOf(await t.queryAs('caseworker-657', RECORD_M, { input: appoint('Demo A (syntetisk)', 30) }))).toBe('FORBIDDEN');
    expect(codeOf(await t.queryAs('caseworker-751', RECORD_GP, { input: { childId: child, type: 'NONE_AGREED', at: minutesAgo(30), note: 'x' } }))).toBe('FORBIDDEN');
    expect(codeOf(await t.queryAs('gp-106570', RECORD_GP, { input: { childId: child, type: 'NONE_AGREED', at: minutesAgo(30), note: 'x' } }))).toBe('FORBIDDEN');
    const ending = await t.queryAs('caseworker-751', RECORD_M, { input: { childId: child, type: 'ENDED', at: minutesAgo(30) } });
    expect(ending.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NONE_ACTIVE' });
    const noPerson = await t.queryAs('caseworker-751', RECORD_M, { input: { childId: child, type: 'APPOINTED', at: minutesAgo(30) } });
    expect(noPerson.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'person' });
    const ahead = await t.queryAs('caseworker-751', RECORD_M, { input: appoint('Demo A (syntetisk)', -60) });
    expect(ahead.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    expect({ m: await rows('municipality', municipalityContactPersons), gp: await rows('general-practice', gpContactPersons) }).toEqual(before);

    // The municipality appoints, hands over, ends, then agrees that nobody is appointed for now.
    expect(ok(await t.queryAs('caseworker-751', RECORD_M, { input: appoint('Demo Sagsbehandler A (syntetisk)', 25) }))).toMatchObject({
      recordMunicipalityContactPerson: { sector: 'MUNICIPALITY', status: 'APPOINTED', person: { name: 'Demo Sagsbehandler A (syntetisk)' } },
    });
    ok(await t.queryAs('caseworker-751', RECORD_M, { input: appoint('Demo Sagsbehandler B (syntetisk)', 20) }));
    const stillAppointed = await t.queryAs('caseworker-751', RECORD_M, { input: { childId: child, type: 'NONE_AGREED', at: minutesAgo(15), note: 'Ingen' } });
    expect(stillAppointed.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STILL_APPOINTED' });
    expect(stillAppointed.errors?.[0]?.message).toContain('Demo Sagsbehandler B (syntetisk) is the sector');
    const ended = ok(await t.queryAs<Record<string, unknown>>('caseworker-751', RECORD_M, { input: { childId: child, type: 'ENDED', at: minutesAgo(10) } }));
    expect(ended).toMatchObject({ recordMunicipalityContactPerson: { status: 'ENDED', person: null, previous: { name: 'Demo Sagsbehandler B (syntetisk)' } } });
    // The practice considered it and agreed nobody is appointed: recorded although nobody is.
    expect(
      ok(await t.queryAs('gp-107510', RECORD_GP, { input: { childId: child, type: 'NONE_AGREED', at: minutesAgo(5), note: 'Lægen følger med via korrespondance. (syntetisk)' } })),
    ).toMatchObject({ recordGeneralPracticeContactPerson: { sector: 'GENERAL_PRACTICE', status: 'NONE_AGREED', note: expect.stringContaining('korrespondance') } });
    ok(await t.queryAs('caseworker-751', RECORD_M, { input: appoint('Demo Sagsbehandler C (syntetisk)', 1) }));

    const VIEW = `query($cpr: String!) { childByCpr(cpr: $cpr) {
      municipalityContactPerson { status person { name } } municipalityContactPersonHistory { type person { name } note }
      generalPracticeContactPerson { status note } generalPracticeContactPersonHistory { type } } }`;
    const seen = ok(await t.queryAs<{ childByCpr: Record<string, unknown> }>('caseworker-751', VIEW, { cpr: consented.cpr })).childByCpr;
    expect(seen).toMatchObject({
      municipalityContactPerson: { status: 'APPOINTED', person: { name: 'Demo Sagsbehandler C (syntetisk)' } },
      municipalityContactPersonHistory: [
        { type: 'APPOINTED', person: { name: 'Demo Sagsbehandler A (syntetisk)' } },
        { type: 'APPOINTED', person: { name: 'Demo Sagsbehandler B (syntetisk)' } },
        { type: 'ENDED', person: null },
        { type: 'APPOINTED', person: { name: 'Demo Sagsbehandler C (syntetisk)' } },
      ],
      // The municipality sees the practice's by the practice's consent (this family gave it).
      generalPracticeContactPerson: { status: 'NONE_AGREED' },
      generalPracticeContactPersonHistory: [{ type: 'NONE_AGREED' }],
    });
    // Without consent, another sector is refused; an analyst never sees it; the owner's own reads and changes are logged.
    const noConsent = await t.queryAs('gp-107510', 'query($cpr: String!) { childByCpr(cpr: $cpr) { municipalityContactPerson { status } } }', { cpr: withoutConsent.cpr });
    expect(codeOf(noConsent)).toBe('CONSENT_REQUIRED');
    const gpNoConsent = await t.queryAs('caseworker-751', 'query($cpr: String!) { childByCpr(cpr: $cpr) { generalPracticeContactPersonHistory { type } } }', { cpr: withoutConsent.cpr });
    expect(codeOf(gpNoConsent)).toBe('CONSENT_REQUIRED');
    expect(codeOf(await t.queryAs('analyst-region', 'query($id: ID!) { child(id: $id) { municipalityContactPerson { status } } }', { id: child }))).toBe('FORBIDDEN');
    const municipalityLog = await log('municipalityAccessLog', child);
    expect(municipalityLog.filter((e) => e.action === 'CHANGE' && e.parts.includes('contactPersons') && e.actorSector === 'MUNICIPALITY')).toHaveLength(4);
    expect(municipalityLog.some((e) => e.action === 'READ' && e.parts.includes('contactPersons') && e.actorSector === 'MUNICIPALITY')).toBe(true);
    expect((await log('generalPracticeAccessLog', child)).some((e) => e.action === 'READ' && e.parts.includes('contactPersons') && e.actorSector === 'MUNICIPALITY')).toBe(true);

    // The pathway's facts: the contact person of each sector, one statement per sector for the request.
    const FACTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child {
      municipalityFacts { withheld { reason } coordinatingContactPerson { status at name role phone } } } } }`;
    const GP_FACTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child {
      generalPracticeFacts { withheld { reason } coordinatingContactPerson { status at name role phone } } } } }`;
    const r = [child, idOf(withoutConsent)].map((id) => ({ __typename: 'Child', id }));
    const facts = await postGraphQL<{ _entities: { municipalityFacts: Record<string, unknown> }[] }>(t.system.subgraphs.municipality.url, FACTS, { r }, await as('caseworker-751'));
    expect(facts.errors).toBeUndefined();
    expect(facts.data!._entities.map((e) => e.municipalityFacts)).toEqual([
      { withheld: null, coordinatingContactPerson: { status: 'APPOINTED', at: expect.any(String), name: 'Demo Sagsbehandler C (syntetisk)', role: 'Sagsbehandler', phone: '+45 70 00 00 00' } },
      { withheld: null, coordinatingContactPerson: { status: 'NOT_CONSIDERED', at: null, name: null, role: null, phone: null } },
    ]);
    const gpFacts = await postGraphQL<{ _entities: { generalPracticeFacts: Record<string, unknown> }[] }>(t.system.subgraphs['general-practice'].url, GP_FACTS, { r }, await as('caseworker-751'));
    expect(gpFacts.errors).toBeUndefined();
    expect(gpFacts.data!._entities.map((e) => e.generalPracticeFacts)).toEqual([
      { withheld: null, coordinatingContactPerson: { status: 'NONE_AGREED', at: expect.any(String), name: null, role: null, phone: null } },
      { withheld: { reason: 'NO_CONSENT' }, coordinatingContactPerson: null },
    ]);
  }, LONG);

  it('network meetings: the municipality records one with actions owned by organisations, which complete their own; the minutes reach the action owners only', async () => {
    const { ok } = s;
    const child = idOf(withoutConsent);
    const RECORD = 'mutation($input: RecordNetworkMeetingInput!) { recordMunicipalityNetworkMeeting(input: $input) { id calledBy { sector organisation } heldOn participants { sector role } actions { index owner { sector organisation } completedAt overdue } } }';
    const input = {
      childId: child,
      heldOn: '2026-11-20',
      participants: [
        { sector: 'MUNICIPALITY', role: 'Sagsbehandler' },
        { sector: 'GENERAL_PRACTICE', role: 'Praktiserende læge' },
        { sector: 'BUA', role: 'Overlæge' },
        { sector: 'FAMILY', role: 'Mor' },
      ],
      summary: 'Fælles plan for skolestøtte og opfølgning hos egen læge. (syntetisk)',
      actions: [
        { description: 'Skolen og PPR aftaler støtte i klassen', owner: { sector: 'MUNICIPALITY', organisation: '751' }, dueOn: '2027-01-15' },
        { description: 'Lægen ser barnet til opfølgning', owner: { sector: 'GENERAL_PRACTICE', organisation: '107510' }, dueOn: '2027-01-20' },
      ],
    };
    const before = await rows('municipality', municipalityMeetings);
    expect(codeOf(await t.queryAs('gp-107510', RECORD, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await t.queryAs('caseworker-657', RECORD, { input }))).toBe('FORBIDDEN');
    const one = await t.queryAs('caseworker-751', RECORD, { input: { ...input, participants: input.participants.slice(0, 1) } });
    expect(one.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participants' });
    const future = await t.queryAs('caseworker-751', RECORD, { input: { ...input, heldOn: '2099-01-01' } });
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'heldOn' });
    expect(await rows('municipality', municipalityMeetings)).toBe(before);

    const meeting = ok(await t.queryAs<{ recordMunicipalityNetworkMeeting: { id: string } }>('caseworker-751', RECORD, { input })).recordMunicipalityNetworkMeeting;
    expect(meeting).toMatchObject({ calledBy: { sector: 'MUNICIPALITY', organisation: '751' }, heldOn: '2026-11-20', participants: input.participants, actions: [{ index: 0, overdue: false }, { index: 1, completedAt: null }] });

    // The family gave no consent: the GP still sees the meeting that agreed its action (the minutes are addressed to it).
    const MEETINGS = 'query($id: ID!) { child(id: $id) { municipalityNetworkMeetings { id summary actions { index completedAt } } } }';
    const atGp = ok(await t.queryAs<{ child: { municipalityNetworkMeetings: { id: string }[] } }>('gp-107510', MEETINGS, { id: child })).child.municipalityNetworkMeetings;
    expect(atGp.map((m) => m.id)).toEqual([meeting.id]);
    expect(codeOf(await t.queryAs('gp-106570', MEETINGS, { id: child }))).toBe('CONSENT_REQUIRED');

    const COMPLETE = 'mutation($id: ID!, $i: Int!) { completeMunicipalityNetworkMeetingAction(meetingId: $id, actionIndex: $i) { actions { index completedAt } } }';
    expect(codeOf(await t.queryAs('gp-107510', COMPLETE, { id: meeting.id, i: 0 }))).toBe('FORBIDDEN'); // not its action
    expect(codeOf(await t.queryAs('gp-106570', COMPLETE, { id: meeting.id, i: 1 }))).toBe('FORBIDDEN');
    const done = ok(await t.queryAs<{ completeMunicipalityNetworkMeetingAction: { actions: { completedAt: string | null }[] } }>('gp-107510', COMPLETE, { id: meeting.id, i: 1 }));
    expect(done.completeMunicipalityNetworkMeetingAction.actions.map((a) => a.completedAt !== null)).toEqual([false, true]);
    const twice = await t.queryAs('caseworker-751', COMPLETE, { id: meeting.id, i: 1 });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_COMPLETED' });
    ok(await t.queryAs('caseworker-751', COMPLETE, { id: meeting.id, i: 0 }));
    const seen = ok(await t.queryAs<{ child: { municipalityNetworkMeetings: { actions: { completedAt: string | null }[] }[] } }>('caseworker-751', MEETINGS, { id: child }));
    expect(seen.child.municipalityNetworkMeetings[0]!.actions.every((a) => a.completedAt !== null)).toBe(true);
    expect((await log('municipalityAccessLog', child)).filter((e) => e.action === 'CHANGE' && e.parts.includes('networkMeetings'))).toHaveLength(3);
  }, LONG);

  it("network meetings in general practice: the child's practice records one with the family taking part, owners complete their own actions, and the pathway shows the overdue one", async () => {
    const { ok } = s;
    const child = idOf(withoutConsent);
    const FIELDS = 'id calledBy { sector organisation } heldOn participants { sector role } summary actions { index description owner { sector organisation } dueOn completedAt overdue }';
    const RECORD = `mutation($input: RecordNetworkMeetingInput!) { recordGeneralPracticeNetworkMeeting(input: $input) { ${FIELDS} } }`;
    const input = {
      childId: child,
      heldOn: '2026-11-02',
      participants: [
        { sector: 'GENERAL_PRACTICE', role: 'Praktiserende læge' },
        { sector: 'MUNICIPALITY', role: 'Sagsbehandler' },
        { sector: 'FAMILY', role: 'Far' },
      ],
      summary: 'Opfølgning på søvn og trivsel; kommunen tilbyder forældrekursus. (syntetisk)',
      actions: [
        { description: 'Lægen følger op på søvnen', owner: { sector: 'GENERAL_PRACTICE', organisation: '107510' }, dueOn: '2026-11-20' },
        { description: 'Kommunen sender tilbud om forældrekursus', owner: { sector: 'MUNICIPALITY', organisation: '751' }, dueOn: '2027-02-01' },
      ],
    };
    const before = await rows('general-practice', gpMeetings);
    // Only the child's own practice records here; the rules are the shared ones, refused before anything is stored.
    expect(codeOf(await t.queryAs('caseworker-751', RECORD, { input }))).toBe('FORBIDDEN');
    expect(codeOf(await t.queryAs('gp-106570', RECORD, { input }))).toBe('FORBIDDEN');
    const one = await t.queryAs('gp-107510', RECORD, { input: { ...input, participants: input.participants.slice(0, 1) } });
    expect(one.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'participants' });
    const early = await t.queryAs('gp-107510', RECORD, { input: { ...input, actions: [{ ...input.actions[0]!, dueOn: '2026-11-01' }] } });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actions[0].dueOn' });
    expect(await rows('general-practice', gpMeetings)).toBe(before);

    const meeting = ok(await t.queryAs<{ recordGeneralPracticeNetworkMeeting: { id: string } }>('gp-107510', RECORD, { input })).recordGeneralPracticeNetworkMeeting;
    expect(meeting).toMatchObject({
      calledBy: { sector: 'GENERAL_PRACTICE', organisation: '107510' },
      participants: input.participants,
      actions: [
        { index: 0, owner: { sector: 'GENERAL_PRACTICE', organisation: '107510' }, overdue: true, completedAt: null },
        { index: 1, owner: { sector: 'MUNICIPALITY', organisation: '751' }, overdue: false },
      ],
    });
    expect(await rows('general-practice', gpMeetings)).toBe(before + 1);

    // No consent from the family: the municipality sees the meeting because it owns one of its actions; another does not.
    const MEETINGS = 'query($id: ID!) { child(id: $id) { generalPracticeNetworkMeetings { id summary actions { index completedAt } } } }';
    const atMunicipality = ok(await t.queryAs<{ child: { generalPracticeNetworkMeetings: { id: string }[] } }>('caseworker-751', MEETINGS, { id: child }));
    expect(atMunicipality.child.generalPracticeNetworkMeetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(codeOf(await t.queryAs('caseworker-657', MEETINGS, { id: child }))).toBe('CONSENT_REQUIRED');

    // The pathway view picks up the practice's overdue action, held by general practice and owned by it.
    const PATHWAY = 'query($id: ID!) { child(id: $id) { pathway { openActions { kind subjectId heldBy ownerSector ownerOrganisation dueOn overdue } } } }';
    const openOf = async () =>
      ok(await t.queryAs<{ child: { pathway: { openActions: { subjectId: string }[] } } }>('gp-107510', PATHWAY, { id: child })).child.pathway.openActions.filter(
        (a) => a.subjectId === meeting.id,
      );
    expect(await openOf()).toEqual([
      { kind: 'NETWORK_MEETING_ACTION_OVERDUE', subjectId: meeting.id, heldBy: 'GENERAL_PRACTICE', ownerSector: 'GENERAL_PRACTICE', ownerOrganisation: '107510', dueOn: '2026-11-20', overdue: true },
    ]);

    const COMPLETE = 'mutation($id: ID!, $i: Int!) { completeGeneralPracticeNetworkMeetingAction(meetingId: $id, actionIndex: $i) { actions { index completedAt } } }';
    expect(codeOf(await t.queryAs('caseworker-751', COMPLETE, { id: meeting.id, i: 0 }))).toBe('FORBIDDEN'); // the practice's action
    expect(codeOf(await t.queryAs('caseworker-657', COMPLETE, { id: meeting.id, i: 1 }))).toBe('FORBIDDEN');
    const done = ok(await t.queryAs<{ completeGeneralPracticeNetworkMeetingAction: { actions: { completedAt: string | null }[] } }>('caseworker-751', COMPLETE, { id: meeting.id, i: 1 }));
    expect(done.completeGeneralPracticeNetworkMeetingAction.actions.map((a) => a.completedAt !== null)).toEqual([false, true]);
    ok(await t.queryAs('gp-107510', COMPLETE, { id: meeting.id, i: 0 }));
    const twice = await t.queryAs('gp-107510', COMPLETE, { id: meeting.id, i: 0 });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_COMPLETED' });
    expect(await openOf()).toEqual([]);
    expect((await log('generalPracticeAccessLog', child)).filter((e) => e.action === 'CHANGE' && e.parts.includes('networkMeetings'))).toHaveLength(3);
    expect((await log('generalPracticeAccessLog', child)).some((e) => e.action === 'READ' && e.parts.includes('networkMeetings') && e.actorSector === 'MUNICIPALITY')).toBe(true);
  }, LONG);

  it('municipal interventions: recorded in the municipality, sent to BUA only while BUA holds an active referral and a consent allows it, followed up there too', async () => {
    const { asMunicipality, asGp, asBuaClinician, ok, until } = s;
    const child = idOf(childB!);
    const RECORD = `mutation($input: MunicipalInterventionInput!) { recordMunicipalIntervention(input: $input) {
      intervention { id child { id } municipalityCode kind pathwayStep startedOn endedOn responsible effect sentToBuaAt } sentToBua notSentReason notSentExplanation } }`;
    const FOLLOW_UP = `mutation($id: ID!, $input: MunicipalInterventionFollowUpInput!) { followUpMunicipalIntervention(id: $id, input: $input) {
      intervention { id endedOn effect sentToBuaAt } sentToBua notSentReason } }`;
    type Result = { intervention: { id: string; sentToBuaAt: string | null }; sentToBua: boolean; notSentReason: string | null; notSentExplanation: string | null };
    const intervention = (overrides: Record<string, unknown> = {}) => ({
      childId: child,
      kind: 'PSYCHOLOGICAL',
      pathwayStep: 'TRIN_1',
      description: 'Samtaleforløb hos PPR (syntetisk)',
      startedOn: '2026-09-01',
      responsible: 'PPR-psykolog, Aarhus Kommune',
      ...overrides,
    });
    const footprint = async () => ({ interventions: await rows('municipality', municipalInterventions), outbox: await rows('municipality', municipalityOutbox) });

    // Refused, storing and sending nothing: Trin 3, dates in the wrong order, another sector, another municipality.
    const before = await footprint();
    const trin3 = await t.queryAs('caseworker-751', RECORD, { input: intervention({ pathwayStep: 'TRIN_3' }) });
    expect(codeOf(trin3)).toBe('BAD_USER_INPUT'); // not even an InterventionStep value
    const backwards = await t.queryAs('caseworker-751', RECORD, { input: intervention({ endedOn: '2026-08-01' }) });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'intervention.endedOn' });
    expect(codeOf(await t.queryAs('gp-107510', RECORD, { input: intervention() }))).toBe('FORBIDDEN');
    expect(codeOf(await t.queryAs('caseworker-657', RECORD, { input: intervention() }))).toBe('FORBIDDEN');
    expect(await footprint()).toEqual(before);

    // No referral at BUA yet: kept in the municipality, nothing sent.
    const first = ok(await t.queryAs<{ recordMunicipalIntervention: Result }>('caseworker-751', RECORD, { input: intervention() })).recordMunicipalIntervention;
    expect(first).toMatchObject({ sentToBua: false, notSentReason: 'NO_ACTIVE_BUA_REFERRAL', intervention: { child: { id: child }, municipalityCode: 751, pathwayStep: 'TRIN_1', sentToBuaAt: null } });
    expect(await footprint()).toEqual({ ...before, interventions: before.interventions + 1 });

    // The municipality refers after Trin 2; from then on BUA is kept informed.
    const referral = ok(await asMunicipality().refer(municipalReferral(child, '107510'))).referChildToBuaFromMunicipality;
    await asBuaClinician().awaitReferral(referral.id);
    const second = ok(await t.queryAs<{ recordMunicipalIntervention: Result }>('caseworker-751', RECORD, { input: intervention({ kind: 'PEDAGOGICAL', pathwayStep: 'TRIN_2', description: 'Støtte i klassen (syntetisk)', startedOn: '2026-11-01' }) })).recordMunicipalIntervention;
    expect(second).toMatchObject({ sentToBua: true, notSentReason: null, intervention: { sentToBuaAt: expect.any(String) } });
    // The follow-up of the first (its end and effect) goes to BUA now too.
    const followed = ok(await t.queryAs<{ followUpMunicipalIntervention: Result & { intervention: { effect: string } } }>('caseworker-751', FOLLOW_UP, { id: first.intervention.id, input: { endedOn: '2026-10-31', effect: 'NOT_AS_EXPECTED' } }));
    expect(followed.followUpMunicipalIntervention).toMatchObject({ sentToBua: true, intervention: { endedOn: '2026-10-31', effect: 'NOT_AS_EXPECTED' } });
    const atBua = await until(
      'both interventions reaching BUA',
      () => t.system.databases.bua.db.select().from(buaInterventions).where(eq(buaInterventions.childId, child)),
      (list) => list.length === 2,
    );
    expect(atBua.map((i) => [i.id, i.step, i.effect]).sort()).toEqual(
      [
        [first.intervention.id, 'TRIN_1', 'NOT_AS_EXPECTED'],
        [second.intervention.id, 'TRIN_2', null],
      ].sort(),
    );
    // Trin 4 follow-up of the second: the same id again updates BUA's copy.
    ok(await t.queryAs('caseworker-751', FOLLOW_UP, { id: second.intervention.id, input: { effect: 'AS_EXPECTED' } }));
    await until(
      "BUA's copy updated",
      () => t.system.databases.bua.db.select().from(buaInterventions).where(eq(buaInterventions.id, second.intervention.id)),
      (list) => list[0]?.effect === 'AS_EXPECTED',
    );
    // Trin 4: the municipality's follow-up after psychiatry, told to BUA as well while the referral is active.
    const trin4 = ok(
      await t.queryAs<{ recordMunicipalIntervention: Result }>('caseworker-751', RECORD, {
        input: intervention({ kind: 'SOCIAL', pathwayStep: 'TRIN_4', description: 'Mentorordning i hverdagen efter udredningen (syntetisk)', startedOn: '2026-12-01' }),
      }),
    ).recordMunicipalIntervention;
    expect(trin4).toMatchObject({ sentToBua: true });
    await until('the Trin 4 intervention reaching BUA', () => rows('bua', buaInterventions), (n) => n === 3);
    // BUA's clinicians see what they were told; the municipality sees BUA's record by BUA's consent (this family gave it).
    const TOLD = 'query($id: ID!) { child(id: $id) { buaMunicipalInterventions { id municipalityCode kind pathwayStep endedOn effect receivedAt } } }';
    const told = ok(await t.queryAs<{ child: { buaMunicipalInterventions: { id: string }[] } }>('bua-clinician', TOLD, { id: child })).child.buaMunicipalInterventions;
    expect(told).toEqual([
      expect.objectContaining({ id: first.intervention.id, municipalityCode: 751, kind: 'PSYCHOLOGICAL', pathwayStep: 'TRIN_1', endedOn: '2026-10-31', effect: 'NOT_AS_EXPECTED' }),
      expect.objectContaining({ id: second.intervention.id, kind: 'PEDAGOGICAL', pathwayStep: 'TRIN_2', effect: 'AS_EXPECTED' }),
      expect.objectContaining({ id: trin4.intervention.id, kind: 'SOCIAL', pathwayStep: 'TRIN_4', effect: null }),
    ]);
    expect(codeOf(await t.queryAs('analyst-region', TOLD, { id: child }))).toBe('FORBIDDEN');
    // BUA holds no consent for this child (it is not a demo patient): the municipality is refused until BUA records one.
    expect(codeOf(await t.queryAs('caseworker-751', TOLD, { id: child }))).toBe('CONSENT_REQUIRED');
    const today = todayInDenmark();
    ok(
      await t.queryAs('bua-clinician', 'mutation($input: RecordConsentInput!) { recordBuaConsent(input: $input) { id } }', {
        input: { childId: child, givenBy: requiredConsentingParty(childB!.birthDate, today), givenOn: today, recipientSector: 'MUNICIPALITY', purposes: ['CARE_COORDINATION'], validFrom: today },
      }),
    );
    expect(ok(await t.queryAs<{ child: { buaMunicipalInterventions: unknown[] } }>('caseworker-751', TOLD, { id: child })).child.buaMunicipalInterventions).toHaveLength(3);
    const badFollowUp = await t.queryAs('caseworker-657', FOLLOW_UP, { id: second.intervention.id, input: { effect: 'NOT_AS_EXPECTED' } });
    expect(codeOf(badFollowUp)).toBe('NOT_FOUND');

    // A family without consent: BUA holds the GP's referral, yet the municipality may not tell it.
    const noConsent = idOf(withoutConsent);
    const gpSent = ok(await asGp().refer(gpReferral(withoutConsent.cpr))).referChildToBua;
    await asMunicipality().awaitStatus(gpSent.id, 'RECEIVED');
    const outboxBefore = await rows('municipality', municipalityOutbox);
    const withheld = ok(await t.queryAs<{ recordMunicipalIntervention: Result }>('caseworker-751', RECORD, { input: intervention({ childId: noConsent, kind: 'SOCIAL' }) })).recordMunicipalIntervention;
    expect(withheld).toMatchObject({ sentToBua: false, notSentReason: 'NO_CONSENT', notSentExplanation: expect.stringContaining('record one') });
    expect(await rows('municipality', municipalityOutbox)).toBe(outboxBefore);

    // Reading them: the municipality; another sector by the municipality's consent only; never an analyst.
    const LIST = 'query($id: ID!) { child(id: $id) { municipalInterventions { id kind pathwayStep effect } } }';
    const own = ok(await t.queryAs<{ child: { municipalInterventions: { id: string }[] } }>('caseworker-751', LIST, { id: child })).child.municipalInterventions;
    expect(own.map((i) => i.id)).toEqual([first.intervention.id, second.intervention.id, trin4.intervention.id]);
    expect((await t.queryAs('gp-107510', LIST, { id: child })).errors).toBeUndefined();
    expect(codeOf(await t.queryAs('gp-107510', LIST, { id: noConsent }))).toBe('CONSENT_REQUIRED');
    expect(codeOf(await t.queryAs('analyst-region', LIST, { id: child }))).toBe('FORBIDDEN');
    const changes = (await log('municipalityAccessLog', child)).filter((e) => e.action === 'CHANGE' && e.parts.includes('municipalInterventions'));
    expect(changes).toHaveLength(5);
  }, LONG);

  it("the municipality's transition plan at 18: recorded for a young person turning 18, sent to BUA under its active referral, visible to other sectors by consent", async () => {
    const { asMunicipality, asBuaClinician, ok, until } = s;
    const young = idOf(turning18);
    const referral = ok(
      await asMunicipality().refer(municipalReferral(young, '107510', { consents: [{ givenBy: 'YOUNG_PERSON', givenOn: '2026-11-01' }] })),
    ).referChildToBuaFromMunicipality;
    await asBuaClinician().awaitReferral(referral.id);
    const plan = {
      childId: young,
      responsible: { sector: 'MUNICIPALITY', name: 'Demo Sagsbehandler (syntetisk)', role: 'Sagsbehandler' },
      plannedOn: '2026-12-20',
      receivingService: 'Voksenområdet, Aarhus Kommune',
      individualAssessment: 'Fortsat behov for bostøtte og mentor i overgangen til uddannelse. (syntetisk)',
      youngPersonConsent: { decision: 'GIVEN', decidedOn: '2026-11-25', scope: 'Overdragelse til voksenområdet' },
    };
    const RECORD = 'mutation($input: TransitionPlanInput!) { recordMunicipalityTransitionPlan(input: $input) { id madeBy plannedOn responsible { sector } youngPersonConsent { decision } } }';
    const before = { municipality: await rows('municipality', municipalityPlans), bua: await rows('bua', buaPlans) };
    const late = await t.queryAs('caseworker-751', RECORD, { input: { ...plan, plannedOn: '2027-06-01' } });
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plannedOn' });
    expect(codeOf(await t.queryAs('gp-107510', RECORD, { input: plan }))).toBe('FORBIDDEN');
    expect(codeOf(await t.queryAs('caseworker-657', RECORD, { input: plan }))).toBe('FORBIDDEN');
    expect({ municipality: await rows('municipality', municipalityPlans), bua: await rows('bua', buaPlans) }).toEqual(before);

    const recorded = ok(await t.queryAs<{ recordMunicipalityTransitionPlan: { id: string } }>('caseworker-751', RECORD, { input: plan })).recordMunicipalityTransitionPlan;
    expect(recorded).toMatchObject({ madeBy: 'MUNICIPALITY', responsible: { sector: 'MUNICIPALITY' }, youngPersonConsent: { decision: 'GIVEN' } });
    await until('the plan reaching BUA', () => t.system.databases.bua.db.select().from(buaPlans).where(eq(buaPlans.id, recorded.id)), (list) => list.length === 1);
    const PLAN = 'query($cpr: String!) { childByCpr(cpr: $cpr) { municipalityTransitionPlan { id madeBy receivingService } buaTransitionPlan { id madeBy } } }';
    // BUA holds the municipality's plan as its own view of the child's transition; the GP sees the municipality's by consent.
    expect(ok(await t.queryAs('bua-clinician', PLAN, { cpr: turning18.cpr }))).toMatchObject({
      childByCpr: { municipalityTransitionPlan: { id: recorded.id }, buaTransitionPlan: { id: recorded.id, madeBy: 'MUNICIPALITY' } },
    });
    expect(ok(await t.queryAs('gp-107510', 'query($cpr: String!) { childByCpr(cpr: $cpr) { municipalityTransitionPlan { receivingService } } }', { cpr: turning18.cpr }))).toMatchObject({
      childByCpr: { municipalityTransitionPlan: { receivingService: plan.receivingService } },
    });
    expect(codeOf(await t.queryAs('analyst-region', 'query($id: ID!) { child(id: $id) { municipalityTransitionPlan { id } } }', { id: young }))).toBe('FORBIDDEN');
    const planLog = await log('municipalityAccessLog', young);
    expect(planLog.filter((e) => e.action === 'CHANGE' && e.parts.includes('transitionPlan') && e.actorSector === 'MUNICIPALITY')).toHaveLength(1);
    expect(planLog.some((e) => e.action === 'READ' && e.parts.includes('transitionPlan') && e.actorSector === 'GENERAL_PRACTICE')).toBe(true);
  }, LONG);

  it("BUA shows a referral to the parties its consent names while that consent holds: the child's municipality and practice, not another; a custody holder's consent lapses at 18", async () => {
    const { asGp, asBuaClinician, ok } = s;
    // This family recorded no consent in any sector; the referral carries the custody holder's consent to refer and share.
    const sent = ok(await asGp().refer(gpReferral(withoutConsent.cpr))).referChildToBua;
    await asBuaClinician().awaitReferral(sent.id);
    const REFERRAL = 'query($id: ID!) { buaReferral(id: $id) { id status reason } }';
    expect(ok(await t.queryAs('caseworker-751', REFERRAL, { id: sent.id }))).toMatchObject({ buaReferral: { id: sent.id } });
    expect(ok(await t.queryAs('gp-107510', REFERRAL, { id: sent.id }))).toMatchObject({ buaReferral: { id: sent.id } });
    for (const user of ['caseworker-657', 'gp-106570']) {
      const refused = await t.queryAs(user, REFERRAL, { id: sent.id });
      expect(codeOf(refused), user).toBe('CONSENT_REQUIRED');
      expect(refused.data, user).toBeNull();
    }
    // Through the child: the parties see this referral; another municipality is refused as before.
    const CHILD = 'query($id: ID!) { child(id: $id) { buaReferrals { id } } }';
    const viaChild = ok(await t.queryAs<{ child: { buaReferrals: { id: string }[] } }>('caseworker-751', CHILD, { id: idOf(withoutConsent) })).child.buaReferrals;
    expect(viaChild.map((r) => r.id)).toContain(sent.id);
    expect(codeOf(await t.queryAs('caseworker-657', CHILD, { id: idOf(withoutConsent) }))).toBe('CONSENT_REQUIRED');
    expect((await log('buaAccessLog', idOf(withoutConsent))).some((e) => e.action === 'READ' && e.actorSector === 'MUNICIPALITY' && e.parts.includes('buaReferrals'))).toBe(true);

    // A referral made while the young person was 17, with only a custody holder's consent: from 18 it no longer counts.
    const adultId = childPseudonym('0112084000', TEST_PSEUDONYM_SECRET);
    const [adult] = await t.system.databases.bua.db
      .insert(buaReferrals)
      .values({
        id: randomUUID(),
        messageId: `adult-${randomUUID()}`,
        childId: adultId,
        cpr: '0112084000',
        birthDate: '2008-12-01',
        referrerSector: 'GENERAL_PRACTICE',
        referrerOrganisation: '107510',
        municipalityCode: 751,
        ydernummer: '107510',
        requesterName: 'Test Læge (syntetisk)',
        requesterRole: 'GP',
        reason: 'Henvist som 17-årig (syntetisk)',
        stepReached: 'NONE',
        acute: false,
        interventionsTried: [],
        screeningResultIds: [],
        consents: [{ givenBy: 'CUSTODY_HOLDER', givenOn: '2026-01-10' }],
        sentAt: '2026-01-10T09:00:00Z',
        receivedAt: '2026-01-10T09:00:05Z',
        status: 'RECEIVED',
        history: [
          { status: 'SENT', at: '2026-01-10T09:00:00Z' },
          { status: 'RECEIVED', at: '2026-01-10T09:00:05Z' },
        ],
        communicated: {},
        bundle: {},
      })
      .returning();
    const lapsed = await t.queryAs('caseworker-751', REFERRAL, { id: adult!.id });
    expect(codeOf(lapsed)).toBe('CONSENT_REQUIRED');
    expect(lapsed.data).toBeNull();
    expect(ok(await t.queryAs('bua-clinician', REFERRAL, { id: adult!.id }))).toMatchObject({ buaReferral: { id: adult!.id } });
  }, LONG);
});
