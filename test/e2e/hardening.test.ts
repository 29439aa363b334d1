import { DEFAULT_HTTP_SETTINGS, SUBGRAPH_NAMES, childPseudonym, type SubgraphName } from '@pathway-graph/shared';
import { DEMO_CHILDREN, demoChildConsents } from '@pathway-graph/shared/demo/demo-data';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../support/auth.ts';
import { describeWithDatabases, TEST_PSEUDONYM_SECRET } from '../support/databases.ts';
import { changedCounts, rowCounts } from '../support/rows.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

const TODAY = '2026-11-23';
/** Short, so the keep-alive test can idle past it; the gateway's idle limit is shorter still, as configured. */
const KEEP_ALIVE_MS = 1500;
const ALLOWED_ORIGIN = 'https://app.example.dk';

const demo = DEMO_CHILDREN.find((c) => c.municipalityCode === 751 && c.practiceYdernummer === '107510' && demoChildConsents(c))!;

type Answer = { status: number; headers: Headers; body: { data?: Record<string, unknown> | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] } };

/** Changed tables but the access logs, which record who looked at a child even when the change is refused. */
function withoutAccessLog(changed: Record<string, [number, number]>): Record<string, [number, number]> {
  return Object.fromEntries(Object.entries(changed).filter(([table]) => !table.endsWith('.access_log')));
}

/** The README's first query, exactly as written there. */
function readmeFirstQuery(): { query: string; variables: Record<string, unknown> } {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const body = readme.match(/-d '(\{\n {2}"query": "query\(\$cpr[\s\S]*?\})'/)?.[1];
  return JSON.parse(body!) as { query: string; variables: Record<string, unknown> };
}

/** `n` levels of a municipality's children, each asked for its municipality's children again (the query). */
function nested(levels: number, first: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `residenceMunicipality { children(first: ${first}) { edges { node { ${inner} } } } }`;
  return `{ municipality(code: 751) { children(first: ${first}) { edges { node { ${inner} } } } } }`;
}

