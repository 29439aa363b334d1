import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildCareCommunicationBundle } from './build.ts';
import { EXAMPLE_FILES, loadExample } from './fixtures/examples.ts';
import { newLetter, reply } from './fixtures/messages.ts';
import { parseCareCommunicationBundle } from './parse.ts';

/**
 * Messages come from other systems: whatever arrives, parse must answer with a letter or a BAD_USER_INPUT, never
 * with a TypeError that would crash the delivery worker or hide which element was wrong. Mutates real messages at
 * random, reproducibly (seeded), and checks that contract.
 */

/** mulberry32: tiny, seedable, good enough to pick mutations. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Container = Record<string, unknown> | unknown[];
type Slot = { parent: Container; key: string | number };

function slots(value: unknown, found: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((child, index) => {
      found.push({ parent: value, key: index });
      slots(child, found);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      found.push({ parent: value as Record<string, unknown>, key });
      slots(child, found);
    }
  }
  return found;
}

const REPLACEMENTS: unknown[] = [
  null,
  '',
  ' ',
  'x',
  0,
  -1,
  1.5,
  true,
  false,
  [],
  {},
  [null],
  { reference: 'Organization/unknown' },
  { reference: 42 },
  'urn:uuid:00000000-0000-0000-0000-000000000000',
  '2026-13-45T99:99:99Z',
  '__proto__',
  'x'.repeat(10_000),
];

function mutate(bundle: unknown, random: () => number): void {
  const pick = <T,>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const mutations = 1 + Math.floor(random() * 4);
  for (let i = 0; i < mutations; i++) {
    const all = slots(bundle);
    if (all.length === 0) return;
    const { parent, key } = pick(all);
    const operation = random();
    if (operation < 0.35) {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key as string];
    } else if (operation < 0.8) {
      const replacement = structuredClone(pick(REPLACEMENTS));
      if (Array.isArray(parent)) parent[Number(key)] = replacement;
      else parent[key as string] = replacement;
    } else {
      // Another part of the same message in the wrong place: plausible shapes, wrong meaning.
      const donor = pick(all);
      const value = structuredClone((donor.parent as Record<string, unknown>)[donor.key as string]);
      if (Array.isArray(parent)) parent[Number(key)] = value;
      else parent[key as string] = value;
    }
  }
}

const ITERATIONS = Number(process.env['FHIR_FUZZ_ITERATIONS'] ?? 300);

const sources: Array<[string, () => unknown]> = [
  ...EXAMPLE_FILES.map((file): [string, () => unknown] => [file, () => loadExample(file)]),
  ['our new letter', () => JSON.parse(JSON.stringify(buildCareCommunicationBundle(newLetter)))],
  ['our reply', () => JSON.parse(JSON.stringify(buildCareCommunicationBundle(reply)))],
];

describe('parse never crashes on mutated messages', () => {
  it.each(sources.map(([name, load], index) => ({ name, load, index })))(
    `$name: ${ITERATIONS} seeded mutations give a letter or BAD_USER_INPUT`,
    ({ load, index }) => {
      const random = prng(0xca2e + index);
      let refused = 0;
      for (let iteration = 0; iteration < ITERATIONS; iteration++) {
        const bundle = load();
        mutate(bundle, random);
        try {
          const { message } = parseCareCommunicationBundle(bundle);
          expect(message.patient.cpr).toMatch(/^\d{10}$/);
          expect(message.payloads.length).toBeGreaterThan(0);
        } catch (error) {
          if (!(error instanceof GraphQLError) || error.extensions['code'] !== 'BAD_USER_INPUT') {
            throw new Error(`iteration ${iteration} threw something other than BAD_USER_INPUT`, { cause: error });
          }
          expect(typeof error.extensions['element']).toBe('string');
          refused++;
        }
      }
      // The mutations must actually break messages, or this test proves nothing.
      expect(refused).toBeGreaterThan(ITERATIONS / 4);
    },
  );

  it('arbitrary JSON values give BAD_USER_INPUT', () => {
    for (const value of [undefined, null, '', 'Bundle', 0, true, [], [{}], {}, { resourceType: 'Bundle' }, ...REPLACEMENTS]) {
      expect(() => parseCareCommunicationBundle(value)).toThrow(GraphQLError);
    }
  });
});
