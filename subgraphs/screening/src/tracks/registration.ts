import {
  assertInTargetGroup,
  assertMunicipalityCode,
  badUserInput,
  childPseudonym,
  forbidden,
  optionalText,
  parseCpr,
  parseIsoDate,
  type Principal,
} from '@pathway-graph/shared';
import { parseDiagnosisCode, type DiagnosisCode } from '@pathway-graph/shared/domain/icd10/index';
import { MEMBERSHIP_END_REASONS, PROBLEM_AREAS, RELATIVE_RELATIONS, type MembershipEndReason, type ProblemArea, type RelativeRelation, type ScreeningTrack } from '../db/schema.ts';
import { mayActInTrack, registeringSectors, trackDefinition } from './reference.ts';

/**
 * Registering a child in a track, with the basis the track asks for (terms of reference): track 1 the recognised
 * problem, track 2 the chronic illness (an ICD-10 code outside chapter F), track 3 the relation to the adult patient
 * who was asked about children, and nothing else about that adult (no CPR number, no name). Pure: every refusal is
 * BAD_USER_INPUT or FORBIDDEN naming the field, before anything is stored.
 */

export interface RegistrationInput {
  cpr: string;
  track: ScreeningTrack;
  municipalityCode: number;
  since?: string | null;
  recognisedProblem?: { area: string; diagnosisCode?: string | null } | null;
  chronicIllness?: { diagnosisCode: string } | null;
  relative?: { relation: string; patientConsentOn?: string | null; contactPhone?: string | null } | null;
}

export interface Registration {
  childId: string;
  birthDate: string;
  track: ScreeningTrack;
  municipalityCode: number;
  since: string;
  problemArea: ProblemArea | null;
  diagnosis: DiagnosisCode | null;
  relation: RelativeRelation | null;
  /** Track 3: set when the patient consented to telling the municipality; the registration is then sent. */
  patientConsentOn: string | null;
  contactPhone: string | null;
}

const BASIS_FIELD = { RECOGNISED_MENTAL_PROBLEMS: 'recognisedProblem', CHRONIC_SOMATIC_ILLNESS: 'chronicIllness', RELATIVE_OF_MENTALLY_ILL: 'relative' } as const;
const CONTACT_PHONE_MAX = 30;

export function assertMayRegister(principal: Principal, track: ScreeningTrack): void {
  if (mayActInTrack(principal, track, 'register')) return;
  const def = trackDefinition(track);
  throw forbidden(
    `Children are registered in track ${def.number} (${def.name}) by clinical staff of ${registeringSectors(track).join(', ')}; ` +
      'your organisation takes part in the track in another way, or not at all.',
    { field: 'input.track', rule: 'NOT_A_REGISTERING_PARTICIPANT' },
  );
}

