import { describe, expect, it } from 'vitest';
import { refusalOf } from '../testing.ts';
import { assertValidContactHistory, changeContactPerson, contactPersonOn, type ContactPersonPeriod } from './contact-person.ts';

const history: ContactPersonPeriod[] = [
  { municipalityCode: 751, adviserId: 'adviser-a', validFrom: '2025-01-01', validUntil: '2025-09-01' },
  { municipalityCode: 751, adviserId: 'adviser-b', validFrom: '2025-09-01', validUntil: null },
  { municipalityCode: 657, adviserId: 'adviser-a', validFrom: '2025-03-01', validUntil: null },
];

describe('contactPersonOn', () => {
  it.each([
    [751, '2024-12-31', null],
    [751, '2025-01-01', 'adviser-a'],
    [751, '2025-08-31', 'adviser-a'],
    [751, '2025-09-01', 'adviser-b'],
    [751, '2026-06-01', 'adviser-b'],
    [657, '2026-06-01', 'adviser-a'],
    [615, '2026-06-01', null],
  ])('municipality %i on %s: %s', (code, date, adviser) => {
    expect(contactPersonOn(history, code, date)?.adviserId ?? null).toBe(adviser);
  });
});

describe('changeContactPerson', () => {
  it('closes the current period the day the new one begins', () => {
    expect(changeContactPerson(history, { municipalityCode: 751, adviserId: 'adviser-c', from: '2026-03-01' }, '2026-02-10')).toEqual({
      closed: { municipalityCode: 751, adviserId: 'adviser-b', validFrom: '2025-09-01', validUntil: '2026-03-01' },
      opened: { municipalityCode: 751, adviserId: 'adviser-c', validFrom: '2026-03-01', validUntil: null },
    });
  });

  it('keeps exactly one contact person on every day of the resulting history', () => {
    const { closed, opened } = changeContactPerson(history, { municipalityCode: 751, adviserId: 'adviser-c', from: '2026-03-01' }, '2026-02-10');
    const next = [...history.filter((p) => !(p.municipalityCode === 751 && p.validUntil === null)), closed!, opened];
    expect(() => assertValidContactHistory(next)).not.toThrow();
    expect(contactPersonOn(next, 751, '2026-02-28')?.adviserId).toBe('adviser-b');
    expect(contactPersonOn(next, 751, '2026-03-01')?.adviserId).toBe('adviser-c');
    expect(contactPersonOn(next, 751, '2025-05-01')?.adviserId).toBe('adviser-a');
  });

  it('opens the first period of a municipality without one', () => {
    expect(changeContactPerson(history, { municipalityCode: 615, adviserId: 'adviser-a', from: '2026-02-10' }, '2026-02-10')).toEqual({
      closed: null,
      opened: { municipalityCode: 615, adviserId: 'adviser-a', validFrom: '2026-02-10', validUntil: null },
    });
  });

  it.each([
    ['a start in the past', { municipalityCode: 751, adviserId: 'adviser-c', from: '2026-02-09' }, 'BAD_USER_INPUT', 'from', /today \(2026-02-10\) or later/],
    ['an unknown municipality', { municipalityCode: 101, adviserId: 'adviser-c', from: '2026-03-01' }, 'BAD_USER_INPUT', 'municipalityCode', /Unknown municipality code 101/],
    ['no adviser', { municipalityCode: 751, adviserId: '', from: '2026-03-01' }, 'BAD_USER_INPUT', 'adviserId', /BUA adviser/],
    ['a malformed date', { municipalityCode: 751, adviserId: 'adviser-c', from: '1.3.2026' }, 'BAD_USER_INPUT', 'from', /YYYY-MM-DD/],
    ['the same adviser again', { municipalityCode: 751, adviserId: 'adviser-b', from: '2026-03-01' }, 'CONFLICT', 'adviserId', /already the contact person/],
  ])('refuses %s', (_name, change, code, field, message) => {
    const r = refusalOf(() => changeContactPerson(history, change, '2026-02-10'));
    expect(r).toMatchObject({ code, field });
    expect(r.message).toMatch(message);
  });

  it('refuses a change that does not start after a planned one', () => {
    const planned: ContactPersonPeriod[] = [{ municipalityCode: 751, adviserId: 'adviser-b', validFrom: '2026-04-01', validUntil: null }];
    const r = refusalOf(() => changeContactPerson(planned, { municipalityCode: 751, adviserId: 'adviser-c', from: '2026-03-01' }, '2026-02-10'));
    expect(r).toMatchObject({ code: 'CONFLICT', field: 'from' });
    expect(r.message).toMatch(/begins on 2026-04-01; a change must start after that day/);
  });
});

describe('assertValidContactHistory', () => {
  it('refuses two open periods, overlaps and periods ending before they begin', () => {
    const open2: ContactPersonPeriod[] = [...history, { municipalityCode: 751, adviserId: 'adviser-c', validFrom: '2026-01-01', validUntil: null }];
    expect(refusalOf(() => assertValidContactHistory(open2)).message).toMatch(/two contact persons on 2026-01-01/);
    const overlap: ContactPersonPeriod[] = [
      { municipalityCode: 751, adviserId: 'a', validFrom: '2025-01-01', validUntil: '2025-06-01' },
      { municipalityCode: 751, adviserId: 'b', validFrom: '2025-05-01', validUntil: null },
    ];
    expect(refusalOf(() => assertValidContactHistory(overlap)).code).toBe('CONFLICT');
    const backwards: ContactPersonPeriod[] = [{ municipalityCode: 751, adviserId: 'a', validFrom: '2025-06-01', validUntil: '2025-06-01' }];
    expect(refusalOf(() => assertValidContactHistory(backwards)).message).toMatch(/ends before it begins/);
    expect(() => assertValidContactHistory(history)).not.toThrow();
  });
});