describeWithDatabases('hardening through the gateway', (backend) => {
  let t: TestSystem;

  beforeAll(async () => {
    t = await startTestSystem(backend, {
      today: TODAY,
      http: { ...DEFAULT_HTTP_SETTINGS, keepAliveTimeoutMs: KEEP_ALIVE_MS },
      gateway: { subgraphCalls: { timeoutMs: 20_000, idleTimeoutMs: Math.floor(KEEP_ALIVE_MS / 2) }, corsOrigins: [ALLOWED_ORIGIN] },
    });
    // Five subgraphs seeding their demo data on a shared, busy machine can take minutes.
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  async function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await res.text();
    if (!text) throw new Error(`HTTP ${res.status} with an empty body`);
    return { status: res.status, headers: res.headers, body: JSON.parse(text) as Answer['body'] };
  }
  const asCaseworker = async (query: string, variables?: Record<string, unknown>, url = t.gatewayUrl, extra: Record<string, string> = {}) =>
    post(url, JSON.stringify({ query, variables }), { ...(await as('caseworker-751')), ...extra });
  const statements = () => Object.values(t.system.databases).reduce((sum, db) => sum + db.statements.total, 0);
  const resetStatements = () => Object.values(t.system.databases).forEach((db) => db.statements.reset());

  describe('operation limits', () => {
    const attacks: [string, () => string, string, RegExp][] = [
      ['a query 202 levels deep', () => `{ municipality(code: 751) { ${'children(first: 1) { edges { node { residenceMunicipality { '.repeat(50)}code${' } } } }'.repeat(50)} } }`, 'depth', /nests \d+ levels deep; at most 15 are allowed \(GRAPHQL_MAX_DEPTH\)/],
      ['a page of 500 children each with its municipality’s 500 children', () => nested(1, 500), 'cost', /would cost \d+ points; at most 1000000 are allowed \(GRAPHQL_MAX_COST\)/],
      ['200 aliased childByCpr look-ups', () => `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: childByCpr(cpr: "${demo.cpr}") { id }`).join(' ')} }`, 'aliases', /uses 200 aliases; at most 30 are allowed \(GRAPHQL_MAX_ALIASES\)/],
      ['1,000 aliased childByCpr look-ups (a document of 11,000 tokens)', () => `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: childByCpr(cpr: "${demo.cpr}") { id }`).join(' ')} }`, 'tokens', /more than 5000 tokens; at most 5000 are allowed \(GRAPHQL_MAX_TOKENS\)/],
      ['60 directives', () => `{ municipalities { ${Array.from({ length: 60 }, () => 'code @include(if: true)').join(' ')} } }`, 'directives', /uses 60 directives; at most 50 are allowed \(GRAPHQL_MAX_DIRECTIVES\)/],
    ];

    it.each(attacks)('refuses %s up front, naming the limit, before any subgraph does any work', async (_what, query, limit, message) => {
      resetStatements();
      const res = await asCaseworker(query());
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit });
      expect(res.body.errors![0]!.message).toMatch(message);
      expect(statements()).toBe(0);
    });

    it('refuses the same at every subgraph asked directly', async () => {
      for (const name of SUBGRAPH_NAMES) {
        resetStatements();
        const res = await asCaseworker(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: _service { sdl }`).join(' ')} }`, undefined, t.system.subgraphs[name].url);
        expect(res.status, name).toBe(400);
        expect(res.body.errors![0]!.extensions, name).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'aliases', setting: 'GRAPHQL_MAX_ALIASES' });
        expect(statements()).toBe(0);
      }
    });

    it('still answers a page of 500 with its nested objects and the README’s queries', async () => {
      // The municipality's own fields, so no consent refusal stands in the way.
      const page = await asCaseworker('{ municipality(code: 751) { children(first: 500) { edges { node { id birthDate knownToMunicipality residenceMunicipality { code name } } } } } }');
      expect(page.body.errors?.map((e) => e.extensions?.['code'])).toBeUndefined();
      const readme = readmeFirstQuery();
      const first = await asCaseworker(readme.query, readme.variables);
      expect(first.body.errors?.map((e) => e.extensions?.['code'])).toBeUndefined();
    });
  });

  describe('inputs', () => {
    const consent = (recipientOrganisation: string) => ({
      childId: childPseudonym(demo.cpr, TEST_PSEUDONYM_SECRET),
      givenBy: 'CUSTODY_HOLDER',
      givenOn: '2026-11-01',
      recipientSector: 'GENERAL_PRACTICE',
      recipientOrganisation,
      purposes: ['CARE_COORDINATION'],
      validFrom: '2026-11-01',
    });
    const RECORD = 'mutation($input: RecordConsentInput!) { recordMunicipalityConsent(input: $input) { id } }';

    it.each([
      ['a NUL', 'a\u0000b', 'input.recipientOrganisation', /control character \(U\+0000\)/],
      ['a lone surrogate', '10751\ud800', 'input.recipientOrganisation', /lone UTF-16 surrogate/],
      ['SQL text', "1'; DROP TABLE consents; --", 'recipientOrganisation', /must be an organisation of/],
      ['markup', '<script>alert(1)</script>', 'recipientOrganisation', /must be an organisation of/],
      ['a 200,001-character string', '1'.repeat(200_001), 'input.recipientOrganisation', /at most 40 are accepted/],
      ['a CPR number', demo.cpr.replace('-', ''), 'recipientOrganisation', /must be an organisation of/],
      ['no purpose', { purposes: [] }, 'purposes', /at least one purpose/],
      ['an end before its start', { validUntil: '2026-10-01' }, 'validUntil', /before validFrom/],
    ])('refuses %s in a consent with BAD_USER_INPUT naming the field, and writes nothing, not even an access-log row', async (_what, value, field, message) => {
      const before = await rowCounts(t.system);
      const res = await asCaseworker(RECORD, { input: typeof value === 'string' ? consent(value) : { ...consent('107510'), ...value } });
      expect(res.status).toBeLessThan(500);
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.body.errors![0]!.message).toMatch(message);
      // The form is checked before the child's record is looked at: no table moves, the access log included.
      expect(changedCounts(before, await rowCounts(t.system))).toEqual({});
    });

    it('logs the look at the child’s record when a consent is refused for the child’s age, which the refusal reveals', async () => {
      const before = await rowCounts(t.system);
      const res = await asCaseworker(RECORD, { input: { ...consent('107510'), givenOn: '1990-01-01', validFrom: '1990-01-01' } });
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'givenOn' });
      expect(changedCounts(before, await rowCounts(t.system))).toEqual({ 'municipality.access_log': [before['municipality.access_log'], before['municipality.access_log']! + 1] });
    });

    it('refuses a NUL or a lone surrogate in a letter’s text fields, naming each, and sends nothing', async () => {
      const letter = {
        messageId: 'hardening-letter-1',
        cpr: demo.cpr,
        municipalityCode: 751,
        category: 'OTHER',
        topic: 'Mistrivsel',
        subject: 'Henvendelse',
        text: 'Tekst',
        step: 'TRIN_1',
        consent: { givenBy: 'CUSTODY_HOLDER', givenOn: '2026-11-20' },
        signature: { name: 'Demo Læge (syntetisk)', title: 'Praktiserende læge', phone: '+45 70 00 00 00' },
      };
      const send = 'mutation($input: SendLetterInput!) { sendCorrespondenceLetter(input: $input) { id } }';
      const before = await rowCounts(t.system);
      for (const [path, patch] of [
        ['input.topic', { topic: 'a\u0000' }],
        ['input.subject', { subject: '\u0000' }],
        ['input.text', { text: 'x\ud83d' }],
        ['input.signature.name', { signature: { ...letter.signature, name: 'Læge\u0000' } }],
        ['input.messageId', { messageId: 'id\u0007' }],
        ['messageId', { messageId: demo.cpr.replace('-', '') }],
      ] as const) {
        const res = await post(t.gatewayUrl, JSON.stringify({ query: send, variables: { input: { ...letter, ...patch } } }), await as('gp-107510'));
        expect(res.body.errors?.[0]?.extensions, path).toMatchObject({ code: 'BAD_USER_INPUT', field: path });
      }
      expect(withoutAccessLog(changedCounts(before, await rowCounts(t.system)))).toEqual({});
    });
  });

  describe('HTTP', () => {
    const everyService = () => [t.gatewayUrl, ...SUBGRAPH_NAMES.map((n) => t.system.subgraphs[n].url)];

    it('answers a malformed body with a GraphQL-shaped JSON error and the right status, never HTML or a stack trace, at every service', async () => {
      for (const url of everyService()) {
        const cases: [string, RequestInit, number, string][] = [
          ['unclosed JSON', { body: '{"query": "{ __typename }"' }, 400, 'BAD_REQUEST'],
          ['a body over the size limit', { body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }) }, 413, 'PAYLOAD_TOO_LARGE'],
          ['a form instead of JSON', { body: 'query={__typename}', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
        ];
        for (const [what, init, status, code] of cases) {
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, ...init });
          const text = await res.text();
          expect(res.status, `${what} at ${url}`).toBe(status);
          expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
          expect((JSON.parse(text) as Answer['body']).errors![0]!.extensions!['code'], what).toBe(code);
          expect(text, what).not.toMatch(/<html|<pre|\bat \w+ \(|\/work\/|node_modules/i);
        }
        const missing = await fetch(url.replace('/graphql', '/nothing-here'));
        expect(missing.status).toBe(404);
        expect(((await missing.json()) as Answer['body']).errors![0]!.extensions!['code']).toBe('NOT_FOUND');
      }
    }, 300_000);

    it('sends security headers on every response and no x-powered-by', async () => {
      for (const url of everyService()) {
        for (const res of [await fetch(url.replace('/graphql', '/health')), await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })]) {
          expect(res.headers.get('x-powered-by')).toBeNull();
          expect(res.headers.get('x-content-type-options')).toBe('nosniff');
          expect(res.headers.get('strict-transport-security')).toMatch(/max-age=/);
          expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
          expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        }
      }
    });

    it('answers the preflight of an allowed origin, and gives any other origin no CORS headers', async () => {
      const preflight = (origin: string) =>
        fetch(t.gatewayUrl, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
        });
      const allowed = await preflight(ALLOWED_ORIGIN);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      const call = await asCaseworker('{ municipalities { code } }', undefined, t.gatewayUrl, { origin: ALLOWED_ORIGIN });
      expect(call.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
      expect(call.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);

      const other = await preflight('https://evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      const otherCall = await asCaseworker('{ municipalities { code } }', undefined, t.gatewayUrl, { origin: 'https://evil.example' });
      expect(otherCall.headers.get('access-control-allow-origin')).toBeNull();
      // No subgraph is meant for browsers at all.
      const atSubgraph = await fetch(t.system.subgraphs.municipality.url, { method: 'OPTIONS', headers: { origin: ALLOWED_ORIGIN, 'access-control-request-method': 'POST' } });
      expect(atSubgraph.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuses a client-chosen request id that could carry personal data into the logs, and bounds its length and characters', async () => {
      for (const [id, message] of [
        [demo.cpr, /must not look like a CPR number/],
        [`req-${demo.cpr.replace('-', '')}`, /must not look like a CPR number/],
        ['x'.repeat(65), /must be 1-64 letters/],
        ['has spaces and ü', /must be 1-64 letters/],
      ] as const) {
        const res = await asCaseworker('{ municipalities { code } }', undefined, t.gatewayUrl, { 'x-request-id': id });
        expect(res.status, id).toBe(400);
        expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', header: 'x-request-id' });
        expect(res.body.errors![0]!.message).toMatch(message);
        expect(JSON.stringify(res.body)).not.toContain(id);
      }
      const fine = await asCaseworker('{ municipalities { code } }', undefined, t.gatewayUrl, { 'x-request-id': 'front-end-0197a1c2' });
      expect(fine.status).toBe(200);
      expect(fine.headers.get('x-caller-request-id')).toBe('front-end-0197a1c2');
      expect(fine.headers.get('x-request-id')).not.toBe('front-end-0197a1c2');
    });

    it('survives idle periods longer than the keep-alive timeout: a burst after idling has no error', async () => {
      // Fields of the municipality and the pathway's computed ones, which ask every sector for its facts: every
      // subgraph is called, and none refuses the caseworker.
      const query = '{ municipality(code: 751) { children(first: 3) { edges { node { id birthDate knownToMunicipality age involvedSectors withheld { sector } } } } } }';
      const headers = await as('caseworker-751');
      for (let round = 0; round < 2; round++) {
        await new Promise((resolve) => setTimeout(resolve, KEEP_ALIVE_MS + 500));
        const burst = await Promise.all(Array.from({ length: 20 }, () => post(t.gatewayUrl, JSON.stringify({ query }), headers)));
        for (const res of burst) {
          expect(res.body.errors?.map((e) => e.extensions?.['code'])).toBeUndefined();
          expect(res.status).toBe(200);
        }
      }
    }, 300_000);
  });

  describe('the analysts’ aggregates', () => {
    const STATS = 'query($code: Int!) { municipality(code: $code) { childStatistics { registeredChildren } } }';
    it('are for analysts only: the region’s for every municipality, a municipality’s for its own', async () => {
      const ask = async (user: string, code: number) => post(t.gatewayUrl, JSON.stringify({ query: STATS, variables: { code } }), await as(user));
      expect((await ask('analyst-region', 661)).body.errors).toBeUndefined();
      expect((await ask('analyst-751', 751)).body.errors).toBeUndefined();
      for (const [user, code] of [['analyst-751', 661], ['caseworker-751', 751], ['gp-107510', 751], ['admin-region', 751]] as const) {
        const res = await ask(user, code);
        expect(res.body.errors?.[0]?.extensions, user).toMatchObject({ code: 'FORBIDDEN', field: 'childStatistics' });
        expect(JSON.stringify(res.body.data)).not.toMatch(/registeredChildren/);
      }
    });
  });

  // Last: it stops and starts the services.
  describe('a subgraph that is down', () => {
    it('leaves the merged access log with the other sectors’ entries, naming the sector that is missing', async () => {
      const { query, variables } = readmeFirstQuery();
      // The README's query reads the child in every sector, so each sector holds an entry of it.
      expect((await asCaseworker(query, variables, t.gatewayUrl, { 'x-request-id': 'merged-log-caller-1' })).body.errors).toBeUndefined();
      const LOG = `query($childId: ID!) { childAccessLog(childId: $childId, first: 200) {
        entries { id source requestId callerRequestId } nextBefore unavailableSources } }`;
      const childId = childPseudonym(demo.cpr, TEST_PSEUDONYM_SECRET);
      type Log = { entries: { id: string; source: string; requestId: string; callerRequestId: string | null }[]; unavailableSources: string[] };
      const read = async () => {
        const res = await post(t.gatewayUrl, JSON.stringify({ query: LOG, variables: { childId } }), await as('admin-region'));
        return { errors: res.body.errors, log: (res.body.data?.['childAccessLog'] ?? null) as Log | null };
      };
      const whole = await read();
      expect(whole.errors).toBeUndefined();
      expect(whole.log!.unavailableSources).toEqual([]);
      const sources = new Set(whole.log!.entries.map((e) => e.source));
      expect(sources.has('bua')).toBe(true);
      // The caller's own request id is kept beside the gateway's in every sector's entry of that request.
      const ofCaller = whole.log!.entries.filter((e) => e.callerRequestId === 'merged-log-caller-1');
      expect(new Set(ofCaller.map((e) => e.source))).toEqual(sources);
      expect(new Set(ofCaller.map((e) => e.requestId)).size).toBe(1);
      expect(ofCaller[0]!.requestId).not.toBe('merged-log-caller-1');

      await t.system.stopSubgraph('bua');
      try {
        const partial = await read();
        expect(partial.errors).toBeUndefined();
        expect(partial.log!.unavailableSources).toEqual(['bua']);
        expect(partial.log!.entries.some((e) => e.source === 'bua')).toBe(false);
        const kept = new Set(partial.log!.entries.map((e) => e.id));
        expect(whole.log!.entries.filter((e) => e.source !== 'bua' && !kept.has(e.id))).toEqual([]);
      } finally {
        await t.system.startSubgraph('bua');
      }
    }, 300_000);

    it.each(SUBGRAPH_NAMES.map((n) => [n] as [SubgraphName]))(
      'with %s stopped, the README’s first query gives the live subgraphs’ fields, and errors naming the path and the subgraph',
      async (name) => {
        const { query, variables } = readmeFirstQuery();
        await t.system.stopSubgraph(name);
        try {
          const res = await asCaseworker(query, variables);
          expect(res.status).toBe(200);
          expect(res.body.errors?.length).toBeGreaterThan(0);
          for (const error of res.body.errors!) {
            expect(error.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: name });
            expect(error.path?.length).toBeGreaterThan(0);
            expect(error.message).toMatch(new RegExp(`^The ${name} subgraph cannot be reached`));
          }
          const child = (res.body.data?.['childByCpr'] ?? null) as Record<string, unknown> | null;
          if (name === 'pathway') {
            // The pathway subgraph resolves the look-up (`Child!`) itself: without it there is no child to attach
            // fields to, and GraphQL's null propagation leaves no data; the error says which subgraph and where.
            expect(res.body.data ?? null).toBeNull();
            expect(res.body.errors!.map((e) => e.path)).toEqual([['childByCpr']]);
          } else {
            expect(child).not.toBeNull();
            // Every field of the live subgraphs is there; the stopped one's are null.
            const missing = Object.entries(child!).filter(([, v]) => v === null).map(([k]) => k);
            expect(missing.length).toBeGreaterThan(0);
            for (const error of res.body.errors!) expect(missing).toContain(String(error.path!.at(-1)));
            expect(child!['id']).toBe(childPseudonym(demo.cpr, TEST_PSEUDONYM_SECRET));
          }
        } finally {
          await t.system.startSubgraph(name);
        }
        const again = await asCaseworker(query, variables);
        expect(again.body.errors?.map((e) => `${e.extensions?.['code']} ${e.message}`)).toBeUndefined();
      },
      300_000,
    );
  });
});
