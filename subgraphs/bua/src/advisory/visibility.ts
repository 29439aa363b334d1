import { badUserInput, forbidden, isRegionMidtjyllandMunicipalityCode, type MunicipalityCode, type Principal } from '@pathway-graph/shared';
import { bookerMunicipality, isBuaAdviser, isEligibleBooker, isEligibleStaffOf } from './rules/eligibility.ts';
import type { Booking, Slot } from './types.ts';

/**
 * Who sees which advisory records. Advisory cases are anonymous, so this is not the child-data policy of
 * shared/src/access (no consent, no access-log entry): it is about organisations. A municipality's staff see their
 * own municipality's slots and bookings, never another's (which municipality books what, and about which problem,
 * is that municipality's business); BUA's advisers see all, since they hold the meetings; BUA's administrators
 * manage the service (contact persons, series, usage) without reading the cases.
 */

/** BUA's advisers and administrators: they plan the service. */
export function isBuaPlanner(principal: Pick<Principal, 'sector' | 'roles'>): boolean {
  return principal.sector === 'BUA' && (principal.roles.includes('BUA_ADVISER') || principal.roles.includes('ADMINISTRATOR'));
}

function assertKnownMunicipality(code: number, field: string): asserts code is MunicipalityCode {
  if (!isRegionMidtjyllandMunicipalityCode(code)) {
    throw badUserInput(`${field} must be the code of one of the 19 municipalities of Region Midtjylland.`, { field });
  }
}

/**
 * The municipality a reader's question is about: municipal staff ask about their own (the default), BUA's planners
 * about any or, with `undefined`, all. Everyone else is refused, saying who may.
 */
export function municipalityInScope(principal: Principal, requested: number | null | undefined, what: string, field = 'municipalityCode'): MunicipalityCode | undefined {
  if (requested != null) assertKnownMunicipality(requested, field);
  const asked = requested ?? undefined;
  if (isEligibleBooker(principal)) {
    const own = bookerMunicipality(principal);
    if (requested != null && requested !== own) {
      throw forbidden(`You can see only your own municipality's ${what}; leave out ${field}, or give ${own}.`, { field });
    }
    return own;
  }
  if (isBuaPlanner(principal)) return asked as MunicipalityCode | undefined;
  throw forbidden(
    `BUA's ${what} are for the municipalities' advisory staff (PPR, pedagogical and psychological consultants, social workers, caseworkers) and BUA's advisers and administrators.`,
    { field: 'roles' },
  );
}

/** Whether the reader may see a slot: staff of a municipality it is open to, or BUA's planners. */
export function maySeeSlot(principal: Principal, slot: Pick<Slot, 'municipalityCodes'>): boolean {
  if (isBuaPlanner(principal)) return true;
  return isEligibleBooker(principal) && (slot.municipalityCodes as readonly number[]).includes(bookerMunicipality(principal));
}

export function assertMaySeeSlot(principal: Principal, slot: Pick<Slot, 'municipalityCodes'>): void {
  if (maySeeSlot(principal, slot)) return;
  throw forbidden(
    isEligibleBooker(principal)
      ? "This advisory slot is not open to your municipality; you can see your own municipality's slots and the teaching sessions open to it."
      : "BUA's advisory slots are for the municipalities' advisory staff and BUA's advisers and administrators.",
    { field: 'id' },
  );
}

/** Whether the reader may see a booking, its description and its advice: the booking municipality's staff, BUA's advisers. */
export function maySeeBooking(principal: Principal, booking: Pick<Booking, 'municipalityCode'>): boolean {
  return isBuaAdviser(principal) || isEligibleStaffOf(principal, booking.municipalityCode);
}

export function assertMaySeeBooking(principal: Principal, booking: Pick<Booking, 'municipalityCode'>, field = 'id'): void {
  if (maySeeBooking(principal, booking)) return;
  throw forbidden(
    isEligibleBooker(principal)
      ? "This booking belongs to another municipality; you can see your own municipality's bookings."
      : "An advisory booking is seen by the booking municipality's advisory staff and BUA's advisers.",
    { field },
  );
}

/** Usage figures: regional analysts and administrators, BUA's planners (any municipality); a municipality's analysts (their own). */
export function usageScope(principal: Principal): { all: true } | { only: MunicipalityCode } {
  const roles = principal.roles;
  if (principal.sector === 'REGION' && (roles.includes('ANALYST') || roles.includes('ADMINISTRATOR'))) return { all: true };
  if (isBuaPlanner(principal)) return { all: true };
  if (principal.sector === 'MUNICIPALITY' && roles.includes('ANALYST')) return { only: Number(principal.organisation) as MunicipalityCode };
  throw forbidden(
    "The advisory service's usage figures are for analysts and administrators of the region, a municipality's analysts (their own municipality) and BUA's advisers and administrators.",
    { field: 'roles' },
  );
}
