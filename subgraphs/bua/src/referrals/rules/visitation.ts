import { assertNotInFuture, oneOf, optionalText, parseInstant, requiredText } from '@pathway-graph/shared/domain/input';
import { VISITATION_DECISIONS, type VisitationDecision } from '@pathway-graph/shared/domain/referral/index';

/**
 * BUA's visitation (visitationsafgørelse) of a received referral (agreement 6.1, Trin 3): "en vurdering af, hvorvidt
 * barnet/den unge har behov for udredning og diagnosticering". Either ASSESSMENT (BUA takes over, with full treatment
 * responsibility) or NO_ASSESSMENT_NEEDED, which must say why: the municipality and the GP are told and decide the
 * further course together, and they need the reason to do so. That a referral is visited only once is the status
 * machine's rule (nextReferralStatus); this module checks the decision's own input.
 */

export const MAX_VISITATION_REASON_LENGTH = 4_000;
export const MAX_DECIDED_BY_LENGTH = 200;

export interface VisitationInput {
  decision: string;
  reason?: string | null;
  decidedAt: string;
  /** The clinician who decided (name and title as shown in the journal). */
  decidedBy: string;
}

export interface Visitation {
  decision: VisitationDecision;
  reason: string | null;
  decidedAt: string;
  decidedBy: string;
}

export function validateVisitation(input: VisitationInput, now: Date): Visitation {
  const decision = oneOf(input.decision, VISITATION_DECISIONS, 'decision', 'The visitation decision');
  const decidedAt = parseInstant(input.decidedAt, 'decidedAt', 'The time of the decision');
  assertNotInFuture(decidedAt, now, 'decidedAt', 'The time of the decision');
  const decidedBy = requiredText(input.decidedBy, 'decidedBy', MAX_DECIDED_BY_LENGTH, 'Who decided');
  const reason =
    decision === 'NO_ASSESSMENT_NEEDED'
      ? requiredText(input.reason, 'reason', MAX_VISITATION_REASON_LENGTH, 'The reason no assessment is needed')
      : optionalText(input.reason, 'reason', MAX_VISITATION_REASON_LENGTH, 'The reason');
  return { decision, reason, decidedAt, decidedBy };
}
