import { describe, expect, it } from 'vitest';
import { copenhagenToUtc } from '../local-time.ts';
import { asAdviser, asMunicipal, refusalOf } from '../testing.ts';
import {
  DEFAULT_DESCRIPTION_DEADLINE,
  assertDescriptionDeadline,
  assertMaySubmitDescription,
  descriptionDueAt,
  descriptionStatus,
  missingDescriptionFlag,
  validateCaseDescription,
} from './description.ts';
import { AFTER, BEFORE, DURING, booking, consultation } from './fixtures.ts';

const at = (date: string, time: string) => copenhagenToUtc(date, time);
const twoDays = { unit: 'WORKING_DAYS', amount: 2 } as const;

describe('descriptionDueAt', () => {
  it('defaults to 2 working days before the meeting', () => {
    expect(DEFAULT_DESCRIPTION_DEADLINE).toEqual(twoDays);
  });

  it.each([
    ['a Thursday meeting', '2026-03-12', '2026-03-10'],
    ['a Monday meeting, over the weekend', '2026-03-16', '2026-03-12'],
    ['a meeting after Easter, over the Easter holidays', '2026-04-07', '2026-03-31'],
    ['a meeting after the spring clock change', '2026-03-30', '2026-03-26'],
    ['a meeting after Christmas and New Year', '2027-01-04', '2026-12-29'],
  ])('working days: %s', (_name, meetingDate, dueDate) => {
    expect(descriptionDueAt(at(meetingDate, '09:00'), twoDays)).toEqual(at(dueDate, '09:00'));
  });

  it('counts hours around the clock, and 0 working days means by the start', () => {
    const start = at('2026-03-16', '09:00');
    expect(descriptionDueAt(start, { unit: 'HOURS', amount: 24 })).toEqual(at('2026-03-15', '09:00'));
    expect(descriptionDueAt(start, { unit: 'WORKING_DAYS', amount: 0 })).toEqual(start);
  });

  it.each([
    [{ unit: 'DAYS', amount: 2 }, 'descriptionDeadline.unit', /WORKING_DAYS or HOURS/],
    [{ unit: 'WORKING_DAYS', amount: 11 }, 'descriptionDeadline.amount', /working days from 0 to 10/],
    [{ unit: 'HOURS', amount: 0 }, 'descriptionDeadline.amount', /hours from 1 to 240/],
    [{ unit: 'HOURS', amount: 1.5 }, 'descriptionDeadline.amount', /got 1.5/],
  ])('refuses the deadline %o', (deadline, field, message) => {
    const r = refusalOf(() => assertDescriptionDeadline(deadline));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.message).toMatch(message);
  });
});

describe('descriptionStatus and missingDescriptionFlag', () => {
  // consultation starts 2026-03-12 09:00; with 2 working days the description is due 2026-03-10 09:00.
  const due = at('2026-03-10', '09:00');
  const justBefore = new Date(due.getTime() - 1);

  it.each([
    ['not sent, not yet due', booking(), justBefore, 'PENDING'],
    ['not sent, due now', booking(), due, 'OVERDUE'],
    ['sent', booking({ descriptionSubmittedAt: new Date('2026-03-09T10:00:00Z') }), due, 'SUBMITTED'],
    ['a cancelled booking', booking({ cancelledAt: new Date('2026-03-09T10:00:00Z') }), due, 'NOT_REQUIRED'],
    ['a teaching booking', booking({ kind: 'TEACHING' }), due, 'NOT_REQUIRED'],
  ] as const)('%s: %s', (_name, b, now, status) => {
    expect(descriptionStatus(b, consultation, twoDays, now)).toBe(status);
  });

  it('is not required when BUA cancelled the slot', () => {
    expect(descriptionStatus(booking(), { ...consultation, status: 'CANCELLED' }, twoDays, due)).toBe('NOT_REQUIRED');
  });

  it('flags an overdue booking to the booker and the adviser until the meeting begins', () => {
    expect(missingDescriptionFlag(booking(), consultation, twoDays, due)).toEqual({
      bookingId: booking().id,
      dueAt: due,
      notify: { bookerId: 'ppr-751', adviserId: 'adviser-1' },
    });
    expect(missingDescriptionFlag(booking(), consultation, twoDays, justBefore)).toBeNull();
    expect(missingDescriptionFlag(booking(), consultation, twoDays, DURING)).toBeNull();
    expect(missingDescriptionFlag(booking({ descriptionSubmittedAt: due }), consultation, twoDays, due)).toBeNull();
  });

  it('flags a booking made after its deadline at once', () => {
    const late = booking({ bookedAt: new Date('2026-03-11T15:00:00Z') });
    expect(missingDescriptionFlag(late, consultation, twoDays, new Date('2026-03-11T15:00:01Z'))?.bookingId).toBe(late.id);
  });
});

