import postgres from 'postgres';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { parseCpr, REGION_MIDTJYLLAND_MUNICIPALITIES } from '@pathway-graph/shared';
import { SECTOR_SUBGRAPH_NAMES, byName } from '@pathway-graph/shared/registry';
import { SCALES, makePopulation } from '@pathway-graph/scripts/seed/generate';
import { syntheticIdentities } from '@pathway-graph/scripts/seed/identities';
import { copyText } from '@pathway-graph/scripts/seed/load';
import { allocate, childrenPerMunicipality, populationWeights } from '@pathway-graph/scripts/seed/population';
import { seededRandom } from '@pathway-graph/scripts/seed/random';
import { closeSectorDatabases, openSectorDatabases, rowCounts, seedDatabases, type SectorDatabases } from '@pathway-graph/scripts/seed/seed';
import { checkCareCommunication, describe as describeFinding } from '@pathway-graph/shared/fhir/conformance/validate';
import { isUuidV4 } from '@pathway-graph/shared/fhir/index';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from './support/databases.ts';

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

  beforeAll(async () => {
    // One database for every sector, as one DATABASE_URL gives them: the four open (and migrate) at once into it.
    const created = await backend.create(1);
    dispose = created.dispose;
    databases = await openSectorDatabases(byName(SECTOR_SUBGRAPH_NAMES, () => created.targets[0]!));
    await seedDatabases(databases, { scale: 'tiny', pseudonymSecret: TEST_PSEUDONYM_SECRET, progress: false });
    counts = await rowCounts(databases);
  });
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
});
