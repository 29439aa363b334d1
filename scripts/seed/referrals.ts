import { assertSendable, requiredConsentingParty, type OutgoingMessage } from '@pathway-graph/shared';
import {
  BUA_ORGANISATION,
  BUA_SOR_CODE,
  initialReferralState,
  nextReferralStatus,
  validateReferral,
  type ReferralInput,
  type ReferralState,
} from '@pathway-graph/shared/domain/referral/index';
import { buildReferralBundle, parseReferralBundle, parseReferralStatusBundle } from '@pathway-graph/shared/fhir/referral/index';
import type { SectorSubgraphName } from '@pathway-graph/shared/registry';
import type { PgTable } from 'drizzle-orm/pg-core';
import * as bua from '@pathway-graph/bua/db/schema';
import type { StoredAssessmentOutcome } from '@pathway-graph/bua/db/schema';
import { statusMessage } from '../../subgraphs/bua/src/referrals/messaging.ts';
import * as gp from '@pathway-graph/general-practice/db/schema';
import * as municipality from '@pathway-graph/municipality/db/schema';
// BUA's own rules for the visitation decision, the outcome and whom it may tell: the seeded course passes them.
import { statusDisclosure, validateAssessmentOutcome, validateParentCommunication, validateVisitation } from '../../subgraphs/bua/src/referrals/rules/index.ts';
import { actorFor, addDays, batches, DAY_MS, dayOf, duringOfficeHours, endOf, iso, msOf, type Actor, type Batches } from './common.ts';
import type { SeedChild, SeedGenerator, SeedPopulation, SeedPractice } from './generate.ts';
import type { Random } from './random.ts';
import { uuid4, uuid7At } from './uuid.ts';

/**
 * Assumptions (docs/ gives no volumes; these are plausible for the region, not measured): every child registered at
 * BUA within the two years of history came there by one referral, received the day BUA registered the child (about
 * 1.5 % of the children over two years: 30 at small scale, some 2,200 a year at region scale), from the child's municipality
 * when it had a case open for a while (Trin 2 without the expected effect) and otherwise from the child's GP; 5 %
 * acute. Visitation within 1-8 days (acute the same or next day), 75 % to assessment; the assessment starts 2-10
 * weeks later (acute within 3 days) and concludes after 3-16 weeks, 80 % with a diagnosis; the parents are told
 * within a week, and the referral closes 1-3 weeks after everyone has been told. Referrals still under way on the
 * reference day stay at the status they reached.
 */
export const REFERRAL_MIX = {
  /** The share of referrals that are acute. */
  acute: 0.05,
  /** A child with a case open at least this long before the referral is referred by the municipality, this often. */
  municipalityWhenCase: 0.8,
  caseOpenDaysBefore: 60,
  assessment: 0.75,
  diagnosed: 0.8,
  treatmentStarted: 0.6,
  /** Youngest age at referral, in years: BUA's younger patients come by other paths (paediatrics). */
  minAge: 2,
} as const;

const REASONS = [
  'Syntetisk henvisning: vedvarende angst og undgåelsesadfærd gennem et halvt år, trods forløb i kommunen. Ønsker udredning.',
  'Syntetisk henvisning: opmærksomhedsvanskeligheder og uro i skole og hjem; mistanke om ADHD. Ønsker udredning.',
  'Syntetisk henvisning: nedtrykthed, søvnproblemer og tilbagetrækning fra venner i flere måneder. Ønsker vurdering.',
  'Syntetisk henvisning: vanskeligheder med socialt samspil og rigide rutiner; mistanke om autismespektrumforstyrrelse.',
  'Syntetisk henvisning: restriktivt spisemønster og vægttab over tre måneder. Ønsker vurdering.',
] as const;
const DIAGNOSES = [['DF900'], ['DF840'], ['DF321'], ['DF411'], ['DF900', 'DF411'], ['DF500'], ['DF432']] as const;
const NO_ASSESSMENT_REASONS = [
  'Syntetisk: vanskelighederne vurderes bedst afhjulpet ved fortsat kommunal indsats; ingen mistanke om psykiatrisk lidelse.',
  'Syntetisk: trivselsproblemer uden tegn på psykiatrisk lidelse; anbefaler PPR og familiestøtte.',
] as const;

