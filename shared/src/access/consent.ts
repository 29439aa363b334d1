import { expectedOrganisation, isValidOrganisation, type Principal, type Purpose, type Sector } from '../auth/principal.ts';
import { ageOn, eighteenthBirthday, parseIsoDate } from '../domain/age.ts';
import { badUserInput } from '../errors.ts';
import { organisationLabel, purposeLabel, sectorLabel } from './labels.ts';

/**
 * Consent (samtykke) as the basis for one sector to disclose a child's data to another.
 *
 * The law, as DOMAIN.md "Law and privacy" summarises it and the agreement presupposes ("Det forudsættes, at
 * aktørerne følger gældende lovgivning i forhold til indhentning af samtykke"):
 * - the consent is given to the sector that discloses its data (the data owner), naming who may receive it;
 * - young people aged 15 or over consent themselves; for younger children a custody holder
 *   (forældremyndighedsindehaver) consents;
 * - consent can be withdrawn at any time, with effect from that moment.
 * A record of this type is therefore always held by the owner; it says to whom (`recipientSector`, optionally one
 * `recipientOrganisation`) and for what (`purposes`) the owner may disclose.
 */

export type ConsentingParty = 'YOUNG_PERSON' | 'CUSTODY_HOLDER';

export interface ConsentRecord {
  givenBy: ConsentingParty;
  /** The day the consent was given (YYYY-MM-DD); decides who had to give it. */
  givenOn: string;
  recipientSector: Sector;
  /** One organisation of the recipient sector, or null for every organisation of it. */
  recipientOrganisation: string | null;
  purposes: readonly Purpose[];
  /** First and last day (YYYY-MM-DD, inclusive) on which the consent may be used; validUntil null = open-ended. */
  validFrom: string;
  validUntil: string | null;
  /** ISO timestamp of the withdrawal; from that instant the consent counts for nothing. */
  withdrawnAt: string | null;
}

export type NewConsentInput = Omit<ConsentRecord, 'withdrawnAt'>;

export interface NewConsentContext {
  /** The child's birth date (YYYY-MM-DD), from the owner's own records. */
  birthDate: string;
  /** Today's date in Denmark (todayInDenmark()). */
  today: string;
  /** The sectors that own the data this consent lets them disclose. */
  ownerSectors: readonly Sector[];
}

export interface ConsentTimeContext {
  /** Null when the owner does not know the birth date; custody-holder consents then cannot be honoured (see below). */
  birthDate: string | null;
  today: string;
  now: Date;
}

/** Age at which a young person consents themselves (DOMAIN.md, "Law and privacy"). */
export const AGE_OF_OWN_CONSENT = 15;

/** Who must give a consent given on `onDate`: the young person from their 15th birthday, else a custody holder. */
export function requiredConsentingParty(birthDate: string, onDate: string): ConsentingParty {
  return ageOn(birthDate, onDate) >= AGE_OF_OWN_CONSENT ? 'YOUNG_PERSON' : 'CUSTODY_HOLDER';
}

/** Refuses a consent given by the wrong party on `givenOn`, saying who must give it. */
export function assertConsentGivenByRightParty(givenBy: ConsentingParty, birthDate: string, givenOn: string): void {
  const required = requiredConsentingParty(birthDate, givenOn);
  if (givenBy === required) return;
  const message =
    required === 'YOUNG_PERSON'
      ? `The young person is 15 or older on ${givenOn} and must give consent themselves; a custody holder cannot consent on their behalf.`
      : `The child is under 15 on ${givenOn}; a custody holder (forældremyndighedsindehaver) must give the consent.`;
  throw badUserInput(message, { field: 'givenBy', required });
}

/**
 * Every rule a new consent must meet, each with its own error naming the field. Checked in the order a person
 * filling in the form would fix them: well-formed values, then what the consent covers, then its dates, then who
 * gave it.
 */
export function validateNewConsent(input: NewConsentInput, ctx: NewConsentContext): void {
  validateConsentInput(input, ctx);
  validateConsentForChild(input, ctx.birthDate);
}

/**
 * The rules a new consent must meet on its own, without the child's record: checked before anything about the child
 * is read, so a form filled in wrongly is refused without touching (or logging a look at) the child's data.
 */
