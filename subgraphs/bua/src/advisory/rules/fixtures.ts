import type { Booking, Slot } from '../types.ts';

/** Slots and bookings for the rules' tests (synthetic). The consultation meets Thursday 12 March 2026, 09:00. */

export const BEFORE = new Date('2026-03-10T12:00:00Z');
export const DURING = new Date('2026-03-12T08:10:00Z');
export const AFTER = new Date('2026-03-12T09:00:00Z');

export const consultation: Slot = {
  id: '5b0c3a4e-0000-5000-8000-000000000001',
  seriesId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  occurrenceDate: '2026-03-12',
  kind: 'CONSULTATION',
  municipalityCodes: [751],
  adviserId: 'adviser-1',
  startsAt: new Date('2026-03-12T08:00:00Z'),
  endsAt: new Date('2026-03-12T08:45:00Z'),
  capacity: 1,
  meetingUrl: 'https://video.example.invalid/bua-aarhus',
  status: 'SCHEDULED',
  moved: false,
};

export const teaching: Slot = {
  ...consultation,
  id: '5b0c3a4e-0000-5000-8000-000000000002',
  seriesId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  kind: 'TEACHING',
  municipalityCodes: [657, 751],
  capacity: 3,
  meetingUrl: 'https://video.example.invalid/bua-teaching',
};

export function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: '0190a1b2-0000-7000-8000-000000000001',
    slotId: consultation.id,
    municipalityCode: 751,
    bookerId: 'ppr-751',
    kind: 'SPARRING',
    bookedAt: new Date('2026-03-01T10:00:00Z'),
    cancelledAt: null,
    descriptionSubmittedAt: null,
    ...overrides,
  };
}