/** The children a referral brings to BUA: registered there within the history, and old enough at the time. */
export function referredChildren({ children, referenceDate }: Pick<SeedPopulation, 'children' | 'referenceDate'>): SeedChild[] {
  const first = addDays(referenceDate, -730);
  return children.filter((c) => c.buaSince !== null && c.buaSince >= first && addDays(c.birthDate, Math.ceil(REFERRAL_MIX.minAge * 365.25)) <= c.buaSince);
}

type Party = 'GENERAL_PRACTICE' | 'MUNICIPALITY';
const SUBGRAPH_OF: Record<Party, 'general-practice' | 'municipality'> = { GENERAL_PRACTICE: 'general-practice', MUNICIPALITY: 'municipality' };
const REFERRALS_OF = { 'general-practice': gp.referralsToBua, municipality: municipality.referralsToBua } as const;
const RECEIVED_OF = { 'general-practice': gp.receivedMessages, municipality: municipality.receivedMessages } as const;
const OUTBOX_OF = { 'general-practice': gp.outbox, municipality: municipality.outbox } as const;
const LOG_OF = { 'general-practice': gp.accessLog, municipality: municipality.accessLog, bua: bua.accessLog } as const;

/**
 * Referrals to BUA (Trin 3) over the two years, each through the flow the running system goes through: the referring
 * sector's record and its outbox message (delivered), BUA's received referral (read from the bundle as BUA's endpoint
 * reads it) with its course replayed through the shared status machine, every status message BUA sent (in BUA's
 * outbox, delivered, and in each recipient's received messages), and the other sector's record of the referral that
 * BUA's messages created there. The bundles are built and parsed by the shared FHIR code, every payload is checked
 * against the message contract, and the access logs record each step.
 */
export const referralsGenerator: SeedGenerator = {
  name: 'referrals',
  estimate: (population) => referredChildren(population).length * 28,
  *generate(population, random) {
    const practices = new Map(population.practices.map((p) => [p.ydernummer, p]));
    const referred = referredChildren(population);
    const CHUNK = 500;
    for (let start = 0; start < referred.length; start += CHUNK) {
      const out = batches();
      for (const child of referred.slice(start, start + CHUNK)) addReferral(out, random, child, practices.get(child.practice)!, population.referenceDate);
      yield* out.all();
    }
  },
};

interface ReferrerRow extends Record<string, unknown> {
  status: string;
  history: { status: string; at: string }[];
  visitation: unknown;
  outcome: unknown;
}

