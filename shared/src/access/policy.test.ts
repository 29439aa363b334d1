import { describe, it, expect } from 'vitest';
import { GraphQLError } from 'graphql';
import { REGION_ORGANISATION, type Principal, type Purpose, type Role, type Sector } from '../auth/principal.ts';
import { type ConsentRecord } from './consent.ts';
import { organisationLabel, purposeLabel, sectorLabel } from './labels.ts';
import {
  assertAllowed,
  decideChildRead,
  type DataClass,
  type DataOwner,
  type Decision,
  type DecisionBasis,
} from './policy.ts';

// ---------------------------------------------------------------------------------------------------------------
// The world of these tests: an 11-year-old from Aarhus (751), so a custody holder consents on the child's behalf.
// ---------------------------------------------------------------------------------------------------------------

const TODAY = '2026-03-01';
const NOW = new Date('2026-03-01T11:00:00+01:00');
const CHILD_BORN = '2014-09-10';
const PRACTICE_A = '123456';
const PRACTICE_B = '654321';
const BUA_SOR = '543211000016001';
const PAEDIATRICS_SOR = '278061000016006';
const ADULT_PSYCHIATRY_SOR = '265891000016003';

function person(displayName: string, sector: Sector, organisation: string, ...roles: Role[]): Principal {
  return { subject: `demo-${displayName.toLowerCase().replaceAll(' ', '-')}`, displayName, sector, organisation, roles };
}

const readers = {
  'caseworker 751': person('Karen Caseworker', 'MUNICIPALITY', '751', 'CASEWORKER'),
  'caseworker 657': person('Lars Caseworker', 'MUNICIPALITY', '657', 'CASEWORKER'),
  'health visitor 751': person('Hanne Healthvisitor', 'HEALTH_VISITING', '751', 'HEALTH_VISITOR'),
  'GP of practice A': person('Anna Doctor', 'GENERAL_PRACTICE', PRACTICE_A, 'GP'),
  'GP of practice B': person('Bent Doctor', 'GENERAL_PRACTICE', PRACTICE_B, 'GP'),
  'BUA clinician': person('Birgit Clinician', 'BUA', BUA_SOR, 'BUA_CLINICIAN'),
  'BUA adviser': person('Bo Adviser', 'BUA', BUA_SOR, 'BUA_ADVISER'),
  paediatrician: person('Pia Paediatrician', 'PAEDIATRICS', PAEDIATRICS_SOR, 'PAEDIATRICIAN'),
  'adult psychiatry clinician': person('Arne Psychiatrist', 'ADULT_PSYCHIATRY', ADULT_PSYCHIATRY_SOR, 'ADULT_PSYCHIATRY_CLINICIAN'),
  'analyst (region)': person('Rita Analyst', 'REGION', REGION_ORGANISATION, 'ANALYST'),
  'analyst 751': person('Mads Analyst', 'MUNICIPALITY', '751', 'ANALYST'),
  'administrator 751': person('Ida Administrator', 'MUNICIPALITY', '751', 'ADMINISTRATOR'),
} satisfies Record<string, Principal>;
type ReaderName = keyof typeof readers;

interface Resource {
  owner: DataOwner;
  what: string;
  addressedTo?: readonly { sector: Sector; organisation: string | null }[];
}

const resources = {
  'municipal data of 751': {
    owner: { sectors: ['MUNICIPALITY'], organisation: '751', description: 'municipality 751' },
    what: 'the municipal case status',
  },
  'GP data of practice A': {
    owner: { sectors: ['GENERAL_PRACTICE'], organisation: PRACTICE_A, description: `practice ${PRACTICE_A}` },
    what: 'the letters the practice sent',
  },
  'BUA data': {
    owner: { sectors: ['BUA'], organisation: null, description: 'child and adolescent psychiatry (BUA)' },
    what: 'the assessment outcome',
  },
  'screening data': {
    owner: {
      sectors: ['PAEDIATRICS', 'ADULT_PSYCHIATRY', 'HEALTH_VISITING'],
      organisation: null,
      description: 'the screening tracks',
    },
    what: 'the screening results',
  },
} satisfies Record<string, Resource>;
type ResourceName = keyof typeof resources;

