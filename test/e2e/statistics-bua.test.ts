import { DEFAULT_HTTP_SETTINGS, REGION_MIDTJYLLAND_MUNICIPALITIES } from '@pathway-graph/shared';
import { readmeExamples } from '@pathway-graph/gateway/ide/readme-examples';
import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases } from '../support/databases.ts';
import { insertSyntheticReferrals } from '../support/statistics-facts.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { aliasedStatistics, aliasedVariables, expectSubtractionFails } from '../support/isolation.ts';

/**
 * BUA's statistics through the gateway: referrals, assessments and advisory slots for an analyst, from facts counted
 * in BUA's database; refusals for everyone else; small counts hidden with secondary suppression whatever dimensions
 * and filters are combined, and an analyst trying to single out one child's referral; the same SQL statements for
 * 1,000 and 10,000 referrals.
 */

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const TODAY = '2026-12-02';
const TABLE = `statistic period { key } by filters { dimension key }
  rows { key { dimension key label } count suppressed percentiles { measure percentile value suppressed } shares { name value suppressed } }
  suppression { threshold suppressedRows statisticCells statisticSuppressedCells method }`;
const FIELDS = { referrals: 'buaReferralStatistics', assessments: 'buaAssessmentStatistics', advisory: 'buaAdvisoryStatistics' } as const;
const operation = (field: string) => `query Statistics($query: StatisticsQuery!) { ${field}(query: $query) { ${TABLE} } }`;

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

/** Lemvig has no synthetic referrals: the single child's referral below is the only one there. */
const LEMVIG = 665;
const MUNICIPALITIES = REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code).filter((code) => code !== LEMVIG);
/** Aarhus four times: the region's largest municipality gets most referrals. */
const WEIGHTED = [...MUNICIPALITIES, 751, 751, 751];