export function validateConsentInput(input: NewConsentInput, ctx: Omit<NewConsentContext, 'birthDate'>): void {
  parseIsoDate(input.givenOn, 'givenOn');
  parseIsoDate(input.validFrom, 'validFrom');
  if (input.validUntil !== null) parseIsoDate(input.validUntil, 'validUntil');

  if (input.purposes.length === 0) {
    throw badUserInput('A consent must name at least one purpose the data may be disclosed for.', { field: 'purposes' });
  }
  const repeated = input.purposes.filter((p, i) => input.purposes.indexOf(p) !== i);
  if (repeated.length > 0) {
    throw badUserInput(`Each purpose may be named once; repeated: ${[...new Set(repeated)].join(', ')}.`, {
      field: 'purposes',
      repeated: [...new Set(repeated)],
    });
  }

  if (input.recipientOrganisation !== null && input.recipientOrganisation.trim() === '') {
    throw badUserInput(
      'recipientOrganisation must name one organisation of the recipient sector, or be null to cover all of them.',
      { field: 'recipientOrganisation' },
    );
  }
  // An organisation the recipient sector cannot have would match no reader, and the text would be kept for ever.
  if (input.recipientOrganisation !== null && !isValidOrganisation(input.recipientSector, input.recipientOrganisation)) {
    throw badUserInput(
      `recipientOrganisation must be an organisation of ${sectorLabel(input.recipientSector)}: ${expectedOrganisation(input.recipientSector)}; or null to cover all of them.`,
      { field: 'recipientOrganisation' },
    );
  }
  // The consent is given to the disclosing sector so that another sector may see its data; the owner's own sector
  // always sees its records, and a consent cannot let it see another organisation's (policy.ts rule b).
  if (ctx.ownerSectors.includes(input.recipientSector)) {
    throw badUserInput(
      `A consent lets the data owner disclose to another sector; ${sectorLabel(input.recipientSector)} owns this data ` +
        'already, so a consent to it would change nothing. Choose the sector that is to receive the data.',
      { field: 'recipientSector' },
    );
  }
  // Regional staff are analysts and administrators, who see aggregates only (policy.ts rule a): such a consent
  // could never be used, and recording it would suggest otherwise to the family.
  if (input.recipientSector === 'REGION') {
    throw badUserInput(
      "The region sees aggregate statistics only and never a single child's data, so a consent to disclose to the region could never be used.",
      { field: 'recipientSector' },
    );
  }

  if (input.givenOn > ctx.today) {
    throw badUserInput(`givenOn ${input.givenOn} is in the future; record a consent on or after the day it is given.`, {
      field: 'givenOn',
    });
  }
  if (input.validFrom < input.givenOn) {
    throw badUserInput(
      `validFrom ${input.validFrom} is before the consent was given (${input.givenOn}); a consent cannot cover disclosures made before it existed.`,
      { field: 'validFrom' },
    );
  }
  if (input.validUntil !== null && input.validUntil < input.validFrom) {
    throw badUserInput(`validUntil ${input.validUntil} is before validFrom ${input.validFrom}.`, { field: 'validUntil' });
  }
}

/**
 * The rules that depend on the child's birth date (from the owner's own record): the consent is not older than the
 * child, was given by the right party, and a custody holder's does not start at 18. Their refusals tell the caller
 * something about the child's age, so they come after the access guard, as a read of the child's record.
 */
export function validateConsentForChild(input: Pick<NewConsentInput, 'givenBy' | 'givenOn' | 'validFrom'>, birthDate: string): void {
  if (input.givenOn < birthDate) {
    throw badUserInput(`givenOn ${input.givenOn} is before the child was born.`, { field: 'givenOn' });
  }

  assertConsentGivenByRightParty(input.givenBy, birthDate, input.givenOn);

  // The right-party rule looks at givenOn; this one at validFrom, which may lie years later. A custody holder's
  // consent is not honoured from the 18th birthday (isConsentActive), so one that only starts then is void from
  // the outset: at 18 the young person alone decides.
  if (input.givenBy === 'CUSTODY_HOLDER') {
    const adult = eighteenthBirthday(birthDate);
    if (input.validFrom >= adult) {
      throw badUserInput(
        `The young person is 18 or older on ${input.validFrom}; only they can consent from their 18th birthday, so a custody holder's consent cannot start that day or later.`,
        { field: 'validFrom' },
      );
    }
  }
}

/**
 * Why a consent cannot be used today:
 * - WITHDRAWN: withdrawn at or before `now` (withdrawal takes effect at once, whatever the validity dates say);
 * - NOT_YET_VALID / EXPIRED: `today` is before validFrom / after validUntil;
 * - CUSTODY_HOLDER_CONSENT_LAPSED: a custody holder's consent, and the young person has turned 18;
 * - BIRTH_DATE_UNKNOWN: a custody holder's consent, and without a birth date nobody can tell whether the person has
 *   turned 18 since, so it is not honoured (fail closed: a wrongly refused read can be fixed, a disclosure cannot).
 */
