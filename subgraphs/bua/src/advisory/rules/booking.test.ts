import { describe, expect, it } from 'vitest';
import { asAdviser, asMunicipal, person, refusalOf } from '../testing.ts';
import { assertMayBook, assertMayCancelBooking, bookingRaceLost, seatsLeft } from './booking.ts';
import { AFTER, BEFORE, DURING, booking, consultation, teaching } from './fixtures.ts';

const ppr751 = asMunicipal('ppr-751', 751);
const none = { bookings: [], now: BEFORE };

describe('assertMayBook', () => {
  it.each([
    ['sparring on a consultation slot', consultation, 'SPARRING'],
    ['supervision on a consultation slot', consultation, 'SUPERVISION'],
    ['a teaching session', teaching, 'TEACHING'],
  ] as const)('accepts %s by eligible staff of the municipality', (_name, slot, kind) => {
    expect(assertMayBook(ppr751, slot, kind, none)).toBe(kind);
  });

  it('opens a teaching session to every municipality it names, up to its capacity', () => {
    const seats = [booking({ bookerId: 'a', municipalityCode: 657 }), booking({ bookerId: 'b' })];
    expect(assertMayBook(asMunicipal('sw-657', 657, 'SOCIAL_WORKER'), teaching, 'TEACHING', { bookings: seats, now: BEFORE })).toBe('TEACHING');
  });

  it.each([
    ['an ineligible role', person('hv', 'HEALTH_VISITING', '751', 'HEALTH_VISITOR'), consultation, 'SPARRING', none, 'FORBIDDEN', 'roles', /not among them/],
    ['a BUA adviser', asAdviser(), consultation, 'SPARRING', none, 'FORBIDDEN', 'roles', /municipal staff/],
    ["another municipality's slot", asMunicipal('ppr-657', 657), consultation, 'SPARRING', none, 'FORBIDDEN', 'slotId', /belongs to another municipality's fixed meeting times/],
    ['a teaching session not open to the municipality', asMunicipal('ppr-615', 615), teaching, 'TEACHING', none, 'FORBIDDEN', 'slotId', /not open to your municipality/],
    ['an unknown kind', ppr751, consultation, 'CHAT', none, 'BAD_USER_INPUT', 'kind', /SPARRING, SUPERVISION, TEACHING/],
    ['teaching on a consultation slot', ppr751, consultation, 'TEACHING', none, 'BAD_USER_INPUT', 'kind', /teaching has sessions of its own/],
    ['sparring on a teaching session', ppr751, teaching, 'SPARRING', none, 'BAD_USER_INPUT', 'kind', /booked for TEACHING/],
    ['a cancelled slot', ppr751, { ...consultation, status: 'CANCELLED' }, 'SPARRING', none, 'CONFLICT', 'slotId', /BUA has cancelled this meeting slot; choose another one/],
    ['a slot that has begun', ppr751, consultation, 'SPARRING', { bookings: [], now: DURING }, 'BAD_USER_INPUT', 'slotId', /already begun or taken place; choose one in the future/],
    ['a past slot', ppr751, consultation, 'SPARRING', { bookings: [], now: AFTER }, 'BAD_USER_INPUT', 'slotId', /already begun/],
    ['a booked consultation slot', asMunicipal('sw-751', 751, 'SOCIAL_WORKER'), consultation, 'SPARRING', { bookings: [booking()], now: BEFORE }, 'CONFLICT', 'slotId', /already booked; choose another/],
    ['a slot one has booked oneself', ppr751, consultation, 'SUPERVISION', { bookings: [booking()], now: BEFORE }, 'CONFLICT', 'slotId', /You have already booked/],
    [
      'a full teaching session',
      ppr751,
      teaching,
      'TEACHING',
      { bookings: ['a', 'b', 'c'].map((bookerId) => booking({ bookerId, kind: 'TEACHING' })), now: BEFORE },
      'CONFLICT',
      'slotId',
      /full \(all 3 seats are booked\)/,
    ],
  ] as const)('refuses %s', (_name, principal, slot, kind, context, code, field, message) => {
    const r = refusalOf(() => assertMayBook(principal, slot, kind, context));
    expect(r).toMatchObject({ code, field });
    expect(r.message).toMatch(message);
  });

  it('never names the other municipality in a refusal', () => {
    expect(refusalOf(() => assertMayBook(asMunicipal('ppr-657', 657), consultation, 'SPARRING', none)).message).not.toMatch(/751|Aarhus/);
  });

  it('takes a slot again once its booking is cancelled', () => {
    const cancelled = booking({ cancelledAt: new Date('2026-03-05T10:00:00Z') });
    expect(assertMayBook(asMunicipal('sw-751', 751, 'SOCIAL_WORKER'), consultation, 'SPARRING', { bookings: [cancelled], now: BEFORE })).toBe('SPARRING');
    expect(assertMayBook(ppr751, consultation, 'SPARRING', { bookings: [cancelled], now: BEFORE })).toBe('SPARRING');
  });
});

describe('seatsLeft', () => {
  it('counts active bookings only, and none in a cancelled slot', () => {
    const seats = [booking({ bookerId: 'a' }), booking({ bookerId: 'b', cancelledAt: BEFORE })];
    expect(seatsLeft(teaching, seats)).toBe(2);
    expect(seatsLeft(consultation, seats)).toBe(0);
    expect(seatsLeft(consultation, [])).toBe(1);
    expect(seatsLeft({ ...teaching, status: 'CANCELLED' }, [])).toBe(0);
  });
});

describe('bookingRaceLost', () => {
  it('is a CONFLICT telling the person to choose another slot', () => {
    const e = bookingRaceLost(consultation);
    expect(e.extensions).toMatchObject({ code: 'CONFLICT', field: 'slotId' });
    expect(e.message).toMatch(/a moment ago; choose another one/);
  });
});

describe('assertMayCancelBooking', () => {
  it.each([
    ['the booker', ppr751],
    ['an eligible colleague', asMunicipal('sw-751', 751, 'SOCIAL_WORKER')],
    ['a BUA adviser', asAdviser()],
  ])('lets %s cancel before the meeting', (_name, principal) => {
    expect(() => assertMayCancelBooking(principal, booking(), consultation, BEFORE)).not.toThrow();
  });

  it.each([
    ['staff of another municipality', asMunicipal('ppr-657', 657), booking(), BEFORE, 'FORBIDDEN', /Only the person who booked/],
    ['an ineligible colleague', person('an', 'MUNICIPALITY', '751', 'ANALYST'), booking(), BEFORE, 'FORBIDDEN', /Only the person who booked/],
    ['a cancelled booking', ppr751, booking({ cancelledAt: BEFORE }), BEFORE, 'CONFLICT', /already cancelled/],
    ['a meeting that has begun', ppr751, booking(), DURING, 'BAD_USER_INPUT', /can no longer be cancelled\. If it did not take place, tell the adviser/],
    ['a meeting that has taken place', ppr751, booking(), AFTER, 'BAD_USER_INPUT', /already begun or taken place/],
  ] as const)('refuses cancelling by %s', (_name, principal, b, now, code, message) => {
    const r = refusalOf(() => assertMayCancelBooking(principal, b, consultation, now));
    expect(r).toMatchObject({ code, field: 'bookingId' });
    expect(r.message).toMatch(message);
  });
});
