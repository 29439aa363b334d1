import { type Sector } from '../../auth/principal.ts';
import { badUserInput, conflict } from '../../errors.ts';
import { parseInstant, requiredText } from '../input.ts';
import { type VisitationDecision } from './status.ts';

/**
 * When visitation finds no need for assessment, "formidles dette til relevante aktører (kommune/almen praksis), og
 * der tages fælles stilling til det videre forløb" (agreement 6.1, Trin 3): the municipality and the GP decide the
 * further course together. Each records its part (the course it agrees to); the decision is PENDING until both have,
 * and both see whom it waits for.
 */

export const JOINT_DECISION_SECTORS = ['MUNICIPALITY', 'GENERAL_PRACTICE'] as const satisfies readonly Sector[];
export type JointDecisionSector = (typeof JOINT_DECISION_SECTORS)[number];

export const MAX_FURTHER_COURSE_LENGTH = 4_000;

export interface JointDecisionPart {
  sector: JointDecisionSector;
  /** The further course this sector agrees to (e.g. "Kommunen fortsætter PPR-forløbet; lægen ser barnet om 3 måneder"). */
  furtherCourse: string;
  recordedAt: string;
}

export type JointDecisionState =
  | { status: 'PENDING'; parts: JointDecisionPart[]; waitingFor: JointDecisionSector[] }
  | { status: 'AGREED'; parts: JointDecisionPart[]; agreedAt: string };

export function jointDecisionState(parts: readonly JointDecisionPart[]): JointDecisionState {
  const waitingFor = JOINT_DECISION_SECTORS.filter((s) => !parts.some((p) => p.sector === s));
  if (waitingFor.length > 0) return { status: 'PENDING', parts: [...parts], waitingFor };
  const agreedAt = parts.map((p) => p.recordedAt).reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
  return { status: 'AGREED', parts: [...parts], agreedAt };
}

const SECTOR_LABEL: Record<JointDecisionSector, string> = { MUNICIPALITY: 'The municipality', GENERAL_PRACTICE: 'The GP' };

/** Adds one sector's part, or refuses: only after a no-assessment decision, by the two sectors, once each. */
export function recordJointDecisionPart(
  decision: VisitationDecision | null,
  parts: readonly JointDecisionPart[],
  input: { sector: string; furtherCourse: string; recordedAt: string },
): JointDecisionPart[] {
  if (decision !== 'NO_ASSESSMENT_NEEDED') {
    throw conflict(
      decision === 'ASSESSMENT'
        ? 'Visitation decided on assessment, so BUA takes over; the joint decision of the municipality and the GP belongs to a referral that needed no assessment.'
        : 'The referral has not been visited yet; the municipality and the GP decide the further course together only after visitation finds no need for assessment.',
      { field: 'sector', reason: 'NO_JOINT_DECISION_DUE' },
    );
  }
  if (!(JOINT_DECISION_SECTORS as readonly string[]).includes(input.sector)) {
    throw badUserInput('The further course is decided jointly by the municipality and the GP; only they record a part of it.', {
      field: 'sector',
    });
  }
  const sector = input.sector as JointDecisionSector;
  const earlier = parts.find((p) => p.sector === sector);
  if (earlier) {
    throw conflict(`${SECTOR_LABEL[sector]} already recorded its part of the joint decision at ${earlier.recordedAt}.`, {
      field: 'sector',
      reason: 'ALREADY_RECORDED',
    });
  }
  return [
    ...parts,
    {
      sector,
      furtherCourse: requiredText(input.furtherCourse, 'furtherCourse', MAX_FURTHER_COURSE_LENGTH, 'The further course'),
      recordedAt: parseInstant(input.recordedAt, 'recordedAt'),
    },
  ];
}
