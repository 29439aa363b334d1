import type { Principal } from '@pathway-graph/shared';
import { as } from '../auth.ts';
import { postGraphQL, type GraphQLResponse } from '../graphql.ts';
import type { TestSystem } from '../system.ts';

/**
 * BUA's advisory service (agreement 6.3) as the people who use it act on it through the gateway: BUA's adviser
 * plans and advises, municipal staff book and describe, a GP answers an invitation. Each helper returns the raw
 * GraphQL response, so a test can assert a refusal as well as a result.
 */

export const SLOT_FIELDS = 'id seriesId occurrenceDate kind municipalityCodes startsAt endsAt capacity bookedCount seatsLeft status moved bookable meetingUrl';
export const BOOKING_FIELDS = `id municipalityCode bookerId kind bookedAt cancelledAt descriptionStatus descriptionDueAt descriptionOverdue
  description { problem screeningResults submittedBy } advice { text version amended recordedBy }
  gpInvitations { id ydernummer status } slot { id startsAt status }`;
export const INVITATION_FIELDS = 'id ydernummer status note invitedBy changedBy meeting { municipalityCode kind startsAt meetingUrl takesPlace description { problem } }';

export interface Slot {
  id: string;
  seriesId: string;
  occurrenceDate: string;
  kind: 'CONSULTATION' | 'TEACHING';
  municipalityCodes: number[];
  startsAt: string;
  endsAt: string;
  capacity: number;
  bookedCount: number;
  seatsLeft: number;
  status: 'SCHEDULED' | 'CANCELLED';
  moved: boolean;
  bookable: boolean;
  meetingUrl: string;
}

export interface Booking {
  id: string;
  municipalityCode: number;
  bookerId: string;
  kind: string;
  cancelledAt: string | null;
  descriptionStatus: string;
  descriptionDueAt: string | null;
  descriptionOverdue: boolean;
  description: { problem: string; screeningResults: string | null; submittedBy: string } | null;
  advice: { text: string; version: number; amended: boolean; recordedBy: string } | null;
  gpInvitations: { id: string; ydernummer: string; status: string }[];
  slot: { id: string; startsAt: string; status: string };
}

export interface Invitation {
  id: string;
  ydernummer: string;
  status: string;
  note: string | null;
  meeting: { municipalityCode: number; kind: string; startsAt: string; meetingUrl: string; takesPlace: boolean; description: { problem: string } | null };
}

type Who = string | Principal;

/** A GraphQL call through the gateway as a demo user (by username) or any principal. */
async function call<T>(t: TestSystem, who: Who, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  return postGraphQL<T>(t.gatewayUrl, query, variables, await as(who));
}

export interface WeeklySeries {
  /** The series to change; omitted, a new series. */
  id?: string;
  kind?: 'CONSULTATION' | 'TEACHING';
  municipalityCodes: number[];
  weekday: 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY';
  startTime: string;
  startsOn: string;
  capacity?: number;
  exceptions?: { occurrenceDate: string; action: 'CANCEL' | 'MOVE'; date?: string; startTime?: string }[];
}

