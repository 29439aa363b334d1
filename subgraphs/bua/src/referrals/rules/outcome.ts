import { badUserInput, parseIsoDate } from '@pathway-graph/shared';
import { parseDiagnosisCodes, type DiagnosisCode, type DiagnosisWarning } from '@pathway-graph/shared/domain/icd10/index';
import { arrayOf, assertNotInFuture, oneOf, parseInstant, requiredText } from '@pathway-graph/shared/domain/input';

/**
 * The outcome of BUA's assessment (agreement 6.1, Trin 3): "diagnosens indhold, den iværksatte behandling, barnets
 * behov og resultater" are communicated to the parents, the municipality and the GP.
 *
 * Decision: "no diagnosis" is a valid outcome. An assessment may conclude that the child has no psychiatric disorder,
 * and the agreement still requires the child's needs to be assessed ("Der foretages i alle tilfælde en vurdering af
 * barnets behov"). So the conclusion is explicit: DIAGNOSED needs at least one diagnosis, NO_DIAGNOSIS none, and both
 * need the child's needs and the results. Diagnoses are ICD-10 codes (chapter F checked against the classification,
 * other chapters with a warning, see shared/src/domain/icd10).
 */

export const OUTCOME_CONCLUSIONS = ['DIAGNOSED', 'NO_DIAGNOSIS'] as const;
export type OutcomeConclusion = (typeof OUTCOME_CONCLUSIONS)[number];

export const MAX_DIAGNOSES = 10;
export const MAX_OUTCOME_TEXT_LENGTH = 8_000;

export interface AssessmentOutcomeInput {
  conclusion: string;
  diagnoses?: string[] | null;
  /** The treatment started, if any (e.g. "Psykoedukation og opstart af methylphenidat"). */
  treatment?: { description: string; startedOn: string } | null;
  childNeeds: string;
  results: string;
  concludedAt: string;
}

export interface AssessmentOutcome {
  conclusion: OutcomeConclusion;
  diagnoses: DiagnosisCode[];
  treatment: { description: string; startedOn: string } | null;
  childNeeds: string;
  results: string;
  concludedAt: string;
  /** Non-blocking remarks for the clinician (e.g. a diagnosis outside chapter F). */
  warnings: DiagnosisWarning[];
}

export function validateAssessmentOutcome(input: AssessmentOutcomeInput, now: Date): AssessmentOutcome {
  const conclusion = oneOf(input.conclusion, OUTCOME_CONCLUSIONS, 'conclusion', 'The conclusion of the assessment');
  const diagnoses = parseDiagnosisCodes(arrayOf(input.diagnoses, 'diagnoses', MAX_DIAGNOSES, 'diagnoses'), 'diagnoses');
  if (conclusion === 'DIAGNOSED' && diagnoses.length === 0) {
    throw badUserInput('An assessment that concludes with a diagnosis must name at least one ICD-10 diagnosis code (e.g. DF900).', {
      field: 'diagnoses',
    });
  }
  if (conclusion === 'NO_DIAGNOSIS' && diagnoses.length > 0) {
    throw badUserInput('The conclusion is NO_DIAGNOSIS but diagnoses are given; remove them, or conclude DIAGNOSED.', {
      field: 'diagnoses',
    });
  }
  const concludedAt = parseInstant(input.concludedAt, 'concludedAt', 'The time the assessment concluded');
  assertNotInFuture(concludedAt, now, 'concludedAt', 'The time the assessment concluded');
  let treatment: AssessmentOutcome['treatment'] = null;
  if (input.treatment !== undefined && input.treatment !== null) {
    treatment = {
      description: requiredText(input.treatment.description, 'treatment.description', MAX_OUTCOME_TEXT_LENGTH, 'The treatment started'),
      startedOn: parseIsoDate(input.treatment.startedOn, 'treatment.startedOn'),
    };
  }
  return {
    conclusion,
    diagnoses,
    treatment,
    childNeeds: requiredText(input.childNeeds, 'childNeeds', MAX_OUTCOME_TEXT_LENGTH, "The child's needs"),
    results: requiredText(input.results, 'results', MAX_OUTCOME_TEXT_LENGTH, 'The results of the assessment'),
    concludedAt,
    warnings: diagnoses.flatMap((d) => d.warnings),
  };
}

/** How the outcome was communicated to the parents (recorded: when, how, by whom). */
export const PARENT_COMMUNICATION_CHANNELS = ['IN_PERSON', 'VIDEO', 'PHONE', 'LETTER', 'DIGITAL_MESSAGE'] as const;
export type ParentCommunicationChannel = (typeof PARENT_COMMUNICATION_CHANNELS)[number];

export interface ParentCommunicationInput {
  at: string;
  how: string;
  /** The clinician who communicated it. */
  by: string;
}

export interface ParentCommunication {
  at: string;
  how: ParentCommunicationChannel;
  by: string;
}

export function validateParentCommunication(input: ParentCommunicationInput, now: Date): ParentCommunication {
  const at = parseInstant(input.at, 'at', 'The time the outcome was communicated to the parents');
  assertNotInFuture(at, now, 'at', 'The time the outcome was communicated to the parents');
  return {
    at,
    how: oneOf(input.how, PARENT_COMMUNICATION_CHANNELS, 'how', 'How the outcome was communicated'),
    by: requiredText(input.by, 'by', 200, 'Who communicated the outcome'),
  };
}
