import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import type { JWTPayload } from 'jose';
import { isValidOrganisation, parsePrincipal, REGION_ORGANISATION, roleFitsSector } from './principal.ts';

const valid = { sub: 'user-1', name: 'Demo Caseworker Aarhus', sector: 'MUNICIPALITY', org: '751', roles: ['CASEWORKER'] };

/** Claims as a caller may send them, not as they should be: hence not typed as JWTPayload. */
function refusal(claims: Record<string, unknown>): GraphQLError {
  try {
    parsePrincipal(claims as JWTPayload);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions['code']).toBe('UNAUTHENTICATED');
    return error as GraphQLError;
  }
  throw new Error('expected an UNAUTHENTICATED error');
}

describe('parsePrincipal', () => {
  it('reads the custom claims into a principal', () => {
    expect(parsePrincipal({ ...valid, iss: 'x', aud: 'y', exp: 1, iat: 0 })).toEqual({
      subject: 'user-1',
      displayName: 'Demo Caseworker Aarhus',
      sector: 'MUNICIPALITY',
      organisation: '751',
      roles: ['CASEWORKER'],
    });
  });

  it('accepts each kind of organisation in the form of its sector', () => {
    expect(parsePrincipal({ ...valid, sector: 'HEALTH_VISITING', org: '657', roles: ['HEALTH_VISITOR'] }).organisation).toBe('657');
    expect(parsePrincipal({ ...valid, sector: 'GENERAL_PRACTICE', org: '107510', roles: ['GP'] }).organisation).toBe('107510');
    expect(parsePrincipal({ ...valid, sector: 'GENERAL_PRACTICE', org: '7', roles: ['GP'] }).organisation).toBe('7');
    expect(parsePrincipal({ ...valid, sector: 'BUA', org: '9990011000016009', roles: ['BUA_ADVISER', 'BUA_CLINICIAN'] }).roles).toEqual([
      'BUA_ADVISER',
      'BUA_CLINICIAN',
    ]);
    expect(parsePrincipal({ ...valid, sector: 'REGION', org: REGION_ORGANISATION, roles: ['ANALYST'] }).sector).toBe('REGION');
  });

  it('drops repeated roles', () => {
    expect(parsePrincipal({ ...valid, roles: ['CASEWORKER', 'ANALYST', 'CASEWORKER'] }).roles).toEqual(['CASEWORKER', 'ANALYST']);
  });

  it.each([
    ['sub', { sub: undefined }, /lacks a subject.*`sub`/],
    ['sub', { sub: '  ' }, /lacks a subject/],
    ['name', { name: undefined }, /lacks a display name.*`name`.*missing/],
    ['sector', { sector: undefined }, /lacks a known sector.*missing/],
    ['sector', { sector: 'SCHOOL' }, /lacks a known sector: .*MUNICIPALITY.*got "SCHOOL"/],
    ['org', { org: undefined }, /lacks an organisation/],
    ['org', { org: 751 }, /lacks an organisation.*got the number 751\)/],
    ['roles', { roles: undefined }, /lacks valid roles.*missing/],
    ['roles', { roles: [] }, /lacks valid roles/],
    ['roles', { roles: 'CASEWORKER' }, /lacks valid roles/],
    ['roles', { roles: ['CASEWORKER', 'SUPERUSER'] }, /lacks valid roles.*unknown: "SUPERUSER"/],
  ])('refuses an invalid %s claim (%j)', (claim, change, message) => {
    const error = refusal({ ...valid, ...change });
    expect(error.message).toMatch(message);
    expect(error.extensions['claims']).toEqual([claim]);
  });

  it('lists every invalid claim at once', () => {
    const error = refusal({ sub: 'u', org: '751', roles: ['NOBODY'] });
    expect(error.extensions['claims']).toEqual(['name', 'sector', 'roles']);
    expect(error.message).toMatch(/display name.*sector.*roles/);
  });

  it.each([
    ['MUNICIPALITY', '101', /19 municipalities of Region Midtjylland/],
    ['MUNICIPALITY', '0751', /19 municipalities/],
    ['MUNICIPALITY', 'Aarhus', /19 municipalities/],
    ['HEALTH_VISITING', '851', /municipality employing the health visitor/],
    ['GENERAL_PRACTICE', '1234567', /ydernummer \(1-6 digits\)/],
    ['GENERAL_PRACTICE', '12a45', /ydernummer/],
    ['BUA', '12345678901234567', /SOR code/],
    ['PAEDIATRICS', 'SOR-1', /SOR code/],
    ['REGION', 'REGION_NORDJYLLAND', /"REGION_MIDTJYLLAND"/],
  ] as const)('refuses sector %s with organisation %j', (sector, org, message) => {
    const role = { MUNICIPALITY: 'CASEWORKER', HEALTH_VISITING: 'HEALTH_VISITOR', GENERAL_PRACTICE: 'GP', BUA: 'BUA_CLINICIAN', PAEDIATRICS: 'PAEDIATRICIAN', REGION: 'ANALYST' }[sector];
    const error = refusal({ ...valid, sector, org, roles: [role] });
    expect(error.message).toMatch(/^The token lacks a valid organisation: for sector /);
    expect(error.message).toMatch(message);
  });

  it('refuses a role that belongs to another sector, so a municipality code cannot pass as a ydernummer', () => {
    const error = refusal({ ...valid, roles: ['GP'] });
    expect(error.message).toBe('The token lacks roles that fit its sector: GP is not a role of sector MUNICIPALITY');
  });

  it('allows analysts and administrators in any sector, and sector roles only in theirs', () => {
    expect(roleFitsSector('ANALYST', 'MUNICIPALITY')).toBe(true);
    expect(roleFitsSector('ADMINISTRATOR', 'BUA')).toBe(true);
    expect(roleFitsSector('HEALTH_VISITOR', 'HEALTH_VISITING')).toBe(true);
    expect(roleFitsSector('HEALTH_VISITOR', 'MUNICIPALITY')).toBe(false);
    expect(roleFitsSector('BUA_CLINICIAN', 'PAEDIATRICS')).toBe(false);
  });

  it('never echoes the subject or the name', () => {
    const error = refusal({ ...valid, sub: 42, name: ['Jens Jensen'] });
    expect(error.message).not.toContain('42');
    expect(error.message).not.toContain('Jens');
  });

  it('cuts long claim values short in messages', () => {
    const error = refusal({ ...valid, sector: 'X'.repeat(500) });
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('isValidOrganisation', () => {
  it('knows the forms of each sector', () => {
    expect(isValidOrganisation('MUNICIPALITY', '791')).toBe(true);
    expect(isValidOrganisation('MUNICIPALITY', '999')).toBe(false);
    expect(isValidOrganisation('ADULT_PSYCHIATRY', '9990031000016003')).toBe(true);
    expect(isValidOrganisation('REGION', REGION_ORGANISATION)).toBe(true);
  });
});
