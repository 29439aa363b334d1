import { pgSchema } from 'drizzle-orm/pg-core';
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.ts';
import type { AnyDatabase } from '../db/database.ts';
import { RequestAccess, type GuardedChild } from './access.ts';
import { guardedFacts } from './facts.ts';
import { defineSectorTables } from './tables.ts';

const tables = defineSectorTables(pgSchema('facts_test'));
const ownership = { sectors: ['MUNICIPALITY'] as const, describe: () => 'the municipality' };
const child: GuardedChild = { id: 'ch_00000000000000000000000000000001', known: true, birthDate: '2015-06-12', ownerOrganisation: '751' };
const person = (p: Partial<Principal>): Principal => ({ subject: 'test:reader', displayName: 'Test Reader', sector: 'MUNICIPALITY', organisation: '751', roles: ['CASEWORKER'], ...p });

/** A database that is down: every statement fails as a lost connection would. */
const downDatabase = new Proxy({}, {
  get: () => () => {
    throw new Error('connection terminated unexpectedly');
  },
}) as AnyDatabase<Record<string, unknown>>;

const access = (principal: Principal) =>
  new RequestAccess(principal, 'CARE_COORDINATION', 'test-request', null, downDatabase, tables, ownership, '2026-11-23', new Date('2026-11-23T10:00:00Z'));

/** The resolver info of `municipalityFacts` in `selection`, as graphql-js hands it to the resolver. */
function infoFor(selection: string): GraphQLResolveInfo {
  const doc = parse(`{ municipalityFacts ${selection} } fragment Birth on MunicipalityFacts { birthDate }`);
  const operation = doc.definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0] as FieldNode;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [field], fragments } as unknown as GraphQLResolveInfo;
}

const facts = { birthDate: '2015-06-12', knownToMunicipality: true };
const read = (selection: string) => ({ field: 'municipalityFacts', what: 'the date of birth and whether the child has a municipal case', info: infoFor(selection) });

describe('guardedFacts', () => {
  it('gives the owner the facts and records one read part per selected fact', async () => {
    const guard = access(person({}));
    expect(await guardedFacts(guard, child, read('{ withheld { reason } birthDate ... on MunicipalityFacts { knownToMunicipality } }'), facts)).toEqual({
      withheld: null,
      ...facts,
    });
    expect(guard.takeReadEntries().map((e) => e.parts)).toEqual([['municipalityFacts.birthDate', 'municipalityFacts.knownToMunicipality']]);
  });

  it('records the facts field itself when only `withheld` was selected, and reads named fragments', async () => {
    const guard = access(person({}));
    await guardedFacts(guard, child, read('{ withheld { reason } }'), facts);
    await guardedFacts(guard, child, read('{ ...Birth }'), facts);
    expect(guard.takeReadEntries().map((e) => e.parts)).toEqual([['municipalityFacts', 'municipalityFacts.birthDate']]);
  });

  it('turns a refusal into a withholding with every fact null, and records nothing', async () => {
    const guard = access(person({ organisation: '657' }));
    const result = await guardedFacts(guard, child, read('{ withheld { reason message } birthDate knownToMunicipality }'), facts);
    expect(result).toMatchObject({ birthDate: null, knownToMunicipality: null, withheld: { reason: 'OTHER_ORGANISATION' } });
    expect(result.withheld?.message).toMatch(/^The date of birth and whether the child has a municipal case belongs to the municipality/);
    expect(guard.takeReadEntries()).toEqual([]);
  });

  it('lets a failure through as a failure: a database that is down is no reason to withhold', async () => {
    // Another sector's read needs the consents, so it reaches the database.
    const guard = access(person({ sector: 'GENERAL_PRACTICE', organisation: '107510', roles: ['GP'] }));
    await expect(guardedFacts(guard, child, read('{ withheld { reason } birthDate }'), facts)).rejects.toThrow(/connection terminated/);
  });
});
