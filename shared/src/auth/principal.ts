import type { JWTPayload } from 'jose';
import { z } from 'zod';
import { unauthenticated } from '../errors.ts';
import { REGION_MIDTJYLLAND_MUNICIPALITIES, isRegionMidtjyllandMunicipalityCode } from '../domain/municipalities.ts';

export const SECTORS = ['MUNICIPALITY', 'GENERAL_PRACTICE', 'BUA', 'PAEDIATRICS', 'ADULT_PSYCHIATRY', 'HEALTH_VISITING', 'REGION'] as const;
export type Sector = (typeof SECTORS)[number];

export const ROLES = [
  'CASEWORKER',
  'PPR_PSYCHOLOGIST',
  'HEALTH_VISITOR',
  'SOCIAL_WORKER',
  // Agreement 6.3 names pedagogical consultants (pædagogiske konsulenter, in PPR) among those BUA advises.
  'PEDAGOGICAL_CONSULTANT',
  'GP',
  'BUA_CLINICIAN',
  'BUA_ADVISER',
  'PAEDIATRICIAN',
  'ADULT_PSYCHIATRY_CLINICIAN',
  'ANALYST',
  'ADMINISTRATOR',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The authenticated person, as every policy function sees them. `organisation` is what "their own records" means:
 * a municipality code ('751') for MUNICIPALITY and HEALTH_VISITING, a ydernummer for GENERAL_PRACTICE, a SOR code
 * for BUA, PAEDIATRICS and ADULT_PSYCHIATRY, and REGION_ORGANISATION for REGION.
 */
export interface Principal {
  subject: string;
  displayName: string;
  sector: Sector;
  organisation: string;
  roles: Role[];
}

/** Why data is processed; recorded in the access log with every read and change. */
export const PURPOSES = ['CARE_COORDINATION', 'ASSESSMENT_AND_TREATMENT', 'EARLY_DETECTION'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The only organisation of sector REGION: regional analysts and administrators act for the region as a whole. */
export const REGION_ORGANISATION = 'REGION_MIDTJYLLAND';

/**
 * Roles bound to one kind of organisation. Without this a token saying `{ sector: MUNICIPALITY, org: '751',
 * roles: ['GP'] }` would pass, and '751' is also a well-formed ydernummer, so a policy matching "GP of practice
 * <org>" could be fooled. ANALYST and ADMINISTRATOR are absent: every organisation may have them, scoped to itself.
 */
const SECTORS_OF_ROLE: Partial<Record<Role, readonly Sector[]>> = {
  CASEWORKER: ['MUNICIPALITY'],
  PPR_PSYCHOLOGIST: ['MUNICIPALITY'],
  SOCIAL_WORKER: ['MUNICIPALITY'],
  PEDAGOGICAL_CONSULTANT: ['MUNICIPALITY'],
  HEALTH_VISITOR: ['HEALTH_VISITING'],
  GP: ['GENERAL_PRACTICE'],
  BUA_CLINICIAN: ['BUA'],
  BUA_ADVISER: ['BUA'],
  PAEDIATRICIAN: ['PAEDIATRICS'],
  ADULT_PSYCHIATRY_CLINICIAN: ['ADULT_PSYCHIATRY'],
};

export function roleFitsSector(role: Role, sector: Sector): boolean {
  return SECTORS_OF_ROLE[role]?.includes(sector) ?? true;
}

// Canonical string forms only: organisation ids are compared as strings, so '0751' must not pass as '751'.
const municipalityCode = z
  .string()
  .regex(/^[1-9]\d{2}$/)
  .refine((s) => isRegionMidtjyllandMunicipalityCode(Number(s)));
const ydernummer = z.string().regex(/^[1-9]\d{0,5}$/);
const sorCode = z.string().regex(/^[1-9]\d{0,15}$/);

const ORGANISATION: Record<Sector, { schema: z.ZodType<string>; expected: string }> = {
  MUNICIPALITY: {
    schema: municipalityCode,
    expected: `the code of one of the 19 municipalities of Region Midtjylland (${REGION_MIDTJYLLAND_MUNICIPALITIES.map((m) => m.code).join(', ')})`,
  },
  HEALTH_VISITING: {
    schema: municipalityCode,
    expected: 'the code of the municipality employing the health visitor, one of the 19 of Region Midtjylland',
  },
  GENERAL_PRACTICE: { schema: ydernummer, expected: "the practice's ydernummer (1-6 digits)" },
  BUA: { schema: sorCode, expected: 'a SOR code (up to 16 digits)' },
  PAEDIATRICS: { schema: sorCode, expected: 'a SOR code (up to 16 digits)' },
  ADULT_PSYCHIATRY: { schema: sorCode, expected: 'a SOR code (up to 16 digits)' },
  REGION: { schema: z.literal(REGION_ORGANISATION), expected: `"${REGION_ORGANISATION}"` },
};

/** True when `organisation` has the form its sector requires (used by the demo users' tests and seeds too). */
export function isValidOrganisation(sector: Sector, organisation: string): boolean {
  return ORGANISATION[sector].schema.safeParse(organisation).success;
}

/** What an organisation id of `sector` looks like, as a person reads it: for messages refusing one. */
export function expectedOrganisation(sector: Sector): string {
  return ORGANISATION[sector].expected;
}

const claimsSchema = z.object({
  sub: z.string().trim().min(1),
  name: z.string().trim().min(1),
  sector: z.enum(SECTORS),
  org: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
});

/** Claim values echoed back are cut short: they come from a caller and are not ours to print at length. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : `a value of type ${typeof value}`;
}

function claimProblem(claim: string, claims: JWTPayload): string {
  const value = claims[claim];
  const got = value === undefined ? 'it is missing' : `got ${shown(value)}`;
  switch (claim) {
    // Subject and name identify a person: say only whether they were there, never what they were.
    case 'sub':
      return `The token lacks a subject: the \`sub\` claim must be a non-empty string${value === undefined ? ' (it is missing)' : ''}`;
    case 'name':
      return `The token lacks a display name: the \`name\` claim must be a non-empty string${value === undefined ? ' (it is missing)' : ''}`;
    case 'sector':
      return `The token lacks a known sector: the \`sector\` claim must be one of ${SECTORS.join(', ')} (${got})`;
    case 'org':
      return `The token lacks an organisation: the \`org\` claim must be a non-empty string (${got})`;
    case 'roles': {
      const unknown = Array.isArray(value) ? value.filter((r) => !(ROLES as readonly unknown[]).includes(r)) : [];
      const detail = unknown.length ? `unknown: ${unknown.map(shown).join(', ')}` : got;
      return `The token lacks valid roles: the \`roles\` claim must be a non-empty array of ${ROLES.join(', ')} (${detail})`;
    }
    default:
      return `The token lacks valid claims: \`${claim}\` is invalid`;
  }
}

/**
 * The principal a verified token describes. Refuses (UNAUTHENTICATED) rather than guessing when a claim is missing
 * or unknown, since every authorization decision downstream trusts sector, organisation and roles as given.
 */
export function parsePrincipal(claims: JWTPayload): Principal {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) {
    const bad = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '(claims)')))];
    throw unauthenticated(bad.map((claim) => claimProblem(claim, claims)).join('. '), { claims: bad });
  }
  const { sub, name, sector, org, roles } = parsed.data;
  if (!isValidOrganisation(sector, org)) {
    throw unauthenticated(
      `The token lacks a valid organisation: for sector ${sector} the \`org\` claim must be ${ORGANISATION[sector].expected} (got ${shown(org)})`,
      { claims: ['org'] },
    );
  }
  const misfits = roles.filter((role) => !roleFitsSector(role, sector));
  if (misfits.length) {
    throw unauthenticated(
      `The token lacks roles that fit its sector: ${misfits.join(', ')} ${misfits.length === 1 ? 'is not a role' : 'are not roles'} of sector ${sector}`,
      { claims: ['roles', 'sector'] },
    );
  }
  return { subject: sub, displayName: name, sector, organisation: org, roles: [...new Set(roles)] };
}

/** The custom claims that carry a principal, as `mintToken` writes them and `parsePrincipal` reads them. */
export function principalClaims(principal: Principal): { name: string; sector: Sector; org: string; roles: Role[] } {
  return { name: principal.displayName, sector: principal.sector, org: principal.organisation, roles: [...principal.roles] };
}