/** A consent held by the owner, given by a custody holder this January for a year, for the reader's sector. */
function consentFor(reader: Principal, patch: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    givenBy: 'CUSTODY_HOLDER',
    givenOn: '2026-01-15',
    recipientSector: reader.sector,
    recipientOrganisation: null,
    purposes: ['CARE_COORDINATION'],
    validFrom: '2026-01-15',
    validUntil: '2027-01-14',
    withdrawnAt: null,
    ...patch,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------------------------

interface Situation {
  consents?: readonly ConsentRecord[];
  purpose?: Purpose;
  birthDate?: string | null;
  today?: string;
  now?: Date;
  dataClass?: DataClass;
}

function decide(reader: Principal, resource: Resource, situation: Situation = {}): Decision {
  return decideChildRead({
    principal: reader,
    purpose: situation.purpose ?? 'CARE_COORDINATION',
    owner: resource.owner,
    dataClass: situation.dataClass ?? 'PERSONAL',
    what: resource.what,
    consents: situation.consents ?? [],
    birthDate: situation.birthDate === undefined ? CHILD_BORN : situation.birthDate,
    today: situation.today ?? TODAY,
    now: situation.now ?? NOW,
    ...(resource.addressedTo ? { addressedTo: resource.addressedTo } : {}),
  });
}

function expectAllowed(reader: Principal, resource: Resource, basis: DecisionBasis, situation?: Situation): void {
  expect(decide(reader, resource, situation)).toEqual({ allowed: true, basis });
}

function expectDenied(
  reader: Principal,
  resource: Resource,
  code: 'FORBIDDEN' | 'CONSENT_REQUIRED',
  message: RegExp,
  situation?: Situation,
): Extract<Decision, { allowed: false }> {
  const decision = decide(reader, resource, situation);
  if (decision.allowed) throw new Error(`expected ${code}, but allowed on basis ${decision.basis}`);
  expect(decision.code).toBe(code);
  expect(decision.reason).toMatch(message);
  return decision;
}

// ---------------------------------------------------------------------------------------------------------------
// The role x resource matrix
// ---------------------------------------------------------------------------------------------------------------

type Outcome =
  | { allowed: true; basis: DecisionBasis }
  | { allowed: false; code: 'FORBIDDEN' | 'CONSENT_REQUIRED'; message: RegExp };

const OWN: Outcome = { allowed: true, basis: 'OWN_ORGANISATION' };
const CONSENTED: Outcome = { allowed: true, basis: 'CONSENT' };
const NEEDS_CONSENT: Outcome = { allowed: false, code: 'CONSENT_REQUIRED', message: /needs an active consent/ };
const OTHER_ORG: Outcome = { allowed: false, code: 'FORBIDDEN', message: /cannot see another organisation's records/ };
const ANALYST: Outcome = { allowed: false, code: 'FORBIDDEN', message: /^Analysts see aggregate statistics only; child-level data is not available to the analyst role/ };
const ADMIN: Outcome = { allowed: false, code: 'FORBIDDEN', message: /^Administrators read access logs, not care data/ };
const ADVISER: Outcome = { allowed: false, code: 'FORBIDDEN', message: /anonymous advisory cases/ };

/**
 * Each cell: [no consent on record, an active consent held by the owner for the reader's sector and care
 * coordination]. The second column gives every reader "their" consent, so it also shows that a consent never widens
 * a sector's view to another organisation's records, nor gives analysts, administrators or advisers child data.
 */
type Cell = readonly [withoutConsent: Outcome, withConsent: Outcome];
const MATRIX: readonly (readonly [ReaderName, Cell, Cell, Cell, Cell])[] = [
  // reader                         municipal data of 751       GP data of practice A       BUA data                    screening data
  ['caseworker 751',               [OWN, OWN],                 [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED]],
  ['caseworker 657',               [OTHER_ORG, OTHER_ORG],     [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED]],
  ['health visitor 751',           [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED], [OWN, OWN]],
  ['GP of practice A',             [NEEDS_CONSENT, CONSENTED], [OWN, OWN],                 [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED]],
  ['GP of practice B',             [NEEDS_CONSENT, CONSENTED], [OTHER_ORG, OTHER_ORG],     [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED]],
  ['BUA clinician',                [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED], [OWN, OWN],                 [NEEDS_CONSENT, CONSENTED]],
  ['BUA adviser',                  [ADVISER, ADVISER],         [ADVISER, ADVISER],         [ADVISER, ADVISER],         [ADVISER, ADVISER]],
  ['paediatrician',                [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED], [OWN, OWN]],
  ['adult psychiatry clinician',   [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED], [NEEDS_CONSENT, CONSENTED], [OWN, OWN]],
  ['analyst (region)',             [ANALYST, ANALYST],         [ANALYST, ANALYST],         [ANALYST, ANALYST],         [ANALYST, ANALYST]],
  ['analyst 751',                  [ANALYST, ANALYST],         [ANALYST, ANALYST],         [ANALYST, ANALYST],         [ANALYST, ANALYST]],
  ['administrator 751',            [ADMIN, ADMIN],             [ADMIN, ADMIN],             [ADMIN, ADMIN],             [ADMIN, ADMIN]],
];
const COLUMNS: readonly ResourceName[] = ['municipal data of 751', 'GP data of practice A', 'BUA data', 'screening data'];

function expectOutcome(reader: Principal, resource: Resource, outcome: Outcome, situation: Situation): void {
  if (outcome.allowed) expectAllowed(reader, resource, outcome.basis, situation);
  else expectDenied(reader, resource, outcome.code, outcome.message, situation);
}

describe('role x resource matrix', () => {
  it('covers every reader and every resource', () => {
    expect(MATRIX.map(([name]) => name).sort()).toEqual(Object.keys(readers).sort());
    expect([...COLUMNS].sort()).toEqual(Object.keys(resources).sort());
  });

  describe.each(MATRIX)('%s', (readerName, ...cells) => {
    const reader = readers[readerName];
    const cases = COLUMNS.flatMap((resourceName, i) => {
      const [withoutConsent, withConsent] = cells[i]!;
      return [
        { label: `${resourceName}, no consent`, resourceName, outcome: withoutConsent, consents: [] },
        { label: `${resourceName}, with consent`, resourceName, outcome: withConsent, consents: [consentFor(reader)] },
      ];
    });
    it.each(cases)('$label', ({ resourceName, outcome, consents }) => {
      expectOutcome(reader, resources[resourceName], outcome, { consents });
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// One cross-sector read, many consents: the GP of practice A reading municipality 751's case status
// ---------------------------------------------------------------------------------------------------------------

describe('consent that does not (or no longer) counts', () => {
  const gpA = readers['GP of practice A'];
  const gpB = readers['GP of practice B'];
  const municipal = resources['municipal data of 751'];

  it('a withdrawn consent counts for nothing from the instant of withdrawal', () => {
    const withdrawn = consentFor(gpA, { withdrawnAt: '2026-03-01T10:00:00.000Z' });
    expectAllowed(gpA, municipal, 'CONSENT', { consents: [withdrawn], now: new Date('2026-03-01T09:59:59Z') });
    const denied = expectDenied(gpA, municipal, 'CONSENT_REQUIRED',
      /one was withdrawn at 2026-03-01T10:00:00.000Z \(consent can be withdrawn at any time\)/,
      { consents: [withdrawn], now: new Date('2026-03-01T10:00:00Z') });
    expect(denied.details).toMatchObject({ rule: 'NO_ACTIVE_CONSENT', consentProblems: ['WITHDRAWN'] });
  });

  it('an expired consent does not count', () => {
    expectDenied(gpA, municipal, 'CONSENT_REQUIRED', /one was valid only until 2026-02-28/,
      { consents: [consentFor(gpA, { validUntil: '2026-02-28' })] });
    expectAllowed(gpA, municipal, 'CONSENT', { consents: [consentFor(gpA, { validUntil: TODAY })] });
  });

  it('a consent not yet valid does not count', () => {
    expectDenied(gpA, municipal, 'CONSENT_REQUIRED', /one is not valid until 2026-03-02/,
      { consents: [consentFor(gpA, { validFrom: '2026-03-02' })] });
  });

  it("a custody holder's consent stops on the 18th birthday; the young person's own consent goes on", () => {
    const born = '2008-03-01';
    const byCustodyHolder = consentFor(gpA, { givenOn: '2022-01-01', validFrom: '2022-01-01', validUntil: null });
    expectAllowed(gpA, municipal, 'CONSENT', { consents: [byCustodyHolder], birthDate: born, today: '2026-02-28' });
    const denied = expectDenied(gpA, municipal, 'CONSENT_REQUIRED',
      /one was given by a custody holder while the young person has turned 18 \(only they can consent now\)/,
      { consents: [byCustodyHolder], birthDate: born });
    expect(denied.reason).toMatch(/given by the young person themselves/);
    expect(denied.reason).not.toContain(born);

    const byYoungPerson = consentFor(gpA, { givenBy: 'YOUNG_PERSON', givenOn: '2024-05-01', validFrom: '2024-05-01', validUntil: null });
    expectAllowed(gpA, municipal, 'CONSENT', { consents: [byYoungPerson], birthDate: born });
  });

  it("without a birth date a custody holder's consent is not honoured (it may have lapsed at 18)", () => {
    expectDenied(gpA, municipal, 'CONSENT_REQUIRED',
      /given by the young person if they are 15 or older, otherwise by a custody holder\. Consents on record that do not count: one was given by a custody holder while the birth date is unknown \(so it cannot be confirmed that the child is under 18\)\.$/,
      { consents: [consentFor(gpA)], birthDate: null });
    expectAllowed(gpA, municipal, 'CONSENT', { consents: [consentFor(gpA, { givenBy: 'YOUNG_PERSON' })], birthDate: null });
  });

  it('a consent for another purpose does not count', () => {
    const forScreening = consentFor(gpA, { purposes: ['EARLY_DETECTION'] });
    expectDenied(gpA, municipal, 'CONSENT_REQUIRED', /one covers early detection \(not care coordination\)/, { consents: [forScreening] });
    expectAllowed(gpA, municipal, 'CONSENT', { consents: [forScreening], purpose: 'EARLY_DETECTION' });
  });

  it('a consent to another practice does not count, and the refusal does not say which practice', () => {
    const toPracticeB = consentFor(gpA, { recipientOrganisation: PRACTICE_B });
    const denied = expectDenied(gpA, municipal, 'CONSENT_REQUIRED',
      /one is for another organisation in general practice \(not practice 123456\)/, { consents: [toPracticeB] });
    expect(denied.reason).not.toContain(PRACTICE_B);
    expectAllowed(gpB, municipal, 'CONSENT', { consents: [toPracticeB] });
  });

  it('a consent that would count but for the sector is mentioned without naming that sector', () => {
    const toBua = consentFor(readers['BUA clinician']);
    const denied = expectDenied(gpA, municipal, 'CONSENT_REQUIRED', /one is for another sector \(not general practice\)/, { consents: [toBua] });
    expect(denied.reason).not.toMatch(/BUA|psychiatry/);
  });

  it("consents for other sectors that would not count anyway are none of the reader's business", () => {
    const toBuaForScreening = consentFor(readers['BUA clinician'], { purposes: ['EARLY_DETECTION'] });
    const denied = expectDenied(gpA, municipal, 'CONSENT_REQUIRED', /needs an active consent/, { consents: [toBuaForScreening] });
    expect(denied.reason).not.toMatch(/Consents on record/);
  });

  it('lists each consent that almost matches', () => {
    const denied = expectDenied(gpA, municipal, 'CONSENT_REQUIRED',
      /Consents on record that do not count: one was valid only until 2026-02-28; one covers early detection \(not care coordination\)\.$/,
      { consents: [consentFor(gpA, { validUntil: '2026-02-28' }), consentFor(gpA, { purposes: ['EARLY_DETECTION'] })] });
    expect(denied.details).toMatchObject({ consentProblems: ['EXPIRED', 'OTHER_PURPOSE'] });
  });

  it('one active covering consent is enough, whatever else is on record', () => {
    expectAllowed(gpA, municipal, 'CONSENT', {
      consents: [consentFor(gpA, { withdrawnAt: '2026-02-01T08:00:00Z' }), consentFor(gpA, { givenOn: '2026-02-10', validFrom: '2026-02-10' })],
    });
  });

  it('says who must give the consent: a custody holder under 15, the young person from 15', () => {
    expectDenied(gpA, municipal, 'CONSENT_REQUIRED', /given by a custody holder \(forældremyndighedsindehaver\), as the child is under 15/);
    const denied = expectDenied(gpA, municipal, 'CONSENT_REQUIRED', /given by the young person themselves \(they are 15 or older\)/,
      { birthDate: '2011-03-01' });
    expect(denied.details).toMatchObject({ requiredConsentingParty: 'YOUNG_PERSON', recipientSector: 'GENERAL_PRACTICE', purpose: 'CARE_COORDINATION' });
  });
});

describe('data the agreement sends to the reader', () => {
  // Agreement 6.2: the GP always gets a reply saying what the municipality has initiated.
  const replyToPracticeA: Resource = {
    owner: { sectors: ['MUNICIPALITY'], organisation: '751', description: 'municipality 751' },
    what: 'the reply to your correspondence letter',
    addressedTo: [{ sector: 'GENERAL_PRACTICE', organisation: PRACTICE_A }],
  };

  it('the GP who wrote reads the reply without a consent', () => {
    expectAllowed(readers['GP of practice A'], replyToPracticeA, 'ADDRESSED_TO_READER');
  });

  it('another GP does not', () => {
    expectDenied(readers['GP of practice B'], replyToPracticeA, 'CONSENT_REQUIRED', /needs an active consent/);
  });

  it('a message addressed to a whole sector reaches every organisation in it', () => {
    const toAllPractices: Resource = { ...replyToPracticeA, addressedTo: [{ sector: 'GENERAL_PRACTICE', organisation: null }] };
    expectAllowed(readers['GP of practice B'], toAllPractices, 'ADDRESSED_TO_READER');
  });

  it('being addressed opens nothing to another organisation of the owning sector, nor to an analyst', () => {
    const toEveryone: Resource = {
      ...replyToPracticeA,
      addressedTo: [{ sector: 'MUNICIPALITY', organisation: null }, { sector: 'REGION', organisation: null }],
    };
    expectOutcome(readers['caseworker 657'], toEveryone, OTHER_ORG, {});
    expectOutcome(readers['analyst (region)'], toEveryone, ANALYST, {});
  });
});

describe('roles', () => {
  const municipal = resources['municipal data of 751'];

  it('an analyst who is also a caseworker reads as a caseworker', () => {
    const both = person('Karen Both', 'MUNICIPALITY', '751', 'ANALYST', 'CASEWORKER');
    expectAllowed(both, municipal, 'OWN_ORGANISATION');
  });

  it('a BUA adviser is refused even BUA data: advisory cases are anonymous (agreement 6.3)', () => {
    const denied = expectDenied(readers['BUA adviser'], resources['BUA data'], 'FORBIDDEN', /agreement 6\.3/);
    expect(denied.details).toMatchObject({ rule: 'BUA_ADVISER_ANONYMOUS_CASES' });
  });

  it('a principal with no role at all is refused', () => {
    const nobody = person('No Role', 'MUNICIPALITY', '751');
    const denied = expectDenied(nobody, municipal, 'FORBIDDEN', /^No role is given; the municipal case status held by municipality 751 cannot be shown without a clinical role\.$/);
    expect(denied.details).toMatchObject({ rule: 'NO_CLINICAL_ROLE' });
  });

  it('free text needs the same basis as structured data', () => {
    expectAllowed(readers['GP of practice A'], municipal, 'CONSENT', { dataClass: 'FREE_TEXT', consents: [consentFor(readers['GP of practice A'])] });
    expectDenied(readers['GP of practice A'], municipal, 'CONSENT_REQUIRED', /needs an active consent/, { dataClass: 'FREE_TEXT' });
  });
});

describe('assertAllowed', () => {
  const municipal = resources['municipal data of 751'];

  it('returns when allowed', () => {
    expect(() => assertAllowed({ allowed: true, basis: 'OWN_ORGANISATION' })).not.toThrow();
  });

  it('throws FORBIDDEN with the reason and the rule', () => {
    const decision = decide(readers['caseworker 657'], municipal);
    const error = (() => {
      try {
        assertAllowed(decision);
      } catch (e) {
        return e;
      }
      throw new Error('expected a throw');
    })();
    expect(error).toBeInstanceOf(GraphQLError);
    const graphQLError = error as GraphQLError;
    expect(graphQLError.message).toBe(
      "The municipal case status belongs to municipality 751; municipality 657 cannot see another organisation's records.",
    );
    expect(graphQLError.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'OTHER_ORGANISATION', owner: 'municipality 751' });
  });

  it('throws CONSENT_REQUIRED with what is missing', () => {
    const decision = decide(readers['GP of practice A'], municipal);
    expect(() => assertAllowed(decision)).toThrow(/needs an active consent held by municipality 751/);
    try {
      assertAllowed(decision);
    } catch (e) {
      expect((e as GraphQLError).extensions).toMatchObject({
        code: 'CONSENT_REQUIRED',
        rule: 'NO_ACTIVE_CONSENT',
        owner: 'municipality 751',
        ownerSectors: ['MUNICIPALITY'],
        recipientSector: 'GENERAL_PRACTICE',
        purpose: 'CARE_COORDINATION',
        requiredConsentingParty: 'CUSTODY_HOLDER',
      });
    }
  });
});

describe('every refusal names the owner and what is missing, and never the person', () => {
  const gpA = readers['GP of practice A'];
  // Every reader x resource, with and without their consent, plus each kind of near miss, for each purpose.
  const situations: Situation[] = [
    {},
    { birthDate: null },
    { birthDate: '2011-03-01' },
    { consents: [consentFor(gpA, { withdrawnAt: '2026-02-01T08:00:00Z' })] },
    { consents: [consentFor(gpA, { validUntil: '2026-02-28' })] },
    { consents: [consentFor(gpA, { validFrom: '2026-03-02' })] },
    { consents: [consentFor(gpA, { validFrom: '2022-01-01', validUntil: null })], birthDate: '2008-03-01' },
    { consents: [consentFor(gpA, { recipientOrganisation: PRACTICE_B, purposes: ['EARLY_DETECTION'] })] },
    { consents: [consentFor(readers['BUA clinician'])] },
  ];
  const refusals = Object.values(readers).flatMap((reader) =>
    Object.values(resources).flatMap((resource: Resource) =>
      [...situations, { consents: [consentFor(reader)] }].flatMap((situation) =>
        (['CARE_COORDINATION', 'ASSESSMENT_AND_TREATMENT', 'EARLY_DETECTION'] as const).flatMap((purpose) => {
          const decision = decide(reader, resource, { ...situation, purpose });
          return decision.allowed ? [] : [{ reader, resource, purpose, decision }];
        }),
      ),
    ),
  );

  it('produces refusals of every kind to check', () => {
    const rules = new Set(refusals.map((r) => r.decision.details?.['rule']));
    expect([...rules].sort()).toEqual([
      'ADMINISTRATOR_NO_CARE_DATA',
      'ANALYST_AGGREGATES_ONLY',
      'BUA_ADVISER_ANONYMOUS_CASES',
      'NO_ACTIVE_CONSENT',
      'OTHER_ORGANISATION',
    ]);
    expect(refusals.some((r) => r.decision.reason.includes('Consents on record that do not count'))).toBe(true);
  });

  it.each(Object.keys(readers))('refusals to %s', (readerName) => {
    for (const { reader, resource, purpose, decision } of refusals.filter((r) => r.reader === readers[readerName as ReaderName])) {
      if (decision.allowed) continue;
      const context = `${resource.what} for ${purpose}: ${decision.reason}`;
      expect(decision.reason, context).toContain(resource.owner.description);
      expect(decision.reason, context).not.toContain(reader.displayName);
      expect(decision.reason, context).not.toContain(reader.subject);
      if (decision.code === 'CONSENT_REQUIRED') {
        // The missing piece: a consent held by the owner, for the reader's sector and this purpose, and who gives it.
        expect(decision.reason, context).toContain(`needs an active consent held by ${resource.owner.description}`);
        expect(decision.reason, context).toContain(`to disclose to ${sectorLabel(reader.sector)} for ${purposeLabel(purpose)}`);
        expect(decision.reason, context).toMatch(/given by (the young person|a custody holder)/);
      } else if (decision.details?.['rule'] === 'OTHER_ORGANISATION') {
        // The missing piece: being the owning organisation, which no consent can supply.
        expect(decision.reason, context).toContain(organisationLabel(reader.sector, reader.organisation));
      } else {
        // The missing piece: a clinical role.
        expect(decision.reason, context).toMatch(/clinical role/);
      }
    }
  });
});
