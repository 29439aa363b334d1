import { childPseudonym, generateSigningKey, mintToken, type Principal } from '@pathway-graph/shared';
import { findDemoUser } from '@pathway-graph/shared/auth/demo-users';
import { DEMO_CHILDREN, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { accessLog as screeningLog } from '@pathway-graph/screening/db/schema';
import { accessLog as gpLog } from '@pathway-graph/general-practice/db/schema';
import { accessLog as municipalityLog, consents as municipalityConsents } from '@pathway-graph/municipality/db/schema';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { as, TEST_AUDIENCE, TEST_ISSUER, testSigningKey, tokenFor } from '../support/auth.ts';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { postGraphQL } from '../support/graphql.ts';
import { scenario } from '../support/scenario/index.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

type Errors = { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] | undefined;
const codeAt = (errors: Errors, field: string) => errors?.find((e) => e.path?.includes(field))?.extensions?.['code'];
const messageAt = (errors: Errors, field: string) => errors?.find((e) => e.path?.includes(field))?.message ?? '';

const idOf = (cpr: string) => childPseudonym(cpr, TEST_PSEUDONYM_SECRET);
/** A demo child of Aarhus listed with practice 107510, and whether its family consented to sharing. */
const aarhusChild = (withConsents: boolean) =>
  DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && demoChildConsents(c) === withConsents)!;

