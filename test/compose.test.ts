/**
 * docker-compose.yml as far as this machine can check it without Docker: it parses, every service's environment is
 * exactly what that service's configuration reads (nothing unknown to it, nothing it needs missing, every value
 * valid), and its ports and URLs are the registry's.
 */
import { DEFAULT_GATEWAY_PORT, loadGatewayConfig, loadPathwayConfig, loadSubgraphConfig, SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from '@pathway-graph/shared/config';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
}
const text = readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8');
const compose = parseYaml(text, { merge: true }) as { services: Record<string, Service> };

// The configuration writes development keys into DATA_DIR when one is missing; never into the compose file's /app.
const dataDir = mkdtempSync(join(tmpdir(), 'pathway-compose-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Loads a service's configuration from `env`, recording every variable it looks at. */
function load(service: string, env: Record<string, string>): { read: Set<string> } {
  const read = new Set<string>();
  const recorded = new Proxy({ ...env, DATA_DIR: dataDir }, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name) as unknown;
    },
  });
  if (service === 'gateway') loadGatewayConfig(recorded);
  else if (service === 'pathway') loadPathwayConfig(recorded);
  else loadSubgraphConfig(service as SubgraphName, recorded);
  return { read };
}

const nodeServices = ['gateway', ...SUBGRAPH_NAMES];

describe('docker-compose.yml', () => {
  it('parses, with the Node services and PostgreSQL', () => {
    expect(() => parseYaml(text, { merge: true, strict: true })).not.toThrow();
    expect(Object.keys(compose.services).sort()).toEqual([...nodeServices, 'postgres'].sort());
  });

  it.each(nodeServices)('%s: its environment is valid for its configuration, which reads every variable set there', (name) => {
    const env = compose.services[name]!.environment ?? {};
    const { read } = load(name, env);
    expect(Object.keys(env).filter((variable) => !read.has(variable))).toEqual([]);
  });

  it.each(nodeServices)('%s: with NODE_ENV=production it has what production requires, or says what it lacks', (name) => {
    // The stack is a development one (dev keys, demo data, the development issuer whose key the gateway publishes over
    // http); production needs the region's identity provider: its https key set and its issuer are all that is missing.
    const env = { ...compose.services[name]!.environment, NODE_ENV: 'production' };
    let problems: string[] = [];
    try {
      load(name, env);
    } catch (error) {
      problems = (error as { problems?: string[] }).problems ?? [String(error)];
    }
    expect(problems.map((p) => p.split(':')[0])).toEqual(['AUTH_JWKS_URL', 'AUTH_ISSUER']);
  });

  it('puts every service on its registry port and routes every URL to the registry’s service and port', () => {
    const gateway = compose.services['gateway']!;
    expect(gateway.environment?.['PORT']).toBe(String(DEFAULT_GATEWAY_PORT));
    expect(gateway.ports).toEqual([`${DEFAULT_GATEWAY_PORT}:${DEFAULT_GATEWAY_PORT}`]);
    const hosts = new Map<string, number>([['gateway', DEFAULT_GATEWAY_PORT], ...SUBGRAPH_NAMES.map((n) => [n, SUBGRAPHS[n].defaultPort] as [string, number])]);
    for (const [service, { environment }] of Object.entries(compose.services)) {
      for (const [variable, value] of Object.entries(environment ?? {})) {
        if (!/^https?:\/\//.test(value)) continue;
        const url = new URL(value);
        expect(hosts.has(url.hostname), `${service}: ${variable}`).toBe(true);
        expect(Number(url.port), `${service}: ${variable}`).toBe(hosts.get(url.hostname));
        const expectedPath = variable.endsWith('_MESSAGES_URL') ? '/messages' : variable === 'AUTH_JWKS_URL' ? '/.well-known/jwks.json' : '/graphql';
        expect(url.pathname, `${service}: ${variable}`).toBe(expectedPath);
        const prefix = variable.replace(/_(MESSAGES_URL|URL)$/, '');
        const named = SUBGRAPH_NAMES.find((n) => SUBGRAPHS[n].envPrefix === prefix);
        if (named) expect(url.hostname, `${service}: ${variable}`).toBe(named);
      }
    }
  });
});
