import { ACCESS_LOG_SUBGRAPH_NAMES, byName, createLogger, SUBGRAPHS, type RequestBase } from '@pathway-graph/shared';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sectorClient } from './sector-client.ts';

/** A stand-in sector subgraph that records the root field it was asked for and answers an empty page. */
function fakeSubgraph(received: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { query } = JSON.parse(body) as { query: string };
      received.push(/page: (\w+)\(/.exec(query)?.[1] ?? '(none)');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { page: { entries: [], nextBefore: null } } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const base: RequestBase = {
  requestId: 'test-request',
  log: createLogger('test', 'silent'),
  principal: { subject: 'admin', displayName: 'Admin', sector: 'REGION', organisation: 'REGION_MIDTJYLLAND', roles: ['ADMINISTRATOR'] },
  purpose: 'CARE_COORDINATION',
  authorization: 'Bearer test',
};

describe('the pathway subgraph’s calls to the sectors', () => {
  const received: string[] = [];
  const servers: Server[] = [];
  const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  beforeAll(async () => {
    for (let i = 0; i <= ACCESS_LOG_SUBGRAPH_NAMES.length; i++) servers.push(await fakeSubgraph(received));
  });
  afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

  it('ask every sector the registry lists for its access-log field, and nothing else even when handed more URLs', async () => {
    const sectorUrls = byName(ACCESS_LOG_SUBGRAPH_NAMES, (_, i) => urlOf(servers[i]!));
    // As pathway's main.ts once did: every subgraph's URL from the gateway's settings, the pathway subgraph's own too.
    const everyUrl = { ...sectorUrls, pathway: urlOf(servers[ACCESS_LOG_SUBGRAPH_NAMES.length]!) };
    const pages = await sectorClient(everyUrl, base).accessLogPages({ childId: 'ch_0', first: 5, before: null });
    expect(pages).toHaveLength(ACCESS_LOG_SUBGRAPH_NAMES.length);
    expect(pages.every((p) => p.page !== null)).toBe(true);
    expect(received.sort()).toEqual(ACCESS_LOG_SUBGRAPH_NAMES.map((name) => SUBGRAPHS[name].accessLogField).sort());
  });
});

describe('a sector that does not answer the merged access log', () => {
  it('is named as missing, and the others’ pages come; a sector’s refusal is still the answer', async () => {
    const received: string[] = [];
    const live = await fakeSubgraph(received);
    // A port nobody listens on: the sector is down.
    const gone = await fakeSubgraph([]);
    const goneUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/graphql`;
    await new Promise((resolve) => gone.close(resolve));
    const failing = createServer((_req, res) => {
      res.statusCode = 502;
      res.end('<html>Bad gateway</html>');
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const refusing = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ errors: [{ message: 'Only the region’s administrators can read a child’s access log.', extensions: { code: 'FORBIDDEN' } }], data: null }));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const url = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      const [down, broken, ...rest] = ACCESS_LOG_SUBGRAPH_NAMES;
      const urls = byName(ACCESS_LOG_SUBGRAPH_NAMES, (name) => (name === down ? goneUrl : name === broken ? url(failing) : url(live)));
      const answers = await sectorClient(urls, base).accessLogPages({ childId: 'ch_0', first: 5, before: null });
      expect(answers.filter((a) => a.page === null).map((a) => a.source)).toEqual([down, broken]);
      expect(answers.filter((a) => a.page !== null).map((a) => a.source)).toEqual(rest);

      const withRefusal = byName(ACCESS_LOG_SUBGRAPH_NAMES, (name) => (name === down ? url(refusing) : url(live)));
      await expect(sectorClient(withRefusal, base).accessLogPages({ childId: 'ch_0', first: 5, before: null })).rejects.toMatchObject({
        extensions: { code: 'FORBIDDEN', serviceName: down },
      });
    } finally {
      await Promise.all([live, failing, refusing].map((s) => new Promise((resolve) => s.close(resolve))));
    }
  });
});
