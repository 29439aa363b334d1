/**
 * The subgraphs may compute percentiles in SQL; this proves that PostgreSQL's percentile_disc gives exactly what the
 * engine's nearest-rank helpers give, for every group size from 1 to 60 and the usual percentiles, on PGlite and (in
 * CI) on a real PostgreSQL server.
 */
import { describeWithDatabases } from '@pathway-graph/test/support/databases';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { percentileDisc } from './percentile.ts';
import { seeded } from './test-helpers.ts';

const PERCENTILES = [0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

describeWithDatabases('percentile_disc matches the engine', (backend) => {
  let query: (sql: string) => Promise<Record<string, unknown>[]>;
  let dispose: () => Promise<void>;
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    const target = created.targets[0]!;
    if (target.kind === 'postgres') {
      const sql = postgres(target.url, { max: 1, onnotice: () => {} });
      query = async (text) => [...(await sql.unsafe(text))] as Record<string, unknown>[];
      close = async () => sql.end();
    } else if ('instance' in target) {
      const instance: PGlite = target.instance;
      query = async (text) => (await instance.query<Record<string, unknown>>(text)).rows;
    } else {
      throw new Error('the test backends give an open PGlite instance or a PostgreSQL URL');
    }
  });

  afterAll(async () => {
    await close();
    await dispose();
  });

  it('for groups of 1 to 60 working-day values and seven percentiles', async () => {
    const random = seeded(90);
    const groups = Array.from({ length: 60 }, (_, g) =>
      Array.from({ length: g + 1 }, () => Math.floor(random() * random() * 25)),
    );
    const values = groups.flatMap((vs, g) => vs.map((v) => `(${g}, ${v})`)).join(', ');
    const columns = PERCENTILES.map((p, i) => `percentile_disc(${p}) within group (order by v) as p${i}`).join(', ');
    const rows = await query(`select g, count(*)::int as n, ${columns} from (values ${values}) as t(g, v) group by g order by g`);
    expect(rows).toHaveLength(60);
    for (const row of rows) {
      const group = groups[Number(row['g'])]!;
      expect(Number(row['n'])).toBe(group.length);
      PERCENTILES.forEach((p, i) => {
        expect(Number(row[`p${i}`]), `group of ${group.length}, p=${p}`).toBe(percentileDisc(group, p));
      });
    }
  });
});
