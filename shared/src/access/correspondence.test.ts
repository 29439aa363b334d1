import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.ts';
import { assertGeneralPractitioner, inboxLetterReadTerms, isGeneralPractitioner } from './correspondence.ts';
import { decideChildRead } from './policy.ts';

const principal = (sector: Principal['sector'], organisation: string, roles: Principal['roles']): Principal => ({
  subject: `test:${sector}-${organisation}`,
  displayName: 'Test Person',
  sector,
  organisation,
  roles,
});

describe('inboxLetterReadTerms', () => {
  const read = (reader: Principal) =>
    decideChildRead({
      principal: reader,
      purpose: 'CARE_COORDINATION',
      owner: { sectors: ['MUNICIPALITY'], organisation: '751', description: 'the municipality' },
      what: 'the correspondence letter',
      consents: [],
      birthDate: '2016-07-07',
      today: '2026-12-01',
      now: new Date('2026-12-01T10:00:00Z'),
      ...inboxLetterReadTerms(751),
    });

  it('lets the receiving municipality’s health visitors read its letters without a consent', () => {
    expect(read(principal('HEALTH_VISITING', '751', ['HEALTH_VISITOR']))).toEqual({ allowed: true, basis: 'ADDRESSED_TO_READER' });
    expect(read(principal('MUNICIPALITY', '751', ['CASEWORKER']))).toEqual({ allowed: true, basis: 'OWN_ORGANISATION' });
  });

  it('does not open them to another municipality’s health visitors, or to general practice, without a consent', () => {
    expect(read(principal('HEALTH_VISITING', '657', ['HEALTH_VISITOR']))).toMatchObject({ allowed: false, code: 'CONSENT_REQUIRED' });
    expect(read(principal('GENERAL_PRACTICE', '107510', ['GP']))).toMatchObject({ allowed: false, code: 'CONSENT_REQUIRED' });
  });

  it('classes a letter as free text', () => {
    expect(inboxLetterReadTerms(751).dataClass).toBe('FREE_TEXT');
  });
});

describe('assertGeneralPractitioner', () => {
  it('admits GPs only: not a practice’s analyst, nor another sector’s clinician', () => {
    expect(isGeneralPractitioner(principal('GENERAL_PRACTICE', '107510', ['GP']))).toBe(true);
    expect(() => assertGeneralPractitioner(principal('GENERAL_PRACTICE', '107510', ['GP']), 'send letters')).not.toThrow();
    for (const who of [principal('GENERAL_PRACTICE', '107510', ['ANALYST']), principal('MUNICIPALITY', '751', ['CASEWORKER'])]) {
      try {
        assertGeneralPractitioner(who, 'send correspondence letters');
        throw new Error('admitted');
      } catch (error) {
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'GENERAL_PRACTITIONERS_ONLY' });
        expect((error as GraphQLError).message).toBe(
          "Only general practitioners can send correspondence letters: correspondence letters are general practice's own records.",
        );
      }
    }
  });
});
