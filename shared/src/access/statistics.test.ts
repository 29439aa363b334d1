import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { REGION_ORGANISATION, type Principal, type Role, type Sector } from '../auth/principal.ts';
import { assertMayReadStatistics, assertMayReadStatisticsOf } from './statistics.ts';

const person = (sector: Sector, organisation: string, ...roles: Role[]): Principal => ({
  subject: `test:${sector}:${roles.join('+')}`,
  displayName: 'Test Person',
  sector,
  organisation,
  roles,
});

function refusal(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    expect((error as GraphQLError).extensions['code']).toBe('FORBIDDEN');
    return (error as GraphQLError).message;
  }
}

describe('assertMayReadStatistics', () => {
  it('lets the region\'s and the municipalities\' analysts in, and nobody else', () => {
    expect(refusal(() => assertMayReadStatistics(person('REGION', REGION_ORGANISATION, 'ANALYST'), 'letterStatistics'))).toBeNull();
    expect(refusal(() => assertMayReadStatistics(person('MUNICIPALITY', '751', 'ANALYST'), 'letterStatistics'))).toBeNull();
    expect(refusal(() => assertMayReadStatistics(person('MUNICIPALITY', '751', 'CASEWORKER'), 'letterStatistics'))).toMatch(/for analysts/);
    expect(refusal(() => assertMayReadStatistics(person('REGION', REGION_ORGANISATION, 'ADMINISTRATOR'), 'letterStatistics'))).toMatch(/for analysts/);
    expect(refusal(() => assertMayReadStatistics(person('GENERAL_PRACTICE', '123456', 'ANALYST'), 'letterStatistics'))).toMatch(/region's analysts/);
  });
});

describe('assertMayReadStatisticsOf', () => {
  it('keeps a municipality\'s analysts to their own municipality; the region\'s see every area', () => {
    const region = person('REGION', REGION_ORGANISATION, 'ANALYST');
    const aarhus = person('MUNICIPALITY', '751', 'ANALYST');
    expect(refusal(() => assertMayReadStatisticsOf(region, 'letterStatistics', ['REGION']))).toBeNull();
    expect(refusal(() => assertMayReadStatisticsOf(region, 'letterStatistics', ['741', '751']))).toBeNull();
    expect(refusal(() => assertMayReadStatisticsOf(aarhus, 'letterStatistics', ['751']))).toBeNull();
    expect(refusal(() => assertMayReadStatisticsOf(aarhus, 'letterStatistics', ['REGION']))).toMatch(/key: "751"/);
    expect(refusal(() => assertMayReadStatisticsOf(aarhus, 'letterStatistics', ['741', '751']))).toMatch(/own municipality/);
    expect(refusal(() => assertMayReadStatisticsOf(aarhus, 'letterStatistics', ['AARHUS']))).toMatch(/own municipality/);
  });
});
