import { buildReferralStatusBundle, parseReferralBundle, parseReferralStatusBundle } from '@pathway-graph/shared/fhir/referral/index';
import {
  childPseudonym,
  messageOutbox,
  parseCpr,
  rejectMessage,
  type MessageHandlers,
  type MessagingConfig,
  type MessagingDb,
  type OutboxRow,
  type OutgoingMessage,
  type ReceivedMessage,
  uuid7,
} from '@pathway-graph/shared';
import {
  BUA_ORGANISATION,
  BUA_SOR_CODE,
  initialReferralState,
  nextReferralStatus,
  validateReferral,
  type ReferralState,
} from '@pathway-graph/shared/domain/referral/index';
import {
  findReferralForUpdate,
  findReferralsByChildIds,
  insertReferral,
  referralOfPractice,
  registerPatient,
  updateReferral,
  upsertMunicipalIntervention,
} from '../db/referrals.ts';
import { stateOf } from './model.ts';
import type { BuaDb } from '../db/repository.ts';
import { outbox as outboxTable, receivedMessages, type ReferralRow, type referrals } from '../db/schema.ts';

/**
 * BUA's side of the referral flow, through the message contract (shared/src/messaging/kinds.ts): it receives
 * `bua-referral` (from general practice and the municipalities), `municipal-intervention`, the medication agreement
 * messages of the GP and the municipality's transition plans; it sends `bua-referral-status` to both sectors around
 * the child, and its own medication agreement messages and transition plans.
 */

export const messagingTables = { outbox: outboxTable, receivedMessages };
export const outbox = messageOutbox('bua', messagingTables);

export interface BuaMessagingOptions extends MessagingConfig {
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
}

export type StatusRecipient = 'GENERAL_PRACTICE' | 'MUNICIPALITY';
export const BOTH_PARTIES: readonly StatusRecipient[] = ['GENERAL_PRACTICE', 'MUNICIPALITY'];

const asDb = (tx: MessagingDb) => tx as unknown as BuaDb;

/** What a status message is made of: the referral's parties and what BUA decided (the region seed has no stored row). */
export type StatusSource = Pick<
  ReferralRow,
  'id' | 'childId' | 'cpr' | 'ydernummer' | 'municipalityCode' | 'visitationReason' | 'outcome' | 'referrerSector' | 'referrerOrganisation'
>;

/**
 * The message telling one of the two sectors around the child the referral's current status: the VISITED message
 * carries the decision and its reason, the ASSESSED one the outcome. The bundle is checked as it is built.
 */
export function statusMessage(
  row: StatusSource,
  state: ReferralState,
  to: StatusRecipient,
  now: Date,
  messageId: string = uuid7(),
): OutgoingMessage<'bua-referral-status'> {
  const last = state.history.at(-1)!;
  const outcome = row.outcome;
  const bundle = buildReferralStatusBundle({
    messageId,
    sentAt: now.toISOString(),
    referralId: row.id,
    patient: { cpr: row.cpr },
    sender: BUA_ORGANISATION,
    receiver: to === 'GENERAL_PRACTICE' ? { ydernummer: row.ydernummer } : { municipalityCode: row.municipalityCode },
    status: state.status,
    statusAt: last.at,
    visitation: state.status === 'VISITED' ? { decision: state.visitationDecision!, reason: row.visitationReason } : null,
    outcome:
      state.status === 'ASSESSED' && outcome !== null
        ? { conclusion: outcome.conclusion, diagnoses: outcome.diagnoses, treatment: outcome.treatment, childNeeds: outcome.childNeeds, results: outcome.results }
        : null,
  });
  return {
    kind: 'bua-referral-status',
    to: to === 'GENERAL_PRACTICE' ? 'general-practice' : 'municipality',
    messageId,
    childId: row.childId,
    payload: {
      bundle,
      referrer: { sector: row.referrerSector, organisation: row.referrerOrganisation },
      parties: { municipalityCode: row.municipalityCode, ydernummer: row.ydernummer },
    },
  };
}

export interface IncomingDeps {
  pseudonymSecret: string;
  today: () => string;
}

/**
 * A referral arrives: who referred is the signed sender (never the bundle's word), and its organisation must be the
 * party it names; BUA checks the referral's rules again, as of its own clock (a referral that waited while BUA was
 * down may have become one BUA cannot accept, e.g. the young person has turned 18). Stored once, the child becomes
 * known to BUA, and both sectors around the child are told it was received.
 */
