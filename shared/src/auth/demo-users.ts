import { DEMO_PRACTICES, type DemoPractice } from '../demo/demo-data.ts';
import { municipalityName } from '../domain/municipalities.ts';
import { REGION_ORGANISATION, type Principal, type Role, type Sector } from './principal.ts';

/** A fictitious person that `npm run token -- <username>` mints a development token for. */
export interface DemoUser extends Principal {
  username: string;
  description: string;
}

/**
 * Fictitious SOR codes. They look like SOR ids (16 digits, an item number followed by the Danish namespace
 * 1000016) so that validation and display behave as with real ones, but the item numbers 999001-999003 are made up
 * and must not be taken for any real organisation.
 */
export const DEMO_SOR_CODES = {
  BUA: '9990011000016009',
  PAEDIATRICS: '9990021000016000',
  ADULT_PSYCHIATRY: '9990031000016003',
} as const;

function practiceOf(municipalityCode: number): DemoPractice {
  const practice = DEMO_PRACTICES.find((p) => p.municipalityCode === municipalityCode);
  if (!practice) throw new Error(`No demo practice in municipality ${municipalityCode}`);
  return practice;
}

function user(username: string, displayName: string, sector: Sector, organisation: string, role: Role, description: string): DemoUser {
  return { username, subject: `demo:${username}`, displayName, sector, organisation, roles: [role], description };
}

/** Two municipalities with demo children, so "another municipality" can be tried with the same role. */
const MUNICIPAL = [751, 657] as const;

function municipalUsers(code: number): DemoUser[] {
  const town = municipalityName(code) ?? String(code);
  const org = String(code);
  return [
    user(`caseworker-${code}`, `Demo Caseworker ${town}`, 'MUNICIPALITY', org, 'CASEWORKER', `Caseworker in the children's area of ${town} municipality; receives correspondence letters`),
    user(`ppr-${code}`, `Demo PPR Psychologist ${town}`, 'MUNICIPALITY', org, 'PPR_PSYCHOLOGIST', `PPR psychologist in ${town} municipality`),
    user(`social-${code}`, `Demo Social Worker ${town}`, 'MUNICIPALITY', org, 'SOCIAL_WORKER', `Social worker (socialrådgiver) in ${town} municipality`),
    user(`pedagogical-${code}`, `Demo Pedagogical Consultant ${town}`, 'MUNICIPALITY', org, 'PEDAGOGICAL_CONSULTANT', `Pedagogical consultant (pædagogisk konsulent) in PPR, ${town} municipality; books BUA's advisory meetings`),
    user(`healthvisitor-${code}`, `Demo Health Visitor ${town}`, 'HEALTH_VISITING', org, 'HEALTH_VISITOR', `Health visitor (sundhedsplejerske) employed by ${town} municipality`),
  ];
}

function gp(practice: DemoPractice, suffix = ''): DemoUser {
  const town = municipalityName(practice.municipalityCode) ?? String(practice.municipalityCode);
  const username = `gp-${practice.ydernummer}${suffix ? `-${suffix}` : ''}`;
  const who = suffix ? `Demo GP ${town} ${practice.ydernummer} ${suffix.toUpperCase()}` : `Demo GP ${town} ${practice.ydernummer}`;
  const detail = suffix ? '; a second GP of the same practice' : '';
  return user(username, who, 'GENERAL_PRACTICE', practice.ydernummer, 'GP', `GP in ${practice.name}, ${town}${detail}`);
}

const aarhusPractice = practiceOf(751);
const herningPractice = practiceOf(657);

export const DEMO_USERS: readonly DemoUser[] = [
  ...MUNICIPAL.flatMap(municipalUsers),
  gp(aarhusPractice),
  gp(aarhusPractice, 'b'),
  gp(herningPractice),
  user('bua-clinician', 'Demo BUA Clinician', 'BUA', DEMO_SOR_CODES.BUA, 'BUA_CLINICIAN', 'Clinician at the child and adolescent psychiatric department (BUA): referrals, assessments'),
  user('bua-adviser', 'Demo BUA Adviser', 'BUA', DEMO_SOR_CODES.BUA, 'BUA_ADVISER', 'BUA adviser: fixed contact person for municipalities, advisory meetings'),
  user('paediatrician', 'Demo Paediatrician', 'PAEDIATRICS', DEMO_SOR_CODES.PAEDIATRICS, 'PAEDIATRICIAN', 'Paediatrician at a paediatric outpatient clinic (screening track 2)'),
  user('adultpsych', 'Demo Adult Psychiatry Clinician', 'ADULT_PSYCHIATRY', DEMO_SOR_CODES.ADULT_PSYCHIATRY, 'ADULT_PSYCHIATRY_CLINICIAN', 'Adult psychiatry clinician asking patients about their children (screening track 3)'),
  user('analyst-region', 'Demo Analyst Region Midtjylland', 'REGION', REGION_ORGANISATION, 'ANALYST', 'Regional analyst: aggregates only, for the biennial status'),
  user('admin-region', 'Demo Administrator Region Midtjylland', 'REGION', REGION_ORGANISATION, 'ADMINISTRATOR', 'Regional administrator'),
  user('analyst-751', 'Demo Analyst Aarhus', 'MUNICIPALITY', '751', 'ANALYST', "Municipal analyst in Aarhus: aggregates of the municipality's own data"),
];

const BY_USERNAME: ReadonlyMap<string, DemoUser> = new Map(DEMO_USERS.map((u) => [u.username, u]));

export function findDemoUser(username: string): DemoUser | undefined {
  return BY_USERNAME.get(username);
}
