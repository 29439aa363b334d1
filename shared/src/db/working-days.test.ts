import { PGlite } from '@electric-sql/pglite';
import { addWorkingDays, danishNonWorkingDays, nonWorkingDaysForReplies } from '../domain/working-days.ts';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { workingDaysAfter } from './working-days.ts';

describe('workingDaysAfter (SQL)', () => {
  const client = new PGlite();
  const db = drizzle(client);
  afterAll(() => client.close());

  it('counts the working days after receipt up to the reply as addWorkingDays does, over weekends, Easter and Christmas', async () => {
    const holidays = [2025, 2026, 2027].flatMap((year) => [...danishNonWorkingDays(year)]);
    const pairs: [string, number][] = [];
    // Every day of 2025-2026 as receipt day, with replies 0 to 25 working days later.
    for (let d = 0; d < 730; d += 3) {
      const from = new Date(Date.UTC(2025, 0, 1 + d, 12)).toISOString().slice(0, 10);
      pairs.push([from, d % 26]);
    }
    const rows = pairs.map(([from, days]) => ({ from, to: addWorkingDays(from, days), days }));
    const values = sql.join(rows.map((r) => sql`(${r.from}::date, ${r.to}::date)`), sql`, `);
    const result = await db.execute(sql`select ${workingDaysAfter(sql`f`, sql`t`, holidays)} as n from (values ${values}) as v(f, t)`);
    const counted = (result.rows as { n: number }[]).map((r) => Number(r.n));
    expect(counted).toEqual(rows.map((r) => r.days));
  });

  it('lists the non-working days up to the year after the last day counted, where late replies fall', () => {
    const days = nonWorkingDaysForReplies('2025-01-01', '2026-11-30');
    expect(days).toContain('2025-12-25');
    expect(days).toContain('2027-01-01');
    expect(days.some((day) => day.startsWith('2024') || day.startsWith('2028'))).toBe(false);
  });
});