function addReferral(out: Batches, random: Random, child: SeedChild, practice: SeedPractice, referenceDate: string): void {
  const latest = endOf(referenceDate);
  const sentOn = child.buaSince!;
  const acute = random.chance(REFERRAL_MIX.acute);
  const caseOpenLongEnough = child.openCaseSince !== null && child.openCaseSince <= addDays(sentOn, -REFERRAL_MIX.caseOpenDaysBefore);
  const referrerSector: Party = caseOpenLongEnough && random.chance(REFERRAL_MIX.municipalityWhenCase) ? 'MUNICIPALITY' : 'GENERAL_PRACTICE';
  const sentMs = duringOfficeHours(sentOn, random);
  const code = child.municipalityCode;
  const organisation = referrerSector === 'GENERAL_PRACTICE' ? practice.ydernummer : String(code);
  const referrer: Actor = referrerSector === 'GENERAL_PRACTICE' ? actorFor('GENERAL_PRACTICE', practice.ydernummer, random.int(1, 3)) : actorFor('MUNICIPALITY', String(code), random.int(1, 40));
  const clinician = () => actorFor('BUA', BUA_SOR_CODE, random.int(1, 25));

  // The consent: given shortly before, by whoever had to give it on the day of sending (a consent from before the
  // 15th birthday is not the young person's, so the referral rules would refuse it).
  const consentOn = addDays(sentOn, -random.int(0, 14));
  const givenOn = consentOn >= child.birthDate && requiredConsentingParty(child.birthDate, consentOn) === requiredConsentingParty(child.birthDate, sentOn) ? consentOn : sentOn;
  const caseDay = child.openCaseSince ?? addDays(sentOn, -120);
  // What the referrer sends, checked by the referral rules as of the day it is sent.
  const input: ReferralInput = {
    referrerSector,
    reason: random.pick(REASONS),
    stepReached: referrerSector === 'MUNICIPALITY' ? 'TRIN_2' : random.pick(['NONE', 'NONE', 'TRIN_1', 'TRIN_2'] as const),
    acute,
    interventionsTried:
      referrerSector === 'MUNICIPALITY'
        ? [
            { kind: 'PEDAGOGICAL', step: 'TRIN_1', description: 'Syntetisk: støtte i klassen og samtaler med PPR.', startedOn: caseDay, endedOn: addDays(caseDay, 30), responsible: 'PPR (syntetisk)', effect: 'NOT_AS_EXPECTED' },
            { kind: 'PSYCHOLOGICAL', step: 'TRIN_2', description: 'Syntetisk: samtaleforløb hos kommunal psykolog.', startedOn: addDays(caseDay, 31), endedOn: addDays(sentOn, -1), responsible: 'Kommunal psykolog (syntetisk)', effect: 'NOT_AS_EXPECTED' },
          ]
        : [],
    screeningResultIds: [],
    consents: [{ givenBy: requiredConsentingParty(child.birthDate, givenOn), givenOn }],
    emergencyPhoneContact: acute ? { at: iso(sentMs - random.int(30, 180) * 60_000), withWhom: 'Vagthavende læge, børne- og ungdomspsykiatrisk akutmodtagelse (syntetisk)' } : null,
    notificationFiled: acute && referrerSector === 'GENERAL_PRACTICE' ? { filedAt: iso(sentMs - random.int(5, 25) * 60_000), reference: null } : null,
  };
  const referral = validateReferral(input, { birthDate: child.birthDate, today: sentOn, now: new Date(sentMs) });
  const messageId = uuid4(random);
  const referralId = uuid7At(sentMs, random);
  const parties = { municipalityCode: code, ydernummer: practice.ydernummer };
  const bundle = buildReferralBundle({
    messageId,
    sentAt: iso(sentMs),
    referralId,
    patient: { cpr: child.cpr },
    sender: referrerSector === 'GENERAL_PRACTICE' ? { ydernummer: practice.ydernummer, name: practice.name } : { municipalityCode: code },
    receiver: BUA_ORGANISATION,
    requester: { name: referrer.actorName, role: referrerSector === 'GENERAL_PRACTICE' ? 'GP' : 'CASEWORKER' },
    referral,
  });
  const referrerSubgraph = SUBGRAPH_OF[referrerSector];
  const receivedMs = sentMs + random.int(5, 300) * 1000;
  const referralMessage: OutgoingMessage<'bua-referral'> = { kind: 'bua-referral', to: 'bua', messageId, childId: child.id, payload: { bundle, parties } };
  // Checked against the message contract as the outbox checks what it queues.
  const sendPayload = assertSendable(referrerSubgraph, referralMessage as OutgoingMessage);

  // The referrer's side: its record, its outbox message (delivered once BUA stored it), its access-log entry.
  const sides: Record<Party, ReferrerRow | null> = { GENERAL_PRACTICE: null, MUNICIPALITY: null };
  sides[referrerSector] = {
    id: referralId,
    role: 'REFERRER',
    organisation,
    messageId,
    childId: child.id,
    cpr: child.cpr,
    birthDate: child.birthDate,
    referrerSector,
    referrerOrganisation: organisation,
    municipalityCode: code,
    ydernummer: practice.ydernummer,
    referral,
    requester: { name: referrer.actorName, role: referrerSector === 'GENERAL_PRACTICE' ? 'GP' : 'CASEWORKER' },
    sentAt: iso(sentMs),
    createdBy: referrer.actorSubject,
    delivery: 'DELIVERED',
    deliveryNote: null,
    status: 'SENT',
    history: [{ status: 'SENT', at: iso(sentMs) }],
    visitation: null,
    outcome: null,
  };
  out.add(referrerSubgraph, OUTBOX_OF[referrerSubgraph], outboxRow(random, { messageId, childId: child.id, destination: 'bua', kind: 'bua-referral', payload: sendPayload, createdMs: sentMs, deliveredMs: receivedMs }));
  log(out, random, referrerSubgraph, sentMs, 'CHANGE', referrer, [referrerSector === 'GENERAL_PRACTICE' ? 'GP' : 'CASEWORKER'], referrerSector === 'GENERAL_PRACTICE' ? 'ReferChildToBua' : 'ReferFromMunicipality', ['referralsToBua'], child.id);

  // BUA: the referral as its endpoint reads it from the bundle, then its course.
  const m = parseReferralBundle(bundle, { referrerSector });
  out.add('bua', bua.receivedMessages, { messageId, kind: 'bua-referral', sender: referrerSubgraph, receivedAt: iso(receivedMs), payload: sendPayload, response: {} });
  const row = {
    id: m.referralId,
    messageId,
    childId: child.id,
    cpr: child.cpr,
    birthDate: child.birthDate,
    referrerSector,
    referrerOrganisation: organisation,
    municipalityCode: code,
    ydernummer: practice.ydernummer,
    requesterName: m.requester.name,
    requesterRole: m.requester.role,
    reason: m.referral.reason,
    stepReached: m.referral.stepReached,
    acute: m.referral.acute,
    interventionsTried: m.referral.interventionsTried,
    screeningResultIds: m.referral.screeningResultIds,
    consents: m.referral.consents,
    emergencyPhoneContact: m.referral.emergencyPhoneContact,
    notificationFiled: m.referral.notificationFiled,
    sentAt: m.sentAt,
    receivedAt: iso(receivedMs),
    status: 'SENT' as string,
    history: [] as ReferralState['history'][number][],
    communicated: {} as ReferralState['communicated'],
    visitationDecision: null as string | null,
    visitationReason: null as string | null,
    visitationDecidedBy: null as string | null,
    outcome: null as StoredAssessmentOutcome | null,
    parentCommunication: null as Record<string, unknown> | null,
    bundle,
  };
  let state = initialReferralState(iso(sentMs));

  /** BUA's status message to each party it may tell, delivered a few seconds later, and what delivery does there. */
  const announce = (atMs: number) => {
    const { tell } = statusDisclosure(row, [], { today: dayOf(atMs), now: new Date(atMs) });
    for (const to of tell) {
      const message = statusMessage(row, state, to, new Date(atMs), uuid7At(atMs, random));
      const { messageId: statusMessageId, to: destination } = message;
      const statusBundle = message.payload.bundle;
      const payload = assertSendable('bua', message as OutgoingMessage);
      const deliveredMs = Math.min(atMs + random.int(1, 20) * 1000, latest);
      out.add('bua', bua.outbox, outboxRow(random, { messageId: statusMessageId, childId: row.childId, destination, kind: 'bua-referral-status', payload, createdMs: atMs, deliveredMs }));
      out.add(destination, RECEIVED_OF[destination], { messageId: statusMessageId, kind: 'bua-referral-status', sender: 'bua', receivedAt: iso(deliveredMs), payload, response: {} });
      receiveStatus(sides, to, statusBundle, row);
      // The outcome (or the no-assessment decision) counts as communicated once delivered (referralDelivery).
      const carriesOutcome = state.status === 'ASSESSED' || (state.status === 'VISITED' && state.visitationDecision === 'NO_ASSESSMENT_NEEDED');
      if (carriesOutcome && state.communicated[to] === undefined) {
        state = nextReferralStatus(state, { type: 'OUTCOME_COMMUNICATED', at: iso(deliveredMs), to });
      }
    }
  };
  const step = (atMs: number, operation: string, apply: () => void, announced = true, actor = clinician()) => {
    apply();
    log(out, random, 'bua', atMs, 'READ', actor, ['BUA_CLINICIAN'], 'Referral', ['buaReferrals'], child.id);
    log(out, random, 'bua', atMs, 'CHANGE', actor, ['BUA_CLINICIAN'], operation, ['buaReferrals'], child.id);
    if (announced) announce(atMs);
    return actor;
  };

  // Each step happens only if its time has come by the reference day; the referral stays where it got to.
  state = nextReferralStatus(state, { type: 'RECEIVED', at: iso(receivedMs) });
  announce(receivedMs);
  let at = msOf(addDays(dayOf(receivedMs), acute ? random.int(0, 1) : random.int(1, 8))) + random.int(8 * 3600, 15 * 3600) * 1000;
  at = Math.max(at, receivedMs + 3600_000);
  if (at <= latest) {
    const assessment = acute || random.chance(REFERRAL_MIX.assessment);
    const decider = clinician();
    const v = validateVisitation(
      {
        decision: assessment ? 'ASSESSMENT' : 'NO_ASSESSMENT_NEEDED',
        reason: assessment ? null : random.pick(NO_ASSESSMENT_REASONS),
        decidedAt: iso(at),
        decidedBy: `${decider.actorName}, overlæge (syntetisk)`,
      },
      new Date(at),
    );
    step(at, 'DecideVisitation', () => {
      state = nextReferralStatus(state, { type: 'VISITATION_DECIDED', at: v.decidedAt, decision: v.decision });
      Object.assign(row, { visitationDecision: v.decision, visitationReason: v.reason, visitationDecidedBy: v.decidedBy });
    }, true, decider);
    if (assessment) {
      at += (acute ? random.int(0, 3) : random.int(14, 70)) * DAY_MS + random.int(0, 3600) * 1000;
      if (at <= latest) {
        step(at, 'StartAssessment', () => (state = nextReferralStatus(state, { type: 'ASSESSMENT_STARTED', at: iso(at) })));
        at += random.int(21, 112) * DAY_MS + random.int(0, 3600) * 1000;
        if (at <= latest) {
          const diagnosed = random.chance(REFERRAL_MIX.diagnosed);
          const o = validateAssessmentOutcome(
            {
              conclusion: diagnosed ? 'DIAGNOSED' : 'NO_DIAGNOSIS',
              diagnoses: diagnosed ? [...random.pick(DIAGNOSES)] : [],
              treatment: diagnosed && random.chance(REFERRAL_MIX.treatmentStarted) ? { description: 'Syntetisk: psykoedukation og behandlingsforløb i BUA.', startedOn: dayOf(at) } : null,
              childNeeds: 'Syntetisk: barnet har brug for struktur og forudsigelighed i skole og hjem.',
              results: 'Syntetisk: udredning gennemført med samtaler, observation og spørgeskemaer.',
              concludedAt: iso(at),
            },
            new Date(at),
          );
          const recorder = step(at, 'RecordAssessmentOutcome', () => {
            state = nextReferralStatus(state, { type: 'OUTCOME_RECORDED', at: o.concludedAt });
            row.outcome = { conclusion: o.conclusion, diagnoses: o.diagnoses.map((d) => d.sks), treatment: o.treatment, childNeeds: o.childNeeds, results: o.results, concludedAt: o.concludedAt, recordedBy: '' };
          }, false);
          row.outcome!.recordedBy = recorder.actorSubject;
          announce(at);
          at += random.int(0, 7) * DAY_MS + random.int(1, 6) * 3600_000;
          if (at <= latest) {
            const c = validateParentCommunication({ at: iso(at), how: random.pick(['IN_PERSON', 'IN_PERSON', 'VIDEO', 'PHONE'] as const), by: `${recorder.actorName}, psykolog (syntetisk)` }, new Date(at));
            step(at, 'RecordParentCommunication', () => {
              state = nextReferralStatus(state, { type: 'OUTCOME_COMMUNICATED', at: c.at, to: 'PARENTS' });
              row.parentCommunication = { ...c };
            }, false, recorder);
          }
        }
      }
    }
    // Closed once everyone the agreement names has been told.
    const concluded = state.status === 'ASSESSED' || (state.status === 'VISITED' && state.visitationDecision === 'NO_ASSESSMENT_NEEDED');
    const told = Object.values(state.communicated).map((t) => Date.parse(t!));
    const needed = state.visitationDecision === 'NO_ASSESSMENT_NEEDED' ? 2 : 3;
    if (concluded && told.length === needed) {
      at = Math.max(at, ...told) + random.int(7, 21) * DAY_MS;
      if (at <= latest) step(at, 'CloseReferral', () => (state = nextReferralStatus(state, { type: 'CLOSED', at: iso(at) })));
    }
  }

  row.status = state.status;
  row.history = [...state.history];
  row.communicated = { ...state.communicated };
  out.add('bua', bua.referrals, row);
  for (const party of ['GENERAL_PRACTICE', 'MUNICIPALITY'] as const) {
    const side = sides[party];
    if (side) out.add(SUBGRAPH_OF[party], REFERRALS_OF[SUBGRAPH_OF[party]], side);
  }
}

