import { describe, expect, it } from 'vitest';
import { assertReplyDeadline, isOverdue, replyDueDate } from './deadline.ts';

describe('replyDueDate', () => {
  it('counts Monday to Friday only, not the day of receipt', () => {
    // 2026-03-02 is a Monday.
    expect(replyDueDate('2026-03-02', 1)).toBe('2026-03-03');
    expect(replyDueDate('2026-03-02', 5)).toBe('2026-03-09');
    expect(replyDueDate('2026-03-02', 10)).toBe('2026-03-16');
  });

  it('moves over weekends: Friday + 1 and Saturday + 1 are Monday', () => {
    expect(replyDueDate('2026-03-06', 1)).toBe('2026-03-09');
    expect(replyDueDate('2026-03-07', 1)).toBe('2026-03-09');
    expect(replyDueDate('2026-03-08', 1)).toBe('2026-03-09');
  });

  it('crosses months and leap days', () => {
    expect(replyDueDate('2028-02-25', 3)).toBe('2028-03-01');
    expect(replyDueDate('2026-12-31', 2)).toBe('2027-01-05'); // New Year's Day is closed
  });

  it('refuses a deadline outside 1-60 whole working days', () => {
    expect(() => replyDueDate('2026-03-02', 0)).toThrow(/from 1 to 60/);
    expect(() => assertReplyDeadline(61)).toThrow(/got 61/);
    expect(() => assertReplyDeadline(2.5)).toThrow(/whole number/);
  });
});

describe('isOverdue', () => {
  it('is overdue from the day after the due date until answered', () => {
    const letter = { replyDueOn: '2026-03-16', status: 'RECEIVED' };
    expect(isOverdue(letter, '2026-03-16')).toBe(false);
    expect(isOverdue(letter, '2026-03-17')).toBe(true);
    expect(isOverdue({ ...letter, status: 'READ' }, '2026-03-17')).toBe(true);
    expect(isOverdue({ ...letter, status: 'ANSWERED' }, '2026-04-01')).toBe(false);
  });
});
