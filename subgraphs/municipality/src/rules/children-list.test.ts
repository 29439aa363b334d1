import type { Principal } from '@pathway-graph/shared';
import { describe, expect, it } from 'vitest';
import { assertMayListChildren } from './children-list.ts';

const person = (p: Partial<Principal>): Principal => ({
  subject: 's',
  displayName: 'Demo',
  sector: 'MUNICIPALITY',
  organisation: '751',
  roles: ['CASEWORKER'],
  ...p,
});

describe('assertMayListChildren', () => {
  it('lets a municipality’s own caseworker list its children', () => {
    expect(() => assertMayListChildren(person({}), 751)).not.toThrow();
  });

  it('refuses another municipality’s caseworker', () => {
    expect(() => assertMayListChildren(person({ organisation: '657' }), 751)).toThrow(/Only municipality 751/);
  });

  it('refuses a GP even for the GP’s own municipality', () => {
    expect(() => assertMayListChildren(person({ sector: 'GENERAL_PRACTICE', organisation: '107510', roles: ['GP'] }), 751)).toThrow(
      /Only municipality 751/,
    );
  });

  it('refuses a municipal analyst, pointing at the aggregates', () => {
    expect(() => assertMayListChildren(person({ roles: ['ANALYST'] }), 751)).toThrow(/childStatistics/);
  });
});
