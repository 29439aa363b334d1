/**
 * What operators watch, through the running system: each service's GET /metrics after the README's letter is sent
 * (the counters of requests, subgraph fetches, SQL statements, deliveries and access-log writes moved, the outbox
 * drained, nothing personal in any label), who may scrape, and one request followed by its trace id from the gateway
 * through the subgraphs down to SQL statements, with an in-memory exporter.
 */
import { readmeExamples } from '@pathway-graph/gateway/ide/readme-examples';
import { configureMetrics, installTracing } from '@pathway-graph/shared';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { as } from '../support/auth.ts';
import { describeWithDatabases } from '../support/databases.ts';
import { postGraphQL, startTestSystem, type TestSystem } from '../support/system.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const [FIRST_QUERY, , SEND_LETTER] = readmeExamples(README);
const CPR = '120615-4764';

const exporter = new InMemorySpanExporter();
let tracing: { shutdown(): Promise<void> };
beforeAll(() => {
  tracing = installTracing('pathway-graph-test', [new SimpleSpanProcessor(exporter)]);
});
afterAll(async () => {
  await tracing?.shutdown();
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, sample by sample. */
function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!m) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]));
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
}

/** The sum of the samples named `name` whose labels include `labels`. */
function total(all: Sample[], name: string, labels: Record<string, string> = {}): number {
  return all
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

describeWithDatabases('metrics and traces of the running system', (backend) => {
  let t: TestSystem;
  const base = (service: { port: number }) => `http://localhost:${service.port}`;

  beforeAll(async () => {
    t = await startTestSystem(backend);
  }, 300_000);
  afterAll(async () => {
    configureMetrics({ production: false });
    await t?.close();
  });

  const scrape = async (service: { port: number }) => {
    const res = await fetch(`${base(service)}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    return { text, samples: samples(text) };
  };

  it('moves the counters of every service the README’s letter passes through, with nothing personal in any label', async () => {
    const { gateway, subgraphs } = t.system;
    const before = { gateway: await scrape(gateway), gp: await scrape(subgraphs['general-practice']), municipality: await scrape(subgraphs.municipality) };

    expect(SEND_LETTER?.user).toBe('gp-107510');
    const variables = structuredClone(SEND_LETTER!.variables!) as { input: { messageId: string } };
    variables.input.messageId = `metrics-${randomBytes(4).toString('hex')}`;
    const sent = await t.queryAs<{ sendCorrespondenceLetter: { id: string; status: string } }>(SEND_LETTER!.user!, SEND_LETTER!.query, variables);
    expect(sent.errors).toBeUndefined();
    const id = sent.data!.sendCorrespondenceLetter.id;
    for (let tries = 0; ; tries += 1) {
      const res = await t.queryAs<{ sentLetter: { status: string } }>('gp-107510', 'query Status($id: ID!) { sentLetter(id: $id) { status } }', { id });
      if (res.data?.sentLetter.status === 'DELIVERED') break;
      if (tries > 400) throw new Error(`the letter never became DELIVERED: ${JSON.stringify(res)}`);
      await new Promise((r) => setTimeout(r, 50));
    }

    const after = { gateway: await scrape(gateway), gp: await scrape(subgraphs['general-practice']), municipality: await scrape(subgraphs.municipality) };
    const moved = (service: keyof typeof before, name: string, labels: Record<string, string> = {}) =>
      total(after[service].samples, name, labels) - total(before[service].samples, name, labels);

    // Requests by operation name and outcome: the README's mutation is anonymous, the status query is named.
    expect(moved('gateway', 'pathway_graphql_requests_total', { service: 'gateway', operation: '(anonymous)', outcome: 'ok' })).toBe(1);
    expect(moved('gateway', 'pathway_graphql_requests_total', { operation: 'Status', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(moved('gateway', 'pathway_graphql_request_duration_seconds_count', { operation: '(anonymous)' })).toBe(1);
    expect(moved('gp', 'pathway_graphql_requests_total', { service: 'general-practice', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    // Subgraph fetches at the gateway, SQL statements in the subgraphs.
    expect(moved('gateway', 'pathway_gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'general-practice', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    expect(moved('gp', 'pathway_db_statement_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThan(0);
    expect(moved('municipality', 'pathway_db_statement_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThan(0);
    // The delivery, and the access log's CHANGE entry of the letter.
    expect(moved('gp', 'pathway_message_delivery_attempts_total', { destination: 'municipality', outcome: 'delivered' })).toBeGreaterThanOrEqual(1);
    expect(moved('gp', 'pathway_message_delivery_failures_total')).toBe(0);
    expect(moved('gp', 'pathway_access_log_writes_total', { action: 'CHANGE' })).toBeGreaterThanOrEqual(1);
    // The outbox per destination: drained (the letter's receipt may still be on its way back, not the letter).
    expect(after.gp.samples.find((s) => s.name === 'pathway_outbox_oldest_pending_age_seconds' && s.labels['destination'] === 'municipality')?.value ?? 0).toBeLessThan(60);

    for (const { text } of Object.values(after)) {
      for (const personal of [CPR, CPR.replace('-', ''), 'Demo Læge', 'Barn i mistrivsel', 'Demo GP']) expect(text).not.toContain(personal);
    }
  });

  it('is open outside production, needs the configured token when there is one, and is off in production without one', async () => {
    const url = `${base(t.system.subgraphs.bua)}/metrics`;
    try {
      configureMetrics({ token: 'metrics-token-for-the-test', production: true });
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-of-the-same-size!' } })).status).toBe(401);
      const allowed = await fetch(url, { headers: { authorization: 'Bearer metrics-token-for-the-test' } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toContain('pathway_graphql_requests_total');
      configureMetrics({ production: true });
      expect((await fetch(url)).status).toBe(404);
    } finally {
      configureMetrics({ production: false });
    }
    expect((await fetch(url)).status).toBe(200);
  });

  it('follows one request’s trace id from the gateway through the subgraphs to their SQL statements, without any parameter value', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const res = await postGraphQL<{ childByCpr: Record<string, unknown> }>(t.gatewayUrl, FIRST_QUERY!.query, FIRST_QUERY!.variables, {
      ...(await as(FIRST_QUERY!.user!)),
      traceparent: `00-${traceId}-${callerSpan}-01`,
    });
    expect(res.errors).toBeUndefined();

    const ofTrace = () => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const service = (s: ReadableSpan) => s.instrumentationScope.name.replace('pathway-graph/', '');
    // The gateway's server span ends when its response is closed, just after the client has read it.
    for (let tries = 0; !ofTrace().some((s) => service(s) === 'gateway' && s.name === 'POST /graphql'); tries += 1) {
      if (tries > 100) throw new Error('the gateway’s span never ended');
      await new Promise((r) => setTimeout(r, 20));
    }
    const spans = ofTrace();
    const gatewaySpan = spans.find((s) => service(s) === 'gateway' && s.name === 'POST /graphql')!;
    expect(gatewaySpan.parentSpanContext?.spanId).toBe(callerSpan);

    const fetches = spans.filter((s) => service(s) === 'gateway' && s.name.startsWith('subgraph '));
    const subgraphServers = spans.filter((s) => service(s) !== 'gateway' && s.name === 'POST /graphql');
    // Every subgraph answered this one request, each within the trace, as a child of one of the gateway's fetches.
    expect(new Set(subgraphServers.map(service))).toEqual(new Set(['municipality', 'general-practice', 'bua', 'screening', 'pathway']));
    for (const server of subgraphServers) expect(fetches.map((f) => f.spanContext().spanId)).toContain(server.parentSpanContext?.spanId);

    const statements = spans.filter((s) => s.name.startsWith('SQL '));
    expect(statements.filter((s) => service(s) === 'municipality').length).toBeGreaterThan(0);
    expect(statements.filter((s) => service(s) === 'general-practice').length).toBeGreaterThan(0);
    for (const statement of statements) expect(String(statement.attributes['db.query.text'])).toMatch(/^(select|insert|update|delete|with)/i);

    // No span anywhere carries the CPR number the request was about, in any form.
    const everything = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })));
    expect(everything).not.toContain(CPR);
    expect(everything).not.toContain(CPR.replace('-', ''));
  });

  /**
   * The spans of `traceId` once, for every predicate in `until`, a matching span has ended. A client span ends after the
   * server span it called, so waiting for the server's alone can return before the caller's is exported.
   */
  async function spansOf(traceId: string, ...until: ((s: ReadableSpan) => boolean)[]): Promise<ReadableSpan[]> {
    for (let tries = 0; ; tries += 1) {
      const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
      if (until.every((matches) => spans.some(matches))) return spans;
      if (tries > 400) throw new Error(`no matching span in trace ${traceId}: ${spans.map((s) => s.name).join(', ')}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  const serviceOf = (s: ReadableSpan) => s.instrumentationScope.name.replace('pathway-graph/', '');
  const traceparent = (traceId: string) => `00-${traceId}-${randomBytes(8).toString('hex')}-01`;

  it('follows a letter’s trace from the GP’s request through its delivery into the municipality’s message endpoint', async () => {
    const traceId = randomBytes(16).toString('hex');
    const variables = structuredClone(SEND_LETTER!.variables!) as { input: { messageId: string } };
    variables.input.messageId = `trace-${randomBytes(4).toString('hex')}`;
    const sent = await postGraphQL(t.gatewayUrl, SEND_LETTER!.query, variables, { ...(await as(SEND_LETTER!.user!)), traceparent: traceparent(traceId) });
    expect(sent.errors).toBeUndefined();
    // The worker sends it after the request: its client span and the recipient's server span join the request's trace.
    const spans = await spansOf(
      traceId,
      (s) => serviceOf(s) === 'municipality' && s.name === 'POST /messages',
      (s) => serviceOf(s) === 'general-practice' && s.name.startsWith('deliver '),
    );
    const delivery = spans.find((s) => serviceOf(s) === 'general-practice' && s.name.startsWith('deliver '))!;
    expect(delivery.attributes['pathway.destination']).toBe('municipality');
    const received = spans.find((s) => serviceOf(s) === 'municipality' && s.name === 'POST /messages')!;
    expect(received.parentSpanContext?.spanId).toBe(delivery.spanContext().spanId);
    // The delivery continues the trace of the GP's request, whose own server span is in it too.
    expect(spans.some((s) => serviceOf(s) === 'general-practice' && s.name === 'POST /graphql')).toBe(true);
  });

  it('follows the merged access log’s calls from the pathway subgraph into every sector', async () => {
    const traceId = randomBytes(16).toString('hex');
    const res = await postGraphQL<{ childAccessLog: { unavailableSources: string[] } }>(
      t.gatewayUrl,
      'query($childId: ID!) { childAccessLog(childId: $childId, first: 5) { entries { id } unavailableSources } }',
      { childId: 'ch_00000000000000000000000000000000' },
      { ...(await as('admin-region')), traceparent: traceparent(traceId) },
    );
    expect(res.errors).toBeUndefined();
    const sectors = ['municipality', 'general-practice', 'bua', 'screening'];
    const spans = await spansOf(traceId, (s) => serviceOf(s) === 'gateway' && s.name === 'POST /graphql');
    const calls = spans.filter((s) => serviceOf(s) === 'pathway' && s.name.startsWith('subgraph '));
    expect(calls.map((s) => s.name.replace('subgraph ', '')).sort()).toEqual([...sectors].sort());
    for (const sector of sectors) {
      const server = spans.find((s) => serviceOf(s) === sector && s.name === 'POST /graphql');
      expect(calls.map((c) => c.spanContext().spanId), sector).toContain(server?.parentSpanContext?.spanId);
    }
  });
});
