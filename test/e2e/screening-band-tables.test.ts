import { childPseudonym } from '@pathway-graph/shared';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { asPaediatrician, sdqAnswers } from '../support/scenario/screening.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * A deployment's own band table (issue 10: "Danish norms, where a deployment has them, are another band table, not
 * code"), end to end: the screening subgraph started with SCREENING_BAND_TABLES_FILE's table selected for the SDQ
 * scores a result with it through the gateway, and the result says which table that was. The table is the test-only
 * one beside the instruments, with invented cut-offs, never norms.
 */
const TEST_TABLE_FILE = fileURLToPath(new URL('../../subgraphs/screening/src/instruments/fixtures/band-tables.test-only.json', import.meta.url));
const TEST_TABLE = 'sdq-test-only-not-norms';

describeWithDatabases("a deployment's band table, selected for the SDQ, through the gateway", (backend) => {
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem(backend, { seedDemoData: false, today: '2026-09-01', screening: { bandTablesFile: TEST_TABLE_FILE, bandSchemes: { sdq: TEST_TABLE } } });
  }, 400_000);
  afterAll(async () => {
    await t?.close();
  });

  it("scores the SDQ with the deployment's table and records it in the result", async () => {
    // A synthetic child born 2018-03-14 (serial 901), registered in track 2 by the paediatric clinic.
    const cpr = '1403184901';
    const registered = await asPaediatrician(t).registerChronicallyIll(cpr, 'DE109', 751);
    expect(registered.errors).toBeUndefined();
    const screened = await asPaediatrician(t).screen({
      childId: childPseudonym(cpr, TEST_PSEUDONYM_SECRET),
      track: 'CHRONIC_SOMATIC_ILLNESS',
      instrumentId: 'sdq',
      versionId: 'P4-17',
      informant: 'PARENT',
      answers: sdqAnswers(12),
    });
    expect(screened.errors).toBeUndefined();
    const result = screened.data!.recordScreening;
    // Total 12: "close to average" in the SDQ's own four bands, the middle band of the deployment's table.
    expect(result.bandScheme).toBe(TEST_TABLE);
    expect(result.scores.find((s) => s.id === 'total')).toMatchObject({ value: 12, band: { code: 'test-middle' } });
  }, 120_000);
});
