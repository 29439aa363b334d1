import type { CodegenConfig } from '@graphql-codegen/cli';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { readFileSync } from 'node:fs';

/**
 * Typed operations for front ends (GraphQL Code Generator's client preset), from the committed supergraph: its API
 * schema, i.e. what clients can query (no federation internals, no @inaccessible fields). A front-end project copies
 * this file, points `documents` at its own sources and runs `npx graphql-codegen --config codegen.ts`.
 */
const supergraph = readFileSync(new URL('../../gateway/supergraph.graphql', import.meta.url), 'utf8');
export const API_SCHEMA_SDL = printSchema(Supergraph.build(supergraph).apiSchema());

const config: CodegenConfig = {
  schema: API_SCHEMA_SDL,
  documents: ['test/frontend/example.ts'],
  generates: {
    'test/frontend/generated/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string', DateTime: 'string' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
