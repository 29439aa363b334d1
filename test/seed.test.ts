import postgres from 'postgres';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { createLogger, parseCpr, REGION_MIDTJYLLAND_MUNICIPALITIES, type DatabaseTarget, type SectorSubgraphOptions } from '@pathway-graph/shared';
import { SECTOR_SUBGRAPH_NAMES, byName } from '@pathway-graph/shared/registry';
import { SCALES, SEED_GENERATORS, makePopulation } from '@pathway-graph/scripts/seed/generate';
import { syntheticIdentities } from '@pathway-graph/scripts/seed/identities';
import { copyText } from '@pathway-graph/scripts/seed/load';
import { allocate, childrenPerMunicipality, populationWeights } from '@pathway-graph/scripts/seed/population';
import { seededRandom } from '@pathway-graph/scripts/seed/random';
import { closeSectorDatabases, openSectorDatabases, rowCounts, seedDatabases, type SectorDatabases } from '@pathway-graph/scripts/seed/seed';
import { checkCareCommunication, describe as describeFinding } from '@pathway-graph/shared/fhir/conformance/validate';
import { isUuidV4 } from '@pathway-graph/shared/fhir/index';
import { replayReferral, type OutcomeRecipient, type ReferralEvent, type ReferralStatus, type VisitationDecision } from '@pathway-graph/shared/domain/referral/index';
import * as buaSchema from '@pathway-graph/bua/db/schema';
import { startBuaSubgraph } from '@pathway-graph/bua/subgraph';
import * as screeningSchema from '@pathway-graph/screening/db/schema';
import { startScreeningSubgraph } from '@pathway-graph/screening/subgraph';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { scoreInput } from '../subgraphs/screening/src/screenings/record.ts';
import { createScreeningSetup } from '../subgraphs/screening/src/screenings/setup.ts';
import { testVerifier } from './support/auth.ts';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from './support/databases.ts';
import { harnessOf } from './support/subgraph-harness.ts';

/** A jsonb value as the driver gives it: parsed already, or JSON text. */
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

describe('region seed: population shares and identities', () => {
  it('splits the children over the 19 municipalities by population share, adding up exactly', () => {
    const parts = childrenPerMunicipality(290_000);
    expect(parts.size).toBe(19);
    expect([...parts.values()].reduce((a, b) => a + b, 0)).toBe(290_000);
    // Each within one child of its exact share: Aarhus holds 25.1 % of the region's population, Samsø 0.3 %.
    const weights = populationWeights();
    const sum = [...weights.values()].reduce((a, b) => a + b, 0);
    for (const [code, n] of parts) expect(Math.abs(n - (290_000 * weights.get(code)!) / sum)).toBeLessThan(1);
    expect(parts.get(751)).toBe(72_736);
  });

  it('gives every part at least the minimum, taken from the largest', () => {
    const parts = allocate(5, new Map([['a', 100], ['b', 1], ['c', 1]]), 1);
    expect(Object.fromEntries(parts)).toEqual({ a: 3, b: 1, c: 1 });
  });

  it('hands out distinct CPR numbers that parse to their birth dates, all children under 18 on the reference day', () => {
    const identities = syntheticIdentities(50_000, '2026-12-01', seededRandom(7));
    expect(new Set(identities.map((i) => i.cpr)).size).toBe(50_000);
    for (const { cpr, birthDate } of identities.slice(0, 2_000)) {
      expect(parseCpr(cpr).birthDate).toBe(birthDate);
      expect(birthDate > '2008-12-01' && birthDate <= '2026-12-01').toBe(true);
    }
  });

  it('is reproducible: the same seed gives the same population', () => {
    const a = makePopulation(SCALES.tiny, TEST_PSEUDONYM_SECRET, 3);
    const b = makePopulation(SCALES.tiny, TEST_PSEUDONYM_SECRET, 3);
    expect(b.children.map((c) => c.id)).toEqual(a.children.map((c) => c.id));
    expect(makePopulation(SCALES.tiny, TEST_PSEUDONYM_SECRET, 4).children.map((c) => c.id)).not.toEqual(a.children.map((c) => c.id));
  });

  it('is reproducible: the same seed gives the same referrals, screenings and advisory bookings, another seed others', () => {
    const later = new Set(['referrals', 'screenings', 'advisory']);
    const rowsOf = (seed: number) => {
      const population = makePopulation(SCALES.tiny, TEST_PSEUDONYM_SECRET, seed);
      const random = seededRandom(seed ^ 0x5eed);
      // The earlier generators run too: they decide what the later ones read, and draw from the same PRNG.
      return JSON.stringify(
        SEED_GENERATORS.flatMap((g) => [...g.generate(population, random)].map((b) => (later.has(g.name) ? [getTableConfig(b.table).name, b.rows] : []))),
      );
    };
    const first = rowsOf(3);
    expect(first).toContain('advisory_bookings');
    expect(rowsOf(3)).toBe(first);
    expect(rowsOf(4)).not.toBe(first);
  });

  it('escapes what COPY text format gives a meaning: backslash, tab, newline, carriage return; null is \\N', () => {
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyText(null)).toBe('\\N');
    expect(copyText(true)).toBe('t');
    expect(copyText({ k: 'v' })).toBe('{"k":"v"}');
  });
});