/**
 * A status message arrives at one of the two sectors (the shared referrer handler's rules): it creates the other
 * sector's record of the referral with its first message, and adds each new status (with the visitation decision or
 * the outcome it carries) to the referrer's record, which it also marks delivered.
 */
function receiveStatus(sides: Record<Party, ReferrerRow | null>, to: Party, statusBundle: Record<string, unknown>, row: { id: string; childId: string; cpr: string; birthDate: string; referrerSector: Party; referrerOrganisation: string; municipalityCode: number; ydernummer: string }): void {
  const m = parseReferralStatusBundle(statusBundle);
  const statusAt = new Date(m.statusAt).toISOString();
  const visitation = m.visitation === null ? null : { ...m.visitation, decidedAt: statusAt };
  const outcome = m.outcome === null ? null : { ...m.outcome, concludedAt: statusAt };
  const side = sides[to];
  if (!side) {
    sides[to] = {
      id: m.referralId,
      role: 'INFORMED',
      organisation: to === 'GENERAL_PRACTICE' ? row.ydernummer : String(row.municipalityCode),
      messageId: null,
      childId: row.childId,
      cpr: row.cpr,
      birthDate: row.birthDate,
      referrerSector: row.referrerSector,
      referrerOrganisation: row.referrerOrganisation,
      municipalityCode: row.municipalityCode,
      ydernummer: row.ydernummer,
      referral: null,
      requester: null,
      sentAt: null,
      createdBy: null,
      delivery: null,
      deliveryNote: null,
      status: m.status,
      history: [{ status: m.status, at: statusAt }],
      visitation,
      outcome,
    };
    return;
  }
  if (side.history.some((h) => h.status === m.status)) return;
  side.status = m.status;
  side.history = [...side.history, { status: m.status, at: statusAt }];
  side.visitation = visitation ?? side.visitation;
  side.outcome = outcome ?? side.outcome;
}

function outboxRow(
  random: Random,
  m: { messageId: string; childId: string; destination: SectorSubgraphName; kind: string; payload: unknown; createdMs: number; deliveredMs: number },
): Record<string, unknown> {
  return {
    id: uuid7At(m.createdMs, random),
    messageId: m.messageId,
    childId: m.childId,
    destination: m.destination,
    kind: m.kind,
    payload: m.payload,
    status: 'DELIVERED',
    attempts: 1,
    nextAttemptAt: iso(m.createdMs),
    lastError: null,
    createdAt: iso(m.createdMs),
    deliveredAt: iso(m.deliveredMs),
  };
}

function log(out: Batches, random: Random, subgraph: keyof typeof LOG_OF, ms: number, action: 'READ' | 'CHANGE', actor: Actor, roles: string[], operation: string, parts: string[], childId: string): void {
  const table: PgTable = LOG_OF[subgraph];
  out.add(subgraph, table, { id: uuid7At(ms, random), at: iso(ms), action, ...actor, actorRoles: roles, childId, operation, parts, purpose: 'CARE_COORDINATION', requestId: uuid7At(ms, random) });
}
