import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeExamples } from './readme-examples.ts';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('the README’s example requests', () => {
  it('are found in order, each with its section, variables and the demo user whose token it sends', () => {
    const examples = readmeExamples(README);
    expect(examples.map((e) => [e.section, e.user])).toEqual([
      ['A first query', 'caseworker-751'],
      ['A first query', 'caseworker-751'],
      ['Correspondence between GP and municipality (agreement 6.2)', 'gp-107510'],
      ["BUA's advisory service for the municipalities (agreement 6.3)", 'ppr-751'],
      ['Referral to child psychiatry (agreement 6.1, Trin 3 and 4)', 'analyst-region'],
      ['Statistics for analysts and the status report (agreement 9)', 'analyst-region'],
      ['The coordinated pathway view (agreement section 2)', 'caseworker-751'],
      ['Worklists: the open actions an organisation owns (issue 15)', 'caseworker-751'],
      ['Worklists: the open actions an organisation owns (issue 15)', 'bua-clinician'],
      ['Worklists: the open actions an organisation owns (issue 15)', 'gp-107510'],
    ]);
    expect(examples[0]!.query).toMatch(/^query\(\$cpr: String!\) \{ childByCpr\(cpr: \$cpr\)/);
    expect(examples[0]!.variables).toEqual({ cpr: '120615-4764' });
    expect(examples[1]!.variables).toBeUndefined();
    expect(examples[2]!.query).toMatch(/^mutation/);
    expect(examples[4]!.variables).toEqual({ query: { from: '2025-01-01', to: '2026-12-31', by: ['CLUSTER', 'DECISION'] } });
    expect(examples[5]!.variables).toEqual({ query: { from: '2025-01-01', to: '2026-12-31', by: ['CLUSTER'] } });
  });

  it('skip shell blocks without a request body, and name no user a block does not send a token of', () => {
    const readme = [
      '## One',
      '```sh',
      'npm start',
      '```',
      '## Two',
      '```sh',
      'X=$(npm run -s token -- bua-clinician)',
      `curl -s http://localhost:4000/graphql -d '{"query":"{ a }"}'`,
      `curl -s http://localhost:4000/graphql -H "authorization: Bearer $X" -d '{"query":"{ b }","variables":{"n":1}}'`,
      '```',
    ].join('\n');
    expect(readmeExamples(readme)).toEqual([
      { section: 'Two', query: '{ a }' },
      { section: 'Two', query: '{ b }', variables: { n: 1 }, user: 'bua-clinician' },
    ]);
  });
});
