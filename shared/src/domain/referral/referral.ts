import { requiredConsentingParty, type ConsentingParty } from '../../access/consent.ts';
import { assertInTargetGroup, parseIsoDate } from '../age.ts';
import { validateIntervention, type Intervention, type InterventionInput } from '../coordination/interventions.ts';
import { badUserInput } from '../../errors.ts';
import { arrayOf, assertNotInFuture, isInstant, oneOf, optionalText, parseInstant, requiredText } from '../input.ts';
import { isUuid } from '../../uuid7.ts';

/**
 * A referral (henvisning) to the child and adolescent psychiatric department (BUA), Trin 3 of the graduated pathway
 * (agreement 6.1). The rules every referral must meet before anything is stored or sent, checked by the referring
 * subgraph (general practice or municipality) and again by BUA on receipt; pure, the caller passes the clock.
 *
 * - A GP may always refer directly, without the municipality, acute or not (6.2: "De praktiserende læger vil fortsat
 *   have mulighed for at henvise børn og unge direkte til Børne- og Ungdomspsykiatrien uden kommunens involvering").
 * - A municipality refers when its Trin 2 intervention did not have the expected effect (6.1 Trin 2: "Hvis den
 *   iværksatte indsats ikke har den forventede effekt, henviser kommunen ..."), and attaches the interventions tried.
 * - An acute referral follows 6.2 "Underretning": phone the psychiatric emergency service first, then refer, and file a
 *   notification (underretning) to the municipality. Decision: for a municipality's own acute referral the
 *   notification is not required (the municipality is the notification's recipient and has the case), nor the
 *   Trin 2 condition (an acute need does not wait for Trin 2); the phone call is.
 */

export const REFERRER_SECTORS = ['GENERAL_PRACTICE', 'MUNICIPALITY'] as const;
export type ReferrerSector = (typeof REFERRER_SECTORS)[number];

/** How far the child's pathway has come before the referral; NONE: no municipal effort yet (a GP's direct referral). */
export const STEPS_REACHED = ['NONE', 'TRIN_1', 'TRIN_2'] as const;
export type StepReached = (typeof STEPS_REACHED)[number];

export const MAX_REASON_LENGTH = 4_000;
export const MAX_INTERVENTIONS = 20;
export const MAX_SCREENING_RESULTS = 20;
export const MAX_CONSENTS = 4;
export const MAX_WITH_WHOM_LENGTH = 200;
export const MAX_NOTIFICATION_REFERENCE_LENGTH = 100;

export interface ReferralConsentInput {
  givenBy: ConsentingParty;
  givenOn: string;
}

export interface ReferralInput {
  referrerSector: ReferrerSector;
  /** Why the child is referred: the problem, its duration and what the referrer wants assessed. */
  reason: string;
  stepReached: string;
  acute: boolean;
  interventionsTried?: InterventionInput[] | null;
  /** Ids of screening results in the screening subgraph (e.g. an SDQ), sent by reference, not copied. */
  screeningResultIds?: string[] | null;
  /** The consents to refer and share; from 15 the young person's own, before that a custody holder's. */
  consents?: ReferralConsentInput[] | null;
  /** Acute only: the phone call to the psychiatric emergency service, made before the referral. */
  emergencyPhoneContact?: { at: string; withWhom: string } | null;
  /** Acute only (GP): the notification (underretning) to the municipality, filed through its own channel. */
  notificationFiled?: { filedAt: string; reference?: string | null } | null;
}

export interface ReferralContext {
  /** The child's birth date, from the referrer's own records (the CPR number). */
  birthDate: string;
  /** Today's date in Denmark and the current instant. */
  today: string;
  now: Date;
}

export interface Referral {
  referrerSector: ReferrerSector;
  reason: string;
  stepReached: StepReached;
  acute: boolean;
  interventionsTried: Intervention[];
  screeningResultIds: string[];
  consents: ReferralConsentInput[];
  emergencyPhoneContact: { at: string; withWhom: string } | null;
  notificationFiled: { filedAt: string; reference: string | null } | null;
}

/** One thing an acute referral lacks, with the input to fill in and what to do. */
export interface AcuteReferralProblem {
  field: string;
  message: string;
}

export const MISSING_PHONE_CONTACT =
  'An acute referral is accepted only after the phone call to the child and adolescent psychiatric emergency service ' +
  '(agreement 6.2: "SKAL ringes til akutafdelingen"): phone them first, then record the call in emergencyPhoneContact ' +
  '(when, and with whom you spoke).';
