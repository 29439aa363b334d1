import { MUNICIPALITY_INBOXES, type MunicipalityCode } from '@pathway-graph/shared';
import * as bua from '@pathway-graph/bua/db/schema';
// The advisory service's own rules: series are validated and their slots generated as the service generates them
// (Danish closing days skipped), and descriptions are due when the service says.
import { DEFAULT_DESCRIPTION_DEADLINE, descriptionDueAt } from '../../subgraphs/bua/src/advisory/rules/description.ts';
import { generateSlots, validateSlotSeries, type SlotSeries } from '../../subgraphs/bua/src/advisory/slots.ts';
import type { Slot } from '../../subgraphs/bua/src/advisory/types.ts';
import { actorFor, addDays, batches, DAY_MS, endOf, msOf, type Batches } from './common.ts';
import type { SeedGenerator, SeedPopulation } from './generate.ts';
import type { Random } from './random.ts';
import { uuid7At } from './uuid.ts';

/**
 * Assumptions (agreement 6.3 gives the form, not the volumes; plausible, not measured): six BUA advisers share the
 * 19 municipalities as their fixed contact persons, a quarter of which changed contact person halfway; each
 * municipality has a weekly 45-minute consultation time, and all of them a monthly teaching session of 40 seats.
 * Over the history 80 % of the consultation times were booked (ahead by 1-21 days), 12 % of bookings were
 * cancelled and half of those booked again by someone else; 2 % of the meetings were cancelled by BUA. 90 % of the
 * sparring and supervision bookings sent their written description on time and three in four meetings held have
 * the adviser's advice recorded. Ahead of the reference day (90 days of slots), fewer are booked the further ahead.
 */
export const ADVISORY_MIX = {
  advisers: 6,
  booked: 0.8,
  cancelled: 0.12,
  rebooked: 0.5,
  slotCancelled: 0.02,
  described: 0.9,
  advised: 0.75,
  teachingSeats: 40,
  aheadDays: 90,
} as const;

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;
/** Not the demo's times (10:00, 13:00), so a demo series started later never meets at the same time. */
const TIMES = ['09:00', '11:00', '13:30', '14:30'] as const;
const PROBLEMS = [
  'Syntetisk sparring: en elev i 5. klasse med skolevægring og ondt i maven; hvordan griber vi samtalen med familien an?',
  'Syntetisk sparring: en ung med selvskade, hvor forældrene er uenige om hjælpen; hvad bør vi være opmærksomme på?',
  'Syntetisk supervision: vores metode til forældresamtaler ved angst, og hvornår vi bør henvise.',
  'Syntetisk sparring: et barn med stærk uro og konflikter i SFO; hvordan skelner vi mellem trivsel og mulig ADHD?',
] as const;
const ADVICE = [
  'Syntetisk rådgivning: fortsæt den kommunale indsats i 8 uger med fast opfølgning; genvurder derefter behovet for henvisning.',
  'Syntetisk rådgivning: afklar skolefraværets mønster med skolen og PPR, og tilbyd familien et forløb.',
  'Syntetisk rådgivning: opret kontakt til egen læge med henblik på vurdering af henvisning til BUA.',
] as const;

const adviser = (k: number) => ({ id: `synthetic:bua-adviser-${k}`, name: `Syntetisk rådgiver ${k}` });
const bookerOf = (code: MunicipalityCode, k: number) => actorFor('MUNICIPALITY', String(code), k).actorSubject;

