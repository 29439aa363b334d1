import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; optional?: boolean; os?: string[]; cpu?: string[] }>;
};

/** The oldest release of each line package.json accepts (e.g. 20.19.0, 22.13.0, 24.0.0): where `npm ci` is warned first. */
const oldestSupported = new semver.Range(manifest.engines.node).set.map((comparators) => {
  const lower = comparators.find((c) => c.operator === '>=' || c.operator === '');
  return lower?.semver.version ?? '0.0.0';
});

describe('the Node.js versions the project states', () => {
  it('are what the README tells a newcomer', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    for (const version of oldestSupported) expect(readme).toContain(`${semver.major(version)}.${semver.minor(version)}+`);
  });

  it.each(oldestSupported)('install every locked package without an engine warning on Node.js %s', (version) => {
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      // Platform binaries (e.g. rolldown's for Windows or wasm) are never installed beside the one for this platform.
      if (!path || (entry.optional && (entry.os || entry.cpu))) continue;
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (range && !semver.satisfies(version, range)) refusing.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version}: ${range}`);
    }
    // A dependency that wants a newer Node.js: pin an older release (package.json "overrides") or raise "engines".
    expect(refusing).toEqual([]);
  });
});
