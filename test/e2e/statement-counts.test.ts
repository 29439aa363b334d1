import { accessLog as buaLog, municipalInterventions as buaInterventions, referrals as buaReferrals } from '@pathway-graph/bua/db/schema';
import { insertPracticesAndChildren, type GeneralPracticeDb } from '@pathway-graph/general-practice/db/repository';
import { accessLog as gpLog, contactPersonEvents as gpContactPersons, outbox as gpOutbox } from '@pathway-graph/general-practice/db/schema';
import {
  accessLog as municipalityLog,
  consents as municipalityConsents,
  contactPersonEvents as municipalityContactPersons,
  municipalInterventions,
  networkMeetings as municipalityMeetings,
} from '@pathway-graph/municipality/db/schema';
import { accessLog as screeningLog } from '@pathway-graph/screening/db/schema';
import { glnFromPrefix, requiredConsentingParty, uuid7, type Principal, type SectorTables } from '@pathway-graph/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as } from '../support/auth.ts';
import { registerEverywhere, syntheticChildren, type TestChild } from '../support/children.ts';
import { describeWithDatabases } from '../support/databases.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

/**
 * For every list field of the graph and every kind of reader that may read it, a page of 2 and a page of 50 cost the
 * same number of SQL statements in every subgraph: nothing is looked up per row (ARCHITECTURE.md, Data). Each case
 * reads through the gateway, as a front end would, so the gateway's entity fetches between subgraphs count too.
 */

const TODAY = '2026-11-23';
/** Holstebro: no demo data is seeded, so the pages hold exactly what the test registers. */
const CODE = 661;
const PRACTICE = { ydernummer: '166100', name: 'Lægehuset Tæller (syntetisk)', locationNumber: glnFromPrefix('579000996610') };
const CHILDREN = syntheticChildren(60, 20_000);
const LETTERS = 55;
/** The child whose access logs hold 60 entries in every sector. */
const LOGGED: TestChild = CHILDREN[0]!;

const person = (subject: string, sector: Principal['sector'], organisation: string, roles: Principal['roles']): Principal => ({
  subject: `test:${subject}`,
  displayName: `Test ${subject}`,
  sector,
  organisation,
  roles,
});
/** The readers: the owner sector's staff, another sector's (with consent), the addressee, the administrator, the analyst. */
const READERS = {
  caseworker: person('caseworker-661', 'MUNICIPALITY', String(CODE), ['CASEWORKER']),
  healthVisitor: person('healthvisitor-661', 'HEALTH_VISITING', String(CODE), ['HEALTH_VISITOR']),
  gp: person('gp-166100', 'GENERAL_PRACTICE', PRACTICE.ydernummer, ['GP']),
  administrator: 'admin-region',
  analyst: 'analyst-region',
} as const;
type Reader = keyof typeof READERS;
const READER_NAME: Record<Reader, string> = {
  caseworker: 'municipality’s own caseworker (owner sector; other sectors’ fields by consent)',
  healthVisitor: 'municipality’s health visitor (addressee)',
  gp: 'GP (owner of the letters; the municipality’s fields by consent)',
  administrator: 'administrator',
  analyst: 'analyst',
};

const CHILD_FIELDS = `id birthDate knownToMunicipality residenceMunicipality { code name } synthetic
  listedPractice { ydernummer name municipality { code name } } knownToBua buaPatient { registeredOn } screeningTracks { track since }
  ageBand involvedSectors
  municipalityConsents { id active purposes } generalPracticeConsents { id active } buaConsents { id active } screeningConsents { id active }`;
const LETTER_FIELDS = `id messageId status subject category step overdue replyDueOn knownToMunicipality department
  municipality { code name inbox { locationNumber } } senderPractice { ydernummer locationNumber } assignee { role }
  history { kind at } reply { initiated contactCommitment delivery { status note deliveredAt } } child { id }`;
/** BUA's referrals of each child and the coordination lists around its pathway (agreement 6.1). */
const COORDINATION_FIELDS = `id buaReferrals { id status reason statusTimes { receivedAt } treatmentResponsibility { holder } }
  municipalityContactPerson { status person { name } } municipalityContactPersonHistory { id type person { name } }
  municipalityNetworkMeetings { id summary actions { index owner { organisation } overdue } } municipalInterventions { id kind pathwayStep child { id } }
  municipalityTransitionPlan { id } generalPracticeContactPerson { status } generalPracticeContactPersonHistory { id type }
  generalPracticeNetworkMeetings { id summary actions { index owner { organisation } overdue } }
  buaMunicipalInterventions { id kind effect }`;
const ACCESS_LOG = `entries { id action source actorSector parts purpose } nextBefore`;