describeWithDatabases('region seed at tiny scale', (backend) => {
  let databases: SectorDatabases;
  let dispose: () => Promise<void>;
  let counts: Record<string, number>;
  let seededTarget: DatabaseTarget;

  beforeAll(async () => {
    // One database for every sector, as one DATABASE_URL gives them: the four open (and migrate) at once into it.
    const created = await backend.create(1);
    dispose = created.dispose;
    seededTarget = created.targets[0]!;
    databases = await openSectorDatabases(byName(SECTOR_SUBGRAPH_NAMES, () => seededTarget));
    await seedDatabases(databases, { scale: 'tiny', pseudonymSecret: TEST_PSEUDONYM_SECRET, progress: false });
    counts = await rowCounts(databases);
    // The tiny seed spends about 1 s of CPU generating; on a loaded shared machine its wall time is many times that.
  }, 600_000);
  afterAll(async () => {
    await closeSectorDatabases(databases);
    await dispose();
  });

  const sql = async (name: keyof SectorDatabases, text: string) => {
    const client = (databases[name].db as unknown as { execute(q: string): Promise<unknown> }).execute(text);
    const result = (await client) as { rows?: Record<string, unknown>[] } | Record<string, unknown>[];
    return Array.isArray(result) ? result : (result.rows ?? []);
  };

  it('adds the generated children to the demo children in every municipality, every one marked synthetic', async () => {
    const demo = counts['municipality.children']! - SCALES.tiny.children;
    expect(demo).toBeGreaterThan(0);
    const rows = await sql('municipality', 'select residence_municipality_code as code, count(*)::int as n, bool_and(synthetic) as synthetic from municipality.children group by 1');
    expect(rows.every((r) => r['synthetic'] === true)).toBe(true);
    expect(new Set(rows.map((r) => Number(r['code'])))).toEqual(new Set(REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code)));
    expect(counts['general-practice.children'] ?? counts['general_practice.children']).toBe(counts['municipality.children']);
  });

  it('writes every letter on both sides, with its history, and a reply on both sides for every answered one', async () => {
    expect(counts['general_practice.letters']).toBe(SCALES.tiny.letters);
    expect(counts['municipality.received_letters']).toBe(SCALES.tiny.letters);
    expect(counts['municipality.letter_replies']).toBe(counts['general_practice.replies']);
    const [answered] = await sql('municipality', "select count(*)::int as n from municipality.received_letters where status = 'ANSWERED'");
    expect(Number(answered!['n'])).toBe(counts['municipality.letter_replies']);
    const [orphans] = await sql('general-practice', 'select count(*)::int as n from general_practice.letters l where not exists (select 1 from general_practice.letter_status_history h where h.letter_id = l.id)');
    expect(Number(orphans!['n'])).toBe(0);
  });

  it('builds letters and replies as MedCom bundles that break no rule, with version-4 Bundle.id and MessageHeader.id', async () => {
    const bundleOf = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as { id: string; entry: { resource: { resourceType: string; id: string } }[] };
    const letters = (await sql('municipality', 'select bundle from municipality.received_letters where bundle is not null')).map((r) => bundleOf(r['bundle']));
    const replies = (await sql('general-practice', 'select bundle from general_practice.replies')).map((r) => bundleOf(r['bundle']));
    expect(letters).toHaveLength(SCALES.tiny.letters);
    expect(replies.length).toBeGreaterThan(0);
    for (const bundle of [...letters, ...replies]) {
      const header = bundle.entry.find((e) => e.resource.resourceType === 'MessageHeader')!.resource;
      expect([bundle.id, header.id].filter((id) => !isUuidV4(id))).toEqual([]);
      expect(checkCareCommunication(bundle).filter((f) => f.severity === 'error').map(describeFinding)).toEqual([]);
    }
  });

  it('records consents and an access-log history about the seeded children only', async () => {
    expect(counts['municipality.consents']).toBeGreaterThan(0);
    expect(counts['municipality.access_log']).toBeGreaterThan(0);
    const [stray] = await sql('municipality', 'select count(*)::int as n from municipality.access_log l where not exists (select 1 from municipality.children c where c.id = l.child_id)');
    expect(Number(stray!['n'])).toBe(0);
  });

  it("gives every BUA referral its referrer's record and the other sector's, the course the status machine replays, and every message delivered", async () => {
    type History = { status: ReferralStatus; at: string }[];
    const referrals = await sql(
      'bua',
      'select id::text as id, referrer_sector, referrer_organisation, municipality_code, ydernummer, status, history, communicated, visitation_decision from bua.referrals',
    );
    expect(referrals.length).toBeGreaterThan(0);
    const sides = [
      ...(await sql('general-practice', "select id::text as id, 'GENERAL_PRACTICE' as sector, role, organisation, status, history from general_practice.referrals")),
      ...(await sql('municipality', "select id::text as id, 'MUNICIPALITY' as sector, role, organisation, status, history from municipality.referrals")),
    ];
    expect(sides).toHaveLength(2 * referrals.length);
    for (const r of referrals) {
      const history = json<History>(r['history']);
      const statuses = history.map((h) => h.status);
      for (const sector of ['GENERAL_PRACTICE', 'MUNICIPALITY']) {
        const side = sides.find((s) => s['id'] === r['id'] && s['sector'] === sector)!;
        const referrer = sector === r['referrer_sector'];
        // The referrer's record from its sending; the other sector's from BUA's first status message.
        expect({ role: side['role'], organisation: side['organisation'], status: side['status'], statuses: json<History>(side['history']).map((h) => h.status) }).toEqual({
          role: referrer ? 'REFERRER' : 'INFORMED',
          organisation: referrer ? r['referrer_organisation'] : sector === 'GENERAL_PRACTICE' ? r['ydernummer'] : String(r['municipality_code']),
          status: r['status'],
          statuses: referrer ? statuses : statuses.slice(1),
        });
      }
      const communicated = json<Partial<Record<OutcomeRecipient, string>>>(r['communicated']);
      const event = ({ status, at }: History[number]): ReferralEvent =>
        status === 'VISITED'
          ? { type: 'VISITATION_DECIDED', at, decision: r['visitation_decision'] as VisitationDecision }
          : status === 'ASSESSED'
            ? { type: 'OUTCOME_RECORDED', at }
            : { type: status as 'RECEIVED' | 'ASSESSMENT_STARTED' | 'CLOSED', at };
      const events: ReferralEvent[] = [
        ...history.slice(1).map(event),
        ...Object.entries(communicated).map(([to, at]): ReferralEvent => ({ type: 'OUTCOME_COMMUNICATED', at: at!, to: to as OutcomeRecipient })),
      ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      const replayed = replayReferral(history[0]!.at, events);
      expect({ status: replayed.status, communicated: replayed.communicated }).toEqual({ status: r['status'], communicated });
    }
    // Every message either side sent was delivered, and the recipient holds it.
    const sent = [
      ...(await sql('bua', "select message_id, destination, status from bua.outbox where kind = 'bua-referral-status'")),
      ...(await sql('general-practice', "select message_id, destination, status from general_practice.outbox where kind = 'bua-referral'")),
      ...(await sql('municipality', "select message_id, destination, status from municipality.outbox where kind = 'bua-referral'")),
    ];
    const received = new Set(
      [
        ...(await sql('bua', 'select message_id from bua.received_messages')),
        ...(await sql('general-practice', 'select message_id from general_practice.received_messages')),
        ...(await sql('municipality', 'select message_id from municipality.received_messages')),
      ].map((m) => m['message_id']),
    );
    expect(sent.length).toBeGreaterThan(referrals.length * 2);
    expect(sent.filter((m) => m['status'] !== 'DELIVERED' || !received.has(m['message_id']))).toEqual([]);
  });

  it("scores every seeded screening as the instruments engine does, and plans from offers of the child's municipality", async () => {
    const setup = createScreeningSetup();
    const results = await sql(
      'screening',
      `select r.child_id, r.track::text as track, r.instrument_id, r.version_id, r.informant, r.screening_date::text as day, r.answers, r.scores, r.positive,
              c.birth_date::text as birth, m.since::text as since
         from screening.screening_results r join screening.children c on c.id = r.child_id join screening.track_memberships m on m.id = r.membership_id
        where r.recorded_by_subject like 'synthetic:%'`,
    );
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      const answers = json<{ item: string; value: number }[]>(r['answers']).map(({ item, value }) => ({ item, value }));
      const day = String(r['day']);
      const scored = scoreInput(
        setup,
        { childId: String(r['child_id']), track: r['track'] as screeningSchema.ScreeningTrack, screeningDate: day, instrumentId: String(r['instrument_id']), versionId: String(r['version_id']), informant: r['informant'] as 'self', answers },
        { birthDate: String(r['birth']), since: String(r['since']), today: day },
      );
      expect({ positive: scored.positive, scores: JSON.parse(JSON.stringify(scored.result.scores)) }).toEqual({ positive: r['positive'], scores: json(r['scores']) });
    }
    const positives = results.filter((r) => r['positive'] === true).length;
    expect(positives).toBeGreaterThan(0);
    expect(positives).toBeLessThan(results.length);
    const plans = await sql(
      'screening',
      `select array_to_json(p.offer_ids) as offers, p.municipality_code, p.track::text as track, r.positive
         from screening.action_plans p join screening.screening_results r on r.id = p.screening_result_id where p.created_by_subject like 'synthetic:%'`,
    );
    expect(plans.length).toBeGreaterThan(0);
    const offers = new Map(
      (await sql('municipality', 'select id::text as id, municipality_code, array_to_json(tracks) as tracks from municipality.municipal_offers')).map((o) => [o['id'], o]),
    );
    for (const plan of plans) {
      expect(plan['positive']).toBe(true);
      for (const id of json<string[]>(plan['offers'])) {
        const offer = offers.get(id)!;
        expect({ municipality: offer['municipality_code'], serves: json<string[]>(offer['tracks']).includes(String(plan['track'])) }).toEqual({ municipality: plan['municipality_code'], serves: true });
      }
    }
  });

  it("books every advisory meeting in a slot of the booker's municipality, held by its contact person, within capacity", async () => {
    const [facts] = await sql(
      'bua',
      `select
         (select count(*)::int from bua.advisory_bookings b join bua.advisory_slots s on s.id = b.slot_id where not (b.municipality_code = any(s.municipality_codes))) as elsewhere,
         (select count(*)::int from bua.advisory_bookings b join bua.advisory_slots s on s.id = b.slot_id
           where b.booked_at >= s.starts_at or b.cancelled_at < b.booked_at or b.description_submitted_at < b.booked_at) as out_of_order,
         (select count(*)::int from bua.advisory_slots s
           where s.booked_count <> (select count(*) from bua.advisory_bookings b where b.slot_id = s.id and b.cancelled_at is null)) as miscounted,
         (select count(*)::int from bua.advisory_slots s where s.kind = 'CONSULTATION' and not exists (
            select 1 from bua.advisory_contact_persons c where c.municipality_code = s.municipality_codes[1] and c.adviser_id = s.adviser_id
               and c.valid_from <= s.occurrence_date and (c.valid_until is null or c.valid_until > s.occurrence_date))) as without_contact,
         (select count(*)::int from bua.advisory_bookings b join bua.advisory_slots s on s.id = b.slot_id where s.status = 'CANCELLED' and b.cancelled_at is null) as on_cancelled,
         (select count(*)::int from bua.advisory_bookings) as bookings,
         (select count(*)::int from bua.advisory_bookings where cancelled_at is not null) as cancelled,
         (select count(*)::int from bua.advisory_contact_persons where valid_until is null) as current_contacts`,
    );
    expect(facts).toMatchObject({ elsewhere: 0, out_of_order: 0, miscounted: 0, without_contact: 0, on_cancelled: 0, current_contacts: 19 });
    expect(Number(facts!['bookings'])).toBeGreaterThan(Number(facts!['cancelled']));
    expect(Number(facts!['cancelled'])).toBeGreaterThan(0);
  });

  if (backend.name === 'postgres') {
    it('migrates the sectors sharing one fresh database one at a time: their journals share one schema', async () => {
      // Four sectors creating the journal schema at once on a fresh database failed one start in three with
      // "duplicate key value violates unique constraint pg_namespace_nspname_index". While another holds the
      // journal schema's migration lock, a sector must wait for it rather than create the schema alongside.
      const fresh = await backend.create(1);
      const target = fresh.targets[0]!;
      if (target.kind !== 'postgres') throw new Error('the postgres backend gives URLs');
      const holder = postgres(target.url, { max: 1, onnotice: () => {} });
      const watcher = postgres(target.url, { max: 1, onnotice: () => {} });
      let opened: SectorDatabases | undefined;
      try {
        await holder`select pg_advisory_lock(hashtext('pathway-graph:migrate:drizzle'))`;
        const opening = openSectorDatabases(byName(SECTOR_SUBGRAPH_NAMES, () => target));
        const waiting = async () => Number((await watcher`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`)[0]!['n']);
        await expect.poll(waiting, { timeout: 20_000 }).toBe(SECTOR_SUBGRAPH_NAMES.length);
        expect((await watcher`select count(*)::int as n from pg_namespace where nspname = 'drizzle'`)[0]!['n']).toBe(0);
        await holder`select pg_advisory_unlock(hashtext('pathway-graph:migrate:drizzle'))`;
        opened = await opening;
        expect(Object.keys(opened).sort()).toEqual([...SECTOR_SUBGRAPH_NAMES].sort());
      } finally {
        if (opened) await closeSectorDatabases(opened);
        await holder.end();
        await watcher.end();
        await fresh.dispose();
      }
    });
  }

  it('refuses a database that already holds children, and changes nothing', async () => {
    await expect(seedDatabases(databases, { scale: 'tiny', pseudonymSecret: TEST_PSEUDONYM_SECRET, progress: false })).rejects.toThrow(/already hold .* children/);
    expect(await rowCounts(databases)).toEqual(counts);
  });

  // Last: the subgraphs log what they are asked, so the row counts the refusal above compares change here.
  it("serves the seeded referrals, bookings and screenings through BUA's and screening's GraphQL APIs", async () => {
    const options: SectorSubgraphOptions = {
      port: 0,
      database: seededTarget,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('seed-test', 'silent'),
      verifier: await testVerifier(),
    };
    const buaSubgraph = await startBuaSubgraph(options);
    const screeningSubgraph = await startScreeningSubgraph(options);
    try {
      const buaApi = harnessOf(() => buaSubgraph, { tables: { consents: buaSchema.consents, accessLog: buaSchema.accessLog }, user: 'bua-clinician' });
      const worklist = await buaApi.gql<{ buaReferralWorklist: { edges: { node: { id: string; status: string } }[] } }>(
        '{ buaReferralWorklist(statuses: [RECEIVED, VISITED, ASSESSMENT_STARTED, ASSESSED, CLOSED], first: 500) { edges { node { id status } } } }',
      );
      expect(worklist.errors).toBeUndefined();
      const byId = (a: { id: unknown }, b: { id: unknown }) => String(a.id).localeCompare(String(b.id));
      const referrals = (await sql('bua', 'select id::text as id, status from bua.referrals')).map((r) => ({ id: r['id'], status: r['status'] }));
      expect(worklist.data!.buaReferralWorklist.edges.map((e) => e.node).sort(byId)).toEqual(referrals.sort(byId));

      const bookings = await buaApi.gql<{ advisoryBookings: { edges: { node: { id: string; slot: { id: string } } }[] } }>(
        '{ advisoryBookings(municipalityCode: 751, first: 500) { edges { node { id slot { id } } } } }',
        {},
        'bua-adviser',
      );
      expect(bookings.errors).toBeUndefined();
      const stored = (await sql('bua', 'select id::text as id, slot_id::text as slot from bua.advisory_bookings where municipality_code = 751')).map((b) => ({ id: b['id'], slot: { id: b['slot'] } }));
      expect(stored.length).toBeGreaterThan(0);
      expect(bookings.data!.advisoryBookings.edges.map((e) => e.node).sort(byId)).toEqual(stored.sort(byId));

      // Track 2 is paediatrics' own: its results are addressed to the paediatric department, which reads them.
      const screeningApi = harnessOf(() => screeningSubgraph, { tables: { consents: screeningSchema.consents, accessLog: screeningSchema.accessLog }, user: 'paediatrician' });
      const results = await sql(
        'screening',
        "select child_id, id::text as id, positive from screening.screening_results where track = 'CHRONIC_SOMATIC_ILLNESS' and recorded_by_subject like 'synthetic:%'",
      );
      const children = [...new Set(results.map((r) => String(r['child_id'])))];
      expect(children.length).toBeGreaterThan(0);
      const read = await screeningApi.children<{ id: string; screenings: { id: string; positive: boolean }[] }>(children, 'screenings(track: CHRONIC_SOMATIC_ILLNESS) { id positive }');
      expect(read.errors).toBeUndefined();
      expect(read.data!._entities.flatMap((c) => c.screenings).sort(byId)).toEqual(results.map((r) => ({ id: r['id'], positive: r['positive'] })).sort(byId));
    } finally {
      await buaSubgraph.close();
      await screeningSubgraph.close();
    }
  });
});