/** BUA's adviser (demo user `bua-adviser` unless told): plans the service, holds the meetings, records the advice. */
export function asBuaAdviser(t: TestSystem, who: Who = 'bua-adviser') {
  return {
    assignContactPerson: (municipalityCode: number, adviserId: string, adviserName: string, from: string) =>
      call<{ assignAdvisoryContactPerson: { adviserId: string; validFrom: string; validUntil: string | null; current: boolean } }>(
        t,
        who,
        'mutation ($input: AssignAdvisoryContactPersonInput!) { assignAdvisoryContactPerson(input: $input) { adviserId validFrom validUntil current } }',
        { input: { municipalityCode, adviserId, adviserName, from } },
      ),
    saveWeeklySeries: (series: WeeklySeries) =>
      call<{ saveAdvisorySlotSeries: { id: string; capacity: number } }>(
        t,
        who,
        'mutation ($input: AdvisorySlotSeriesInput!) { saveAdvisorySlotSeries(input: $input) { id capacity } }',
        {
          input: {
            ...(series.id ? { id: series.id } : {}),
            kind: series.kind ?? 'CONSULTATION',
            municipalityCodes: series.municipalityCodes,
            recurrence: { frequency: 'WEEKLY', weekday: series.weekday },
            startTime: series.startTime,
            durationMinutes: 45,
            ...(series.capacity ? { capacity: series.capacity } : {}),
            startsOn: series.startsOn,
            meetingUrl: 'https://meet.example.org/bua-advisory-synthetic',
            ...(series.exceptions ? { exceptions: series.exceptions } : {}),
          },
        },
      ),
    generateSlots: (seriesId: string, from: string, to: string) =>
      call<{ generateAdvisorySlots: { created: number; changed: number; withdrawn: number; unchanged: number } }>(
        t,
        who,
        'mutation ($s: ID!, $from: Date!, $to: Date!) { generateAdvisorySlots(seriesId: $s, from: $from, to: $to) { created changed withdrawn unchanged } }',
        { s: seriesId, from, to },
      ),
    cancelSlot: (id: string) =>
      call<{ cancelAdvisorySlot: { id: string; status: string } }>(t, who, 'mutation ($id: ID!) { cancelAdvisorySlot(id: $id) { id status } }', { id }),
    booking: (id: string) => call<{ advisoryBooking: Booking | null }>(t, who, `query ($id: ID!) { advisoryBooking(id: $id) { ${BOOKING_FIELDS} } }`, { id }),
    overdueDescriptions: () =>
      call<{ advisoryOverdueDescriptions: { id: string }[] }>(t, who, 'query { advisoryOverdueDescriptions { id } }'),
    recordAdvice: (bookingId: string, text: string) =>
      call<{ recordAdvisoryAdvice: Booking }>(t, who, `mutation ($b: ID!, $text: String!) { recordAdvisoryAdvice(bookingId: $b, text: $text) { ${BOOKING_FIELDS} } }`, {
        b: bookingId,
        text,
      }),
    usage: (from: string, to: string, municipalityCodes?: number[]) => usageAs(t, who, from, to, municipalityCodes),
  };
}

export interface UsageRow {
  municipalityCode: number;
  slotsOffered: { consultation: number; teaching: number; total: number };
  slotsCancelled: { total: number };
  booked: { sparring: number; supervision: number; teaching: number; total: number };
  cancelled: { total: number };
  used: { sparring: number; supervision: number; teaching: number; total: number };
  upcoming: { total: number };
}

export function usageAs(t: TestSystem, who: Who, from: string, to: string, municipalityCodes?: number[]) {
  return call<{ advisoryUsage: UsageRow[] }>(
    t,
    who,
    `query ($from: Date!, $to: Date!, $m: [Int!]) { advisoryUsage(from: $from, to: $to, municipalityCodes: $m) {
      municipalityCode slotsOffered { consultation teaching total } slotsCancelled { total }
      booked { sparring supervision teaching total } cancelled { total } used { sparring supervision teaching total } upcoming { total } } }`,
    { from, to, ...(municipalityCodes ? { m: municipalityCodes } : {}) },
  );
}