interface Case {
  /** The list field, as the SDL names it. */
  field: string;
  reader: Reader;
  query: string;
  variables?: Record<string, unknown>;
  /** The items of the list in the answer. */
  items(data: Record<string, unknown>): unknown[];
  /** The page sizes compared: 2 and 50 for paginated fields, or a narrow and a wide search for the directory. */
  sizes?: [Record<string, unknown>, Record<string, unknown>, number, number];
}

const edges = (path: string[]) => (data: Record<string, unknown>) => {
  let value: unknown = data;
  for (const key of path) value = (value as Record<string, unknown>)[key];
  return (value as { edges: unknown[] }).edges;
};
const entries = (field: string) => (data: Record<string, unknown>) => (data[field] as { entries: unknown[] }).entries;

const CASES: Case[] = [
  {
    field: 'Municipality.children (with every sector’s fields and consents of each child)',
    reader: 'caseworker',
    query: `query($first: Int!) { municipality(code: ${CODE}) { children(first: $first) { edges { node { ${CHILD_FIELDS} } } } } }`,
    items: edges(['municipality', 'children']),
  },
  {
    field: 'Municipality.children (with each child’s BUA referrals, contact persons, network meetings, interventions and transition plan)',
    reader: 'caseworker',
    query: `query($first: Int!) { municipality(code: ${CODE}) { children(first: $first) { edges { node { ${COORDINATION_FIELDS} } } } } }`,
    items: edges(['municipality', 'children']),
  },
  {
    field: 'Query.inbox (with each letter’s history, reply and child)',
    reader: 'caseworker',
    query: `query($first: Int!) { inbox(municipalityCode: ${CODE}, first: $first) { edges { node { ${LETTER_FIELDS}
      child { listedPractice { name } knownToBua } } } } }`,
    items: edges(['inbox']),
  },
  {
    field: 'Query.inbox (with each letter’s history, reply and child)',
    reader: 'healthVisitor',
    query: `query($first: Int!) { inbox(municipalityCode: ${CODE}, first: $first) { edges { node { ${LETTER_FIELDS} } } } }`,
    items: edges(['inbox']),
  },
  {
    field: 'Query.sentLetters (with each letter’s status history, reply, recipient and the municipality’s data on its child)',
    reader: 'gp',
    query: `query($first: Int!) { sentLetters(first: $first) { edges { node { id status statusHistory { status at note }
      reply { text initiatedItems } recipient { code municipality { name } } exportBundle
      child { id knownToMunicipality residenceMunicipality { name } municipalityConsents { id active } } } } } }`,
    items: edges(['sentLetters']),
  },
  ...(['gp', 'caseworker', 'administrator', 'analyst'] as const).map(
    (reader): Case => ({
      field: 'Query.practices (with each practice’s municipality)',
      reader,
      query: `query($first: Int!) { practices(municipalityCode: ${CODE}, first: $first) { edges { node { ydernummer name locationNumber synthetic municipality { code name } } } } }`,
      items: edges(['practices']),
    }),
  ),
  // Query.municipalities has no argument to vary its length (always the 19); it resolves exactly as the directory does.
  ...(['administrator', 'analyst', 'gp'] as const).map(
    (reader): Case => ({
      field: 'Query.municipalityDirectory (a narrow search and all 19 inboxes, each with its figures)',
      reader,
      query: `query($search: String) { municipalityDirectory(search: $search) { code name inbox { name locationNumber replyDeadlineWorkingDays }
        ${reader === 'analyst' ? 'childStatistics { registeredChildren childrenWithOpenCase }' : ''} } }`,
      items: (data) => data['municipalityDirectory'] as unknown[],
      sizes: [{ search: 'Holstebro' }, { search: null }, 1, 19],
    }),
  ),
  ...(
    [
      ['municipalityAccessLog', 'the municipality'],
      ['generalPracticeAccessLog', 'general practice'],
      ['buaAccessLog', 'BUA'],
      ['screeningAccessLog', 'screening'],
      ['childAccessLog', 'every sector, merged'],
    ] as const
  ).map(
    ([field]): Case => ({
      field: `Query.${field}`,
      reader: 'administrator',
      query: `query($first: Int!, $childId: ID!) { ${field}(childId: $childId, first: $first) { ${ACCESS_LOG} } }`,
      variables: { childId: LOGGED.id },
      items: entries(field),
    }),
  ),
];

