import { createLogger, type Principal } from '@pathway-graph/shared';
import { as, testVerifier } from '@pathway-graph/test/support/auth';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { postGraphQL, type GraphQLResponse } from '@pathway-graph/test/support/graphql';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedAdvisoryDemo } from '../src/advisory/demo.ts';
import { startBuaSubgraph, type RunningBuaSubgraph } from '../src/subgraph.ts';

/**
 * The advisory service's guarantees that only the database can give, tested on the BUA subgraph alone (the gateway
 * suite, test/e2e/advisory.test.ts, covers the people's journey): the seat counter never drifts from the bookings,
 * concurrent generations and contact-person changes store one result, the tables have no place for a child, and
 * the calendar feeds open with their secret only while it stands.
 */

const NOW = new Date('2027-06-01T08:00:00Z');
const adviser: Principal = { subject: 'test:adviser', displayName: 'Test Adviser', sector: 'BUA', organisation: '265011000016007', roles: ['BUA_ADVISER'] };
const admin: Principal = { subject: 'test:bua-admin', displayName: 'Test BUA Administrator', sector: 'BUA', organisation: '265011000016007', roles: ['ADMINISTRATOR'] };
const staff = (n: number, municipality = 751): Principal => ({
  subject: `test:staff-${municipality}-${n}`,
  displayName: `Test Staff ${n}`,
  sector: 'MUNICIPALITY',
  organisation: String(municipality),
  roles: ['PPR_PSYCHOLOGIST'],
});
const codeOf = (res: GraphQLResponse<unknown>) => (res.errors?.[0]?.extensions?.['code'] as string | undefined) ?? null;