export const advisoryGenerator: SeedGenerator = {
  name: 'advisory',
  estimate: ({ scale }) => Math.round(((scale.advisoryDays + ADVISORY_MIX.aheadDays) / 7) * (MUNICIPALITY_INBOXES.length * 2.2 + 5)),
  *generate(population, random) {
    const out = batches();
    const { from, to } = historyOf(population);
    // Halfway through the history, some municipalities got a new contact person.
    const mid = addDays(from, Math.floor((msOf(population.referenceDate) - msOf(from)) / DAY_MS / 2));
    const latest = endOf(population.referenceDate);
    MUNICIPALITY_INBOXES.forEach(({ code }, i) => {
      const first = adviser(1 + (i % ADVISORY_MIX.advisers));
      const changes = i % 4 === 0;
      const second = adviser(1 + ((i + 1) % ADVISORY_MIX.advisers));
      const periods = changes ? [{ who: first, from, until: mid }, { who: second, from: mid, until: null }] : [{ who: first, from, until: null }];
      const weekday = WEEKDAYS[i % WEEKDAYS.length]!;
      const startTime = TIMES[Math.floor(i / WEEKDAYS.length) % TIMES.length]!;
      for (const period of periods) {
        const createdAt = new Date(msOf(period.from) + 8 * 3600_000);
        out.add('bua', bua.advisoryContactPersons, {
          id: uuid7At(createdAt.getTime(), random),
          municipalityCode: code,
          adviserId: period.who.id,
          adviserName: period.who.name,
          validFrom: period.from,
          validUntil: period.until,
          changedBy: 'synthetic:seed',
          createdAt,
        });
        // A new contact person holds the municipality's meetings from their first day: the old series ends the day before.
        const series = validateSlotSeries({
          id: uuid7At(createdAt.getTime(), random),
          kind: 'CONSULTATION',
          municipalityCodes: [code],
          adviserId: period.who.id,
          recurrence: { frequency: 'WEEKLY', weekday, everyWeeks: 1 },
          startTime,
          durationMinutes: 45,
          startsOn: period.from,
          endsOn: period.until === null ? null : addDays(period.until, -1),
          meetingUrl: `https://meet.example.org/bua-advisory-synthetic-${code}`,
        });
        addSeries(out, random, series, { from: period.from, to: period.until === null ? to : addDays(period.until, -1) }, latest, createdAt);
      }
    });
    const teachingAt = new Date(msOf(from) + 8 * 3600_000);
    const teaching = validateSlotSeries({
      id: uuid7At(teachingAt.getTime(), random),
      kind: 'TEACHING',
      municipalityCodes: MUNICIPALITY_INBOXES.map((m) => m.code),
      adviserId: adviser(1).id,
      recurrence: { frequency: 'MONTHLY', weekday: 'WEDNESDAY', nth: 1 },
      startTime: '14:30',
      durationMinutes: 90,
      capacity: ADVISORY_MIX.teachingSeats,
      startsOn: from,
      endsOn: null,
      meetingUrl: 'https://meet.example.org/bua-advisory-synthetic-teaching',
    });
    addSeries(out, random, teaching, { from, to }, latest, teachingAt);
    yield* out.all();
  },
};

/** The advisory history: `advisoryDays` before the reference day and 90 days of slots after it. */
function historyOf({ scale, referenceDate }: Pick<SeedPopulation, 'scale' | 'referenceDate'>) {
  return { from: addDays(referenceDate, -scale.advisoryDays), to: addDays(referenceDate, ADVISORY_MIX.aheadDays) };
}

/** Slots of a horizon, generated in parts (the service generates at most 400 days at once). */
function slotsOf(series: SlotSeries, horizon: { from: string; to: string }): Slot[] {
  const slots: Slot[] = [];
  for (let from = horizon.from; from <= horizon.to; from = addDays(from, 365)) {
    const to = addDays(from, 364) < horizon.to ? addDays(from, 364) : horizon.to;
    slots.push(...generateSlots(series, { from, to }));
  }
  return slots;
}

function addSeries(out: Batches, random: Random, validated: SlotSeries, horizon: { from: string; to: string }, latest: number, createdAt: Date): void {
  // BUA cancelled a few meetings: as occurrence exceptions of the series, which the generation then marks.
  const cancelled = slotsOf(validated, horizon)
    .filter(() => random.chance(ADVISORY_MIX.slotCancelled))
    .map((s) => ({ occurrenceDate: s.occurrenceDate, action: 'CANCEL' as const }));
  const series = validateSlotSeries({ ...validated, exceptions: cancelled });
  const { exceptions: _exceptions, municipalityCodes, ...rest } = series;
  out.add('bua', bua.advisorySlotSeries, { ...rest, municipalityCodes: [...municipalityCodes], createdBy: 'synthetic:seed', updatedBy: 'synthetic:seed', updatedAt: createdAt });
  for (const e of cancelled) {
    out.add('bua', bua.advisoryOccurrenceExceptions, { seriesId: series.id, occurrenceDate: e.occurrenceDate, action: 'CANCEL', date: null, startTime: null, durationMinutes: null });
  }
  for (const slot of slotsOf(series, horizon)) {
    // The slot goes in before its bookings (their foreign key); its count of active bookings is filled in after.
    const row: Record<string, unknown> = {
      id: slot.id,
      seriesId: slot.seriesId,
      occurrenceDate: slot.occurrenceDate,
      kind: slot.kind,
      municipalityCodes: [...slot.municipalityCodes],
      adviserId: slot.adviserId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      capacity: slot.capacity,
      bookedCount: 0,
      meetingUrl: slot.meetingUrl,
      status: slot.status,
      moved: slot.moved,
      // A cancellation is a change calendars pick up.
      sequence: slot.status === 'CANCELLED' ? 1 : 0,
      updatedAt: slot.status === 'CANCELLED' ? new Date(Math.min(slot.startsAt.getTime() - 2 * DAY_MS, latest)) : createdAt,
    };
    out.add('bua', bua.advisorySlots, row);
    if (slot.status === 'SCHEDULED') row['bookedCount'] = addBookings(out, random, slot, latest);
  }
}