export const MISSING_NOTIFICATION =
  'An acute referral from a GP also needs the notification (underretning) to the municipality filed through its ' +
  "notification channel (via borger.dk with the practice's CVR number; never as a correspondence letter), recorded in " +
  'notificationFiled (when it was filed).';

/**
 * What an acute referral lacks, one problem per missing thing; empty when it may be sent. Pure and separate so a
 * form can show every problem at once.
 */
export function acuteReferralProblems(input: ReferralInput, now: Date): AcuteReferralProblem[] {
  if (!input.acute) return [];
  const problems: AcuteReferralProblem[] = [];
  const call = input.emergencyPhoneContact;
  if (call === undefined || call === null) {
    problems.push({ field: 'emergencyPhoneContact', message: MISSING_PHONE_CONTACT });
  } else {
    if (typeof call.at !== 'string' || call.at.trim() === '') {
      problems.push({ field: 'emergencyPhoneContact.at', message: 'Record when the psychiatric emergency service was phoned (emergencyPhoneContact.at).' });
    } else if (isInstant(call.at) && Date.parse(call.at) > now.getTime()) {
      problems.push({
        field: 'emergencyPhoneContact.at',
        message: 'The phone call to the psychiatric emergency service is recorded as later than now; it must have been made before the referral is sent.',
      });
    }
    if (typeof call.withWhom !== 'string' || call.withWhom.trim() === '') {
      problems.push({ field: 'emergencyPhoneContact.withWhom', message: 'Record with whom you spoke at the psychiatric emergency service (emergencyPhoneContact.withWhom).' });
    }
  }
  if (input.referrerSector === 'GENERAL_PRACTICE') {
    const notification = input.notificationFiled;
    if (notification === undefined || notification === null) {
      problems.push({ field: 'notificationFiled', message: MISSING_NOTIFICATION });
    } else if (typeof notification.filedAt !== 'string' || notification.filedAt.trim() === '') {
      problems.push({ field: 'notificationFiled.filedAt', message: 'Record when the notification (underretning) was filed (notificationFiled.filedAt).' });
    }
  }
  return problems;
}

/** Every rule of a new referral; returns it normalised or refuses with BAD_USER_INPUT naming the field. */
export function validateReferral(input: ReferralInput, ctx: ReferralContext): Referral {
  const referrerSector = oneOf(input.referrerSector, REFERRER_SECTORS, 'referrerSector', 'The referring sector');
  assertInTargetGroup(ctx.birthDate, ctx.today, 'cpr');
  const reason = requiredText(input.reason, 'reason', MAX_REASON_LENGTH, 'The reason for the referral');
  const stepReached = oneOf(input.stepReached, STEPS_REACHED, 'stepReached', 'The step the pathway has reached');
  if (typeof input.acute !== 'boolean') throw badUserInput('acute must be true or false.', { field: 'acute' });

  const interventionsTried = arrayOf(input.interventionsTried, 'interventionsTried', MAX_INTERVENTIONS, 'interventionsTried').map(
    (item, i) => validateIntervention(item as InterventionInput, `interventionsTried[${i}]`),
  );
  if (referrerSector === 'MUNICIPALITY' && !input.acute) assertTrin2WithoutExpectedEffect(stepReached, interventionsTried);

  const screeningResultIds = validateScreeningReferences(input.screeningResultIds);
  const consents = validateConsents(input.consents, ctx);

  const problems = acuteReferralProblems({ ...input, referrerSector }, ctx.now);
  if (problems.length > 0) {
    throw badUserInput(problems.map((p) => p.message).join(' '), {
      field: problems[0]!.field,
      fields: problems.map((p) => p.field),
      problems: problems.map((p) => p.message),
    });
  }
  let emergencyPhoneContact: Referral['emergencyPhoneContact'] = null;
  let notificationFiled: Referral['notificationFiled'] = null;
  if (input.acute) {
    const call = input.emergencyPhoneContact!;
    const at = parseInstant(call.at, 'emergencyPhoneContact.at', 'The time of the phone call');
    emergencyPhoneContact = {
      at,
      withWhom: requiredText(call.withWhom, 'emergencyPhoneContact.withWhom', MAX_WITH_WHOM_LENGTH, 'With whom you spoke'),
    };
    const notification = input.notificationFiled;
    if (notification !== undefined && notification !== null) {
      const filedAt = parseInstant(notification.filedAt, 'notificationFiled.filedAt', 'The time the notification was filed');
      assertNotInFuture(filedAt, ctx.now, 'notificationFiled.filedAt', 'The time the notification was filed');
      notificationFiled = {
        filedAt,
        reference: optionalText(notification.reference, 'notificationFiled.reference', MAX_NOTIFICATION_REFERENCE_LENGTH, 'The notification reference'),
      };
    }
  }
  return { referrerSector, reason, stepReached, acute: input.acute, interventionsTried, screeningResultIds, consents, emergencyPhoneContact, notificationFiled };
}

