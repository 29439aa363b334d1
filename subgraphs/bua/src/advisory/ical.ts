import { REGION_MIDTJYLLAND_MUNICIPALITIES } from '@pathway-graph/shared';
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency, type ICalEventData } from 'ical-generator';
import { isActiveBooking, type Booking, type BookingKind, type Slot } from './types.ts';

/**
 * iCalendar (RFC 5545) feeds of the advisory service, one per municipality and one per adviser, so staff see the
 * meetings in their own calendar programs. One VEVENT per slot:
 * - UID is the slot id, which is stable for the occurrence (slot-id.ts), so a moved or cancelled meeting updates
 *   the event already in people's calendars instead of adding one; SEQUENCE is the slot's change count.
 * - DTSTART/DTEND are UTC instants: unambiguous in every client, which shows them in the reader's time zone, and no
 *   VTIMEZONE to keep in step with the daylight-saving rules.
 * - SUMMARY says the kind and whether it is booked, never who booked or what the case is: a calendar feed is
 *   fetched by calendar programs and servers outside our access control, so it holds no personal data at all.
 * - LOCATION and URL are the meeting link; STATUS is CONFIRMED or CANCELLED; free slots are TRANSPARENT in a
 *   municipality's calendar (they do not make anyone busy), booked ones OPAQUE.
 * Texts are Danish, as the staff reading them are.
 */

export interface FeedSlot extends Slot {
  /** RFC 5545 SEQUENCE: bumped with every change a calendar must pick up (planSlotSync, booking, cancelling). */
  sequence: number;
  updatedAt?: Date;
}

export interface FeedOptions {
  /** DTSTAMP of every event: when the feed was generated. */
  generatedAt: Date;
}

const KIND_DA: Record<BookingKind, string> = { SPARRING: 'sparring', SUPERVISION: 'supervision', TEACHING: 'undervisning' };
const TEACHING_DA = 'BUA-undervisning i psykopatologi og assessment';
const PROD_ID = { company: 'pathway-graph', product: 'bua-advisory', language: 'DA' };
/** How often calendar programs should fetch the feed again (REFRESH-INTERVAL / X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 3600;

const MUNICIPALITY_NAMES: ReadonlyMap<number, string> = new Map(REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => [m.code, m.name]));
const municipalityName = (code: number) => `${MUNICIPALITY_NAMES.get(code) ?? String(code)} Kommune`;

function description(slot: Slot): string {
  const minutes = Math.round((slot.endsAt.getTime() - slot.startsAt.getTime()) / 60_000);
  const what = slot.kind === 'TEACHING' ? 'Virtuel undervisning ved' : 'Virtuelt rådgivningsmøde med';
  return `${what} Børne- og Ungdomspsykiatrisk Afdeling (BUA), ${minutes} minutter.\nMødelink: ${slot.meetingUrl}`;
}

function event(slot: FeedSlot, summary: string, busy: boolean, options: FeedOptions): ICalEventData {
  const cancelled = slot.status === 'CANCELLED';
  return {
    id: slot.id,
    sequence: slot.sequence,
    stamp: options.generatedAt,
    lastModified: slot.updatedAt ?? null,
    start: slot.startsAt,
    end: slot.endsAt,
    summary: cancelled ? `Aflyst: ${summary}` : summary,
    description: description(slot),
    location: slot.meetingUrl,
    url: slot.meetingUrl,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: busy && !cancelled ? ICalEventTransparency.OPAQUE : ICalEventTransparency.TRANSPARENT,
  };
}

function calendar(name: string, events: ICalEventData[]): string {
  const cal = ical({ name, prodId: PROD_ID, method: ICalCalendarMethod.PUBLISH, ttl: REFRESH_SECONDS });
  for (const e of events) cal.createEvent(e);
  return cal.toString();
}

function activeBySlot(bookings: readonly Booking[]): Map<string, Booking[]> {
  const bySlot = new Map<string, Booking[]>();
  for (const b of bookings.filter(isActiveBooking)) bySlot.set(b.slotId, [...(bySlot.get(b.slotId) ?? []), b]);
  return bySlot;
}

const byStart = (a: Slot, b: Slot) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id);

/** A municipality's feed: the slots offered to it, and which of them its staff have booked. */
export function municipalityCalendar(municipalityCode: number, slots: readonly FeedSlot[], bookings: readonly Booking[], options: FeedOptions): string {
  const bySlot = activeBySlot(bookings);
  const events = slots
    .filter((s) => (s.municipalityCodes as readonly number[]).includes(municipalityCode))
    .sort(byStart)
    .map((slot) => {
      const own = (bySlot.get(slot.id) ?? []).filter((b) => b.municipalityCode === municipalityCode);
      if (slot.kind === 'TEACHING') {
        return event(slot, own.length ? `${TEACHING_DA} (${own.length} tilmeldt fra kommunen)` : TEACHING_DA, own.length > 0, options);
      }
      const kind = own[0]?.kind;
      return event(slot, kind ? `BUA-rådgivning: ${KIND_DA[kind]} (booket)` : 'BUA-rådgivning: ledig mødetid', kind !== undefined, options);
    });
  return calendar(`BUA-rådgivning – ${municipalityName(municipalityCode)}`, events);
}

/** An adviser's feed: every slot they hold, with the municipality and whether it is booked. */
export function adviserCalendar(adviserId: string, slots: readonly FeedSlot[], bookings: readonly Booking[], options: FeedOptions): string {
  const bySlot = activeBySlot(bookings);
  const events = slots
    .filter((s) => s.adviserId === adviserId)
    .sort(byStart)
    .map((slot) => {
      const booked = bySlot.get(slot.id) ?? [];
      if (slot.kind === 'TEACHING') return event(slot, `${TEACHING_DA} (${booked.length}/${slot.capacity} tilmeldt)`, true, options);
      const kind = booked[0]?.kind;
      const who = `BUA-rådgivning med ${municipalityName(slot.municipalityCodes[0]!)}`;
      return event(slot, kind ? `${who}: ${KIND_DA[kind]}` : `${who}: ledig`, true, options);
    });
  return calendar('BUA-rådgivning – mine møder', events);
}
