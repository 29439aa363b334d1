import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../support/databases.ts';
import { insertSyntheticLetters } from '../support/letter-facts.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { aliasedStatistics, aliasedVariables, expectSubtractionFails } from '../support/isolation.ts';

/**
 * Letter statistics through the gateway: an analyst's tables from facts counted in the municipality's database,
 * refusals for everyone else, the same SQL statements for 1,000 and 10,000 letters, and an analyst trying to
 * single out one child's letter by narrowing the filters and by subtracting two answers.
 */

const TODAY = '2026-12-02';
const TABLE = `statistic period { key } by filters { dimension key }
    rows { key { dimension key label } count suppressed percentiles { measure percentile value suppressed } shares { name value suppressed } }
    suppression { threshold suppressedRows statisticCells statisticSuppressedCells method }`;
const LETTERS = `query Letters($query: StatisticsQuery!) {
  letterStatistics(query: $query) {
    ${TABLE}
  }
}`;

interface Row {
  key: { dimension: string; key: string; label: string }[];
  count: number | null;
  suppressed: boolean;
  percentiles: { measure: string; percentile: number; value: number | null; suppressed: boolean }[];
  shares: { name: string; value: number | null; suppressed: boolean }[];
}
interface Table {
  statistic: string;
  rows: Row[];
  suppression: { threshold: number; suppressedRows: number; statisticCells: number; statisticSuppressedCells: number };
}

