import { childPseudonym, createLogger, parseCpr } from '@pathway-graph/shared';
import { DEMO_CHILDREN } from '@pathway-graph/shared/demo/demo-data';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { postGraphQL } from '@pathway-graph/test/support/graphql';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { countChildren, insertChildren, type NewChild, type ScreeningDb } from '../src/db/repository.ts';
import { trackMemberships } from '../src/db/schema.ts';
import { seedDemoData } from '../src/db/seed.ts';
import { startScreeningSubgraph, type RunningScreeningSubgraph } from '../src/subgraph.ts';

/** Synthetic CPR number DDMMYY4NNN: 7th digit 4 with YY 10-24 places the birth in 2010-2024. */
function syntheticCpr(i: number): string {
  const dd = String(1 + (i % 28)).padStart(2, '0');
  const mm = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
  const yy = String(10 + (i % 15));
  return `${dd}${mm}${yy}4${String(i % 1000).padStart(3, '0')}`;
}

type Track = NewChild['tracks'][number]['track'];
const TRACK_ORDER: Track[] = ['RECOGNISED_MENTAL_PROBLEMS', 'CHRONIC_SOMATIC_ILLNESS', 'RELATIVE_OF_MENTALLY_ILL'];
const SINCE: Record<Track, string> = {
  RECOGNISED_MENTAL_PROBLEMS: '2026-03-01',
  CHRONIC_SOMATIC_ILLNESS: '2025-09-15',
  RELATIVE_OF_MENTALLY_ILL: '2026-01-20',
};

/**
 * 50 screened children. Child 0 is in all three tracks, child 1 in one, child 2 known to screening but in none; the
 * rest in two. Tracks are listed in reverse track order, so the API's order cannot come from insertion order.
 */
const SCREENED: NewChild[] = Array.from({ length: 50 }, (_, i) => {
  const cpr = syntheticCpr(i);
  const tracks: Track[] =
    i === 0
      ? [...TRACK_ORDER]
      : i === 1
        ? ['CHRONIC_SOMATIC_ILLNESS']
        : i === 2
          ? []
          : TRACK_ORDER.filter((_, t) => (i + t) % 3 !== 0);
  return {
    id: childPseudonym(cpr, TEST_PSEUDONYM_SECRET),
    // The CPR number is used here only for the pseudonym and the birth date, as in the seed.
    birthDate: parseCpr(cpr).birthDate,
    synthetic: true,
    tracks: [...tracks].reverse().map((track) => ({ track, since: SINCE[track] })),
  };
});
/** Valid synthetic CPR numbers screening does not know. */
const UNKNOWN_IDS = [900, 901, 902].map((i) => childPseudonym(syntheticCpr(i), TEST_PSEUDONYM_SECRET));

type Membership = { track: Track; since: string };
type EntityChild = { id: string; screeningTracks: Membership[] };
const CHILD_ENTITIES =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id screeningTracks { track since } } } }';

function expected(id: string): EntityChild {
  const child = SCREENED.find((c) => c.id === id);
  const tracks = TRACK_ORDER.filter((t) => child?.tracks.some((m) => m.track === t));
  return { id, screeningTracks: tracks.map((track) => ({ track, since: SINCE[track] })) };
}

async function countMemberships(db: ScreeningDb): Promise<number> {
  const [row] = await db.select({ n: count() }).from(trackMemberships);
  return row!.n;
}