/** The bookings of one slot (cancelled ones included); returns how many are active. */
function addBookings(out: Batches, random: Random, slot: Slot, latest: number): number {
  const starts = slot.startsAt.getTime();
  // Booked 1-21 days ahead, and never after the reference day: the further ahead a future slot, the less booked.
  const daysAhead = (starts - latest) / DAY_MS;
  const share = daysAhead <= 0 ? ADVISORY_MIX.booked : ADVISORY_MIX.booked * Math.max(0, 1 - daysAhead / 60);
  const seats = slot.kind === 'TEACHING' ? random.int(Math.floor(slot.capacity / 5), slot.capacity) : 1;
  const bookers = new Set<string>();
  let active = 0;
  for (let seat = 0; seat < seats; seat++) {
    if (!random.chance(share)) continue;
    const code = slot.kind === 'TEACHING' ? random.pick(slot.municipalityCodes) : slot.municipalityCodes[0]!;
    const bookerId = bookerOf(code, random.int(1, 40));
    if (bookers.has(bookerId)) continue;
    let bookedMs = Math.min(starts - random.int(1, 21) * DAY_MS - random.int(0, 8 * 3600) * 1000, latest - random.int(1, 48) * 3600_000);
    if (bookedMs >= starts) continue;
    const kind = slot.kind === 'TEACHING' ? 'TEACHING' : random.chance(0.7) ? 'SPARRING' : 'SUPERVISION';
    if (random.chance(ADVISORY_MIX.cancelled)) {
      const cancelledMs = Math.min(bookedMs + Math.floor((starts - bookedMs) * (0.1 + 0.8 * random.next())), latest);
      if (cancelledMs > bookedMs && cancelledMs < starts) {
        addBooking(out, random, slot, { code, bookerId, kind, bookedMs, cancelledMs }, latest);
        if (!random.chance(ADVISORY_MIX.rebooked)) continue;
        // Someone else from the municipality takes the time that came free.
        const again = bookerOf(code, random.int(1, 40));
        bookedMs = cancelledMs + random.int(1, 24) * 3600_000;
        if (bookers.has(again) || again === bookerId || bookedMs >= starts || bookedMs > latest) continue;
        bookers.add(again);
        addBooking(out, random, slot, { code, bookerId: again, kind, bookedMs, cancelledMs: null }, latest);
        active += 1;
        continue;
      }
    }
    bookers.add(bookerId);
    addBooking(out, random, slot, { code, bookerId, kind, bookedMs, cancelledMs: null }, latest);
    active += 1;
  }
  return active;
}

function addBooking(
  out: Batches,
  random: Random,
  slot: Slot,
  b: { code: MunicipalityCode; bookerId: string; kind: string; bookedMs: number; cancelledMs: number | null },
  latest: number,
): void {
  const id = uuid7At(b.bookedMs, random);
  // The written description of the case, before its deadline (consultations only; teaching needs none).
  const dueMs = descriptionDueAt(slot.startsAt, DEFAULT_DESCRIPTION_DEADLINE).getTime();
  const until = Math.min(dueMs, latest, b.cancelledMs ?? Infinity);
  const described = slot.kind === 'CONSULTATION' && until > b.bookedMs && random.chance(ADVISORY_MIX.described);
  const describedAt = described ? new Date(b.bookedMs + Math.floor((until - b.bookedMs) * random.next())) : null;
  out.add('bua', bua.advisoryBookings, {
    id,
    slotId: slot.id,
    slotKind: slot.kind,
    municipalityCode: b.code,
    bookerId: b.bookerId,
    kind: b.kind,
    bookedAt: new Date(b.bookedMs),
    cancelledAt: b.cancelledMs === null ? null : new Date(b.cancelledMs),
    cancelledBy: b.cancelledMs === null ? null : b.bookerId,
    problem: described ? random.pick(PROBLEMS) : null,
    screeningResults: null,
    descriptionSubmittedAt: describedAt,
    descriptionSubmittedBy: described ? b.bookerId : null,
  });
  // The adviser's advice after a meeting held on a described case.
  const adviceMs = slot.endsAt.getTime() + random.int(0, 48) * 3600_000;
  if (described && b.cancelledMs === null && adviceMs <= latest && random.chance(ADVISORY_MIX.advised)) {
    out.add('bua', bua.advisoryAdvice, { bookingId: id, version: 1, text: random.pick(ADVICE), recordedBy: slot.adviserId, recordedAt: new Date(adviceMs) });
  }
}