/** Every rule of a registration; `today` is Denmark's date, the secret derives the child's pseudonym. */
export function validateRegistration(input: RegistrationInput, ctx: { today: string; pseudonymSecret: string }): Registration {
  // The CPR number gives the pseudonym and the birth date, and is dropped: screening stores neither it nor an address.
  const cpr = parseCpr(input.cpr, 'input.cpr');
  const municipalityCode = assertMunicipalityCode(input.municipalityCode, 'input.municipalityCode');
  const since = input.since == null ? ctx.today : parseIsoDate(input.since, 'input.since');
  if (since > ctx.today) throw badUserInput(`input.since ${since} lies in the future; register the child from today or an earlier day.`, { field: 'input.since' });
  assertInTargetGroup(cpr.birthDate, since, 'input.cpr');

  const basisField = BASIS_FIELD[input.track];
  for (const [track, field] of Object.entries(BASIS_FIELD)) {
    if (track !== input.track && input[field] != null) {
      throw badUserInput(
        `input.${field} is the basis of track ${trackDefinition(track as ScreeningTrack).number}; a registration in track ` +
          `${trackDefinition(input.track).number} gives input.${basisField} instead.`,
        { field: `input.${field}` },
      );
    }
  }
  if (input[basisField] == null) {
    throw badUserInput(`input.${basisField} is required in track ${trackDefinition(input.track).number}: ${trackDefinition(input.track).basis}`, {
      field: `input.${basisField}`,
    });
  }

  const base = {
    childId: childPseudonym(cpr.normalized, ctx.pseudonymSecret),
    birthDate: cpr.birthDate,
    track: input.track,
    municipalityCode,
    since,
    problemArea: null,
    diagnosis: null,
    relation: null,
    patientConsentOn: null,
    contactPhone: null,
  };
  switch (input.track) {
    case 'RECOGNISED_MENTAL_PROBLEMS': {
      const problem = input.recognisedProblem!;
      if (!(PROBLEM_AREAS as readonly string[]).includes(problem.area)) {
        throw badUserInput(`input.recognisedProblem.area must be one of ${PROBLEM_AREAS.join(', ')}.`, { field: 'input.recognisedProblem.area' });
      }
      let diagnosis: DiagnosisCode | null = null;
      if (problem.diagnosisCode != null && problem.diagnosisCode.trim() !== '') {
        const field = 'input.recognisedProblem.diagnosisCode';
        diagnosis = parseDiagnosisCode(problem.diagnosisCode, field);
        if (diagnosis.chapter !== 'V') {
          throw badUserInput(
            `${field}: ${diagnosis.sks} is in ICD-10 chapter ${diagnosis.chapter}; a recognised mental problem is coded in chapter F. ` +
              'A chronic somatic illness belongs to track 2 (input.track CHRONIC_SOMATIC_ILLNESS).',
            { field },
          );
        }
      }
      return { ...base, problemArea: problem.area as ProblemArea, diagnosis };
    }
    case 'CHRONIC_SOMATIC_ILLNESS': {
      const field = 'input.chronicIllness.diagnosisCode';
      const diagnosis = parseDiagnosisCode(input.chronicIllness!.diagnosisCode, field);
      if (diagnosis.chapter === 'V') {
        throw badUserInput(
          `${field}: ${diagnosis.sks} is a mental disorder (ICD-10 chapter F), not a somatic illness; a child with a recognised ` +
            'mental problem belongs to track 1 (input.track RECOGNISED_MENTAL_PROBLEMS).',
          { field },
        );
      }
      return { ...base, diagnosis };
    }
    case 'RELATIVE_OF_MENTALLY_ILL': {
      const relative = input.relative!;
      if (!(RELATIVE_RELATIONS as readonly string[]).includes(relative.relation)) {
        throw badUserInput(`input.relative.relation must be one of ${RELATIVE_RELATIONS.join(', ')}.`, { field: 'input.relative.relation' });
      }
      let patientConsentOn: string | null = null;
      if (relative.patientConsentOn != null) {
        patientConsentOn = parseIsoDate(relative.patientConsentOn, 'input.relative.patientConsentOn');
        if (patientConsentOn > ctx.today) {
          throw badUserInput(`input.relative.patientConsentOn ${patientConsentOn} lies in the future; give the day the patient consented.`, {
            field: 'input.relative.patientConsentOn',
          });
        }
      }
      const contactPhone = optionalText(relative.contactPhone, 'input.relative.contactPhone', CONTACT_PHONE_MAX, { what: 'The phone number to call back', singleLine: true });
      if (contactPhone !== null && !/^\+?[0-9 ()-]{6,}$/.test(contactPhone)) {
        throw badUserInput('input.relative.contactPhone must be a phone number (digits, spaces, +, -, parentheses).', { field: 'input.relative.contactPhone' });
      }
      return { ...base, relation: relative.relation as RelativeRelation, patientConsentOn, contactPhone };
    }
  }
}

export interface EndInput {
  reason: string;
  endedOn?: string | null;
}

/** Ending a membership: why, and from which day (not before it started, not in the future). */
export function validateEnd(input: EndInput, membership: { since: string; endedOn: string | null }, today: string): { reason: MembershipEndReason; endedOn: string } {
  if (!(MEMBERSHIP_END_REASONS as readonly string[]).includes(input.reason)) {
    throw badUserInput(`reason must be one of ${MEMBERSHIP_END_REASONS.join(', ')}.`, { field: 'reason' });
  }
  const endedOn = input.endedOn == null ? today : parseIsoDate(input.endedOn, 'endedOn');
  if (endedOn > today) throw badUserInput(`endedOn ${endedOn} lies in the future; end the membership on the day it ends.`, { field: 'endedOn' });
  if (endedOn < membership.since) {
    throw badUserInput(`endedOn ${endedOn} is before the membership started (${membership.since}).`, { field: 'endedOn' });
  }
  return { reason: input.reason as MembershipEndReason, endedOn };
}