/** Rows of a raw query: postgres.js returns an array, PGlite an object with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describeWithDatabases('screening subgraph', (backend) => {
  let subgraph: RunningScreeningSubgraph;
  let dispose: () => Promise<void>;
  const entities = (ids: string[]) =>
    postGraphQL<{ _entities: EntityChild[] }>(subgraph.url, CHILD_ENTITIES, {
      r: ids.map((id) => ({ __typename: 'Child', id })),
    });

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    subgraph = await startScreeningSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('screening', 'silent'),
    });
    await insertChildren(subgraph.database.db, SCREENED);
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

  it('resolves Child entities with their screening tracks in track order, empty when in none or unknown', async () => {
    const res = await entities([SCREENED[0]!.id, UNKNOWN_IDS[0]!, SCREENED[1]!.id, SCREENED[2]!.id]);
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      {
        id: SCREENED[0]!.id,
        screeningTracks: [
          { track: 'RECOGNISED_MENTAL_PROBLEMS', since: '2026-03-01' },
          { track: 'CHRONIC_SOMATIC_ILLNESS', since: '2025-09-15' },
          { track: 'RELATIVE_OF_MENTALLY_ILL', since: '2026-01-20' },
        ],
      },
      { id: UNKNOWN_IDS[0]!, screeningTracks: [] },
      { id: SCREENED[1]!.id, screeningTracks: [{ track: 'CHRONIC_SOMATIC_ILLNESS', since: '2025-09-15' }] },
      { id: SCREENED[2]!.id, screeningTracks: [] },
    ]);
  });

  it('resolves 3 and 50 Child entities in exactly one SQL statement each', async () => {
    const run = async (ids: string[]) => {
      subgraph.database.statements.reset();
      const res = await entities(ids);
      const statements = subgraph.database.statements.total;
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual(ids.map(expected));
      return statements;
    };
    const three = await run([SCREENED[3]!.id, UNKNOWN_IDS[1]!, SCREENED[4]!.id]);
    const fifty = await run([...SCREENED.slice(3, 50).map((c) => c.id), ...UNKNOWN_IDS]);
    expect(three).toBe(1);
    expect(fifty).toBe(three);
  });

  it('stores no CPR number: the children table has only pseudonym, birth date and bookkeeping columns', async () => {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await subgraph.database.db.execute(
        sql`select table_name, column_name from information_schema.columns where table_schema = 'screening' order by table_name, column_name`,
      ),
    );
    const childColumns = columns.filter((c) => c.table_name === 'children').map((c) => c.column_name);
    expect(childColumns).toEqual(['birth_date', 'created_at', 'id', 'synthetic']);
    expect(childColumns).not.toContain('cpr');
    // Nor does any other table of the schema.
    expect(columns.filter((c) => /cpr/i.test(c.column_name))).toEqual([]);
  });

  it('answers health and readiness probes', async () => {
    const base = subgraph.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('seeds the demo children once: a second seed adds nothing', async () => {
    // A database of its own: seeding only ever happens into an empty one.
    const created = await backend.create(1);
    const fresh = await startScreeningSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('screening', 'silent'),
    });
    try {
      const { db } = fresh.database;
      const demoScreened = DEMO_CHILDREN.filter((c) => c.screeningTracks.length > 0);
      const demoMemberships = demoScreened.reduce((n, c) => n + c.screeningTracks.length, 0);
      expect(demoScreened.length).toBeGreaterThan(0);
      expect(await countChildren(db)).toBe(0);
      expect(await seedDemoData(db, TEST_PSEUDONYM_SECRET)).toBe(demoScreened.length);
      const children = await countChildren(db);
      const memberships = await countMemberships(db);
      expect(children).toBe(demoScreened.length);
      expect(memberships).toBe(demoMemberships);

      expect(await seedDemoData(db, TEST_PSEUDONYM_SECRET)).toBe(0);
      expect(await countChildren(db)).toBe(children);
      expect(await countMemberships(db)).toBe(memberships);

      // Seeded under the shared pseudonym secret: a demo child's tracks resolve by its id.
      const demo = demoScreened.find((c) => c.screeningTracks.length > 1) ?? demoScreened[0]!;
      const res = await postGraphQL<{ _entities: EntityChild[] }>(fresh.url, CHILD_ENTITIES, {
        r: [{ __typename: 'Child', id: childPseudonym(demo.cpr, TEST_PSEUDONYM_SECRET) }],
      });
      expect(res.data?._entities[0]?.screeningTracks).toEqual(
        [...demo.screeningTracks].sort((a, b) => TRACK_ORDER.indexOf(a.track) - TRACK_ORDER.indexOf(b.track)),
      );
    } finally {
      await fresh.close();
      await created.dispose();
    }
  });
});