describeWithDatabases('SQL statements per request, for every list field and every reader', (backend) => {
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem(backend, { seedDemoData: false, today: TODAY });
    // Every sector knows the children; general practice, BUA and screening hold consents to disclose to the
    // municipality, and the municipality one to disclose to general practice.
    await registerEverywhere(t.system, CHILDREN, { municipalityCode: CODE, practice: PRACTICE, consentTo: ['MUNICIPALITY'] });
    await t.system.databases.municipality.db.insert(municipalityConsents).values(
      CHILDREN.map((c) => ({
        id: uuid7(),
        childId: c.id,
        givenBy: requiredConsentingParty(c.birthDate, '2026-06-01'),
        givenOn: '2026-06-01',
        recipientSector: 'GENERAL_PRACTICE' as const,
        recipientOrganisation: null,
        purposes: ['CARE_COORDINATION' as const],
        validFrom: '2026-06-01',
        validUntil: null,
        recordedBy: 'test:fixture',
        recordedByOrganisation: String(CODE),
      })),
    );
    // Each child has a referral at BUA (from the practice) and an intervention BUA was told of, two contact-person
    // records and an intervention in the municipality, a network meeting it held, and the practice's contact-person
    // record: every list has rows.
    const at = '2026-11-01T09:00:00.000Z';
    await t.system.databases.bua.db.insert(buaReferrals).values(
      CHILDREN.map((c) => ({
        id: uuid7(),
        messageId: `count-referral-${c.id}`,
        childId: c.id,
        cpr: c.cpr,
        birthDate: c.birthDate,
        referrerSector: 'GENERAL_PRACTICE' as const,
        referrerOrganisation: PRACTICE.ydernummer,
        municipalityCode: CODE,
        ydernummer: PRACTICE.ydernummer,
        requesterName: 'Test Læge (syntetisk)',
        requesterRole: 'GP',
        reason: 'Tællehenvisning (syntetisk)',
        stepReached: 'NONE' as const,
        acute: false,
        interventionsTried: [],
        screeningResultIds: [],
        consents: [{ givenBy: requiredConsentingParty(c.birthDate, '2026-11-01'), givenOn: '2026-11-01' }],
        sentAt: at,
        receivedAt: at,
        status: 'RECEIVED' as const,
        history: [
          { status: 'SENT' as const, at },
          { status: 'RECEIVED' as const, at },
        ],
        communicated: {},
        bundle: {},
      })),
    );
    const contactPerson = (c: TestChild, organisation: string, sector: 'MUNICIPALITY' | 'GENERAL_PRACTICE', name: string) => ({
      id: uuid7(),
      childId: c.id,
      organisation,
      sector,
      type: 'APPOINTED' as const,
      at,
      name,
      role: 'Kontaktperson',
      recordedBy: 'test:fixture',
    });
    await t.system.databases.municipality.db.insert(municipalityContactPersons).values(
      CHILDREN.flatMap((c) => [contactPerson(c, String(CODE), 'MUNICIPALITY', 'Test A'), contactPerson(c, String(CODE), 'MUNICIPALITY', 'Test B')]),
    );
    await t.system.databases['general-practice'].db.insert(gpContactPersons).values(CHILDREN.map((c) => contactPerson(c, PRACTICE.ydernummer, 'GENERAL_PRACTICE', 'Test Læge')));
    await t.system.databases.municipality.db.insert(municipalInterventions).values(
      CHILDREN.map((c) => ({
        id: uuid7(),
        childId: c.id,
        municipalityCode: CODE,
        kind: 'PEDAGOGICAL' as const,
        step: 'TRIN_1' as const,
        description: 'Støtte i klassen (syntetisk)',
        startedOn: '2026-09-01',
        responsible: 'PPR',
        recordedBy: 'test:fixture',
        recordedAt: at,
      })),
    );
    await t.system.databases.bua.db.insert(buaInterventions).values(
      CHILDREN.map((c) => ({
        id: uuid7(),
        childId: c.id,
        municipalityCode: CODE,
        kind: 'PEDAGOGICAL' as const,
        step: 'TRIN_1' as const,
        description: 'Støtte i klassen (syntetisk)',
        startedOn: '2026-09-01',
        responsible: 'PPR',
        recordedAt: at,
      })),
    );
    await t.system.databases.municipality.db.insert(municipalityMeetings).values(
      CHILDREN.map((c) => ({
        id: uuid7(),
        childId: c.id,
        sector: 'MUNICIPALITY' as const,
        organisation: String(CODE),
        heldOn: '2026-11-01',
        participants: [
          { sector: 'MUNICIPALITY' as const, role: 'Sagsbehandler' },
          { sector: 'GENERAL_PRACTICE' as const, role: 'Læge' },
        ],
        summary: 'Netværksmøde (syntetisk)',
        actions: [{ description: 'Opfølgning', owner: { sector: 'GENERAL_PRACTICE' as const, organisation: PRACTICE.ydernummer }, dueOn: '2026-12-01', completedAt: null, completedBy: null }],
        recordedBy: 'test:fixture',
      })),
    );
    // 60 more practices in the municipality, so its practice list has pages of 50.
    await insertPracticesAndChildren(
      t.system.databases['general-practice'].db as unknown as GeneralPracticeDb,
      Array.from({ length: 60 }, (_, i) => ({
        ydernummer: String(266100 + i),
        name: `Testpraksis ${i} (syntetisk)`,
        locationNumber: glnFromPrefix(`5790009${String(70000 + i)}`),
        municipalityCode: CODE,
        synthetic: true,
      })),
      [],
    );
    // The practice's GP writes to the municipality about 55 of the children; the letters are delivered.
    const gp = await as(READERS.gp);
    const send = async (n: number, child: TestChild) => {
      const res = await t.query(
        'mutation($input: SendLetterInput!) { sendCorrespondenceLetter(input: $input) { id } }',
        {
          input: {
            messageId: `count-letter-${n}`,
            cpr: child.cpr,
            municipalityCode: CODE,
            category: 'OTHER',
            topic: 'Mistrivsel',
            subject: 'Barn i mistrivsel',
            text: `Brev ${n}: barnet mistrives i skolen.`,
            step: 'TRIN_1',
            consent: { givenBy: requiredConsentingParty(child.birthDate, '2026-11-20'), givenOn: '2026-11-20' },
            signature: { name: 'Test Læge', title: 'Praktiserende læge', phone: '+45 70 00 00 00' },
          },
        },
        gp,
      );
      expect(res.errors).toBeUndefined();
    };
    const writtenAbout = CHILDREN.slice(0, LETTERS);
    for (let i = 0; i < LETTERS; i += 11) await Promise.all(writtenAbout.slice(i, i + 11).map((child, j) => send(i + j, child)));
    const gpDb = t.system.databases['general-practice'].db;
    // DELIVERED once the municipality's MedCom Acknowledgement has come back (not when it is stored there).
    for (let i = 0; i < 1200; i++) {
      if ((await gpDb.$count(gpOutbox, eq(gpOutbox.status, 'DELIVERED'))) === LETTERS) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await gpDb.$count(gpOutbox, eq(gpOutbox.status, 'DELIVERED'))).toBe(LETTERS);
    // One child's access log holds 60 entries in every sector.
    const logs: [keyof TestSystem['system']['databases'], SectorTables['accessLog']][] = [
      ['municipality', municipalityLog],
      ['general-practice', gpLog],
      ['bua', buaLog],
      ['screening', screeningLog],
    ];
    for (const [name, table] of logs) {
      await t.system.databases[name].db.insert(table).values(
        Array.from({ length: 60 }, (_, i) => ({
          id: uuid7(),
          at: new Date(Date.UTC(2026, 10, 1, 8, i)).toISOString(),
          action: 'READ' as const,
          actorSubject: 'test:reader',
          actorName: 'Test Reader',
          actorSector: 'MUNICIPALITY' as const,
          actorOrganisation: String(CODE),
          actorRoles: ['CASEWORKER' as const],
          childId: LOGGED.id,
          operation: `Fixture${i}`,
          parts: ['birthDate'],
          purpose: 'CARE_COORDINATION' as const,
          requestId: `fixture-${name}-${i}`,
        })),
      );
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  async function statementsFor(c: Case, variables: Record<string, unknown>, expected: number) {
    const who = READERS[c.reader];
    for (const db of Object.values(t.system.databases)) db.statements.reset();
    const res = await t.query<Record<string, unknown>>(c.query, { ...c.variables, ...variables }, await as(who));
    expect(res.errors, JSON.stringify(res.errors?.slice(0, 2))).toBeUndefined();
    expect(c.items(res.data!)).toHaveLength(expected);
    return Object.fromEntries(Object.entries(t.system.databases).map(([name, db]) => [name, db.statements.total]));
  }

  for (const c of CASES) {
    it(`${c.field}, read by the ${READER_NAME[c.reader]}: a short page and a long one cost the same statements per subgraph`, async () => {
      const [short, long, shortSize, longSize] = c.sizes ?? [{ first: 2 }, { first: 50 }, 2, 50];
      const few = await statementsFor(c, short, shortSize);
      const many = await statementsFor(c, long, longSize);
      expect(many).toEqual(few);
      // Something was read: equal counts of nothing would prove nothing.
      expect(Object.values(few).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    });
  }

  it('reads a health visitor’s inbox page in a fixed number of statements: the letters, the consents of the whole page at once, the municipality, the histories, the replies and the access log', async () => {
    const c = CASES.find((x) => x.reader === 'healthVisitor')!;
    const counts = await statementsFor(c, { first: 50 }, 50);
    expect(counts).toEqual({ municipality: 6, 'general-practice': 0, bua: 0, screening: 0 });
  });
});
