import { expect } from 'vitest';

/** One protected row as the statistics queries return it. */
interface ProtectedRow {
  count: number | null;
  suppressed: boolean;
}

/** A total and the query that splits it into parts: an analyst's attempt to recompute a hidden cell by subtraction. */
export interface SubtractionAttempt<Q> {
  total: Q;
  parts: Q;
}

/**
 * Asserts that no attempt recomputes a suppressed cell (issue 16): a published total equals the sum of its parts when
 * none is hidden; otherwise at least two parts are hidden and together they hold at least 5, so no one of them can be
 * derived. `ask` runs one statistics query through the gateway.
 */
export async function expectSubtractionFails<Q>(ask: (query: Q) => Promise<{ rows: readonly ProtectedRow[] }>, attempts: readonly SubtractionAttempt<Q>[]): Promise<void> {
  for (const attempt of attempts) {
    const total = (await ask(attempt.total)).rows[0]!;
    const parts = (await ask(attempt.parts)).rows;
    if (total.suppressed) continue;
    const hidden = parts.filter((p) => p.suppressed);
    const rest = total.count! - parts.reduce((sum, p) => sum + (p.count ?? 0), 0);
    if (hidden.length === 0) expect(rest, JSON.stringify(attempt)).toBe(0);
    else expect(hidden.length >= 2 && rest >= 5, JSON.stringify(attempt)).toBe(true);
  }
}
