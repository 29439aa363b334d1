import { describe, expect, it } from 'vitest';
import { booking } from './rules/fixtures.ts';
import { generateSlots, validateSlotSeries } from './slots.ts';
import { refusalOf } from './testing.ts';
import { BOOKING_KINDS } from './types.ts';
import { usageFigures } from './usage.ts';

const base = { adviserId: 'adviser-1', startTime: '09:00', startsOn: '2026-01-01', meetingUrl: 'https://video.example.invalid/m' };
const march = { from: '2026-03-01', to: '2026-03-31' };
const aarhus = generateSlots(
  validateSlotSeries({
    ...base,
    id: '0190a1b2-c3d4-7e5f-8a9b-000000000751',
    kind: 'CONSULTATION',
    municipalityCodes: [751],
    recurrence: { frequency: 'WEEKLY', weekday: 'TUESDAY' },
    exceptions: [{ occurrenceDate: '2026-03-24', action: 'CANCEL' }],
  }),
  march,
); // 3, 10, 17, 24 (cancelled), 31 March
const herning = generateSlots(
  validateSlotSeries({ ...base, id: '0190a1b2-c3d4-7e5f-8a9b-000000000657', kind: 'CONSULTATION', municipalityCodes: [657], recurrence: { frequency: 'WEEKLY', weekday: 'WEDNESDAY' } }),
  march,
);
const teaching = generateSlots(
  validateSlotSeries({
    ...base,
    id: '0190a1b2-c3d4-7e5f-8a9b-00000000000e',
    kind: 'TEACHING',
    municipalityCodes: [751, 657],
    capacity: 20,
    startTime: '14:00',
    recurrence: { frequency: 'MONTHLY', weekday: 'THURSDAY', nth: 1 },
  }),
  { from: '2026-03-01', to: '2026-04-30' },
); // 5 March, and 2 April (Maundy Thursday) skipped: none in April
const aarhusApril = generateSlots(
  validateSlotSeries({ ...base, id: '0190a1b2-c3d4-7e5f-8a9b-000000000752', kind: 'CONSULTATION', municipalityCodes: [751], recurrence: { frequency: 'WEEKLY', weekday: 'MONDAY' } }),
  { from: '2026-04-01', to: '2026-04-30' },
); // 13, 20, 27 April (Easter Monday 6 April skipped)
const slots = [...aarhus, ...herning, ...teaching, ...aarhusApril];
const on = (date: string) => aarhus.find((s) => s.occurrenceDate === date)!.id;
const cancelledAt = new Date('2026-03-02T10:00:00Z');
const bookings = [
  booking({ id: '1', slotId: on('2026-03-03'), kind: 'SPARRING' }), // held
  booking({ id: '2', slotId: on('2026-03-10'), kind: 'SUPERVISION', cancelledAt }), // cancelled by the municipality
  booking({ id: '3', slotId: on('2026-03-10'), kind: 'SPARRING', bookerId: 'sw-751' }), // rebooked, held
  booking({ id: '4', slotId: on('2026-03-24'), kind: 'SPARRING' }), // slot cancelled by BUA
  booking({ id: '5', slotId: on('2026-03-31'), kind: 'SUPERVISION' }), // upcoming
  booking({ id: '6', slotId: teaching[0]!.id, kind: 'TEACHING', bookerId: 'a' }),
  booking({ id: '7', slotId: teaching[0]!.id, kind: 'TEACHING', bookerId: 'b' }),
  booking({ id: '8', slotId: teaching[0]!.id, kind: 'TEACHING', bookerId: 'c', municipalityCode: 657 }),
  booking({ id: '9', slotId: herning[0]!.id, kind: 'SPARRING', bookerId: 'd', municipalityCode: 657 }),
];
const asOf = new Date('2026-03-20T12:00:00Z');

describe('usageFigures', () => {
  it('counts a municipality’s slots offered and cancelled, and its bookings booked, cancelled, used and upcoming, by kind', () => {
    expect(usageFigures({ municipalityCode: 751, ...march, slots, bookings, asOf })).toEqual({
      municipalityCode: 751,
      from: '2026-03-01',
      to: '2026-03-31',
      slotsOffered: { CONSULTATION: 4, TEACHING: 1 },
      slotsCancelled: { CONSULTATION: 1, TEACHING: 0 },
      booked: { SPARRING: 3, SUPERVISION: 2, TEACHING: 2 },
      cancelled: { SPARRING: 1, SUPERVISION: 1, TEACHING: 0 },
      used: { SPARRING: 2, SUPERVISION: 0, TEACHING: 2 },
      upcoming: { SPARRING: 0, SUPERVISION: 1, TEACHING: 0 },
    });
  });

  it('counts another municipality’s own slots and seats only', () => {
    const herningFigures = usageFigures({ municipalityCode: 657, ...march, slots, bookings, asOf });
    expect(herningFigures.slotsOffered).toEqual({ CONSULTATION: 4, TEACHING: 1 });
    expect(herningFigures.booked).toEqual({ SPARRING: 1, SUPERVISION: 0, TEACHING: 1 });
    expect(usageFigures({ municipalityCode: 615, ...march, slots, bookings, asOf }).slotsOffered).toEqual({ CONSULTATION: 0, TEACHING: 0 });
  });

  it('always has booked = cancelled + used + upcoming', () => {
    for (const asOfDate of ['2026-03-01T00:00:00Z', '2026-03-20T12:00:00Z', '2026-04-30T00:00:00Z']) {
      const f = usageFigures({ municipalityCode: 751, ...march, slots, bookings, asOf: new Date(asOfDate) });
      for (const kind of BOOKING_KINDS) expect(f.booked[kind]).toBe(f.cancelled[kind] + f.used[kind] + f.upcoming[kind]);
    }
  });

  it('takes the period by the Copenhagen date a slot starts on, both ends included', () => {
    const f = usageFigures({ municipalityCode: 751, from: '2026-03-10', to: '2026-03-10', slots, bookings, asOf });
    expect(f.slotsOffered.CONSULTATION).toBe(1);
    expect(f.booked).toEqual({ SPARRING: 1, SUPERVISION: 1, TEACHING: 0 });
    expect(usageFigures({ municipalityCode: 751, from: '2026-04-01', to: '2026-04-30', slots, bookings, asOf }).slotsOffered).toEqual({ CONSULTATION: 3, TEACHING: 0 });
  });

  it('refuses a period that ends before it begins, and an unknown municipality', () => {
    expect(refusalOf(() => usageFigures({ municipalityCode: 751, from: '2026-03-31', to: '2026-03-01', slots, bookings, asOf }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(refusalOf(() => usageFigures({ municipalityCode: 999, ...march, slots, bookings, asOf }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'municipalityCode' });
  });
});