describeWithDatabases('BUA statistics for analysts', (backend) => {
  let t: TestSystem;
  const db = () => t.system.databases.bua.db;

  async function statistics(kind: keyof typeof FIELDS, query: Record<string, unknown>, user = 'analyst-region'): Promise<Table> {
    const response = await t.queryAs<Record<string, Table>>(user, operation(FIELDS[kind]), { query });
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data![FIELDS[kind]]!;
  }

  /** The tables of several queries, asked in one request (the cube counted once for all of them). */
  async function statisticsAll(kind: keyof typeof FIELDS, queries: readonly Record<string, unknown>[]): Promise<Table[]> {
    const response = await t.queryAs<Record<string, Table>>('analyst-region', aliasedStatistics(FIELDS[kind], TABLE, queries.length), aliasedVariables(queries));
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return queries.map((_, i) => response.data![`t${i}`]!);
  }

  /** Referrals matching a condition, straight from the database (what the engine must agree with). */
  async function countInDatabase(where: ReturnType<typeof sql>): Promise<number> {
    const result = await db().execute(sql`select count(*)::int as n from "bua"."referrals" r where ${where}`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
    return Number(rows[0]!.n);
  }
  const receivedOn = sql`(r.received_at at time zone 'Europe/Copenhagen')::date`;
  /** Visited by the end of the last whole month (November 2026), the last day the statistics count. */
  const visitedBy = (day: string) => sql`exists (select 1 from jsonb_array_elements(r.history) h
    where h->>'status' = 'VISITED' and ((h->>'at')::timestamptz at time zone 'Europe/Copenhagen')::date <= ${day}::date)`;

  /** Every shown count of a table is 0 or at least 5. */
  function expectNoSmallCount(table: Table): void {
    for (const row of table.rows) if (!row.suppressed) expect(row.count === 0 || row.count! >= 5, JSON.stringify(row.key)).toBe(true);
  }

  beforeAll(async () => {
    // Counting tens of thousands of facts in PGlite (in process) and protecting the cube can pass the 30 s request
    // default on a machine shared by many test runs (the screenings' 100,000 did, at a load of 20 on 2 cores); that
    // default is about requests, not this test. Protecting alone takes 0.5-1.5 s of CPU (test/bench/protect-cube.ts).
    t = await startTestSystem(backend, { seedDemoData: false, today: TODAY, http: { ...DEFAULT_HTTP_SETTINGS, requestTimeoutMs: 180_000 } });
    await insertSyntheticReferrals(db(), { prefix: 'few', count: 1_000, from: '2025-01-01', days: 700, municipalities: WEIGHTED });
  });
  afterAll(() => t?.close());

  it('gives an analyst of the region referrals per municipality with waiting times and shares, as the database counts them', async () => {
    const table = await statistics('referrals', { from: '2025-01-01', to: '2026-12-31', by: ['MUNICIPALITY'] });
    expect(table.statistic).toBe('buaReferrals');
    expect(table.rows).toHaveLength(19);
    const aarhus = table.rows.find((row) => row.key[0]!.key === '751')!;
    expect(aarhus.key[0]!.label).toBe('Aarhus');
    // Counted up to the end of the last whole month (November 2026).
    expect(aarhus.count).toBe(await countInDatabase(sql`r.municipality_code = 751 and ${receivedOn} <= '2026-11-30'`));
    expect(aarhus.count).toBeGreaterThan(100);
    const [median, p90] = aarhus.percentiles;
    expect(median).toMatchObject({ measure: 'daysToVisitation', percentile: 0.5, suppressed: false });
    expect(median!.value).toBeGreaterThanOrEqual(3);
    expect(p90!.value!).toBeGreaterThanOrEqual(median!.value!);
    const visited = await countInDatabase(sql`r.municipality_code = 751 and ${receivedOn} <= '2026-11-30' and ${visitedBy('2026-11-30')}`);
    const accepted = await countInDatabase(
      sql`r.municipality_code = 751 and ${receivedOn} <= '2026-11-30' and ${visitedBy('2026-11-30')} and r.visitation_decision = 'ASSESSMENT'`,
    );
    expect(aarhus.shares.find((s) => s.name === 'acceptedForAssessment')!.value).toBeCloseTo(accepted / visited, 10);
    // Acute referrals are few per municipality (some of those counts are hidden); the region's share is shown.
    const region = (await statistics('referrals', { from: '2025-01-01', to: '2026-12-31' })).rows[0]!;
    const acute = await countInDatabase(sql`${receivedOn} <= '2026-11-30' and r.acute`);
    expect(region.shares.find((s) => s.name === 'acute')!.value).toBeCloseTo(acute / region.count!, 10);
    // Lemvig has none: a zero, shown.
    expect(table.rows.find((row) => row.key[0]!.key === String(LEMVIG))).toMatchObject({ count: 0, suppressed: false });
    expect(table.suppression.threshold).toBe(5);
  });

  it('counts the visitation decision as it stood on the last day counted: a November referral visited in December is not yet visited', async () => {
    const byDecision = await statistics('referrals', { from: '2025-01-01', to: '2026-12-31', by: ['DECISION'] });
    const row = (key: string) => byDecision.rows.find((r) => r.key[0]!.key === key)!;
    const counted = sql`${receivedOn} <= '2026-11-30'`;
    // The synthetic referrals are visited 3 to 19 days after receipt: some of November's only in December (today).
    const decidedSince = await countInDatabase(sql`${counted} and r.visitation_decision is not null and not ${visitedBy('2026-11-30')}`);
    expect(decidedSince).toBeGreaterThan(0);
    expect(row('NOT_VISITED')).toMatchObject({ suppressed: false, count: await countInDatabase(sql`${counted} and not ${visitedBy('2026-11-30')}`) });
    expect(row('ASSESSMENT')).toMatchObject({
      suppressed: false,
      count: await countInDatabase(sql`${counted} and ${visitedBy('2026-11-30')} and r.visitation_decision = 'ASSESSMENT'`),
    });
    // Assessments concluded after November are still under way in the statistics.
    const outcomes = await statistics('assessments', { from: '2025-01-01', to: '2026-12-31', by: ['OUTCOME'] });
    const started = sql`exists (select 1 from jsonb_array_elements(r.history) h where h->>'status' = 'ASSESSMENT_STARTED'
      and ((h->>'at')::timestamptz at time zone 'Europe/Copenhagen')::date <= '2026-11-30')`;
    const assessedBy = sql`exists (select 1 from jsonb_array_elements(r.history) h where h->>'status' = 'ASSESSED'
      and ((h->>'at')::timestamptz at time zone 'Europe/Copenhagen')::date <= '2026-11-30')`;
    expect(await countInDatabase(sql`${started} and r.outcome is not null and not ${assessedBy}`)).toBeGreaterThan(0);
    expect(outcomes.rows.find((r) => r.key[0]!.key === 'IN_ASSESSMENT')).toMatchObject({
      suppressed: false,
      count: await countInDatabase(sql`${started} and not ${assessedBy}`),
    });
  });

  it('breaks referrals down by source and acuteness, by decision, and by age band and sex, hiding small counts in every combination', async () => {
    const bySource = await statistics('referrals', { from: '2026-01-01', to: '2026-06-30', by: ['SOURCE', 'ACUTENESS'], filters: [{ dimension: 'CLUSTER', key: 'AARHUS' }] });
    expect(bySource.rows.map((row) => row.key.map((k) => k.key).join(' '))).toEqual(['GP ACUTE', 'GP NOT_ACUTE', 'MUNICIPALITY ACUTE', 'MUNICIPALITY NOT_ACUTE']);
    const byDecision = await statistics('referrals', { from: '2025-01-01', to: '2026-12-31', by: ['CLUSTER', 'DECISION'] });
    expect(byDecision.rows).toHaveLength(5 * 3);
    const byPerson = await statistics('referrals', { from: '2026-01-01', to: '2026-03-31', by: ['AGE_BAND', 'SEX'], filters: [{ dimension: 'MUNICIPALITY', key: '657' }] });
    expect(byPerson.rows).toHaveLength(4 * 2);
    const byMonth = await statistics('referrals', { from: '2026-01-01', to: '2026-12-31', by: ['MUNICIPALITY', 'PERIOD'], periodGranularity: 'MONTH' });
    expect(byMonth.rows).toHaveLength(19 * 12);
    for (const table of [bySource, byDecision, byPerson, byMonth]) expectNoSmallCount(table);
    // The months of one municipality are sparse: some are hidden, and never exactly one in a shown total's breakdown.
    expect(byMonth.rows.some((row) => row.suppressed)).toBe(true);
    // December 2026 is not closed yet: nothing counted (a municipality's zero is hidden where its year is a small count).
    expect(byMonth.rows.filter((row) => row.key[1]!.key === '2026-12').every((row) => row.count === 0 || row.suppressed)).toBe(true);
    expect((await statistics('referrals', { from: '2026-12-01', to: '2026-12-31' })).rows[0]).toMatchObject({ count: 0, suppressed: false });
    // A combination of no view is refused with what the statistic can combine.
    const refused = await t.queryAs('analyst-region', operation(FIELDS.referrals), { query: { from: '2026-01-01', to: '2026-06-30', by: ['AGE_BAND', 'SOURCE'] } });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toMatch(/cannot break .* down together/);
  });

  it('answers the README’s example, as written there, for the analyst whose token it sends', async () => {
    const example = readmeExamples(README).find((e) => e.query.includes('buaReferralStatistics'))!;
    expect(example.user).toBe('analyst-region');
    const response = await t.queryAs<{ buaReferralStatistics: Table }>(example.user!, example.query, example.variables);
    expect(response.errors).toBeUndefined();
    // Five clusters by three decisions.
    expect(response.data!.buaReferralStatistics.rows).toHaveLength(5 * 3);
    expectNoSmallCount(response.data!.buaReferralStatistics);
  });

  it('refuses everyone but analysts, and keeps a municipality\'s analysts to their own municipality', async () => {
    const query = { from: '2025-01-01', to: '2026-12-31' };
    for (const field of Object.values(FIELDS)) {
      for (const user of ['bua-clinician', 'caseworker-751', 'admin-region']) {
        const response = await t.queryAs(user, operation(field), { query });
        expect(response.errors?.[0]?.extensions?.['code'], `${field} ${user}`).toBe('FORBIDDEN');
        expect(response.data).toBeNull();
      }
    }
    const wide = await t.queryAs('analyst-751', operation(FIELDS.referrals), { query });
    expect(wide.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const own = await statistics('referrals', { ...query, filters: [{ dimension: 'MUNICIPALITY', key: '751' }] }, 'analyst-751');
    expect(own.rows[0]!.count).toBe(await countInDatabase(sql`r.municipality_code = 751 and ${receivedOn} <= '2026-11-30'`));
  });

  it('cannot single out one child\'s referral by narrowing the filters or by subtracting two answers', async () => {
    // One referral of a girl of 13 from Lemvig in May 2026, the only referral of that municipality.
    await db().execute(sql`
      insert into "bua"."referrals" (id, message_id, child_id, cpr, birth_date, referrer_sector, referrer_organisation, municipality_code,
        ydernummer, requester_name, requester_role, reason, step_reached, acute, interventions_tried, screening_result_ids, consents,
        sent_at, received_at, status, history, communicated, bundle)
      values ('00000000-0000-4000-8000-000000000665', 'synthetic-single', 'synthetic-single-child', '0501134002', '2013-01-05', 'GENERAL_PRACTICE',
        'synthetic', ${LEMVIG}, '000000', 'Synthetic Requester', 'GP', 'Synthetic referral (not a real child)', 'TRIN_2', false, '[]', '[]', '{}',
        '2026-05-12T08:00:00Z', '2026-05-12T08:00:00Z', 'RECEIVED', '[{"status":"RECEIVED","at":"2026-05-12T08:00:00Z"}]', '{}', '{}')`);
    expect(await countInDatabase(sql`r.municipality_code = ${LEMVIG}`)).toBe(1);

    const may = { from: '2026-05-01', to: '2026-05-31' };
    const lemvig = { dimension: 'MUNICIPALITY', key: String(LEMVIG) };
    const girl = { dimension: 'SEX', key: 'F' };
    const age = { dimension: 'AGE_BAND', key: 'AGE_13_TO_14' };
    const gp = { dimension: 'SOURCE', key: 'GP' };
    const vest = { dimension: 'CLUSTER', key: 'VEST' };
    // Narrowing: every query that closes in on her hides the count.
    const narrowing = [[lemvig], [lemvig, age, girl], [lemvig, gp], [lemvig, { dimension: 'DECISION', key: 'NOT_VISITED' }]];
    const [year, ...narrowed] = await statisticsAll('referrals', [{ from: '2026-01-01', to: '2026-12-31', filters: [lemvig] }, ...narrowing.map((filters) => ({ ...may, filters }))]);
    narrowing.forEach((filters, i) => expect(narrowed[i]!.rows[0], JSON.stringify(filters)).toMatchObject({ count: null, suppressed: true }));
    expect(year!.rows[0]).toMatchObject({ suppressed: true });
    // Subtracting: a total minus its shown parts never leaves a small count (1-4) standing alone.
    const attempts: { total: Record<string, unknown>; parts: Record<string, unknown> }[] = [
      { total: { ...may, filters: [vest] }, parts: { ...may, filters: [vest], by: ['MUNICIPALITY'] } },
      { total: { ...may, filters: [vest, girl] }, parts: { ...may, filters: [vest, girl], by: ['MUNICIPALITY'] } },
      { total: { ...may, filters: [vest, age, girl] }, parts: { ...may, filters: [vest, age, girl], by: ['MUNICIPALITY'] } },
      { total: { ...may, filters: [vest, gp] }, parts: { ...may, filters: [vest, gp], by: ['MUNICIPALITY'] } },
      { total: { from: '2026-04-01', to: '2026-06-30', filters: [lemvig] }, parts: { from: '2026-04-01', to: '2026-06-30', filters: [lemvig], by: ['PERIOD'] } },
      { total: { from: '2026-01-01', to: '2026-12-31', filters: [vest] }, parts: { from: '2026-01-01', to: '2026-12-31', filters: [vest], by: ['MUNICIPALITY'] } },
      { total: { ...may, filters: [lemvig] }, parts: { ...may, filters: [lemvig], by: ['SEX'] } },
    ];
    await expectSubtractionFails((queries) => statisticsAll('referrals', queries), attempts);
  });

  it('gives assessments with the waiting time to assessment, and advisory slots offered, booked, used and cancelled by kind', async () => {
    const assessments = await statistics('assessments', { from: '2025-01-01', to: '2026-12-31', by: ['CLUSTER', 'OUTCOME'] });
    expect(assessments.statistic).toBe('buaAssessments');
    expect(assessments.rows.map((row) => row.key[1]!.key).slice(0, 3)).toEqual(['IN_ASSESSMENT', 'DIAGNOSED', 'NO_DIAGNOSIS']);
    expectNoSmallCount(assessments);
    const all = await statistics('assessments', { from: '2025-01-01', to: '2026-12-31', filters: [{ dimension: 'MUNICIPALITY', key: '751' }] });
    expect(all.rows[0]!.count).toBe(
      await countInDatabase(sql`r.municipality_code = 751 and r.history @> '[{"status":"ASSESSMENT_STARTED"}]'
        and ((select min((h->>'at')::timestamptz) from jsonb_array_elements(r.history) h where h->>'status' = 'ASSESSMENT_STARTED')
             at time zone 'Europe/Copenhagen')::date between '2025-01-01' and '2026-11-30'`),
    );
    const waiting = all.rows[0]!.percentiles.find((p) => p.measure === 'daysToAssessment' && p.percentile === 0.5)!;
    // The synthetic assessments start 20 to 60 days after receipt.
    expect(waiting.value!).toBeGreaterThanOrEqual(20);
    expect(waiting.value!).toBeLessThanOrEqual(60);

    // Advisory slots: five consultation slots a month for Aarhus in 2026, a teaching session for Aarhus and Herning.
    const series = '00000000-0000-4000-9000-000000000001';
    await db().execute(sql`
      insert into "bua"."advisory_slot_series" (id, kind, municipality_codes, adviser_id, recurrence, start_time, duration_minutes, capacity,
        starts_on, meeting_url, created_by, updated_by, updated_at)
      values (${series}, 'CONSULTATION', '{751}', 'test:adviser', '{"frequency":"WEEKLY","weekday":"WEDNESDAY"}', '10:00', 45, 1, '2026-01-01',
        'https://meet.example.org/synthetic', 'test', 'test', now())`);
    await db().execute(sql`
      insert into "bua"."advisory_slots" (id, series_id, occurrence_date, kind, municipality_codes, adviser_id, starts_at, ends_at, capacity,
        booked_count, meeting_url, status, updated_at)
      select gen_random_uuid(), ${series}, date '2026-01-01' + g, 'CONSULTATION', '{751}', 'test:adviser',
             (date '2026-01-01' + g + time '09:00') at time zone 'UTC', (date '2026-01-01' + g + time '09:45') at time zone 'UTC', 1, 0,
             'https://meet.example.org/synthetic', case when g % 10 = 9 then 'CANCELLED' else 'SCHEDULED' end, now()
      from generate_series(0, 330, 6) as g`);
    await db().execute(sql`
      insert into "bua"."advisory_bookings" (id, slot_id, slot_kind, municipality_code, booker_id, kind, booked_at, cancelled_at, cancelled_by)
      select gen_random_uuid(), s.id, s.kind, 751, 'test:staff-' || s.occurrence_date, 'SPARRING', now(),
             case when extract(day from s.starts_at)::int % 4 = 0 then now() end, case when extract(day from s.starts_at)::int % 4 = 0 then 'test' end
      from "bua"."advisory_slots" s where s.status = 'SCHEDULED' and extract(day from s.starts_at)::int % 3 <> 0`);
    const slots = await statistics('advisory', { from: '2026-01-01', to: '2026-12-31', by: ['STATUS'], filters: [{ dimension: 'MUNICIPALITY', key: '751' }] });
    expect(slots.statistic).toBe('buaAdvisorySlots');
    expect(slots.rows.map((row) => row.key[0]!.key)).toEqual(['USED', 'UPCOMING', 'CANCELLED', 'OPEN', 'WITHDRAWN']);
    const offered = await statistics('advisory', { from: '2026-01-01', to: '2026-12-31', filters: [{ dimension: 'MUNICIPALITY', key: '751' }] });
    // Slots up to the end of November: every sixth day from 1 January.
    expect(offered.rows[0]!.count).toBe(Math.floor(330 / 6) + 1);
    const shownParts = slots.rows.reduce((sum, row) => sum + (row.count ?? 0), 0);
    const hiddenParts = slots.rows.filter((row) => row.suppressed).length;
    expect(hiddenParts === 0 ? shownParts === offered.rows[0]!.count : hiddenParts >= 2).toBe(true);
    expectNoSmallCount(slots);
    const byKind = await statistics('advisory', { from: '2026-01-01', to: '2026-12-31', by: ['KIND'], filters: [{ dimension: 'MUNICIPALITY', key: '751' }] });
    expect(byKind.rows.map((row) => [row.key[0]!.key, row.count])).toEqual([
      ['CONSULTATION', offered.rows[0]!.count],
      ['TEACHING', 0],
    ]);
  });

  it('costs the same SQL statements per subgraph for 1,000 and for 10,000 referrals', async () => {
    // Ten times the referrals, and several times the leaves the statement returns: a statement per referral or per leaf
    // would show. A hundred times cost tens of seconds of CPU and proved nothing more; the engine's cost for many
    // facts is the bench's to measure (`npx tsx test/bench/protect-cube.ts 100000`).
    const query = { from: '2025-01-01', to: '2026-12-31', by: ['CLUSTER', 'PERIOD'], periodGranularity: 'HALF_YEAR' };
    const statements = async () => {
      for (const database of Object.values(t.system.databases)) database.statements.reset();
      const table = await statistics('referrals', query);
      return { table, counts: Object.fromEntries(Object.entries(t.system.databases).map(([name, database]) => [name, database.statements.total])) };
    };
    const few = await statements();
    await insertSyntheticReferrals(db(), { prefix: 'many', count: 9_000, from: '2025-01-01', days: 700, municipalities: WEIGHTED });
    const many = await statements();
    expect(await countInDatabase(sql`true`)).toBeGreaterThanOrEqual(10_000);
    expect(many.counts).toEqual(few.counts);
    expect(many.counts['bua']).toBe(1);
    const total = (table: Table) => table.rows.reduce((sum, row) => sum + (row.count ?? 0), 0);
    expect(total(many.table)).toBeGreaterThan(total(few.table) * 5);
  }, 120_000);
});