describeWithDatabases('letter statistics for analysts', (backend) => {
  let t: TestSystem;
  const db = () => t.system.databases.municipality.db;

  async function letters(query: Record<string, unknown>, user = 'analyst-region'): Promise<Table> {
    const response = await t.queryAs<{ letterStatistics: Table }>(user, LETTERS, { query });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!.letterStatistics;
  }

  /** The tables of several queries, asked in one request (the cube counted once for all of them). */
  async function lettersAll(queries: readonly Record<string, unknown>[]): Promise<Table[]> {
    const response = await t.queryAs<Record<string, Table>>('analyst-region', aliasedStatistics('letterStatistics', TABLE, queries.length), aliasedVariables(queries));
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return queries.map((_, i) => response.data![`t${i}`]!);
  }

  /** The count of letters matching a condition, straight from the database (what the engine must agree with). */
  async function countInDatabase(where: ReturnType<typeof sql>): Promise<number> {
    const result = await db().execute(sql`select count(*)::int as n from "municipality"."received_letters" l where ${where}`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
    return Number(rows[0]!.n);
  }

  beforeAll(async () => {
    t = await startTestSystem(backend, { seedDemoData: false, today: TODAY });
    await insertSyntheticLetters(db(), 1, 1_000);
  });
  afterAll(() => t?.close());

  it('gives an analyst of the region letters per municipality, with reply times and shares, as the database counts them', async () => {
    const table = await letters({ from: '2025-01-01', to: '2026-12-31', by: ['MUNICIPALITY'] });
    expect(table.statistic).toBe('letters');
    expect(table.rows).toHaveLength(19);
    const aarhus = table.rows.find((row) => row.key[0]!.key === '751')!;
    expect(aarhus.key[0]!.label).toBe('Aarhus');
    // Counted up to the end of the last whole month (November 2026).
    expect(aarhus.count).toBe(await countInDatabase(sql`l.municipality_code = 751 and l.received_on <= '2026-11-30'`));
    expect(aarhus.count).toBeGreaterThanOrEqual(5);
    const [median, p90] = aarhus.percentiles;
    expect(median).toMatchObject({ measure: 'replyWorkingDays', percentile: 0.5, suppressed: false });
    expect(median!.value).toBeGreaterThan(0);
    expect(p90!.value!).toBeGreaterThanOrEqual(median!.value!);
    const known = aarhus.shares.find((s) => s.name === 'knownToMunicipality')!;
    expect(known.value).toBeCloseTo(
      // The synthetic letters number n with n % 4 = 0 are about children with an open case.
      (await countInDatabase(sql`l.municipality_code = 751 and l.received_on <= '2026-11-30' and split_part(l.child_id, '-', 3)::int % 4 = 0`)) / aarhus.count!,
      10,
    );
    expect(aarhus.shares.find((s) => s.name === 'answeredWithinDeadline')!.value).toBeGreaterThan(0);
    expect(table.suppression.threshold).toBe(5);
  });

  it('answers the README\'s statistics query, as written there', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const body = readme.match(/-d '(\{\n {2}"query": "query\(\$query: StatisticsQuery!\) \{ letterStatistics[\s\S]*?\})'/)?.[1];
    expect(body).toBeDefined();
    const { query, variables } = JSON.parse(body!) as { query: string; variables: Record<string, unknown> };
    const response = await t.queryAs<{ letterStatistics: Table }>('analyst-region', query, variables);
    expect(response.errors).toBeUndefined();
    expect(response.data!.letterStatistics.rows.map((row) => row.key[0]!.key)).toEqual(['HORSENS', 'MIDT', 'RANDERS', 'VEST', 'AARHUS']);
  });

  it('breaks down by cluster and half-year, and by age band and sex together', async () => {
    const byCluster = await letters({ from: '2025-01-01', to: '2026-12-31', by: ['CLUSTER', 'PERIOD'], periodGranularity: 'HALF_YEAR' });
    expect(byCluster.rows).toHaveLength(5 * 4);
    expect(byCluster.rows[0]!.key.map((k) => k.dimension)).toEqual(['CLUSTER', 'PERIOD']);
    const byAgeAndSex = await letters({ from: '2026-01-01', to: '2026-06-30', by: ['AGE_BAND', 'SEX'], filters: [{ dimension: 'CLUSTER', key: 'VEST' }] });
    expect(byAgeAndSex.rows).toHaveLength(4 * 2);
    for (const row of [...byCluster.rows, ...byAgeAndSex.rows]) {
      if (!row.suppressed) expect(row.count === 0 || row.count! >= 5).toBe(true);
    }
  });

  it('refuses everyone but analysts, and keeps a municipality\'s analysts to their own municipality', async () => {
    const query = { from: '2025-01-01', to: '2026-12-31' };
    for (const user of ['caseworker-751', 'gp-107510', 'admin-region']) {
      const response = await t.queryAs(user, LETTERS, { query });
      expect(response.errors?.[0]?.extensions?.['code'], user).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    }
    const wide = await t.queryAs('analyst-751', LETTERS, { query });
    expect(wide.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(wide.errors?.[0]?.message).toMatch(/key: "751"/);
    const own = await letters({ ...query, filters: [{ dimension: 'MUNICIPALITY', key: '751' }] }, 'analyst-751');
    expect(own.rows[0]!.count).toBe(await countInDatabase(sql`l.municipality_code = 751 and l.received_on <= '2026-11-30'`));
    const bad = await t.queryAs('analyst-region', LETTERS, { query: { from: '2025-01-01', to: '2025-02-14' } });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('cannot single out one child\'s letter by narrowing the filters or by subtracting two answers', async () => {
    // One letter about a girl of 13 in Lemvig (665) in May 2026: the only letter of that municipality, month,
    // age band and sex (the synthetic letters of Lemvig in May 2026 are about other ages or boys, or none).
    await db().execute(sql`
      insert into "municipality"."received_letters" (id, message_id, municipality_code, department, child_id, cpr, birth_date, sender_gln,
        sender_sor_code, receiver_gln, receiver_sor_code, conversation_id, category, subject, text, segments, sent_at, received_on, reply_due_on)
      values ('00000000-0000-4000-8000-000000000665', 'synthetic-single', 665, 'CHILDREN_AND_YOUTH', 'synthetic-single-child', '6205121234',
        '2013-01-05', '5790000000000', '1000000000000', '5790000000001', '1000000000001', 'synthetic-single', 'henvendelse-vedr-barn',
        'Synthetic letter', 'Synthetic letter (not a real child).', '[]'::jsonb, '2026-05-12T08:00:00Z', '2026-05-12', '2026-05-26')`);
    const others = await countInDatabase(sql`l.municipality_code = 665 and l.received_on between '2026-05-01' and '2026-05-31'
      and date_part('year', age(l.received_on, l.birth_date)) between 13 and 14 and right(l.cpr, 1)::int % 2 = 0`);
    expect(others).toBe(1);

    const may = { from: '2026-05-01', to: '2026-05-31' };
    const lemvig = { dimension: 'MUNICIPALITY', key: '665' };
    const girl = { dimension: 'SEX', key: 'F' };
    const age = { dimension: 'AGE_BAND', key: 'AGE_13_TO_14' };
    // Narrowing: every query that closes in on her hides the count.
    const narrowest = await letters({ ...may, filters: [lemvig, age, girl] });
    expect(narrowest.rows[0]).toMatchObject({ count: null, suppressed: true });
    // Subtracting: a total minus its shown parts never leaves a small count (1-4) standing alone.
    const attempts: { total: Record<string, unknown>; parts: Record<string, unknown> }[] = [
      { total: { ...may, filters: [lemvig, girl] }, parts: { ...may, filters: [lemvig, girl], by: ['AGE_BAND'] } },
      { total: { ...may, filters: [lemvig, age] }, parts: { ...may, filters: [lemvig, age], by: ['SEX'] } },
      { total: { ...may, filters: [{ dimension: 'CLUSTER', key: 'VEST' }, age, girl] }, parts: { ...may, filters: [{ dimension: 'CLUSTER', key: 'VEST' }, age, girl], by: ['MUNICIPALITY'] } },
      { total: { from: '2026-04-01', to: '2026-06-30', filters: [lemvig, age, girl] }, parts: { from: '2026-04-01', to: '2026-06-30', filters: [lemvig, age, girl], by: ['PERIOD'] } },
      { total: { ...may, filters: [lemvig] }, parts: { ...may, filters: [lemvig], by: ['SEX'] } },
    ];
    await expectSubtractionFails(lettersAll, attempts);
  });

  it('costs the same SQL statements per subgraph for 1,000 and for 10,000 letters', async () => {
    // Ten times the letters, and several times the leaves the statement returns: a statement per letter or per leaf
    // would show. A hundred times cost tens of seconds of CPU and proved nothing more; the engine's cost for many
    // facts is the bench's to measure (`npx tsx test/bench/protect-cube.ts 100000`).
    const query = { from: '2025-01-01', to: '2026-12-31', by: ['CLUSTER', 'PERIOD'], periodGranularity: 'HALF_YEAR' };
    const statements = async () => {
      for (const database of Object.values(t.system.databases)) database.statements.reset();
      const table = await letters(query);
      return { table, counts: Object.fromEntries(Object.entries(t.system.databases).map(([name, database]) => [name, database.statements.total])) };
    };
    const few = await statements();
    await insertSyntheticLetters(db(), 1_001, 9_000);
    const many = await statements();
    expect(await countInDatabase(sql`true`)).toBeGreaterThanOrEqual(10_000);
    expect(many.counts).toEqual(few.counts);
    expect(many.counts['municipality']).toBe(1);
    const total = (table: Table) => table.rows.reduce((sum, row) => sum + (row.count ?? 0), 0);
    expect(total(many.table)).toBeGreaterThan(total(few.table) * 5);
  }, 120_000);
});
