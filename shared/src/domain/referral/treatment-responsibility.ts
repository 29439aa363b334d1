import { type ReferralState } from './status.ts';

/**
 * Who holds treatment responsibility for the child in psychiatry: "Børne- og ungdomspsykiatrien ... har det fulde
 * behandlingsansvar, såfremt barnet/den unge vurderes at have behov for udredning/diagnosticering" (agreement 6.1,
 * Trin 3). So BUA holds full treatment responsibility from the visitation decision that the child needs assessment
 * until the referral's course is closed (then Trin 4 follow-up: the municipality follows up, and BUA and the GP agree
 * on continuing medication). Derived, never stored, so every sector's view shows the same answer from the same status.
 */
export type TreatmentResponsibility =
  | { holder: 'BUA'; since: string; basis: string }
  | { holder: null; since: null; basis: string };

export function treatmentResponsibility(state: ReferralState): TreatmentResponsibility {
  if (state.visitationDecision !== 'ASSESSMENT') {
    return {
      holder: null,
      since: null,
      basis:
        state.visitationDecision === 'NO_ASSESSMENT_NEEDED'
          ? 'Visitation found no need for assessment; BUA holds no treatment responsibility, and the municipality and the GP decide the further course together.'
          : 'The referral has not been visited yet; BUA takes over treatment responsibility if visitation decides that the child needs assessment.',
    };
  }
  const visited = state.history.find((h) => h.status === 'VISITED')!;
  if (state.status === 'CLOSED') {
    return {
      holder: null,
      since: null,
      basis: "BUA's course is closed; follow-up is the municipality's, with BUA and the GP agreeing on continued medication (Trin 4).",
    };
  }
  return {
    holder: 'BUA',
    since: visited.at,
    basis: 'BUA holds full treatment responsibility while the child is assessed and treated (agreement 6.1, Trin 3).',
  };
}
