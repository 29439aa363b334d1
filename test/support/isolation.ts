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
 * One operation asking a statistics field once per query, as `t0`, `t1`, ... with the queries as `$q0`, `$q1`, ...:
 * an analyst may send all their attempts at once, and the subgraph then counts and protects the cube once for all of
 * them (one SQL statement, not one per query). The answers are those of separate requests: the protected cube depends
 * on the facts alone (protectCubeRemembered).
 */
export function aliasedStatistics(field: string, selection: string, queries: number): string {
  const indexes = Array.from({ length: queries }, (_, i) => i);
  return `query Attempts(${indexes.map((i) => `$q${i}: StatisticsQuery!`).join(', ')}) { ${indexes.map((i) => `t${i}: ${field}(query: $q${i}) { ${selection} }`).join(' ')} }`;
}

/** The variables of aliasedStatistics for `queries`. */
export function aliasedVariables(queries: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(queries.map((query, i) => [`q${i}`, query]));
}

/**
 * Asserts that no attempt recomputes a suppressed cell (issue 16): a published total equals the sum of its parts when
 * none is hidden; otherwise at least two parts are hidden and together they hold at least 5, so no one of them can be
 * derived. `askAll` runs statistics queries through the gateway and answers them in order.
 */
export async function expectSubtractionFails<Q>(
  askAll: (queries: readonly Q[]) => Promise<readonly { rows: readonly ProtectedRow[] }[]>,
  attempts: readonly SubtractionAttempt<Q>[],
): Promise<void> {
  const answers = await askAll(attempts.flatMap((attempt) => [attempt.total, attempt.parts]));
  expect(answers).toHaveLength(attempts.length * 2);
  attempts.forEach((attempt, i) => {
    const total = answers[2 * i]!.rows[0]!;
    const parts = answers[2 * i + 1]!.rows;
    if (total.suppressed) return;
    const hidden = parts.filter((p) => p.suppressed);
    const rest = total.count! - parts.reduce((sum, p) => sum + (p.count ?? 0), 0);
    if (hidden.length === 0) expect(rest, JSON.stringify(attempt)).toBe(0);
    else expect(hidden.length >= 2 && rest >= 5, JSON.stringify(attempt)).toBe(true);
  });
}
