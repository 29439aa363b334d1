import type { Principal } from '@pathway-graph/shared';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { assertMayManageOffers, validateOffer, type OfferInput } from './rules.ts';

const person = (sector: Principal['sector'], organisation: string, roles: Principal['roles']): Principal => ({
  subject: 'test:someone',
  displayName: 'Test Someone',
  sector,
  organisation,
  roles,
});

function refusal(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const VALID: OfferInput = {
  name: 'Samtalegruppe for børn af psykisk syge forældre',
  kind: 'PEER_GROUP',
  targetGroup: 'Børn 8-14 år, hvis forælder har en psykisk sygdom',
  tracks: ['RELATIVE_OF_MENTALLY_ILL'],
  minAge: 8,
  maxAge: 14,
  contact: 'Familierådgivningen, tlf. 70 00 00 00',
  availability: 'EXISTING',
};

describe('an offer of the catalogue', () => {
  it('is accepted with every field within its rules, trimmed', () => {
    expect(validateOffer({ ...VALID, name: `  ${VALID.name!}  ` })).toEqual({ ...VALID, name: VALID.name });
  });

  it('defaults to an existing offer when the availability is not given', () => {
    expect(validateOffer({ ...VALID, availability: null }).availability).toBe('EXISTING');
  });

  it.each([
    ['name', { name: 'x'.repeat(201) }],
    ['name', { name: 'Gruppe\u0000' }],
    ['kind', { kind: 'SWIMMING' }],
    ['targetGroup', { targetGroup: '' }],
    ['tracks', { tracks: [] }],
    ['tracks', { tracks: ['TRACK_4'] }],
    ['tracks', { tracks: ['RELATIVE_OF_MENTALLY_ILL', 'RELATIVE_OF_MENTALLY_ILL'] }],
    ['minAge', { minAge: -1 }],
    ['maxAge', { maxAge: 19 }],
    ['minAge', { minAge: 2.5 }],
    ['maxAge', { minAge: 12, maxAge: 10 }],
    ['contact', { contact: 'x'.repeat(501) }],
    ['availability', { availability: 'MAYBE' }],
  ] as const)('is refused for a wrong %s, naming the field', (field, change) => {
    expect(refusal(() => validateOffer({ ...VALID, ...change } as OfferInput)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
  });
});

describe('who keeps a municipality’s catalogue', () => {
  it('its own caseworkers, PPR psychologists, social workers and administrators', () => {
    for (const role of ['CASEWORKER', 'PPR_PSYCHOLOGIST', 'SOCIAL_WORKER', 'ADMINISTRATOR'] as const) {
      expect(() => assertMayManageOffers(person('MUNICIPALITY', '751', [role]), 751)).not.toThrow();
    }
  });

  it('not its analysts, not another municipality, not another sector', () => {
    expect(refusal(() => assertMayManageOffers(person('MUNICIPALITY', '751', ['ANALYST']), 751)).extensions['rule']).toBe('NO_OFFER_MANAGER_ROLE');
    expect(refusal(() => assertMayManageOffers(person('MUNICIPALITY', '657', ['CASEWORKER']), 751)).extensions['rule']).toBe('OTHER_ORGANISATION');
    expect(refusal(() => assertMayManageOffers(person('PAEDIATRICS', '9990021000016000', ['PAEDIATRICIAN']), 751)).extensions['rule']).toBe('OTHER_ORGANISATION');
  });
});
