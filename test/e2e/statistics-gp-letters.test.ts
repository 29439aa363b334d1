import { sql } from 'drizzle-orm';
import { executedRows } from '@pathway-graph/shared/db/working-days';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../support/databases.ts';
import { insertSyntheticGpLetters } from '../support/letter-facts.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { aliasedStatistics, aliasedVariables, expectSubtractionFails } from '../support/isolation.ts';

/**
 * General practice's own letter statistics through the gateway: an analyst's tables from the letters counted in the
 * general practice database, refusals for everyone else, the same SQL statements for 1,000 and 10,000 letters, and
 * an analyst trying to single out one child's letter by narrowing the filters and by subtracting two answers.
 */

const TODAY = '2026-12-02';
const TABLE = `statistic period { key } by filters { dimension key }
    rows { key { dimension key label } count suppressed percentiles { measure percentile value suppressed } shares { name value suppressed } }
    suppression { threshold suppressedRows statisticCells statisticSuppressedCells method }`;
const LETTERS = `query GpLetters($query: StatisticsQuery!) {
  generalPracticeLetterStatistics(query: $query) {
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

/** The letters the statistic counts, with the Copenhagen day sent and the first reply's day of arrival. */
const COUNTED = sql`
  select p.municipality_code, l.step, l.reply_due_on, l.child_id,
         ((l.sent_at::timestamptz) at time zone 'Europe/Copenhagen')::date as sent_on,
         (select (min(r.received_at) at time zone 'Europe/Copenhagen')::date from "general_practice"."replies" r where r.letter_id = l.id) as replied_on
  from "general_practice"."letters" l join "general_practice"."practices" p on p.ydernummer = l.practice
  where l.status <> 'FAILED'`;

describeWithDatabases('general practice letter statistics for analysts', (backend) => {
  let t: TestSystem;
  const db = () => t.system.databases['general-practice'].db;

  async function letters(query: Record<string, unknown>, user = 'analyst-region'): Promise<Table> {
    const response = await t.queryAs<{ generalPracticeLetterStatistics: Table }>(user, LETTERS, { query });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!.generalPracticeLetterStatistics;
  }

  /** The tables of several queries, asked in one request (the cube counted once for all of them). */
  async function lettersAll(queries: readonly Record<string, unknown>[]): Promise<Table[]> {
    const response = await t.queryAs<Record<string, Table>>('analyst-region', aliasedStatistics('generalPracticeLetterStatistics', TABLE, queries.length), aliasedVariables(queries));
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return queries.map((_, i) => response.data![`t${i}`]!);
  }

  /** The count of counted letters matching a condition, straight from the database (what the engine must agree with). */
  async function countInDatabase(where: ReturnType<typeof sql>): Promise<number> {
    const result = await db().execute(sql`select count(*)::int as n from (${COUNTED}) l where ${where}`);
    const rows = executedRows(result);
    return Number(rows[0]!.n);
  }

  beforeAll(async () => {
    t = await startTestSystem(backend, { seedDemoData: false, today: TODAY });
    await insertSyntheticGpLetters(db(), 1, 1_000);
  });
  afterAll(() => t?.close());

  it('gives an analyst of the region the practices\' letters per municipality, with reply times and the share within the deadline, as the database counts them', async () => {
    const table = await letters({ from: '2025-01-01', to: '2026-12-31', by: ['MUNICIPALITY'] });
    expect(table.statistic).toBe('generalPracticeLetters');
    expect(table.rows).toHaveLength(19);
    const aarhus = table.rows.find((row) => row.key[0]!.key === '751')!;
    expect(aarhus.key[0]!.label).toBe('Aarhus');
    // Counted up to the end of the last whole month (November 2026).
    const inAarhus = sql`l.municipality_code = 751 and l.sent_on <= '2026-11-30'`;
    expect(aarhus.count).toBe(await countInDatabase(inAarhus));
    expect(aarhus.count).toBeGreaterThanOrEqual(5);
    const [median, p90] = aarhus.percentiles;
    expect(median).toMatchObject({ measure: 'replyWorkingDays', percentile: 0.5, suppressed: false });
    expect(median!.value).toBeGreaterThan(0);
    expect(p90!.value!).toBeGreaterThanOrEqual(median!.value!);
    const within = aarhus.shares.find((s) => s.name === 'answeredWithinDeadline')!;
    expect(within.value).toBeCloseTo(
      (await countInDatabase(sql`${inAarhus} and l.replied_on <= l.reply_due_on`)) / (await countInDatabase(sql`${inAarhus} and l.replied_on is not null`)),
      10,
    );
    expect(table.suppression.threshold).toBe(5);
  });

  it('breaks down by cluster and quarter, and by step and reply together, never showing a count of 1-4', async () => {
    const byCluster = await letters({ from: '2025-01-01', to: '2026-12-31', by: ['CLUSTER', 'PERIOD'], periodGranularity: 'QUARTER' });
    expect(byCluster.rows).toHaveLength(5 * 8);
    expect(byCluster.rows[0]!.key.map((k) => k.dimension)).toEqual(['CLUSTER', 'PERIOD']);
    const byStep = await letters({ from: '2026-01-01', to: '2026-12-31', by: ['STEP', 'REPLY'], filters: [{ dimension: 'CLUSTER', key: 'VEST' }] });
    expect(byStep.rows[0]!.key.map((k) => k.dimension)).toEqual(['STEP', 'REPLY']);
    expect(new Set(byStep.rows.map((row) => row.key[0]!.key))).toEqual(new Set(['TRIN_1', 'TRIN_2']));
    const step1 = await letters({ from: '2026-01-01', to: '2026-12-31', filters: [{ dimension: 'STEP', key: 'TRIN_1' }] });
    expect(step1.rows[0]!.count).toBe(await countInDatabase(sql`l.step = 'TRIN_1' and l.sent_on between '2026-01-01' and '2026-11-30'`));
    for (const row of [...byCluster.rows, ...byStep.rows]) {
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
    expect(own.rows[0]!.count).toBe(await countInDatabase(sql`l.municipality_code = 751 and l.sent_on <= '2026-11-30'`));
    const bad = await t.queryAs('analyst-region', LETTERS, { query: { from: '2025-01-01', to: '2025-02-14' } });
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('cannot single out one child\'s letter by narrowing the filters or by subtracting two answers', async () => {
    // One letter about a girl of 13 from a practice in Lemvig (665) in May 2026, step 1: with the synthetic letters,
    // the only one of that municipality, month, age band, sex and step.
    await db().execute(sql`insert into "general_practice"."children" (id, cpr, birth_date, synthetic)
      values ('synthetic-single-child', '6205121234', '2013-01-05', true)`);
    await db().execute(sql`
      insert into "general_practice"."letters" (id, message_id, practice, child_id, cpr, recipient_municipality_code, recipient_inbox_gln,
        recipient_inbox_name, category, topic, subject, text, step, consent_given_by, consent_given_on, signature_name, signature_title,
        signature_phone, status, sent_at, reply_due_on, created_by)
      values ('00000000-0000-4000-8000-000000000665', 'synthetic-single', '900665', 'synthetic-single-child', '6205121234', 665,
        '5790000000001', 'Synthetic inbox', 'henvendelse-vedr-barn', 'Synthetic topic', 'Synthetic letter', 'Synthetic letter (not a real child).',
        'TRIN_1', 'CUSTODY_HOLDER', '2026-05-12', 'Synthetic GP', 'GP', '00000000', 'DELIVERED', '2026-05-12T08:00:00Z', '2026-05-26', 'test:synthetic')`);
    const result = await db().execute(sql`select count(*)::int as n from "general_practice"."letters" l join "general_practice"."children" c on c.id = l.child_id
      where l.practice = '900665' and ((l.sent_at::timestamptz) at time zone 'Europe/Copenhagen')::date between '2026-05-01' and '2026-05-31'
        and date_part('year', age(((l.sent_at::timestamptz) at time zone 'Europe/Copenhagen')::date, c.birth_date)) between 13 and 14
        and right(l.cpr, 1)::int % 2 = 0`);
    const rows = executedRows(result);
    expect(Number(rows[0]!.n)).toBe(1);

    const may = { from: '2026-05-01', to: '2026-05-31' };
    const lemvig = { dimension: 'MUNICIPALITY', key: '665' };
    const girl = { dimension: 'SEX', key: 'F' };
    const age = { dimension: 'AGE_BAND', key: 'AGE_13_TO_14' };
    const narrowest = await letters({ ...may, filters: [lemvig, age, girl] });
    expect(narrowest.rows[0]).toMatchObject({ count: null, suppressed: true });
    const attempts: { total: Record<string, unknown>; parts: Record<string, unknown> }[] = [
      { total: { ...may, filters: [lemvig, girl] }, parts: { ...may, filters: [lemvig, girl], by: ['AGE_BAND'] } },
      { total: { ...may, filters: [lemvig, age] }, parts: { ...may, filters: [lemvig, age], by: ['SEX'] } },
      { total: { ...may, filters: [{ dimension: 'CLUSTER', key: 'VEST' }, age, girl] }, parts: { ...may, filters: [{ dimension: 'CLUSTER', key: 'VEST' }, age, girl], by: ['MUNICIPALITY'] } },
      { total: { from: '2026-04-01', to: '2026-06-30', filters: [lemvig, age, girl] }, parts: { from: '2026-04-01', to: '2026-06-30', filters: [lemvig, age, girl], by: ['PERIOD'] } },
      { total: { ...may, filters: [lemvig] }, parts: { ...may, filters: [lemvig], by: ['SEX'] } },
      { total: { ...may, filters: [lemvig] }, parts: { ...may, filters: [lemvig], by: ['STEP'] } },
    ];
    await expectSubtractionFails(lettersAll, attempts);
  });

  it('costs the same SQL statements per subgraph for 1,000 and for 10,000 letters, one in general practice', async () => {
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
    await insertSyntheticGpLetters(db(), 1_001, 9_000);
    const many = await statements();
    expect(await countInDatabase(sql`true`)).toBeGreaterThanOrEqual(10_000);
    expect(many.counts).toEqual(few.counts);
    expect(many.counts['general-practice']).toBe(1);
    const total = (table: Table) => table.rows.reduce((sum, row) => sum + (row.count ?? 0), 0);
    expect(total(many.table)).toBeGreaterThan(total(few.table) * 5);
  }, 120_000);
});
