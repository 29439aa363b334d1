import { badUserInput, conflict } from '../../errors.ts';
import { instantMs, parseInstant } from '../input.ts';

/**
 * A referral's course as the referrer sees it (and BUA drives it), Trin 3 of agreement 6.1:
 *
 *   SENT -> RECEIVED -> VISITED --(ASSESSMENT)--> ASSESSMENT_STARTED -> ASSESSED -> CLOSED
 *                          \--(NO_ASSESSMENT_NEEDED)-----------------------------> CLOSED
 *
 * each status with its time. Visitation decides once whether the child needs assessment. An assessed referral is
 * closed only when its outcome has been communicated to the parents, the municipality and the GP ("formidles ...
 * til forældre, kommunen og almen praksis"); one that needed no assessment, when the municipality and the GP have
 * been told ("formidles dette til relevante aktører (kommune/almen praksis)"). Impossible events are refused with
 * CONFLICT saying what must happen first; the state is a value, so a refused event changes nothing.
 */

export const REFERRAL_STATUSES = ['SENT', 'RECEIVED', 'VISITED', 'ASSESSMENT_STARTED', 'ASSESSED', 'CLOSED'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const VISITATION_DECISIONS = ['ASSESSMENT', 'NO_ASSESSMENT_NEEDED'] as const;
export type VisitationDecision = (typeof VISITATION_DECISIONS)[number];

export const OUTCOME_RECIPIENTS = ['PARENTS', 'MUNICIPALITY', 'GENERAL_PRACTICE'] as const;
export type OutcomeRecipient = (typeof OUTCOME_RECIPIENTS)[number];

export interface ReferralState {
  status: ReferralStatus;
  /** Every status reached, with its time (ISO instant), oldest first. */
  history: ReadonlyArray<{ status: ReferralStatus; at: string }>;
  visitationDecision: VisitationDecision | null;
  /** When the outcome (or the no-assessment decision) was communicated to each recipient. */
  communicated: Readonly<Partial<Record<OutcomeRecipient, string>>>;
}

export type ReferralEvent =
  | { type: 'RECEIVED'; at: string }
  | { type: 'VISITATION_DECIDED'; at: string; decision: VisitationDecision }
  | { type: 'ASSESSMENT_STARTED'; at: string }
  | { type: 'OUTCOME_RECORDED'; at: string }
  | { type: 'OUTCOME_COMMUNICATED'; at: string; to: OutcomeRecipient }
  /**
   * `untellable`: the sectors around the child BUA may no longer tell (no valid consent, e.g. a custody holder's that
   * lapsed at 18); the law forbids the message, so the agreement's duty to communicate cannot hold the referral open.
   */
  | { type: 'CLOSED'; at: string; untellable?: readonly OutcomeRecipient[] };

export function initialReferralState(sentAt: string): ReferralState {
  return { status: 'SENT', history: [{ status: 'SENT', at: parseInstant(sentAt, 'sentAt') }], visitationDecision: null, communicated: {} };
}

/** Who must have been told before the referral can close, given how visitation decided. */
export function requiredRecipients(decision: VisitationDecision | null): OutcomeRecipient[] {
  return decision === 'NO_ASSESSMENT_NEEDED' ? ['MUNICIPALITY', 'GENERAL_PRACTICE'] : [...OUTCOME_RECIPIENTS];
}

/** The recipients still to be told before the referral may close; those BUA may no longer tell do not count. */
export function missingCommunications(state: ReferralState, untellable: readonly OutcomeRecipient[] = []): OutcomeRecipient[] {
  return requiredRecipients(state.visitationDecision).filter((to) => state.communicated[to] === undefined && !untellable.includes(to));
}

/** The time each status was reached, or null; what the referrer's status view shows. */
export function statusTimes(state: ReferralState): Record<ReferralStatus, string | null> {
  const times = Object.fromEntries(REFERRAL_STATUSES.map((s) => [s, null])) as Record<ReferralStatus, string | null>;
  for (const { status, at } of state.history) times[status] = at;
  return times;
}

const RECIPIENT_LABEL: Record<OutcomeRecipient, string> = {
  PARENTS: 'the parents',
  MUNICIPALITY: 'the municipality',
  GENERAL_PRACTICE: 'the GP',
};

const refuse = (message: string, field: string, reason: string, missing?: OutcomeRecipient[]) =>
  conflict(message, { field, reason, ...(missing === undefined ? {} : { missing }) });

/**
 * The state after `event`, or a refusal (CONFLICT) naming what must happen first. A repeated receipt is a no-op
 * (the same state is returned): receipts are acknowledgements of delivery and may arrive again.
 */
export function nextReferralStatus(state: ReferralState, event: ReferralEvent): ReferralState {
  const at = parseInstant(event.at, 'at', 'The time of the event');
  const last = state.history[state.history.length - 1]!;
  if (state.status === 'CLOSED') {
    throw refuse(`The referral was closed at ${last.at}; nothing more can be recorded on it. Send a new referral if the child needs one.`, 'status', 'CLOSED');
  }
  if (event.type === 'RECEIVED' && state.status !== 'SENT') return state;
  if (instantMs(at) < instantMs(last.at)) {
    throw badUserInput(`The event's time ${at} is before the referral's last status (${last.status} at ${last.at}); record events in the order they happened.`, {
      field: 'at',
    });
  }
  const to = (status: ReferralStatus, changes: Partial<ReferralState> = {}): ReferralState => ({
    ...state,
    ...changes,
    status,
    history: [...state.history, { status, at }],
  });

  switch (event.type) {
    case 'RECEIVED':
      return to('RECEIVED');

    case 'VISITATION_DECIDED':
      if (state.visitationDecision !== null) {
        throw refuse(
          `Visitation already decided ${state.visitationDecision} for this referral; a referral is visited once. Record further steps on the decided course instead.`,
          'decision',
          'ALREADY_VISITED',
        );
      }
      if (state.status === 'SENT') {
        throw refuse('BUA has not recorded receiving the referral yet; record the receipt before the visitation decision.', 'decision', 'NOT_RECEIVED');
      }
      return to('VISITED', { visitationDecision: event.decision });

    case 'ASSESSMENT_STARTED':
      if (state.visitationDecision === null) {
        throw refuse('The referral has not been visited; decide at visitation that the child needs assessment before starting it.', 'status', 'NOT_VISITED');
      }
      if (state.visitationDecision === 'NO_ASSESSMENT_NEEDED') {
        throw refuse('Visitation decided that no assessment is needed, so an assessment cannot start on this referral; a new referral is needed.', 'status', 'NO_ASSESSMENT_DECIDED');
      }
      if (state.status !== 'VISITED') {
        throw refuse(`The assessment already started (status ${state.status}).`, 'status', 'ALREADY_STARTED');
      }
      return to('ASSESSMENT_STARTED');

    case 'OUTCOME_RECORDED':
      if (state.visitationDecision === null) {
        throw refuse(
          'The referral was never visited, so it has no assessment to conclude; record the visitation decision (assessment) and the start of the assessment first.',
          'outcome',
          'NOT_VISITED',
        );
      }
      if (state.visitationDecision === 'NO_ASSESSMENT_NEEDED') {
        throw refuse('Visitation decided that no assessment is needed; an assessment outcome cannot be recorded on this referral.', 'outcome', 'NO_ASSESSMENT_DECIDED');
      }
      if (state.status === 'VISITED') {
        throw refuse('The assessment has not started; record its start before its outcome.', 'outcome', 'ASSESSMENT_NOT_STARTED');
      }
      if (state.status === 'ASSESSED') {
        throw refuse('The outcome of this assessment is already recorded; it is recorded once.', 'outcome', 'OUTCOME_ALREADY_RECORDED');
      }
      return to('ASSESSED');

    case 'OUTCOME_COMMUNICATED': {
      const ready = state.status === 'ASSESSED' || (state.status === 'VISITED' && state.visitationDecision === 'NO_ASSESSMENT_NEEDED');
      if (!ready) {
        throw refuse(
          'There is no outcome to communicate yet: the assessment outcome must be recorded first (or visitation must have decided that no assessment is needed).',
          'to',
          'OUTCOME_NOT_RECORDED',
        );
      }
      const already = state.communicated[event.to];
      if (already !== undefined) {
        throw refuse(`The outcome was already communicated to ${RECIPIENT_LABEL[event.to]} at ${already}.`, 'to', 'ALREADY_COMMUNICATED');
      }
      // Communicating changes no status; it is what closing waits for.
      return { ...state, communicated: { ...state.communicated, [event.to]: at } };
    }

    case 'CLOSED': {
      const decided = state.status === 'ASSESSED' || (state.status === 'VISITED' && state.visitationDecision === 'NO_ASSESSMENT_NEEDED');
      if (!decided) {
        throw refuse(
          `A referral in status ${state.status} cannot close: it closes after its assessment outcome (or a decision that no assessment is needed) has been communicated.`,
          'status',
          'NOT_CONCLUDED',
        );
      }
      const missing = missingCommunications(state, event.untellable);
      if (missing.length > 0) {
        throw refuse(
          `The outcome has not yet been communicated to ${missing.map((m) => RECIPIENT_LABEL[m]).join(' and ')}; communicate it (agreement 6.1, Trin 3) before closing the referral.`,
          'status',
          'OUTCOME_NOT_COMMUNICATED',
          missing,
        );
      }
      return to('CLOSED');
    }
  }
}

/** Replays events from the sent state; the first impossible one refuses. */
export function replayReferral(sentAt: string, events: readonly ReferralEvent[]): ReferralState {
  return events.reduce(nextReferralStatus, initialReferralState(sentAt));
}