export function receiveReferral(deps: IncomingDeps) {
  return async (tx: BuaDb, { messageId, sender, payload }: ReceivedMessage<'bua-referral'>): Promise<Record<string, never>> => {
    const referrerSector = sender === 'general-practice' ? 'GENERAL_PRACTICE' : 'MUNICIPALITY';
    const m = parseReferralBundle(payload.bundle, { referrerSector });
    const referrerOrganisation = referrerSector === 'GENERAL_PRACTICE' ? m.sender.ydernummer : m.sender.municipalityCode?.toString();
    const party = referrerSector === 'GENERAL_PRACTICE' ? payload.parties.ydernummer : String(payload.parties.municipalityCode);
    if (referrerOrganisation === undefined || referrerOrganisation !== party) {
      rejectMessage('REFERRER_NOT_A_PARTY', "The referral's sending organisation must be the child's practice or municipality named in parties.");
    }
    if (m.receiver.sorCode !== BUA_SOR_CODE) rejectMessage('NOT_FOR_BUA', "The referral's receiver is not BUA's SOR code; address it to the department.");
    let cpr;
    try {
      cpr = parseCpr(m.patient.cpr, 'Patient.identifier');
    } catch {
      rejectMessage('INVALID_PATIENT', "The referral's Patient has no valid CPR number.");
    }
    const now = new Date();
    const today = deps.today();
    try {
      validateReferral(m.referral, { birthDate: cpr.birthDate, today, now });
    } catch (error) {
      // The rules' refusals name fields and rules, never the values (which may be free text about the child).
      rejectMessage('REFERRAL_REFUSED', `BUA cannot accept the referral: ${error instanceof Error ? error.message : 'it breaks a referral rule'}`);
    }
    // The referrer's clock may run a little ahead of BUA's: the receipt is never dated before the sending.
    const receivedAt = new Date(Math.max(now.getTime(), Date.parse(m.sentAt))).toISOString();
    const state = nextReferralStatus(initialReferralState(new Date(m.sentAt).toISOString()), { type: 'RECEIVED', at: receivedAt });
    const childId = childPseudonym(cpr.normalized, deps.pseudonymSecret);
    const r = m.referral;
    const row: typeof referrals.$inferInsert = {
      id: m.referralId,
      messageId,
      childId,
      cpr: cpr.normalized,
      birthDate: cpr.birthDate,
      referrerSector,
      referrerOrganisation,
      municipalityCode: payload.parties.municipalityCode,
      ydernummer: payload.parties.ydernummer,
      requesterName: m.requester.name,
      requesterRole: m.requester.role,
      reason: r.reason,
      stepReached: r.stepReached,
      acute: r.acute,
      interventionsTried: r.interventionsTried,
      screeningResultIds: r.screeningResultIds,
      consents: r.consents,
      emergencyPhoneContact: r.emergencyPhoneContact,
      notificationFiled: r.notificationFiled,
      sentAt: m.sentAt,
      receivedAt,
      status: state.status,
      history: [...state.history],
      communicated: {},
      bundle: payload.bundle,
    };
    const stored = await insertReferral(tx, row);
    if (!stored) rejectMessage('REFERRAL_ID_TAKEN', 'BUA already holds a referral with this referral id from another message; send a new referral with a new id.');
    await registerPatient(tx, { id: childId, cpr: cpr.normalized, registeredOn: today });
    for (const to of BOTH_PARTIES) await outbox.enqueue(tx, statusMessage(stored, state, to, now));
    return {};
  };
}

/** The municipality keeps BUA informed of its interventions (agreement 6.1) for a child BUA has a referral for. */
export async function receiveIntervention(tx: BuaDb, { payload }: ReceivedMessage<'municipal-intervention'>): Promise<Record<string, never>> {
  const referrals = await findReferralsByChildIds(tx, [payload.childId]);
  if (!referrals.some((r) => r.municipalityCode === payload.municipalityCode)) {
    rejectMessage('NO_REFERRAL', 'BUA holds no referral for this child from or about that municipality, so it keeps no interventions for it.');
  }
  const i = payload.intervention;
  await upsertMunicipalIntervention(tx, {
    id: payload.interventionId,
    childId: payload.childId,
    municipalityCode: payload.municipalityCode,
    kind: i.kind,
    step: i.step,
    description: i.description,
    startedOn: i.startedOn,
    endedOn: i.endedOn,
    responsible: i.responsible,
    effect: i.effect,
    recordedAt: payload.recordedAt,
  });
  return {};
}

export const knowsReferral = (tx: MessagingDb, referralId: string, ydernummer: string) => referralOfPractice(asDb(tx), referralId, ydernummer);

/** Every kind the contract sends to BUA has its handler; the medication and transition handlers come from their services. */
export function messageHandlers(
  deps: IncomingDeps,
  others: Pick<MessageHandlers<'bua', BuaDb>, 'medication-agreement-proposal' | 'medication-agreement-response' | 'transition-plan'>,
): MessageHandlers<'bua', BuaDb> {
  return { 'bua-referral': receiveReferral(deps), 'municipal-intervention': receiveIntervention, ...others };
}

const RECIPIENT_OF: Record<string, StatusRecipient> = { 'general-practice': 'GENERAL_PRACTICE', municipality: 'MUNICIPALITY' };

/**
 * The outcome (or the no-assessment decision) counts as communicated to the municipality or the GP when BUA's status
 * message carrying it has been delivered there, not when it was queued: a referral cannot close on a message that
 * never arrived. Recorded in the delivery's transaction, so it is recorded once.
 */
export const referralDelivery = {
  onDelivered: {
    'bua-referral-status': async (tx: MessagingDb, row: OutboxRow) => {
      const payload = row.payload as OutgoingMessage<'bua-referral-status'>['payload'];
      const m = parseReferralStatusBundle(payload.bundle);
      const carriesOutcome = m.status === 'ASSESSED' || (m.status === 'VISITED' && m.visitation?.decision === 'NO_ASSESSMENT_NEEDED');
      const to = RECIPIENT_OF[row.destination];
      if (!carriesOutcome || to === undefined) return;
      const referral = await findReferralForUpdate(asDb(tx), m.referralId);
      if (!referral || referral.communicated[to] !== undefined || referral.status === 'CLOSED') return;
      const next = nextReferralStatus(stateOf(referral), { type: 'OUTCOME_COMMUNICATED', at: new Date().toISOString(), to });
      await updateReferral(asDb(tx), referral.id, { communicated: { ...next.communicated } });
    },
  },
};
