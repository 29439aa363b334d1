import type { Principal, Role, Sector } from '@pathway-graph/shared';
import { describe, expect, it } from 'vitest';
import { assertMayReadChildStatistics } from './statistics-access.ts';

const who = (sector: Sector, organisation: string, role: Role): Principal => ({ subject: 's', displayName: 'x', sector, organisation, roles: [role] });

describe('assertMayReadChildStatistics', () => {
  it.each([
    ['a regional analyst, any municipality', who('REGION', 'REGION_MIDTJYLLAND', 'ANALYST'), 661],
    ["a municipal analyst, the municipality's own", who('MUNICIPALITY', '751', 'ANALYST'), 751],
  ])('lets %s read the figures', (_what, principal, code) => {
    expect(() => assertMayReadChildStatistics(principal, code)).not.toThrow();
  });

  it.each([
    ['a caseworker', who('MUNICIPALITY', '751', 'CASEWORKER'), 751, /is for analysts/],
    ['a GP', who('GENERAL_PRACTICE', '107510', 'GP'), 751, /is for analysts/],
    ['a BUA clinician', who('BUA', '9990011000016009', 'BUA_CLINICIAN'), 751, /is for analysts/],
    ['a regional administrator', who('REGION', 'REGION_MIDTJYLLAND', 'ADMINISTRATOR'), 751, /is for analysts/],
    ["another municipality's analyst", who('MUNICIPALITY', '751', 'ANALYST'), 661, /only their own municipality's figures/],
  ])('refuses %s with FORBIDDEN naming the field', (_what, principal, code, message) => {
    try {
      assertMayReadChildStatistics(principal, code);
      expect.unreachable('expected a refusal');
    } catch (error) {
      expect((error as { extensions: Record<string, unknown> }).extensions).toMatchObject({ code: 'FORBIDDEN', field: 'childStatistics' });
      expect((error as Error).message).toMatch(message);
    }
  });
});
