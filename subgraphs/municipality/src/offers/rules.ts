import { badUserInput, forbidden, requiredText, type Principal, type Role } from '@pathway-graph/shared';
import { OFFER_AVAILABILITIES, OFFER_KINDS, SCREENING_TRACKS, type OfferAvailability, type OfferKind, type ScreeningTrack } from '../db/schema.ts';

/**
 * The municipality's catalogue of offers for children who screen positive in a track (the terms of reference ask
 * which offers exist and which could be established). Reference data about services, never about a child: anyone
 * signed in may read it, and the municipality's own staff keep it.
 */

export const OFFER_LIMITS = { name: 200, targetGroup: 500, contact: 500 } as const;
/** The target group of the agreement: children and young people 0-18. */
export const OFFER_AGES = { min: 0, max: 18 } as const;

/** The municipality's own staff who keep its catalogue: the children's area and its administrators. */
export const OFFER_MANAGER_ROLES = ['CASEWORKER', 'PPR_PSYCHOLOGIST', 'SOCIAL_WORKER', 'ADMINISTRATOR'] as const satisfies readonly Role[];

export function assertMayManageOffers(principal: Principal, municipalityCode: number, field = 'municipalityCode'): void {
  const own = principal.sector === 'MUNICIPALITY' && principal.organisation === String(municipalityCode);
  if (own && principal.roles.some((r) => (OFFER_MANAGER_ROLES as readonly Role[]).includes(r))) return;
  throw forbidden(
    `Only municipality ${municipalityCode}'s own staff (${OFFER_MANAGER_ROLES.join(', ')}) can change its offer catalogue; ` +
      'everyone signed in can read it.',
    { field, rule: own ? 'NO_OFFER_MANAGER_ROLE' : 'OTHER_ORGANISATION' },
  );
}

export interface OfferInput {
  name?: string | null;
  kind?: string | null;
  targetGroup?: string | null;
  tracks?: readonly string[] | null;
  minAge?: number | null;
  maxAge?: number | null;
  contact?: string | null;
  availability?: string | null;
}

export interface OfferValues {
  name: string;
  kind: OfferKind;
  targetGroup: string;
  tracks: ScreeningTrack[];
  minAge: number;
  maxAge: number;
  contact: string;
  availability: OfferAvailability;
}

function age(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < OFFER_AGES.min || value > OFFER_AGES.max) {
    throw badUserInput(`${field} must be a whole number of years from ${OFFER_AGES.min} to ${OFFER_AGES.max} (the agreement's target group).`, { field });
  }
  return value;
}

/** Every rule an offer must meet, checked field by field; `prefix` names the input (`input.name`). */
export function validateOffer(input: OfferInput, prefix = 'input'): OfferValues {
  const f = (name: string) => `${prefix}.${name}`;
  const name = requiredText(input.name, f('name'), OFFER_LIMITS.name, { what: 'The offer’s name', singleLine: true });
  if (!input.kind || !(OFFER_KINDS as readonly string[]).includes(input.kind)) {
    throw badUserInput(`${f('kind')} must be one of ${OFFER_KINDS.join(', ')}.`, { field: f('kind') });
  }
  const targetGroup = requiredText(input.targetGroup, f('targetGroup'), OFFER_LIMITS.targetGroup, { what: 'The target group' });
  const tracks = input.tracks ?? [];
  if (tracks.length === 0) throw badUserInput(`${f('tracks')}: name at least one screening track the offer is for.`, { field: f('tracks') });
  const unknown = tracks.filter((t) => !(SCREENING_TRACKS as readonly string[]).includes(t));
  if (unknown.length) throw badUserInput(`${f('tracks')} must hold tracks of ${SCREENING_TRACKS.join(', ')}.`, { field: f('tracks') });
  if (new Set(tracks).size !== tracks.length) throw badUserInput(`${f('tracks')}: name each track once.`, { field: f('tracks') });
  const minAge = age(input.minAge, f('minAge'));
  const maxAge = age(input.maxAge, f('maxAge'));
  if (minAge > maxAge) throw badUserInput(`${f('maxAge')} (${maxAge}) is below ${f('minAge')} (${minAge}); the age range must run upwards.`, { field: f('maxAge') });
  const contact = requiredText(input.contact, f('contact'), OFFER_LIMITS.contact, { what: 'How to get in touch' });
  const availability = input.availability ?? 'EXISTING';
  if (!(OFFER_AVAILABILITIES as readonly string[]).includes(availability)) {
    throw badUserInput(`${f('availability')} must be one of ${OFFER_AVAILABILITIES.join(', ')}.`, { field: f('availability') });
  }
  return {
    name,
    kind: input.kind as OfferKind,
    targetGroup,
    tracks: [...tracks] as ScreeningTrack[],
    minAge,
    maxAge,
    contact,
    availability: availability as OfferAvailability,
  };
}

/** An optional filter age, as `municipalOffers(age:)` takes it. */
export function filterAge(value: number | null | undefined): number | null {
  return value == null ? null : age(value, 'age');
}

