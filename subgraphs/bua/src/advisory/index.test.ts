import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DESCRIPTION_DEADLINE,
  answerGpInvitation,
  assertMayBook,
  changeContactPerson,
  contactPersonOn,
  currentAdvice,
  descriptionStatus,
  generateSlots,
  inviteGp,
  municipalityCalendar,
  recordAdvice,
  usageFigures,
  validateCaseDescription,
  validateSlotSeries,
  type Booking,
} from './index.ts';
import { asAdviser, asGp, asMunicipal } from './testing.ts';

// The acceptance flow, told through the pure API a service calls (the database and GraphQL come later).
describe('the advisory flow through the module’s API', () => {
  it('a municipality books, describes, invites its GP, meets, gets advice; the figures and the feed show it', () => {
    const knownNames = ['Emma Sofie Jensen'];
    const { opened: contact } = changeContactPerson([], { municipalityCode: 751, adviserId: 'adviser-1', from: '2026-01-05' }, '2026-01-05');
    expect(contactPersonOn([contact], 751, '2026-03-01')?.adviserId).toBe('adviser-1');

    const series = validateSlotSeries({
      id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      kind: 'CONSULTATION',
      municipalityCodes: [751],
      adviserId: contact.adviserId,
      recurrence: { frequency: 'WEEKLY', weekday: 'TUESDAY' },
      startTime: '09:00',
      startsOn: '2026-03-01',
      meetingUrl: 'https://video.example.invalid/bua-aarhus',
    });
    const [slot] = generateSlots(series, { from: '2026-03-09', to: '2026-03-13' });
    expect(slot!.occurrenceDate).toBe('2026-03-10');

    const ppr = asMunicipal('ppr-751', 751);
    const kind = assertMayBook(ppr, slot!, 'SPARRING', { bookings: [], now: new Date('2026-03-02T10:00:00Z') });
    let booking: Booking = {
      id: '0190a1b2-0000-7000-8000-0000000000b1',
      slotId: slot!.id,
      municipalityCode: 751,
      bookerId: ppr.subject,
      kind,
      bookedAt: new Date('2026-03-02T10:00:00Z'),
      cancelledAt: null,
      descriptionSubmittedAt: null,
    };
    // Due 2 working days before: Friday 6 March, 09:00 Copenhagen time (08:00 UTC).
    expect(descriptionStatus(booking, slot!, DEFAULT_DESCRIPTION_DEADLINE, new Date('2026-03-04T09:00:00Z'))).toBe('PENDING');
    expect(descriptionStatus(booking, slot!, DEFAULT_DESCRIPTION_DEADLINE, new Date('2026-03-06T08:00:00Z'))).toBe('OVERDUE');
    validateCaseDescription({ problem: 'Pige på 12 år med skolefravær og angst.', screeningResults: 'SDQ total 19' }, { knownNames });
    booking = { ...booking, descriptionSubmittedAt: new Date('2026-03-04T10:00:00Z') };
    expect(descriptionStatus(booking, slot!, DEFAULT_DESCRIPTION_DEADLINE, new Date('2026-03-06T09:00:00Z'))).toBe('SUBMITTED');

    const invitation = inviteGp(ppr, { id: 'inv-1', booking, slot: slot!, practiceYdernummer: '12345' }, [], { knownNames }, new Date('2026-03-04T11:00:00Z'));
    expect(answerGpInvitation(asGp('12345'), invitation, 'ACCEPT', slot!, new Date('2026-03-05T08:00:00Z')).status).toBe('ACCEPTED');

    const held = new Date('2026-03-10T08:50:00Z');
    const advice = recordAdvice(asAdviser('adviser-1'), { booking, slot: slot!, text: 'PPR-vurdering og forældresamtale anbefales.' }, [], { knownNames }, held);
    expect(currentAdvice([advice])).toMatchObject({ text: 'PPR-vurdering og forældresamtale anbefales.', amended: false });

    const figures = usageFigures({ municipalityCode: 751, from: '2026-03-01', to: '2026-03-31', slots: [slot!], bookings: [booking], asOf: held });
    expect(figures.used.SPARRING).toBe(1);

    const ics = municipalityCalendar(751, [{ ...slot!, sequence: 1 }], [booking], { generatedAt: held });
    const [event] = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect([event!.uid, event!.summary]).toEqual([slot!.id, 'BUA-rådgivning: sparring (booket)']);
  });
});
