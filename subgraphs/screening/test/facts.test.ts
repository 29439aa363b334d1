import { childPseudonym, createLogger } from '@pathway-graph/shared';
import { as, testVerifier } from '@pathway-graph/test/support/auth';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '@pathway-graph/test/support/databases';
import { postGraphQL } from '@pathway-graph/test/support/graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startScreeningSubgraph, type RunningScreeningSubgraph } from '../src/subgraph.ts';

/**
 * The screening tracks' facts for the pathway subgraph (`Child.screeningFacts`, hidden from clients): the tracks and
 * the open actions (a positive screening still waiting for its action plan, with when it is due and who must make
 * it), read through the same guard as screening's own fields and withheld, never raised, when the reader may not.
 */

const CPR = '1003144123'; // synthetic: born 2014-03-10
const CHILD_ID = childPseudonym(CPR, TEST_PSEUDONYM_SECRET);
const FACTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { screeningFacts {
  withheld { reason } tracks openActions { kind subjectId ownerSector ownerOrganisation dueOn overdue } } } } }`;

describeWithDatabases('screening facts for the pathway', (backend) => {
  let subgraph: RunningScreeningSubgraph;
  let dispose: () => Promise<void>;
  let today = '2026-09-01';
  const gql = async <T>(query: string, variables: Record<string, unknown>, user: string) => postGraphQL<T>(subgraph.url, query, variables, await as(user));
  type Facts = { withheld: { reason: string } | null; tracks: string[] | null; openActions: Record<string, unknown>[] | null };
  const factsAs = async (user: string) => (await gql<{ _entities: { screeningFacts: Facts }[] }>(FACTS, { r: [{ __typename: 'Child', id: CHILD_ID }] }, user)).data!._entities[0]!.screeningFacts;

  beforeAll(async () => {
    const created = await backend.create(1);
    dispose = created.dispose;
    subgraph = await startScreeningSubgraph({
      port: 0,
      database: created.targets[0]!,
      pseudonymSecret: TEST_PSEUDONYM_SECRET,
      seedDemoData: false,
      log: createLogger('screening', 'silent'),
      verifier: await testVerifier(),
      today: () => today,
    });
  });
  afterAll(async () => {
    await subgraph?.close();
    await dispose?.();
  });

  it('gives the tracks and the open action of a positive screening without a plan, overdue after the due day; withholds them from a sector without consent', async () => {
    const registered = await gql<{ registerInScreeningTrack: { id: string } }>(
      'mutation($input: RegisterInTrackInput!) { registerInScreeningTrack(input: $input) { id } }',
      { input: { cpr: CPR, track: 'CHRONIC_SOMATIC_ILLNESS', municipalityCode: 751, chronicIllness: { diagnosisCode: 'DE109' } } },
      'paediatrician',
    );
    expect(registered.errors).toBeUndefined();
    expect(await factsAs('paediatrician')).toEqual({ withheld: null, tracks: ['CHRONIC_SOMATIC_ILLNESS'], openActions: [] });

    const screened = await gql<{ recordScreening: { id: string; positive: boolean } }>(
      'mutation($input: RecordScreeningInput!) { recordScreening(input: $input) { id positive } }',
      { input: { childId: CHILD_ID, track: 'CHRONIC_SOMATIC_ILLNESS', instrumentId: 'who5', versionId: '1998', informant: 'SELF', answers: [1, 1, 1, 1, 1].map((value, i) => ({ item: `item${i + 1}`, value })) } },
      'paediatrician',
    );
    expect(screened.errors).toBeUndefined();
    const open = {
      kind: 'SCREENING_WITHOUT_ACTION_PLAN',
      subjectId: screened.data!.recordScreening.id,
      ownerSector: 'PAEDIATRICS',
      ownerOrganisation: '9990021000016000',
      dueOn: '2026-09-15',
      overdue: false,
    };
    expect(await factsAs('paediatrician')).toEqual({ withheld: null, tracks: ['CHRONIC_SOMATIC_ILLNESS'], openActions: [open] });
    today = '2026-09-16';
    expect((await factsAs('paediatrician')).openActions).toEqual([{ ...open, overdue: true }]);

    // The GP holds no consent from screening: every fact null, and why.
    expect(await factsAs('gp-107510')).toEqual({ withheld: { reason: 'NO_CONSENT' }, tracks: null, openActions: null });
    expect(await factsAs('analyst-region')).toEqual({ withheld: { reason: 'NOT_PERMITTED_FOR_ROLE' }, tracks: null, openActions: null });
  });
});