describe('validateCaseDescription', () => {
  const anonymity = { knownNames: ['Emma Jensen'] };

  it('trims the texts and keeps screening results optional', () => {
    expect(validateCaseDescription({ problem: '  Pige på 12 år med angst. ' }, anonymity)).toEqual({ problem: 'Pige på 12 år med angst.', screeningResults: null });
    expect(validateCaseDescription({ problem: 'Dreng, 9 år.', screeningResults: 'SDQ total 19' }, anonymity).screeningResults).toBe('SDQ total 19');
    expect(validateCaseDescription({ problem: 'Dreng, 9 år.', screeningResults: '  ' }, anonymity).screeningResults).toBeNull();
  });

  it.each([
    ['a missing problem', { problem: undefined }, 'problem', /Describe the problem briefly/],
    ['a blank problem', { problem: '   ' }, 'problem', /Describe the problem briefly/],
    ['a problem that is not text', { problem: 42 }, 'problem', /must be text/],
    ['a long problem', { problem: 'x'.repeat(4001) }, 'problem', /at most 4000 characters; it has 4001/],
    ['long screening results', { problem: 'Dreng, 9 år.', screeningResults: 'x'.repeat(2001) }, 'screeningResults', /at most 2000/],
    ['a CPR number in the problem', { problem: 'Pige 120615-4764 med angst.' }, 'problem', /CPR number.*not allowed here/],
    ['a name in the problem', { problem: 'Emma har angst.' }, 'problem', /a name.*not allowed here/],
    ['a CPR number in the screening results', { problem: 'Pige med angst.', screeningResults: 'SDQ for 12.06.15-4764: 19' }, 'screeningResults', /CPR number/],
  ])('refuses %s', (_name, input, field, message) => {
    const r = refusalOf(() => validateCaseDescription(input, anonymity));
    expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.message).toMatch(message);
  });
});

describe('assertMaySubmitDescription', () => {
  it('lets the booker and an eligible colleague send it before the meeting', () => {
    expect(() => assertMaySubmitDescription(asMunicipal('ppr-751', 751), booking(), consultation, BEFORE)).not.toThrow();
    expect(() => assertMaySubmitDescription(asMunicipal('sw-751', 751, 'SOCIAL_WORKER'), booking(), consultation, BEFORE)).not.toThrow();
  });

  it.each([
    ['by another municipality', asMunicipal('ppr-657', 657), booking(), consultation, BEFORE, 'FORBIDDEN', /Only the person who booked/],
    ['by an adviser', asAdviser(), booking(), consultation, BEFORE, 'FORBIDDEN', /Only the person who booked/],
    ['for teaching', asMunicipal('ppr-751', 751), booking({ kind: 'TEACHING' }), consultation, BEFORE, 'BAD_USER_INPUT', /needs no case description/],
    ['for a cancelled booking', asMunicipal('ppr-751', 751), booking({ cancelledAt: BEFORE }), consultation, BEFORE, 'CONFLICT', /booking is cancelled/],
    ['for a cancelled slot', asMunicipal('ppr-751', 751), booking(), { ...consultation, status: 'CANCELLED' as const }, BEFORE, 'CONFLICT', /BUA has cancelled/],
    ['after the meeting began', asMunicipal('ppr-751', 751), booking(), consultation, AFTER, 'BAD_USER_INPUT', /already begun/],
  ] as const)('refuses sending it %s', (_name, principal, b, slot, now, code, message) => {
    const r = refusalOf(() => assertMaySubmitDescription(principal, b, slot, now));
    expect(r).toMatchObject({ code, field: 'bookingId' });
    expect(r.message).toMatch(message);
  });
});
