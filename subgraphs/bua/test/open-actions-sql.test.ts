import { createLogger } from '@pathway-graph/shared';
import { childrenWithOverdueMeetingActions, rowsOf } from '@pathway-graph/shared/sector/open-actions/sql';
import { testVerifier } from '@pathway-graph/test/support/auth';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { networkMeetings } from '../src/db/schema.ts';
import { startBuaSubgraph, type RunningBuaSubgraph } from '../src/subgraph.ts';

/**
 * The worklist keys' scan of the network meetings (shared/src/sector/open-actions/sql.ts, the same in every sector
 * keeping meetings): the children with an open action of one owner past its due day, found through the actions' GIN
 * index rather than by reading every meeting's actions.
 */

const OWNER = { sector: 'MUNICIPALITY', organisation: '661' } as const;
const TODAY = '2026-10-01';

const meeting = (n: number, actions: { owner: { sector: 'MUNICIPALITY' | 'GENERAL_PRACTICE' | 'BUA'; organisation: string }; dueOn: string; completedAt: string | null }[]) => ({
  id: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  childId: `sql-test-child-${n}`,
  sector: 'BUA' as const,
  organisation: '6620',
  heldOn: '2026-09-01',
  participants: [],
  summary: 'Netværksmøde (syntetisk)',
  actions: actions.map((a) => ({ description: 'Følge op (syntetisk)', ...a, completedBy: a.completedAt ? 'test:fixture' : null })),
  recordedBy: 'test:fixture',
});

describeWithDatabases('the network meetings’ scan for the worklist keys', (backend) => {
  let subgraph: RunningBuaSubgraph;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    subgraph = await startBuaSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('bua', 'silent'),
      verifier: await testVerifier(),
    });
    await subgraph.database.db.insert(networkMeetings).values([
      meeting(1, [{ owner: OWNER, dueOn: '2026-09-10', completedAt: null }]),
      // Completed, not yet due, or another owner's: not in the owner's keys.
      meeting(2, [{ owner: OWNER, dueOn: '2026-09-10', completedAt: '2026-09-09T10:00:00Z' }]),
      meeting(3, [{ owner: OWNER, dueOn: '2026-10-05', completedAt: null }]),
      meeting(4, [{ owner: { sector: 'MUNICIPALITY', organisation: '657' }, dueOn: '2026-09-10', completedAt: null }]),
      // The owner's completed action beside another owner's open one: the open and overdue action must be the owner's.
      meeting(5, [
        { owner: OWNER, dueOn: '2026-09-10', completedAt: '2026-09-09T10:00:00Z' },
        { owner: { sector: 'GENERAL_PRACTICE', organisation: '166100' }, dueOn: '2026-09-10', completedAt: null },
      ]),
      meeting(6, [
        { owner: { sector: 'BUA', organisation: '6620' }, dueOn: '2026-09-01', completedAt: null },
        { owner: OWNER, dueOn: '2026-09-30', completedAt: null },
      ]),
    ]);
  }, 120_000);
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

  it('finds the children with an open action of the owner past its due day, and only those', async () => {
    const rows = await rowsOf<{ child_id: string }>(subgraph.database.db, childrenWithOverdueMeetingActions('bua', OWNER, TODAY));
    expect(rows.map((r) => r.child_id).sort()).toEqual(['sql-test-child-1', 'sql-test-child-6']);
  });

  it('can answer through the actions’ GIN index (the plan with sequential scans discouraged names it)', async () => {
    const plan = await subgraph.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return rowsOf<Record<string, string>>(tx as unknown as typeof subgraph.database.db, sql`explain ${childrenWithOverdueMeetingActions('bua', OWNER, TODAY)}`);
    });
    expect(plan.map((r) => Object.values(r)[0]).join('\n')).toMatch(/network_meetings_actions_gin/);
  });
});