/** A member of a municipality's staff (e.g. `ppr-751`, `pedagogical-751`): sees their municipality's slots, books, describes. */
export function asMunicipalStaff(t: TestSystem, who: Who) {
  return {
    slots: (args: { from?: string; to?: string; kind?: string; first?: number; municipalityCode?: number } = {}) =>
      call<{ advisorySlots: { edges: { node: Slot }[]; pageInfo: { hasNextPage: boolean } } }>(
        t,
        who,
        `query ($from: Date, $to: Date, $kind: AdvisorySlotKind, $first: Int, $m: Int) {
          advisorySlots(from: $from, to: $to, kind: $kind, first: $first, municipalityCode: $m) { edges { node { ${SLOT_FIELDS} } } pageInfo { hasNextPage } } }`,
        { ...args, m: args.municipalityCode },
      ),
    book: (slotId: string, kind: 'SPARRING' | 'SUPERVISION' | 'TEACHING') =>
      call<{ bookAdvisorySlot: Booking }>(t, who, `mutation ($s: ID!, $k: AdvisoryBookingKind!) { bookAdvisorySlot(slotId: $s, kind: $k) { ${BOOKING_FIELDS} } }`, {
        s: slotId,
        k: kind,
      }),
    cancelBooking: (id: string) =>
      call<{ cancelAdvisoryBooking: Booking }>(t, who, `mutation ($id: ID!) { cancelAdvisoryBooking(id: $id) { ${BOOKING_FIELDS} } }`, { id }),
    describe: (bookingId: string, problem: string, screeningResults?: string) =>
      call<{ submitAdvisoryCaseDescription: Booking }>(
        t,
        who,
        `mutation ($b: ID!, $input: AdvisoryCaseDescriptionInput!) { submitAdvisoryCaseDescription(bookingId: $b, input: $input) { ${BOOKING_FIELDS} } }`,
        { b: bookingId, input: { problem, ...(screeningResults ? { screeningResults } : {}) } },
      ),
    inviteGp: (bookingId: string, ydernummer: string, note?: string) =>
      call<{ inviteGpToAdvisoryMeeting: Invitation }>(
        t,
        who,
        `mutation ($b: ID!, $y: String!, $note: String) { inviteGpToAdvisoryMeeting(bookingId: $b, ydernummer: $y, note: $note) { ${INVITATION_FIELDS} } }`,
        { b: bookingId, y: ydernummer, note },
      ),
    booking: (id: string) => call<{ advisoryBooking: Booking | null }>(t, who, `query ($id: ID!) { advisoryBooking(id: $id) { ${BOOKING_FIELDS} } }`, { id }),
    bookings: (first = 50) =>
      call<{ advisoryBookings: { edges: { node: Booking }[] } }>(t, who, `query ($first: Int) { advisoryBookings(first: $first) { edges { node { ${BOOKING_FIELDS} } } } }`, {
        first,
      }),
    overdueDescriptions: () =>
      call<{ advisoryOverdueDescriptions: { id: string }[] }>(t, who, 'query { advisoryOverdueDescriptions { id } }'),
    contactPerson: (municipalityCode: number) =>
      call<{ advisoryContactPerson: { adviserId: string; adviserName: string } | null; advisoryContactPersonHistory: { adviserId: string; validFrom: string; validUntil: string | null; current: boolean }[] }>(
        t,
        who,
        'query ($m: Int!) { advisoryContactPerson(municipalityCode: $m) { adviserId adviserName } advisoryContactPersonHistory(municipalityCode: $m) { adviserId validFrom validUntil current } }',
        { m: municipalityCode },
      ),
    createCalendarFeed: (municipalityCode: number) =>
      call<{ createAdvisoryCalendarFeed: { token: string; path: string; feed: { id: string } } }>(
        t,
        who,
        'mutation ($m: Int) { createAdvisoryCalendarFeed(kind: MUNICIPALITY, municipalityCode: $m) { token path feed { id } } }',
        { m: municipalityCode },
      ),
  };
}

/** A GP (e.g. `gp-107510`): sees their practice's invitations and answers them. */
export function asGp(t: TestSystem, who: Who) {
  return {
    invitations: () =>
      call<{ myAdvisoryInvitations: { edges: { node: Invitation }[] } }>(t, who, `query { myAdvisoryInvitations { edges { node { ${INVITATION_FIELDS} } } } }`),
    answer: (id: string, answer: 'ACCEPT' | 'DECLINE') =>
      call<{ answerAdvisoryInvitation: Invitation }>(t, who, `mutation ($id: ID!, $a: AdvisoryInvitationAnswer!) { answerAdvisoryInvitation(id: $id, answer: $a) { ${INVITATION_FIELDS} } }`, {
        id,
        a: answer,
      }),
  };
}

/** A calendar program fetching a feed from the BUA subgraph: the address alone, no bearer token. */
export async function fetchCalendar(t: TestSystem, path: string): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(`http://localhost:${t.system.subgraphs.bua.port}${path}`);
  return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
}

/** A municipal member of staff who is not a demo user, e.g. one of 50 colleagues trying for the last seat. */
export function municipalStaff(municipality: number, n: number, role: Principal['roles'][number] = 'PPR_PSYCHOLOGIST'): Principal {
  return { subject: `synthetic-staff-${municipality}-${n}`, displayName: `Synthetic Staff ${n}`, sector: 'MUNICIPALITY', organisation: String(municipality), roles: [role] };
}

/** The error code of a refused call (the first error), or null when it succeeded. */
export const codeOf = (res: GraphQLResponse<unknown>): string | null => (res.errors?.[0]?.extensions?.['code'] as string | undefined) ?? null;
