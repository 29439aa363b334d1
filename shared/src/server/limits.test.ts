import { graphqlOfSchemas } from './graphql-realm.ts';
import { describe, expect, it } from 'vitest';
import { costProblem } from './limits.ts';

// The schema is built with the graphql the servers' schemas are built with, as Apollo's would be.
const { buildSchema, parse } = graphqlOfSchemas;

const schema = buildSchema(`
  type Query { children(first: Int = 10): [Child!]! }
  type Child { id: ID! name: String siblings(first: Int = 5): [Child!]! }
`);

/**
 * The cost limit is checked with the page sizes a request really asks for. An accepted document is remembered with
 * its page sizes (the same document object comes back for every request of the same query), so what is remembered
 * must never let a larger page through, nor a refusal turn into an acceptance.
 */
describe('costProblem', () => {
  const document = parse('query($n: Int, $m: Int) { children(first: $n) { id name siblings(first: $m) { id } } }');

  it('refuses the same document, once accepted with small pages, when its variables ask for larger ones', () => {
    expect(costProblem(schema, document, { n: 2, m: 2 }, 1_000)).toBeUndefined();
    // Asked again with the same sizes: still accepted.
    expect(costProblem(schema, document, { n: 2, m: 2 }, 1_000)).toBeUndefined();
    const refused = costProblem(schema, document, { n: 200, m: 50 }, 1_000);
    expect(refused?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost', maximum: 1_000 });
    // A larger page of the inner list alone is refused too, though the outer one is as accepted before.
    expect(costProblem(schema, document, { n: 2, m: 5_000 }, 1_000)?.extensions).toMatchObject({ limit: 'cost' });
  });

  it('keeps a refusal a refusal however often it is asked, and judges each limit by its own maximum', () => {
    const sizes = { n: 100, m: 100 };
    for (let i = 0; i < 3; i += 1) expect(costProblem(schema, document, sizes, 1_000)?.extensions).toMatchObject({ limit: 'cost', maximum: 1_000 });
    // Accepted under a higher maximum, the same sizes are still refused under the lower one.
    expect(costProblem(schema, document, sizes, 10_000_000)).toBeUndefined();
    expect(costProblem(schema, document, sizes, 1_000)?.extensions).toMatchObject({ limit: 'cost', maximum: 1_000 });
  });

  it('costs a page size left out by its default, and leaves one that is no number to GraphQL', () => {
    const defaults = parse('query($n: Int) { children(first: $n) { id siblings { id } } }');
    expect(costProblem(schema, defaults, {}, 1_000)).toBeUndefined();
    // A string where an Int goes is GraphQL's own coercion error to report, not the cost limit's.
    expect(costProblem(schema, defaults, { n: 'x'.repeat(50) }, 1_000)).toBeUndefined();
    expect(costProblem(schema, defaults, { n: 10_000 }, 1_000)?.extensions).toMatchObject({ limit: 'cost' });
  });
});
