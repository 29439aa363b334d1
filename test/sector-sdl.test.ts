/**
 * The consent and access-log part of the contract is written out in every sector's schema.graphql (the section
 * "Consent and access log"), and the pathway subgraph repeats the access-log types; so is the shape of a protected
 * statistics table (the section "Statistics for analysts"), which every sector serves its statistics in. Federation requires the shareable
 * types to agree; the people reading one sector's contract need the same descriptions as in the next. This test is
 * what keeps the copies identical, descriptions included.
 */
import { SECTOR_SUBGRAPH_NAMES, SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from '@pathway-graph/shared';
import { parse, print, type DefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SHARED_TYPES = [
  'Consent',
  'RecordConsentInput',
  'AccessLogEntry',
  'AccessLogPage',
  'Sector',
  'Purpose',
  'ConsentingParty',
  'AccessAction',
  'DateTime',
  // The worklists' internal answers to the pathway subgraph (issue 15); the open-action facts are FACT_TYPES below.
  'OwnedOpenActionKey',
  'OwnedOpenActions',
  // Statistics for analysts (shared/src/statistics/graphql.ts): the same shape of a protected table in every sector.
  'StatisticsQuery',
  'StatisticsFilter',
  'StatisticsDimension',
  'PeriodGranularity',
  'StatisticsTable',
  'StatisticsRow',
  'StatisticsCoordinate',
  'StatisticsPercentile',
  'StatisticsShare',
  'StatisticsSuppression',
] as const;

const root = new URL('../', import.meta.url);

/** Each shared type as the subgraph's SDL prints it (description, directives, fields and their descriptions). */
function sharedTypesOf(name: SubgraphName): Map<string, string> {
  const doc = parse(readFileSync(new URL(`${SUBGRAPHS[name].folder}/schema.graphql`, root), 'utf8'));
  const printed = new Map<string, string>();
  for (const definition of doc.definitions as readonly DefinitionNode[]) {
    if ('name' in definition && definition.name && (SHARED_TYPES as readonly string[]).includes(definition.name.value)) {
      printed.set(definition.name.value, print(definition));
    }
  }
  return printed;
}

const printedBy = new Map(SUBGRAPH_NAMES.map((name) => [name, sharedTypesOf(name)]));
const reference = SECTOR_SUBGRAPH_NAMES[0]!;

describe('the consent, access-log and statistics types shared by the sector schemas', () => {
  it.each(SECTOR_SUBGRAPH_NAMES)('are all defined by the %s schema', (name) => {
    expect([...printedBy.get(name)!.keys()].sort()).toEqual([...SHARED_TYPES].sort());
  });

  it.each(SHARED_TYPES)('%s reads the same, descriptions included, in every schema that defines it', (type) => {
    const expected = printedBy.get(reference)!.get(type);
    expect(expected).toBeDefined();
    for (const name of SUBGRAPH_NAMES.filter((n) => n !== reference)) {
      const actual = printedBy.get(name)!.get(type);
      if (actual !== undefined) expect(actual, `${type} in ${name} differs from ${reference}`).toBe(expected);
    }
  });
});

/**
 * The facts the sectors hand the pathway subgraph (`@requires`) are typed once: every copy of a facts value type reads
 * the same in every schema that defines it, so the pathway's checks (`rules/facts.ts`) hold for every sector.
 */
const FACT_TYPES = ['Withholding', 'WithheldReason', 'GraduatedStep', 'PathwayEventKind', 'PathwayEventFact', 'OpenActionKind', 'OpenActionFact', 'ContactPersonFact', 'ContactPersonStatus'] as const;
/** What each sector's facts carry: the contact person is kept by every sector but screening. */
const FACT_TYPES_OF: Record<(typeof SECTOR_SUBGRAPH_NAMES)[number], readonly (typeof FACT_TYPES)[number][]> = Object.fromEntries(
  SECTOR_SUBGRAPH_NAMES.map((name): [string, readonly (typeof FACT_TYPES)[number][]] => [name, name === 'screening' ? FACT_TYPES.filter((t) => !t.startsWith('ContactPerson')) : FACT_TYPES]),
) as Record<(typeof SECTOR_SUBGRAPH_NAMES)[number], readonly (typeof FACT_TYPES)[number][]>;

function printedTypes(name: SubgraphName, types: readonly string[]): Map<string, string> {
  const doc = parse(readFileSync(new URL(`${SUBGRAPHS[name].folder}/schema.graphql`, root), 'utf8'));
  const printed = new Map<string, string>();
  for (const definition of doc.definitions as readonly DefinitionNode[]) {
    if ('name' in definition && definition.name && types.includes(definition.name.value)) printed.set(definition.name.value, print(definition));
  }
  return printed;
}

describe('the facts types shared by the sector schemas and the pathway subgraph', () => {
  const facts = new Map(SUBGRAPH_NAMES.map((name) => [name, printedTypes(name, FACT_TYPES)]));

  it.each(SECTOR_SUBGRAPH_NAMES)('are all defined by the %s schema', (name) => {
    expect([...facts.get(name)!.keys()].sort()).toEqual([...FACT_TYPES_OF[name]].sort());
  });

  it('are all defined by the pathway schema, which reads them', () => {
    expect([...facts.get('pathway')!.keys()].sort()).toEqual([...FACT_TYPES].sort());
  });

  it.each(FACT_TYPES)('%s reads the same, descriptions included, in every schema that defines it', (type) => {
    const expected = facts.get('pathway')!.get(type);
    for (const name of SUBGRAPH_NAMES) {
      const actual = facts.get(name)!.get(type);
      if (actual !== undefined) expect(actual, `${type} in ${name} differs from the pathway's`).toBe(expected);
    }
  });
});
