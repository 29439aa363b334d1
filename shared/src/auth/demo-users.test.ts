import { describe, expect, it } from 'vitest';
import { DEMO_MUNICIPALITY_CODES, DEMO_PRACTICES } from '../demo/demo-data.ts';
import { DEMO_USERS, findDemoUser } from './demo-users.ts';
import { isValidOrganisation, parsePrincipal, ROLES, type Role } from './principal.ts';

const withRole = (role: Role) => DEMO_USERS.filter((u) => u.roles.includes(role));
const organisationsOf = (role: Role) => new Set(withRole(role).map((u) => u.organisation));

describe('DEMO_USERS', () => {
  it('covers every role', () => {
    for (const role of ROLES) expect(withRole(role), role).not.toHaveLength(0);
  });

  it('has every municipal role in at least two demo municipalities', () => {
    for (const role of ['CASEWORKER', 'PPR_PSYCHOLOGIST', 'SOCIAL_WORKER', 'PEDAGOGICAL_CONSULTANT', 'HEALTH_VISITOR'] as const) {
      const orgs = organisationsOf(role);
      expect(orgs.size, role).toBeGreaterThanOrEqual(2);
      for (const org of orgs) expect(DEMO_MUNICIPALITY_CODES.map(String), role).toContain(org);
    }
    expect(withRole('HEALTH_VISITOR').every((u) => u.sector === 'HEALTH_VISITING')).toBe(true);
  });

  it('has GPs in at least two demo practices, and two GPs of one practice', () => {
    const practices = organisationsOf('GP');
    expect(practices.size).toBeGreaterThanOrEqual(2);
    for (const org of practices) expect(DEMO_PRACTICES.map((p) => p.ydernummer)).toContain(org);
    const perPractice = withRole('GP').map((u) => u.organisation);
    expect(perPractice.some((org, i) => perPractice.indexOf(org) !== i)).toBe(true);
  });

  it('has a municipal analyst as well as regional ones', () => {
    expect(withRole('ANALYST').map((u) => u.sector).sort()).toEqual(['MUNICIPALITY', 'REGION']);
  });

  it('gives everyone a valid organisation and claims a verifier accepts', () => {
    for (const u of DEMO_USERS) {
      expect(isValidOrganisation(u.sector, u.organisation), u.username).toBe(true);
      expect(parsePrincipal({ sub: u.subject, name: u.displayName, sector: u.sector, org: u.organisation, roles: u.roles })).toEqual({
        subject: u.subject,
        displayName: u.displayName,
        sector: u.sector,
        organisation: u.organisation,
        roles: u.roles,
      });
    }
  });

  it('has unique, short usernames and subjects, and visibly fictitious names', () => {
    expect(new Set(DEMO_USERS.map((u) => u.username)).size).toBe(DEMO_USERS.length);
    expect(new Set(DEMO_USERS.map((u) => u.subject)).size).toBe(DEMO_USERS.length);
    for (const u of DEMO_USERS) {
      expect(u.username).toMatch(/^[a-z][a-z0-9-]{2,19}$/);
      expect(u.displayName).toMatch(/^Demo /);
      expect(u.description.length).toBeGreaterThan(10);
    }
  });

  it('is searchable by username', () => {
    expect(findDemoUser('gp-107510')).toMatchObject({ sector: 'GENERAL_PRACTICE', organisation: '107510', roles: ['GP'] });
    expect(findDemoUser('caseworker-657')).toMatchObject({ sector: 'MUNICIPALITY', organisation: '657' });
    expect(findDemoUser('nobody')).toBeUndefined();
  });
});