export type ConsentInactiveReason =
  | 'WITHDRAWN'
  | 'NOT_YET_VALID'
  | 'EXPIRED'
  | 'CUSTODY_HOLDER_CONSENT_LAPSED'
  | 'BIRTH_DATE_UNKNOWN';

/** All reasons the consent cannot be used on `today` / at `now`; empty when it is active. */
export function consentInactiveReasons(consent: ConsentRecord, ctx: ConsentTimeContext): ConsentInactiveReason[] {
  if (consent.withdrawnAt !== null) {
    const withdrawnAt = Date.parse(consent.withdrawnAt);
    // An unreadable timestamp still says "withdrawn"; treat it as withdrawn long ago rather than never.
    if (Number.isNaN(withdrawnAt) || withdrawnAt <= ctx.now.getTime()) return ['WITHDRAWN'];
  }
  const reasons: ConsentInactiveReason[] = [];
  // ISO dates sort lexically in calendar order.
  if (ctx.today < consent.validFrom) reasons.push('NOT_YET_VALID');
  if (consent.validUntil !== null && ctx.today > consent.validUntil) reasons.push('EXPIRED');
  if (consent.givenBy === 'CUSTODY_HOLDER') {
    if (ctx.birthDate === null) reasons.push('BIRTH_DATE_UNKNOWN');
    else if (ctx.today >= eighteenthBirthday(ctx.birthDate)) reasons.push('CUSTODY_HOLDER_CONSENT_LAPSED');
  }
  return reasons;
}

export function isConsentActive(consent: ConsentRecord, ctx: ConsentTimeContext): boolean {
  return consentInactiveReasons(consent, ctx).length === 0;
}

/** What a consent fails to cover for this reader and purpose; OTHER_SECTOR makes the organisation moot. */
export type ConsentCoverageGap = 'OTHER_SECTOR' | 'OTHER_ORGANISATION' | 'OTHER_PURPOSE';

export function consentCoverageGaps(
  consent: ConsentRecord,
  reader: Pick<Principal, 'sector' | 'organisation'>,
  purpose: Purpose,
): ConsentCoverageGap[] {
  const gaps: ConsentCoverageGap[] = [];
  if (consent.recipientSector !== reader.sector) gaps.push('OTHER_SECTOR');
  else if (consent.recipientOrganisation !== null && consent.recipientOrganisation !== reader.organisation) {
    gaps.push('OTHER_ORGANISATION');
  }
  // Consent is given for stated purposes only; a consent for early detection does not open the case for treatment.
  if (!consent.purposes.includes(purpose)) gaps.push('OTHER_PURPOSE');
  return gaps;
}

/** The consent names the reader's sector, their organisation or all of the sector, and this purpose. */
export function consentCovers(
  consent: ConsentRecord,
  reader: Pick<Principal, 'sector' | 'organisation'>,
  purpose: Purpose,
): boolean {
  return consentCoverageGaps(consent, reader, purpose).length === 0;
}

/**
 * One clause saying why a consent does not count, for a refusal message. It never names another organisation or
 * another sector the consent was given to: which other parties a child's data may go to is itself personal data,
 * and the reader needs only to know that this consent is not theirs.
 */
export function describeConsentProblem(
  problem: ConsentInactiveReason | ConsentCoverageGap,
  consent: ConsentRecord,
  reader: Pick<Principal, 'sector' | 'organisation'>,
  purpose: Purpose,
): string {
  switch (problem) {
    case 'WITHDRAWN':
      return `was withdrawn at ${consent.withdrawnAt ?? '(unknown time)'} (consent can be withdrawn at any time)`;
    case 'NOT_YET_VALID':
      return `is not valid until ${consent.validFrom}`;
    case 'EXPIRED':
      return `was valid only until ${consent.validUntil ?? '(open-ended)'}`;
    case 'CUSTODY_HOLDER_CONSENT_LAPSED':
      return 'was given by a custody holder while the young person has turned 18 (only they can consent now)';
    case 'BIRTH_DATE_UNKNOWN':
      return 'was given by a custody holder while the birth date is unknown (so it cannot be confirmed that the child is under 18)';
    case 'OTHER_SECTOR':
      return `is for another sector (not ${sectorLabel(reader.sector)})`;
    case 'OTHER_ORGANISATION':
      return `is for another organisation in ${sectorLabel(reader.sector)} (not ${organisationLabel(reader.sector, reader.organisation)})`;
    case 'OTHER_PURPOSE':
      return `covers ${consent.purposes.map(purposeLabel).join(' and ')} (not ${purposeLabel(purpose)})`;
  }
}