describeWithDatabases('who may see what, through the gateway', (backend) => {
  let t: TestSystem;
  let today = '2026-11-23';

  beforeAll(async () => {
    t = await startTestSystem(backend, { today: () => today });
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(() => {
    today = '2026-11-23';
  });

  const { asCaseworker } = scenario(() => t);

  async function queryAs<T = Record<string, unknown>>(user: string | Principal, query: string, variables?: Record<string, unknown>, purpose?: string) {
    return t.query<T>(query, variables, await as(user, purpose));
  }

  it('refuses every operation without a valid token, with 401 UNAUTHENTICATED, and keeps health and readiness open', async () => {
    const query = JSON.stringify({ query: '{ municipalities { code } }' });
    const post = (headers: Record<string, string>) =>
      fetch(t.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: query });

    const missing = await post({});
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { errors: Errors }).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    const expired = await tokenFor('caseworker-751', { expiresIn: '1m', now: new Date(Date.now() - 3_600_000) });
    const expiredRes = await post({ authorization: `Bearer ${expired}` });
    expect(expiredRes.status).toBe(401);
    expect(((await expiredRes.json()) as { errors: Errors }).errors?.[0]?.message).toMatch(/expired/);

    const forger = await generateSigningKey();
    const forged = await mintToken(findDemoUser('admin-region')!, { privateJwk: forger.privateJwk, issuer: TEST_ISSUER, audience: TEST_AUDIENCE });
    const forgedRes = await post({ authorization: `Bearer ${forged}` });
    expect(forgedRes.status).toBe(401);
    expect(((await forgedRes.json()) as { errors: Errors }).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');

    const otherAudience = await mintToken(findDemoUser('caseworker-751')!, {
      privateJwk: (await testSigningKey()).privateJwk,
      issuer: TEST_ISSUER,
      audience: 'some-other-api',
    });
    expect((await post({ authorization: `Bearer ${otherAudience}` })).status).toBe(401);

    const base = t.gatewayUrl.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('refuses a subgraph called directly without a token, `_entities` included', async () => {
    const child = aarhusChild(true);
    for (const service of Object.values(t.system.subgraphs)) {
      const res = await fetch(service.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id } } }',
          variables: { r: [{ __typename: 'Child', id: idOf(child.cpr) }] },
        }),
      });
      expect(res.status, service.name).toBe(401);
      expect(((await res.json()) as { errors: Errors }).errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    }
  });

  it('guards `_entities` probed directly with a valid token exactly like the gateway does', async () => {
    const child = aarhusChild(true);
    const res = await postGraphQL<{ _entities: { birthDate: string | null }[] }>(
      t.system.subgraphs.municipality.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { birthDate } } }',
      { r: [{ __typename: 'Child', id: idOf(child.cpr) }] },
      await as('caseworker-657'),
    );
    expect(res.data?._entities[0]?.birthDate).toBeNull();
    expect(res.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('never shows one municipality another municipality’s children, but still returns the rest of the answer', async () => {
    const child = aarhusChild(true);
    const own = await queryAs<{ child: { birthDate: string } }>('caseworker-751', 'query($id: ID!) { child(id: $id) { birthDate } }', { id: idOf(child.cpr) });
    expect(own.errors).toBeUndefined();
    expect(own.data!.child.birthDate).toBe(child.birthDate);

    const other = await queryAs<{ child: { id: string; birthDate: string | null; listedPractice: { name: string } | null } }>(
      'caseworker-657',
      'query($id: ID!) { child(id: $id) { id birthDate listedPractice { name } } }',
      { id: idOf(child.cpr) },
    );
    expect(other.data!.child.id).toBe(idOf(child.cpr));
    expect(other.data!.child.birthDate).toBeNull();
    expect(codeAt(other.errors, 'birthDate')).toBe('FORBIDDEN');
    expect(messageAt(other.errors, 'birthDate')).toMatch(/belongs to the municipality/);
    // Not which municipality: that would tell another municipality where the child lives.
    expect(messageAt(other.errors, 'birthDate')).not.toMatch(/751/);
    // The family consented to sharing with municipalities for care coordination, so general practice discloses.
    expect(other.data!.child.listedPractice?.name).toBeTruthy();

    const list = await queryAs('caseworker-657', '{ municipality(code: 751) { name children(first: 5) { edges { node { id } } } } }');
    expect((list.data as { municipality: { name: string } }).municipality.name).toBe('Aarhus');
    expect(codeAt(list.errors, 'children')).toBe('FORBIDDEN');
  });

  it('never shows one practice another practice’s patients', async () => {
    const child = aarhusChild(true);
    const own = await queryAs<{ child: { listedPractice: { ydernummer: string } } }>('gp-107510-b', 'query($id: ID!) { child(id: $id) { listedPractice { ydernummer } } }', {
      id: idOf(child.cpr),
    });
    expect(own.data!.child.listedPractice.ydernummer).toBe('107510');
    const other = await queryAs('gp-106570', 'query($id: ID!) { child(id: $id) { listedPractice { ydernummer } } }', { id: idOf(child.cpr) });
    expect(codeAt(other.errors, 'listedPractice')).toBe('FORBIDDEN');
  });

  it('lets another sector read only with an active consent: none, given, withdrawn, expired', async () => {
    const child = aarhusChild(false);
    const id = idOf(child.cpr);
    const gpReads = () => queryAs<{ child: { knownToMunicipality: boolean | null } }>('gp-107510', 'query($id: ID!) { child(id: $id) { knownToMunicipality } }', { id });

    const before = await gpReads();
    expect(before.data!.child.knownToMunicipality).toBeNull();
    expect(codeAt(before.errors, 'knownToMunicipality')).toBe('CONSENT_REQUIRED');
    expect(messageAt(before.errors, 'knownToMunicipality')).toMatch(/consent/i);
    // Every refusal below is worded exactly like this one, whatever consents the municipality holds: another sector
    // learns what is needed, never what the owner has on record.
    const refusal = messageAt(before.errors, 'knownToMunicipality');

    const givenBy = child.birthDate <= '2011-06-01' ? 'YOUNG_PERSON' : 'CUSTODY_HOLDER';
    // The family tells the municipality that its GP may know whether the child is known there.
    const consent = await asCaseworker(751).recordsConsent({ childId: id, givenBy, givenOn: '2026-06-01', to: 'GENERAL_PRACTICE' });
    expect(consent).toMatchObject({ active: true, recipientSector: 'GENERAL_PRACTICE', recipientOrganisation: null, withdrawnAt: null });
    const held = await queryAs<{ child: { municipalityConsents: { id: string; recipientSector: string; active: boolean }[] } }>(
      'caseworker-751',
      'query($id: ID!) { child(id: $id) { municipalityConsents { id recipientSector active } } }',
      { id },
    );
    expect(held.data!.child.municipalityConsents).toContainEqual({
      id: consent.id,
      recipientSector: 'GENERAL_PRACTICE',
      active: true,
    });

    const granted = await gpReads();
    expect(granted.errors).toBeUndefined();
    expect(granted.data!.child.knownToMunicipality).toBe(child.hasOpenMunicipalCase);

    // Another purpose is not covered.
    const otherPurpose = await queryAs('gp-107510', 'query($id: ID!) { child(id: $id) { knownToMunicipality } }', { id }, 'ASSESSMENT_AND_TREATMENT');
    expect(codeAt(otherPurpose.errors, 'knownToMunicipality')).toBe('CONSENT_REQUIRED');

    // An id that is no consent id (here: a CPR number typed in the wrong field) is refused before it reaches SQL.
    const wrongId = await queryAs('caseworker-751', 'mutation($id: ID!) { withdrawMunicipalityConsent(id: $id) { id } }', { id: child.cpr });
    expect(wrongId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(wrongId.errors?.[0]?.message).not.toContain(child.cpr);

    const withdrawn = await asCaseworker(751).withdrawConsent(consent.id);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!['withdrawMunicipalityConsent']).toMatchObject({ id: consent.id, active: false, withdrawnAt: expect.any(String) });
    const after = await gpReads();
    expect(codeAt(after.errors, 'knownToMunicipality')).toBe('CONSENT_REQUIRED');
    expect(messageAt(after.errors, 'knownToMunicipality')).toBe(refusal);

    const expiring = await asCaseworker(751).recordConsent({ childId: id, givenBy, givenOn: '2026-06-01', to: 'GENERAL_PRACTICE', validUntil: '2026-12-31' });
    expect(expiring.errors).toBeUndefined();
    expect((await gpReads()).errors).toBeUndefined();
    today = '2027-01-01';
    const expired = await gpReads();
    expect(codeAt(expired.errors, 'knownToMunicipality')).toBe('CONSENT_REQUIRED');
    expect(messageAt(expired.errors, 'knownToMunicipality')).toBe(refusal);
  });

  it('stops honouring a custody holder’s consent on the 18th birthday, and refuses a consent by the wrong party', async () => {
    // The oldest Aarhus child without demo consents: a custody holder consented when it was under 15.
    const child = DEMO_CHILDREN.filter((c) => c.municipalityCode === 751 && !demoChildConsents(c)).sort((a, b) => (a.birthDate < b.birthDate ? -1 : 1))[0]!;
    const id = idOf(child.cpr);
    const givenOn = `${Number(child.birthDate.slice(0, 4)) + 10}-06-01`;
    const eighteenth = `${Number(child.birthDate.slice(0, 4)) + 18}${child.birthDate.slice(4)}`;
    const consentInput = { childId: id, givenOn, recipientSector: 'GENERAL_PRACTICE', purposes: ['CARE_COORDINATION'], validFrom: givenOn };

    const countConsents = async () =>
      (await t.system.databases.municipality.db.select().from(municipalityConsents).where(eq(municipalityConsents.childId, id))).length;
    const changes = async () =>
      (await t.system.databases.municipality.db.select().from(municipalityLog).where(eq(municipalityLog.childId, id))).filter((e) => e.action === 'CHANGE')
        .length;
    const stored = await countConsents();
    const changedBefore = await changes();
    const wrongParty = await queryAs('caseworker-751', `mutation($input: RecordConsentInput!) { recordMunicipalityConsent(input: $input) { id } }`, {
      input: { ...consentInput, givenBy: 'YOUNG_PERSON' },
    });
    expect(wrongParty.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(wrongParty.errors?.[0]?.message).toMatch(/custody holder/);
    expect(await countConsents()).toBe(stored);
    expect(await changes()).toBe(changedBefore);

    const custody = await queryAs('caseworker-751', `mutation($input: RecordConsentInput!) { recordMunicipalityConsent(input: $input) { id } }`, {
      input: { ...consentInput, givenBy: 'CUSTODY_HOLDER' },
    });
    expect(custody.errors).toBeUndefined();
    // The recorded consent and its access-log entry were written together.
    expect(await countConsents()).toBe(stored + 1);
    expect(await changes()).toBe(changedBefore + 1);
    const read = () => queryAs('gp-107510', 'query($id: ID!) { child(id: $id) { knownToMunicipality } }', { id });

    const dayBefore = new Date(`${eighteenth}T12:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    today = dayBefore.toISOString().slice(0, 10);
    expect((await read()).errors).toBeUndefined();
    today = eighteenth;
    const after = await read();
    expect(codeAt(after.errors, 'knownToMunicipality')).toBe('CONSENT_REQUIRED');
    // Worded as for a child the municipality does not know at all.
    const unknown = await queryAs('gp-107510', 'query($id: ID!) { child(id: $id) { knownToMunicipality } }', { id: 'ch_00000000000000000000000000000000' });
    expect(messageAt(after.errors, 'knownToMunicipality')).toBe(messageAt(unknown.errors, 'knownToMunicipality'));
  });

  it('gives analysts aggregates only', async () => {
    const child = aarhusChild(true);
    const lookup = await queryAs('analyst-region', 'query($cpr: String!) { childByCpr(cpr: $cpr) { id } }', { cpr: child.cpr });
    expect(lookup.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const fields = await queryAs('analyst-751', 'query($id: ID!) { child(id: $id) { birthDate knownToBua screeningTracks { track } synthetic } }', {
      id: idOf(child.cpr),
    });
    for (const field of ['birthDate', 'knownToBua', 'screeningTracks', 'synthetic']) expect(codeAt(fields.errors, field)).toBe('FORBIDDEN');
    const list = await queryAs('analyst-751', '{ municipality(code: 751) { children(first: 3) { edges { node { id } } } } }');
    expect(codeAt(list.errors, 'children')).toBe('FORBIDDEN');

    const stats = await queryAs<{ municipalities: { code: number; childStatistics: { registeredChildren: number | null } }[] }>(
      'analyst-region',
      '{ municipalities { code childStatistics { registeredChildren childrenWithOpenCase } } }',
    );
    expect(stats.errors).toBeUndefined();
    const byCode = new Map(stats.data!.municipalities.map((m) => [m.code, m.childStatistics.registeredChildren]));
    expect(byCode.get(751)).toBe(DEMO_CHILDREN.filter((c) => c.municipalityCode === 751).length);
    expect(byCode.get(661)).toBe(0);
  });

  it('logs exactly one entry per child per subgraph for a request reading three children across three subgraphs, without CPR numbers', async () => {
    const children = DEMO_CHILDREN.filter((c) => c.municipalityCode === 751 && demoChildConsents(c) && c.screeningTracks.length > 0).slice(0, 3);
    expect(children).toHaveLength(3);
    const callerRequestId = `access-log-count-${backend.name}`;
    const response = await fetch(t.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await as('caseworker-751')), 'x-request-id': callerRequestId },
      body: JSON.stringify({
        query: `query ThreeChildren($a: ID!, $b: ID!, $c: ID!) {
          a: child(id: $a) { birthDate knownToMunicipality listedPractice { name } screeningTracks { track } }
          b: child(id: $b) { birthDate listedPractice { name } screeningTracks { track since } }
          c: child(id: $c) { knownToMunicipality listedPractice { ydernummer } screeningTracks { since } } }`,
        variables: { a: idOf(children[0]!.cpr), b: idOf(children[1]!.cpr), c: idOf(children[2]!.cpr) },
      }),
    });
    const res = (await response.json()) as { errors?: unknown };
    expect(res.errors).toBeUndefined();
    // The access log holds the gateway's own id of the request, never the one the caller chose.
    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).not.toBe(callerRequestId);
    const read = async (name: 'municipality' | 'general-practice' | 'screening') => {
      const table = { municipality: municipalityLog, 'general-practice': gpLog, screening: screeningLog }[name];
      return t.system.databases[name].db.select().from(table).where(eq(table.requestId, requestId));
    };
    const municipal = await read('municipality');
    const gp = await read('general-practice');
    const screening = await read('screening');
    const ids = children.map((c) => idOf(c.cpr)).sort();
    for (const entries of [municipal, gp, screening]) {
      expect(entries.map((e) => e.childId).sort()).toEqual(ids);
      for (const e of entries) {
        expect(e).toMatchObject({ action: 'READ', actorSubject: 'demo:caseworker-751', actorSector: 'MUNICIPALITY', actorOrganisation: '751', purpose: 'CARE_COORDINATION' });
        expect(e.operation).toContain('ThreeChildren');
      }
    }
    expect(municipal.find((e) => e.childId === idOf(children[0]!.cpr))!.parts).toEqual(['birthDate', 'knownToMunicipality']);
    expect(screening.find((e) => e.childId === idOf(children[1]!.cpr))!.parts).toEqual(['screeningTracks']);
    expect(gp.find((e) => e.childId === idOf(children[2]!.cpr))!.parts).toEqual(['listedPractice']);
    const everything = JSON.stringify([...municipal, ...gp, ...screening]);
    for (const c of children) {
      expect(everything).not.toContain(c.cpr);
      expect(everything).not.toContain(`${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`);
    }
  });

  it('lets administrators, and only them, page through a child’s access log merged from every sector', async () => {
    const child = aarhusChild(true);
    const id = idOf(child.cpr);
    await queryAs('caseworker-751', 'query($id: ID!) { child(id: $id) { birthDate listedPractice { name } knownToBua screeningTracks { track } } }', { id });
    await queryAs('gp-107510', 'query($id: ID!) { child(id: $id) { listedPractice { name } } }', { id });

    const page = (before?: string) =>
      queryAs<{ childAccessLog: { entries: { id: string; source: string; actorSubject: string; actorSector: string }[]; nextBefore: string | null } }>(
        'admin-region',
        'query($id: ID!, $before: ID) { childAccessLog(childId: $id, first: 2, before: $before) { entries { id at source actorSubject actorSector parts } nextBefore } }',
        { id, before },
      );
    const all: { id: string; source: string; actorSubject: string }[] = [];
    let before: string | undefined;
    for (let i = 0; i < 10; i++) {
      const res = await page(before);
      expect(res.errors).toBeUndefined();
      all.push(...res.data!.childAccessLog.entries);
      if (!res.data!.childAccessLog.nextBefore) break;
      before = res.data!.childAccessLog.nextBefore;
    }
    const sources = new Set(all.map((e) => e.source));
    expect([...sources].sort()).toEqual(['bua', 'general-practice', 'municipality', 'screening']);
    expect(all.filter((e) => e.actorSubject === 'demo:gp-107510')).toHaveLength(1);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort().reverse());
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);

    const refused = await queryAs('caseworker-751', 'query($id: ID!) { childAccessLog(childId: $id) { entries { id } } }', { id });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    // An organisation's own administrator is not the region's: the log spans every sector.
    const practiceAdministrator: Principal = {
      subject: 'test:admin-107510',
      displayName: 'Test Practice Administrator',
      sector: 'GENERAL_PRACTICE',
      organisation: '107510',
      roles: ['ADMINISTRATOR'],
    };
    const local = await queryAs(practiceAdministrator, 'query($id: ID!) { childAccessLog(childId: $id) { entries { id } } }', { id });
    expect(local.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(local.data).toBeNull();
  });
});
