/**
 * The people of a scenario: demo users (shared/src/auth/demo-users.ts) signed in to the whole system through the
 * gateway, each able to ask the graph anything. What they do in a feature (send a letter, reply, record a consent)
 * is in that feature's file beside this one; `index.ts` puts it together under names like `asGp('107510')`.
 */
import type { Principal } from '@pathway-graph/shared';
import { findDemoUser } from '@pathway-graph/shared/auth/demo-users';
import { expect } from 'vitest';
import { as } from '../auth.ts';
import type { GraphQLResponse, TestSystem } from '../system.ts';

/** The system a scenario runs in, read when someone acts (the suite starts it in beforeAll). */
export type SystemOf = () => TestSystem;

export interface Person {
  /** The demo user's name, e.g. `gp-107510` (or the subject of a principal made for the test). */
  readonly user: string;
  readonly principal: Principal;
  /** Sends an operation to the gateway as this person, stating a purpose of use if given. */
  ask<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, purpose?: string): Promise<GraphQLResponse<T>>;
  /** The same, expecting success: the data, or the test fails naming the errors. */
  must<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, purpose?: string): Promise<T>;
  /** The system the person acts in (for what a scenario does to it, e.g. stopping a subgraph). */
  readonly system: TestSystem;
}

/** A demo user (by name), or a principal made for the test, acting in the system `system` returns. */
export function personOf(system: SystemOf, who: string | Principal): Person {
  const principal = typeof who === 'string' ? findDemoUser(who) : who;
  if (!principal) throw new Error(`No demo user named ${String(who)}: see shared/src/auth/demo-users.ts`);
  const user = typeof who === 'string' ? who : who.subject;
  const ask = async <T>(query: string, variables?: Record<string, unknown>, purpose?: string) =>
    system().query<T>(query, variables, await as(principal, purpose));
  return {
    user,
    principal,
    ask,
    async must<T>(query: string, variables?: Record<string, unknown>, purpose?: string) {
      const res = await ask<T>(query, variables, purpose);
      expect(res.errors, `${user}: ${query.slice(0, 80)}`).toBeUndefined();
      return res.data!;
    },
    get system() {
      return system();
    },
  };
}

/** The code of the first error of an answer (what a refusal test looks at first). */
export const codeOf = (res: GraphQLResponse<unknown>): unknown => res.errors?.[0]?.extensions?.['code'];

/** Reads until what it reads holds (a message crossing sectors is delivered by a worker, not within the request). */
export async function eventually<T>(what: string, read: () => Promise<T>, holds: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > until) throw new Error(`${what} never happened within ${timeoutMs} ms; last seen: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
