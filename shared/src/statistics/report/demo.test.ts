import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../periods.ts';
import { demoFacts, demoFiguresProvider, statusCubeSpecs } from './demo.ts';

describe('the demo figures provider', () => {
  it('makes the same synthetic facts every run, and says they are synthetic', () => {
    const biennium = parsePeriodKey('2025-2026');
    expect(JSON.stringify(demoFacts(biennium).letters.counts)).toBe(JSON.stringify(demoFacts(biennium).letters.counts));
    expect(JSON.stringify(demoFacts(biennium).screening.counts)).not.toBe(JSON.stringify(demoFacts(parsePeriodKey('2023-2024')).screening.counts));
    const provider = demoFiguresProvider();
    expect(provider.synthetic).toBe(true);
    expect(provider.description).toMatch(/synthetic/);
  });

  it('counts facts at the leaves of every dimension of its cubes, like a subgraph\'s GROUP BY', () => {
    const biennium = parsePeriodKey('2023-2024');
    const specs = statusCubeSpecs(biennium);
    const facts = demoFacts(biennium);
    for (const name of ['letters', 'referrals', 'advisory', 'screening'] as const) {
      const leaves = specs[name].dimensions.map((d) => new Set(d.leaves));
      for (const row of facts[name].counts) {
        specs[name].dimensions.forEach((d, i) => expect(leaves[i]!.has(row.at[d.name]!), `${name}.${d.name}`).toBe(true));
      }
    }
    // A year-long region: about 1,000 letters a year at the start of the agreement.
    const letters = facts.letters.counts.reduce((n, row) => n + row.count, 0);
    expect(letters).toBeGreaterThan(1000);
  });
});
