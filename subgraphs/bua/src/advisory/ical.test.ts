import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { adviserCalendar, municipalityCalendar, type FeedSlot } from './ical.ts';
import { copenhagenDateTime } from './local-time.ts';
import { booking } from './rules/fixtures.ts';
import { generateSlots, validateSlotSeries } from './slots.ts';

/** The feed parsed back by an independent RFC 5545 parser (ical.js), as a calendar program would read it. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      sequence: e.sequence,
      start: e.startDate.toJSDate(),
      end: e.endDate.toJSDate(),
      startZone: e.startDate.zone?.tzid,
      local: (({ date, time }) => `${date} ${time}`)(copenhagenDateTime(e.startDate.toJSDate())),
      status: v.getFirstPropertyValue('status'),
      transparency: v.getFirstPropertyValue('transp'),
      location: e.location,
      url: v.getFirstPropertyValue('url'),
    };
  });
  return { calendar, events };
}

const consultationSeries = validateSlotSeries({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  kind: 'CONSULTATION',
  municipalityCodes: [751],
  adviserId: 'adviser-1',
  recurrence: { frequency: 'WEEKLY', weekday: 'THURSDAY', everyWeeks: 1 },
  startTime: '09:00',
  startsOn: '2026-01-01',
  meetingUrl: 'https://video.example.invalid/bua-aarhus',
  exceptions: [{ occurrenceDate: '2026-04-09', action: 'CANCEL' }],
});
const teachingSeries = validateSlotSeries({
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  kind: 'TEACHING',
  municipalityCodes: [751, 657],
  adviserId: 'adviser-1',
  capacity: 20,
  recurrence: { frequency: 'MONTHLY', weekday: 'WEDNESDAY', nth: 1 },
  startTime: '14:00',
  durationMinutes: 90,
  startsOn: '2026-01-01',
  meetingUrl: 'https://video.example.invalid/bua-teaching',
});
// 19 March (winter time), 26 March, then over the clock change: 9 April (cancelled); Maundy Thursday 2 April has none.
const horizon = { from: '2026-03-19', to: '2026-04-10' };
const slots: FeedSlot[] = [...generateSlots(consultationSeries, horizon), ...generateSlots(teachingSeries, horizon)].map((s, i) => ({
  ...s,
  sequence: i % 2,
}));
const [march19, march26, april9] = slots.filter((s) => s.kind === 'CONSULTATION');
const teaching = slots.find((s) => s.kind === 'TEACHING')!;
const bookings = [
  booking({ id: 'booking-1', slotId: march19!.id, kind: 'SPARRING', bookerId: 'ppr-751' }),
  booking({ id: 'booking-2', slotId: march26!.id, kind: 'SUPERVISION', bookerId: 'sw-751', cancelledAt: new Date('2026-03-20T10:00:00Z') }),
  booking({ id: 'booking-3', slotId: teaching.id, kind: 'TEACHING', bookerId: 'cw-751' }),
  booking({ id: 'booking-4', slotId: teaching.id, kind: 'TEACHING', bookerId: 'sw-657', municipalityCode: 657 }),
  booking({ id: 'booking-5', slotId: teaching.id, kind: 'TEACHING', bookerId: 'ppr-657', municipalityCode: 657 }),
];
const options = { generatedAt: new Date('2026-03-18T12:00:00Z') };

describe('municipalityCalendar', () => {
  const ics = municipalityCalendar(751, slots, bookings, options);
  const { calendar, events } = parse(ics);

  it('is a valid calendar with one event per slot offered to the municipality, UID the slot id', () => {
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//pathway-graph//bua-advisory//DA');
    expect(events.map((e) => e.uid)).toEqual([march19!.id, march26!.id, teaching.id, april9!.id]);
  });

  it('gives UTC times that stay 09:00 in Copenhagen across the clock change', () => {
    expect(events.map((e) => [e.start.toISOString(), e.startZone, e.local])).toEqual([
      ['2026-03-19T08:00:00.000Z', 'UTC', '2026-03-19 09:00'],
      ['2026-03-26T08:00:00.000Z', 'UTC', '2026-03-26 09:00'],
      ['2026-04-01T12:00:00.000Z', 'UTC', '2026-04-01 14:00'],
      ['2026-04-09T07:00:00.000Z', 'UTC', '2026-04-09 09:00'],
    ]);
    expect(events[0]!.end.toISOString()).toBe('2026-03-19T08:45:00.000Z');
    expect(events[2]!.end.toISOString()).toBe('2026-04-01T13:30:00.000Z');
  });

  it('says the kind and whether it is booked; a cancelled booking frees the slot', () => {
    expect(events.map((e) => [e.summary, e.status, e.transparency])).toEqual([
      ['BUA-rådgivning: sparring (booket)', 'CONFIRMED', 'OPAQUE'],
      ['BUA-rådgivning: ledig mødetid', 'CONFIRMED', 'TRANSPARENT'],
      ['BUA-undervisning i psykopatologi og assessment (1 tilmeldt fra kommunen)', 'CONFIRMED', 'OPAQUE'],
      ['Aflyst: BUA-rådgivning: ledig mødetid', 'CANCELLED', 'TRANSPARENT'],
    ]);
  });

  it('gives the meeting link as location and URL, and the slot’s sequence', () => {
    expect(events[0]).toMatchObject({ location: 'https://video.example.invalid/bua-aarhus', url: 'https://video.example.invalid/bua-aarhus' });
    expect(events.map((e) => e.sequence)).toEqual([march19!.sequence, march26!.sequence, teaching.sequence, april9!.sequence]);
  });

  it('holds no personal data: no booker, no booking id', () => {
    for (const secret of ['ppr-751', 'sw-751', 'cw-751', 'sw-657', 'booking-1', 'booking-3']) expect(ics).not.toContain(secret);
  });

  it('shows another municipality only what is offered to it', () => {
    const other = parse(municipalityCalendar(657, slots, bookings, options)).events;
    expect(other.map((e) => [e.uid, e.summary])).toEqual([[teaching.id, 'BUA-undervisning i psykopatologi og assessment (2 tilmeldt fra kommunen)']]);
    expect(parse(municipalityCalendar(615, slots, bookings, options)).events).toEqual([]);
  });

  it('updates the same event when a meeting moves, with a higher sequence', () => {
    const moved = generateSlots(
      validateSlotSeries({ ...consultationSeries, exceptions: [{ occurrenceDate: '2026-03-26', action: 'MOVE', date: '2026-03-27', startTime: '10:00' }] }),
      { from: '2026-03-26', to: '2026-03-27' },
    ).map((s) => ({ ...s, sequence: march26!.sequence + 1 }));
    const [event] = parse(municipalityCalendar(751, moved, [], options)).events;
    expect(event).toMatchObject({ uid: march26!.id, sequence: march26!.sequence + 1, local: '2026-03-27 10:00' });
  });
});

describe('adviserCalendar', () => {
  const { events } = parse(adviserCalendar('adviser-1', slots, bookings, options));

  it('lists every slot the adviser holds, with the municipality, the kind and the seats taken', () => {
    expect(events.map((e) => [e.summary, e.status, e.transparency])).toEqual([
      ['BUA-rådgivning med Aarhus Kommune: sparring', 'CONFIRMED', 'OPAQUE'],
      ['BUA-rådgivning med Aarhus Kommune: ledig', 'CONFIRMED', 'OPAQUE'],
      ['BUA-undervisning i psykopatologi og assessment (3/20 tilmeldt)', 'CONFIRMED', 'OPAQUE'],
      ['Aflyst: BUA-rådgivning med Aarhus Kommune: ledig', 'CANCELLED', 'TRANSPARENT'],
    ]);
  });

  it('lists nothing of another adviser', () => {
    expect(parse(adviserCalendar('adviser-2', slots, bookings, options)).events).toEqual([]);
  });
});
