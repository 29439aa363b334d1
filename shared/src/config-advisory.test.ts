import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, CONFIG_VARIABLES, loadSubgraphConfig, loadSystemConfig } from './config.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'pathway-config-advisory-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SECRET = 'a-pseudonym-secret-of-forty-characters-00';
const env = (deadline?: string) => ({ DATA_DIR: dataDir, CHILD_PSEUDONYM_SECRET: SECRET, ...(deadline === undefined ? {} : { BUA_ADVISORY_DESCRIPTION_DEADLINE: deadline }) });

function problemsOf(load: () => unknown): string[] {
  try {
    load();
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('BUA_ADVISORY_DESCRIPTION_DEADLINE', () => {
  it('is a variable of the configuration, for the BUA subgraph only', () => {
    expect(CONFIG_VARIABLES).toContain('BUA_ADVISORY_DESCRIPTION_DEADLINE');
    expect(loadSubgraphConfig('municipality', env('HOURS:24')).advisory).toBeUndefined();
  });

  it('defaults to 2 working days before the meeting, also when set empty', () => {
    expect(loadSubgraphConfig('bua', env()).advisory?.descriptionDeadline).toEqual({ unit: 'WORKING_DAYS', amount: 2 });
    expect(loadSubgraphConfig('bua', env('')).advisory?.descriptionDeadline).toEqual({ unit: 'WORKING_DAYS', amount: 2 });
  });

  it.each([
    ['WORKING_DAYS:0', { unit: 'WORKING_DAYS', amount: 0 }],
    ['WORKING_DAYS:10', { unit: 'WORKING_DAYS', amount: 10 }],
    ['HOURS:1', { unit: 'HOURS', amount: 1 }],
    [' HOURS:240 ', { unit: 'HOURS', amount: 240 }],
  ])('reads %s', (value, deadline) => {
    expect(loadSubgraphConfig('bua', env(value)).advisory?.descriptionDeadline).toEqual(deadline);
  });

  it.each(['WORKING_DAYS:11', 'HOURS:0', 'HOURS:241', 'DAYS:2', '2', 'WORKING_DAYS:-1', 'working_days:2', 'HOURS:1.5'])(
    'refuses %s with one line that says what it must be',
    (value) => {
      const problems = problemsOf(() => loadSubgraphConfig('bua', env(value)));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^BUA_ADVISORY_DESCRIPTION_DEADLINE: must be WORKING_DAYS:<n> \(0-10 working days before the meeting\) or HOURS:<n> \(1-240 hours before it\)/);
    },
  );

  it('is checked with every other setting of `npm start`', () => {
    const problems = problemsOf(() => loadSystemConfig({ ...env('DAYS:2'), BUA_PORT: 'x' }));
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['BUA_ADVISORY_DESCRIPTION_DEADLINE', 'BUA_PORT']);
  });
});

describe('MUNICIPALITY_URL for BUA', () => {
  it("is where the advisory texts' anonymity rule asks the municipality; the municipality's default port otherwise", () => {
    expect(loadSubgraphConfig('bua', env()).advisory?.municipalityUrl).toBe('http://localhost:4001/graphql');
    expect(loadSubgraphConfig('bua', { ...env(), MUNICIPALITY_URL: 'http://municipality:4001/graphql' }).advisory?.municipalityUrl).toBe('http://municipality:4001/graphql');
  });

  it('refuses what is no http(s) URL, naming the setting', () => {
    expect(problemsOf(() => loadSubgraphConfig('bua', { ...env(), MUNICIPALITY_URL: 'municipality:4001' }))).toEqual([
      "MUNICIPALITY_URL: must be an http(s) URL, the municipality subgraph's GraphQL endpoint",
    ]);
  });
});
