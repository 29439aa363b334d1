// The README's example of a typed operation: `graphql()` returns a document typed by its selection, so a front end
// gets `ChildOverviewQuery` (and its variables) without writing a type, and a renamed field fails its type-check.
import { graphql } from './generated/index.ts';
import type { ChildOverviewQuery, ChildOverviewQueryVariables } from './generated/graphql.ts';

export const ChildOverview = graphql(`
  query ChildOverview($cpr: String!) {
    childByCpr(cpr: $cpr) {
      id
      birthDate
      listedPractice {
        name
      }
      ageBand
      involvedSectors
      withheld {
        sector
        reason
      }
    }
  }
`);

/** What a front end does with the answer: every field typed, nullable where the schema says so. */
export function describeChild(data: ChildOverviewQuery): string {
  const child = data.childByCpr;
  if (!child) return 'not found';
  const sectors: string[] = child.involvedSectors ?? [];
  return `${child.id}: ${child.ageBand ?? 'age withheld'}, ${child.listedPractice?.name ?? 'no practice'}, involved: ${sectors.join(', ')}`;
}

export const variables: ChildOverviewQueryVariables = { cpr: '120615-4764' };