describeWithDatabases('bua advisory service: what the database guarantees', (backend) => {
  let subgraph: RunningBuaSubgraph;
  let dispose: () => Promise<void>;
  const gql = async <T = Record<string, unknown>>(who: Principal, query: string, variables?: Record<string, unknown>) =>
    postGraphQL<T>(subgraph.url, query, variables, await as(who));

  async function teachingSlot(startsOn: string, capacity: number): Promise<{ seriesId: string; slotId: string }> {
    const saved = await gql<{ saveAdvisorySlotSeries: { id: string } }>(
      adviser,
      'mutation ($input: AdvisorySlotSeriesInput!) { saveAdvisorySlotSeries(input: $input) { id } }',
      {
        input: {
          kind: 'TEACHING',
          municipalityCodes: [751, 657],
          recurrence: { frequency: 'WEEKLY', weekday: 'WEDNESDAY' },
          startTime: '14:00',
          capacity,
          startsOn,
          endsOn: startsOn,
          meetingUrl: 'https://meet.example.org/teaching-synthetic',
        },
      },
    );
    const seriesId = saved.data!.saveAdvisorySlotSeries.id;
    await gql(adviser, 'mutation ($s: ID!, $d: Date!) { generateAdvisorySlots(seriesId: $s, from: $d, to: $d) { created } }', { s: seriesId, d: startsOn });
    const slots = await gql<{ advisorySlots: { edges: { node: { id: string } }[] } }>(
      adviser,
      'query ($d: Date!) { advisorySlots(from: $d, to: $d, kind: TEACHING) { edges { node { id } } } }',
      { d: startsOn },
    );
    return { seriesId, slotId: slots.data!.advisorySlots.edges[0]!.node.id };
  }

  const book = (who: Principal, slotId: string) =>
    gql<{ bookAdvisorySlot: { id: string } }>(who, 'mutation ($s: ID!) { bookAdvisorySlot(slotId: $s, kind: TEACHING) { id } }', { s: slotId });
  const cancel = (who: Principal, id: string) => gql(who, 'mutation ($id: ID!) { cancelAdvisoryBooking(id: $id) { id } }', { id });

  /** The slot's counter and its standing bookings, read straight from the tables. */
  async function counterAndBookings(slotId: string): Promise<{ counter: number; standing: number }> {
    const result = await subgraph.database.db.execute<{ counter: number; standing: number }>(
      sql`select s.booked_count as counter, (select count(*)::int from bua.advisory_bookings b where b.slot_id = s.id and b.cancelled_at is null) as standing
            from bua.advisory_slots s where s.id = ${slotId}`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: { counter: number; standing: number }[] }).rows) as { counter: number; standing: number }[];
    return rows[0]!;
  }

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
      advisory: { now: () => NOW },
    });
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

  it('the seat counter equals the standing bookings after concurrent bookings and cancellations', async () => {
    const { slotId } = await teachingSlot('2027-06-09', 5);
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => book(staff(i, i % 2 ? 751 : 657), slotId)));
    const booked = first.flatMap((r, i) => (r.data?.bookAdvisorySlot ? [{ who: staff(i, i % 2 ? 751 : 657), id: r.data.bookAdvisorySlot.id }] : []));
    expect(booked).toHaveLength(5);
    expect(first.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(15);
    // Three cancel while twelve newcomers try for the seats they free.
    const mixed = await Promise.all([
      ...booked.slice(0, 3).map((b) => cancel(b.who, b.id)),
      ...Array.from({ length: 12 }, (_, i) => book(staff(100 + i), slotId)),
    ]);
    expect(mixed.slice(0, 3).map(codeOf)).toEqual([null, null, null]);
    const { counter, standing } = await counterAndBookings(slotId);
    expect(counter).toBe(standing);
    expect(counter).toBeLessThanOrEqual(5);
    // Every newcomer either got a seat or a CONFLICT; none got anything else.
    expect(mixed.slice(3).every((r) => codeOf(r) === null || codeOf(r) === 'CONFLICT')).toBe(true);
    expect(mixed.slice(3).filter((r) => codeOf(r) === null).length).toBe(counter - 2);
  });

  it('one person books a teaching session once, however often they try at the same time', async () => {
    const { slotId } = await teachingSlot('2027-06-16', 10);
    const attempts = await Promise.all(Array.from({ length: 10 }, () => book(staff(1), slotId)));
    expect(attempts.filter((r) => codeOf(r) === null)).toHaveLength(1);
    expect(attempts.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(9);
    expect(await counterAndBookings(slotId)).toEqual({ counter: 1, standing: 1 });
  });

  it('two generations of one horizon at the same time store each slot once', async () => {
    const saved = await gql<{ saveAdvisorySlotSeries: { id: string } }>(
      adviser,
      'mutation ($input: AdvisorySlotSeriesInput!) { saveAdvisorySlotSeries(input: $input) { id } }',
      {
        input: {
          kind: 'CONSULTATION',
          municipalityCodes: [740],
          recurrence: { frequency: 'WEEKLY', weekday: 'MONDAY' },
          startTime: '10:00',
          startsOn: '2027-06-01',
          meetingUrl: 'https://meet.example.org/silkeborg-synthetic',
        },
      },
    );
    const id = saved.data!.saveAdvisorySlotSeries.id;
    const generate = () =>
      gql<{ generateAdvisorySlots: { created: number } }>(adviser, 'mutation ($s: ID!) { generateAdvisorySlots(seriesId: $s, from: "2027-06-01", to: "2027-08-31") { created } }', { s: id });
    const [a, b] = await Promise.all([generate(), generate()]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const stored = await subgraph.database.db.execute(sql`select count(*)::int as n from bua.advisory_slots where series_id = ${id}`);
    const n = ((Array.isArray(stored) ? stored : (stored as { rows: unknown[] }).rows) as { n: number }[])[0]!.n;
    // Mondays 7 June - 30 August 2027: 13, none a public holiday.
    expect(n).toBe(13);
    expect(a.data!.generateAdvisorySlots.created + b.data!.generateAdvisorySlots.created).toBe(13);
  });

  it('two contact-person changes at the same time leave one current contact person', async () => {
    const assign = (adviserId: string) =>
      gql(admin, 'mutation ($input: AssignAdvisoryContactPersonInput!) { assignAdvisoryContactPerson(input: $input) { adviserId } }', {
        input: { municipalityCode: 730, adviserId, adviserName: `Test ${adviserId}`, from: '2027-06-01' },
      });
    const results = await Promise.all([assign('test:adviser-a'), assign('test:adviser-b')]);
    expect(results.map(codeOf).sort()).toEqual(['CONFLICT', null].sort());
    const open = await subgraph.database.db.execute(sql`select count(*)::int as n from bua.advisory_contact_persons where municipality_code = 730 and valid_until is null`);
    expect(((Array.isArray(open) ? open : (open as { rows: unknown[] }).rows) as { n: number }[])[0]!.n).toBe(1);
  });

  it('the advisory tables have no column that could hold a child', async () => {
    const result = await subgraph.database.db.execute(
      sql`select table_name, column_name from information_schema.columns where table_schema = 'bua' and table_name like 'advisory%'`,
    );
    const columns = ((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { table_name: string; column_name: string }[]).map(
      (c) => `${c.table_name}.${c.column_name}`,
    );
    expect(columns.length).toBeGreaterThan(40);
    expect(columns.filter((c) => /child|cpr|patient|pseudonym|birth/i.test(c))).toEqual([]);
  });

  it('treats advisory cases as non-personal data: booking, reading and cancelling write nothing to the access log', async () => {
    const accessLogRows = async () => {
      const result = await subgraph.database.db.execute<{ n: number }>(sql`select count(*)::int as n from bua.access_log`);
      return ((Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows) as { n: number }[])[0]!.n;
    };
    const before = await accessLogRows();
    const { slotId } = await teachingSlot('2027-06-30', 5);
    const booked = await book(staff(9), slotId);
    expect(booked.errors).toBeUndefined();
    const id = booked.data!.bookAdvisorySlot.id;
    const read = 'query ($id: ID!) { advisoryBooking(id: $id) { id kind municipalityCode } }';
    for (const who of [staff(9), adviser]) expect((await gql(who, read, { id })).data).toMatchObject({ advisoryBooking: { id, kind: 'TEACHING', municipalityCode: 751 } });
    expect((await gql(adviser, 'query ($id: ID!) { advisorySlot(id: $id) { bookedCount } }', { id: slotId })).data).toEqual({ advisorySlot: { bookedCount: 1 } });
    expect((await cancel(staff(9), id)).errors).toBeUndefined();
    expect(await accessLogRows()).toBe(before);
  });

  it('a calendar feed opens with its secret or a bearer token, and not once revoked', async () => {
    const ppr = staff(7);
    const created = await gql<{ createAdvisoryCalendarFeed: { path: string; feed: { id: string } } }>(
      ppr,
      'mutation { createAdvisoryCalendarFeed(kind: MUNICIPALITY) { path feed { id } } }',
    );
    const { path, feed } = created.data!.createAdvisoryCalendarFeed;
    expect(path).toMatch(/^\/advisory\/calendar\/municipality\/751\.ics\?token=/);
    const base = `http://localhost:${subgraph.port}`;
    expect((await fetch(base + path)).status).toBe(200);
    expect((await fetch(`${base}/advisory/calendar/municipality/751.ics`)).status).toBe(401);
    expect((await fetch(`${base}/advisory/calendar/municipality/751.ics`, { headers: await as(ppr) })).status).toBe(200);
    expect((await fetch(`${base}/advisory/calendar/municipality/657.ics`, { headers: await as(ppr) })).status).toBe(403);
    expect((await fetch(`${base}/advisory/calendar/adviser.ics`, { headers: await as(adviser) })).status).toBe(200);
    expect(codeOf(await gql(staff(8, 657), 'mutation ($id: ID!) { revokeAdvisoryCalendarFeed(id: $id) { id } }', { id: feed.id }))).toBe('FORBIDDEN');
    expect((await gql(ppr, 'mutation ($id: ID!) { revokeAdvisoryCalendarFeed(id: $id) { revokedAt } }', { id: feed.id })).errors).toBeUndefined();
    expect((await fetch(base + path)).status).toBe(403);
  });

  it('the demo seed gives the demo municipalities a contact person and meeting times, and a second start changes nothing', async () => {
    const created = await seedAdvisoryDemo(subgraph.database.db, NOW);
    expect(created).toBeGreaterThan(20);
    expect(await seedAdvisoryDemo(subgraph.database.db, NOW)).toBe(0);
    const seen = await gql<{ advisoryContactPerson: { adviserId: string } | null; advisorySlots: { edges: { node: { kind: string } }[] } }>(
      staff(1, 657),
      'query { advisoryContactPerson(municipalityCode: 657) { adviserId } advisorySlots(from: "2027-06-01", to: "2027-06-30", kind: CONSULTATION) { edges { node { kind } } } }',
    );
    expect(seen.data!.advisoryContactPerson).toEqual({ adviserId: 'demo:bua-adviser' });
    // Tuesdays of June 2027: 1 (before 10:00 the slot is still ahead), 8, 15, 22, 29.
    expect(seen.data!.advisorySlots.edges).toHaveLength(5);
  });
});
