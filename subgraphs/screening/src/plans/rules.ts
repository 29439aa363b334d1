import {
  ageOn,
  assertUuid,
  badUserInput,
  isValidOrganisation,
  optionalText,
  parseIsoDate,
  requiredText,
  SECTORS,
  type Sector,
} from '@pathway-graph/shared';
import type { ScreeningTrack } from '../db/schema.ts';

/**
 * An action plan (handleplan) for a child who screened positive (terms of reference: "en handleplan for de børn og
 * unge, som vurderes at have behov for et tilbud"): offers from the child's municipality's catalogue, the
 * responsible organisation and person, and a follow-up date. Pure: each refusal names the input field.
 */

export const PLAN_LIMITS = { offers: 10, personName: 200, phone: 30, note: 2000, followUpDays: 366 } as const;

export interface PlanInput {
  screeningResultId: string;
  offerIds: readonly string[];
  responsible: { sector: string; organisation: string; personName: string; phone?: string | null };
  followUpOn: string;
  note?: string | null;
}

export interface PlanValues {
  screeningResultId: string;
  offerIds: string[];
  responsible: { sector: Sector; organisation: string; personName: string; phone: string | null };
  followUpOn: string;
  note: string | null;
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Everything about a plan that needs nothing but the input and today. */
export function validatePlanInput(input: PlanInput, today: string): PlanValues {
  const screeningResultId = assertUuid(input.screeningResultId, 'input.screeningResultId', 'input.screeningResultId is not a screening result id.');
  if (input.offerIds.length === 0) {
    throw badUserInput("input.offerIds: choose at least one offer from the child's municipality's catalogue (municipalOffers).", { field: 'input.offerIds' });
  }
  if (input.offerIds.length > PLAN_LIMITS.offers) {
    throw badUserInput(`input.offerIds names ${input.offerIds.length} offers; a plan takes at most ${PLAN_LIMITS.offers}.`, { field: 'input.offerIds', maxItems: PLAN_LIMITS.offers });
  }
  const offerIds = input.offerIds.map((id, i) => assertUuid(id, `input.offerIds[${i}]`, `input.offerIds[${i}] is not an offer id; use ids from municipalOffers.`));
  offerIds.forEach((id, i) => {
    const first = offerIds.indexOf(id);
    if (first !== i) throw badUserInput(`input.offerIds[${i}] repeats input.offerIds[${first}]; name each offer once.`, { field: `input.offerIds[${i}]` });
  });

  const sector = input.responsible.sector;
  if (!(SECTORS as readonly string[]).includes(sector) || sector === 'REGION') {
    throw badUserInput('input.responsible.sector must be the sector of an organisation that cares for children (not REGION).', { field: 'input.responsible.sector' });
  }
  const organisation = requiredText(input.responsible.organisation, 'input.responsible.organisation', 16, { what: 'The responsible organisation', singleLine: true });
  if (!isValidOrganisation(sector as Sector, organisation)) {
    throw badUserInput(
      `input.responsible.organisation is not an organisation of ${sector}: a municipality code for MUNICIPALITY and HEALTH_VISITING, a ydernummer for GENERAL_PRACTICE, a SOR code otherwise.`,
      { field: 'input.responsible.organisation' },
    );
  }
  const personName = requiredText(input.responsible.personName, 'input.responsible.personName', PLAN_LIMITS.personName, { what: 'The responsible person', singleLine: true });
  const phone = optionalText(input.responsible.phone, 'input.responsible.phone', PLAN_LIMITS.phone, { what: 'The phone number', singleLine: true });

  const followUpOn = parseIsoDate(input.followUpOn, 'input.followUpOn');
  if (followUpOn <= today) throw badUserInput(`input.followUpOn ${followUpOn} must lie after today (${today}): it is when the plan is followed up.`, { field: 'input.followUpOn' });
  const latest = addDays(today, PLAN_LIMITS.followUpDays);
  if (followUpOn > latest) {
    throw badUserInput(`input.followUpOn ${followUpOn} is more than a year away; follow the plan up by ${latest} at the latest.`, { field: 'input.followUpOn' });
  }
  const note = optionalText(input.note, 'input.note', PLAN_LIMITS.note, { what: 'The note' });
  return { screeningResultId, offerIds, responsible: { sector: sector as Sector, organisation, personName, phone }, followUpOn, note };
}

/** An offer as the municipality's catalogue answers for it: what a plan checks it against. */
export interface OfferFacts {
  id: string;
  municipalityCode: number;
  tracks: readonly string[];
  minAge: number;
  maxAge: number;
  /** Existing and not retired. */
  available: boolean;
}

/** Each offer must exist, belong to the child's municipality, be available, serve the track and take the child's age. */
export function assertOffersSuit(
  offerIds: readonly string[],
  offers: ReadonlyMap<string, OfferFacts | null>,
  child: { municipalityCode: number | null; track: ScreeningTrack; birthDate: string; today: string },
): void {
  const age = ageOn(child.birthDate, child.today);
  offerIds.forEach((id, i) => {
    const field = `input.offerIds[${i}]`;
    const offer = offers.get(id) ?? null;
    if (!offer) throw badUserInput(`${field}: no municipality's catalogue has this offer; choose one from municipalOffers.`, { field, rule: 'OFFER_NOT_FOUND' });
    if (child.municipalityCode !== null && offer.municipalityCode !== child.municipalityCode) {
      throw badUserInput(
        `${field}: the offer is in municipality ${offer.municipalityCode}'s catalogue, and the child was registered in the track with municipality ${child.municipalityCode}; choose an offer of that municipality.`,
        { field, rule: 'OFFER_OF_ANOTHER_MUNICIPALITY' },
      );
    }
    if (!offer.available) throw badUserInput(`${field}: the offer is proposed or retired, not available; choose an existing offer.`, { field, rule: 'OFFER_NOT_AVAILABLE' });
    if (!offer.tracks.includes(child.track)) throw badUserInput(`${field}: the offer does not serve track ${child.track}; choose one that does.`, { field, rule: 'OFFER_NOT_FOR_TRACK' });
    if (age < offer.minAge || age > offer.maxAge) {
      throw badUserInput(`${field}: the offer takes children aged ${offer.minAge}-${offer.maxAge}, and the child is ${age}; choose one for that age.`, {
        field,
        rule: 'OFFER_NOT_FOR_AGE',
      });
    }
  });
}

/** When a positive result without a plan becomes an open action of the organisation that recorded it. */
export function actionPlanDueOn(screeningDate: string, dueDays: number): string {
  return addDays(screeningDate, dueDays);
}

export const isOverdue = (dueOn: string, today: string): boolean => today > dueOn;
