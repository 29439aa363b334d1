import type { OperationDefinitionNode } from 'graphql';
import { graphqlOfSchemas } from './graphql-realm.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ID_LENGTH, DEFAULT_MAX_STRING_LENGTH, inputProblem, statedMaximum, textProblem } from './inputs.ts';

// The schema is built with the graphql the servers' schemas are built with, as Apollo's would be.
const { buildSchema, parse } = graphqlOfSchemas;

const schema = buildSchema(`
  type Query { find("The name, at most 20 characters." name: String, id: ID, free: String): String }
  type Mutation { send(input: SendInput!): String }
  input SendInput {
    "The subject, at most 10 characters."
    subject: String!
    text: String
    signature: Signature
    tags: [String!]
  }
  input Signature { "At most 5 characters." name: String! }
`);

function problem(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return inputProblem(schema, document, operation, variables);
}

describe('statedMaximum', () => {
  it('reads the maximum a description states, with or without thousands separators', () => {
    expect(statedMaximum('Free text, at most 4000 characters.')).toBe(4000);
    expect(statedMaximum('Free text, at most 4,000 characters.')).toBe(4000);
    expect(statedMaximum('At most 5 characters.')).toBe(5);
    expect(statedMaximum('A name.')).toBeUndefined();
    expect(statedMaximum(undefined)).toBeUndefined();
  });
});

describe('textProblem', () => {
  it('accepts printable text, tabs, line breaks and paired surrogates (emoji)', () => {
    expect(textProblem('Line one\n\tline two\r\nÆøå 😀', 'text', 100)).toBeUndefined();
  });

  it.each([
    ['NUL', 'a\u0000b', 'control-character', /control character \(U\+0000\) at position 2/],
    ['escape', '\u001b[31m', 'control-character', /U\+001B/],
    ['DEL', 'x\u007f', 'control-character', /U\+007F/],
    ['a C1 control', '\u0085', 'control-character', /U\+0085/],
    ['a lone high surrogate', 'ab\ud83d', 'unpaired-surrogate', /lone UTF-16 surrogate\) at position 3/],
    ['a lone low surrogate', '\ude00x', 'unpaired-surrogate', /position 1/],
  ])('refuses %s with BAD_USER_INPUT naming the field, without quoting the value', (_what, value, reason, message) => {
    const error = textProblem(value, 'input.text', 100)!;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text', reason });
    expect(error.message).toMatch(/^input\.text contains/);
    expect(error.message).toMatch(message);
  });

  it('refuses text over the maximum, saying both lengths', () => {
    const error = textProblem('x'.repeat(11), 'input.subject', 10)!;
    expect(error.message).toBe('input.subject is 11 characters long; at most 10 are accepted. Shorten it.');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subject', maxLength: 10 });
  });
});

describe('inputProblem', () => {
  it('passes an operation whose texts are all acceptable', () => {
    expect(problem('mutation { send(input: { subject: "Hej", text: "Tekst\\nmere", signature: { name: "Ann" }, tags: ["a"] }) }')).toBeUndefined();
  });

  it('checks literals and variables, nested input objects and lists, naming the path', () => {
    expect(problem('mutation { send(input: { subject: "12345678901" }) }')?.extensions['field']).toBe('input.subject');
    expect(problem('mutation($i: SendInput!) { send(input: $i) }', { i: { subject: 'ok', signature: { name: 'a\u0000' } } })?.extensions['field']).toBe(
      'input.signature.name',
    );
    expect(problem('mutation($i: SendInput!) { send(input: $i) }', { i: { subject: 'ok', tags: ['fine', 'bad\ud800'] } })?.extensions['field']).toBe(
      'input.tags[1]',
    );
    expect(problem('query($n: String) { find(name: $n) }', { n: 'x'.repeat(21) })?.extensions).toMatchObject({ field: 'name', maxLength: 20 });
  });

  it('checks fields inside fragments the operation uses', () => {
    expect(problem('query { ...F } fragment F on Query { find(free: "\\u0000") }')?.extensions['field']).toBe('free');
  });

  it('bounds text whose description states no maximum by the defaults (an ID more tightly)', () => {
    expect(problem('query($f: String) { find(free: $f) }', { f: 'x'.repeat(DEFAULT_MAX_STRING_LENGTH) })).toBeUndefined();
    expect(problem('query($f: String) { find(free: $f) }', { f: 'x'.repeat(DEFAULT_MAX_STRING_LENGTH + 1) })?.extensions['maxLength']).toBe(
      DEFAULT_MAX_STRING_LENGTH,
    );
    expect(problem('query($i: ID) { find(id: $i) }', { i: 'x'.repeat(DEFAULT_MAX_ID_LENGTH + 1) })?.extensions['field']).toBe('id');
  });

  it("leaves variables that do not coerce to GraphQL's own error", () => {
    expect(problem('mutation($i: SendInput!) { send(input: $i) }', { i: { text: '\u0000' } })).toBeUndefined();
  });
});