function assertTrin2WithoutExpectedEffect(stepReached: StepReached, interventions: readonly Intervention[]): void {
  if (stepReached !== 'TRIN_2') {
    throw badUserInput(
      'A municipality refers to BUA after Trin 2, when the intervention started there did not have the expected effect ' +
        '(agreement 6.1); continue with the Trin 2 assessment and intervention first, or, if the matter is acute, mark the referral acute.',
      { field: 'stepReached' },
    );
  }
  if (interventions.length === 0) {
    throw badUserInput(
      "A municipality's referral must attach the interventions tried, so BUA can see what was done at Trin 1 and 2; add them to interventionsTried.",
      { field: 'interventionsTried' },
    );
  }
  if (!interventions.some((i) => i.step === 'TRIN_2' && i.effect === 'NOT_AS_EXPECTED')) {
    throw badUserInput(
      'None of the interventions tried is a Trin 2 intervention recorded as not having the expected effect ' +
        "(effect NOT_AS_EXPECTED), which is when the municipality refers (agreement 6.1); record the Trin 2 intervention's effect.",
      { field: 'interventionsTried' },
    );
  }
}

function validateScreeningReferences(value: unknown): string[] {
  const ids = arrayOf(value, 'screeningResultIds', MAX_SCREENING_RESULTS, 'screeningResultIds').map((id, i) => {
    if (typeof id !== 'string' || !isUuid(id)) {
      throw badUserInput(`screeningResultIds[${i}] is not the id of a screening result (a UUID from the screening subgraph).`, {
        field: `screeningResultIds[${i}]`,
      });
    }
    return id.toLowerCase();
  });
  const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (repeated >= 0) {
    throw badUserInput(`screeningResultIds[${repeated}] repeats a screening result already referred to; name each once.`, {
      field: `screeningResultIds[${repeated}]`,
    });
  }
  return ids;
}

/**
 * At least one consent from the party the law requires on the day it was given; a young person's own consent under
 * 15 is refused (it is the custody holder's to give). A custody holder's consent beside a young person's (15-17) is
 * kept but does not replace theirs.
 */
function validateConsents(value: unknown, ctx: ReferralContext): ReferralConsentInput[] {
  const items = arrayOf(value, 'consents', MAX_CONSENTS, 'consents');
  if (items.length === 0) {
    throw badUserInput(
      'A referral needs the consent to refer and share: from the young person from 15, before that from a custody ' +
        'holder (forældremyndighedsindehaver); record who gave it and when in consents.',
      { field: 'consents' },
    );
  }
  const consents = items.map((raw, i) => {
    const item = (raw ?? {}) as Partial<ReferralConsentInput>;
    const givenBy = oneOf(item.givenBy, ['YOUNG_PERSON', 'CUSTODY_HOLDER'] as const, `consents[${i}].givenBy`, 'Who gave the consent');
    const givenOn = parseIsoDate(item.givenOn as string, `consents[${i}].givenOn`);
    if (givenOn > ctx.today) {
      throw badUserInput(`consents[${i}].givenOn lies in the future; record a consent when it has been given.`, { field: `consents[${i}].givenOn` });
    }
    if (givenOn < ctx.birthDate) {
      throw badUserInput(`consents[${i}].givenOn is before the child was born.`, { field: `consents[${i}].givenOn` });
    }
    if (givenBy === 'YOUNG_PERSON' && requiredConsentingParty(ctx.birthDate, givenOn) === 'CUSTODY_HOLDER') {
      throw badUserInput(
        `The child was under 15 on ${givenOn}, so the consent is a custody holder's (forældremyndighedsindehaver) to give; record theirs.`,
        { field: `consents[${i}].givenBy`, required: 'CUSTODY_HOLDER' },
      );
    }
    return { givenBy, givenOn };
  });
  const required = requiredConsentingParty(ctx.birthDate, ctx.today);
  if (!consents.some((c) => c.givenBy === required && requiredConsentingParty(ctx.birthDate, c.givenOn) === required)) {
    throw badUserInput(
      required === 'YOUNG_PERSON'
        ? "The young person is 15 or older and must consent themselves; a custody holder's consent does not replace theirs. Record the young person's consent."
        : "A custody holder's (forældremyndighedsindehaver) consent is required for a child under 15; record it.",
      { field: 'consents', required },
    );
  }
  return consents;
}
