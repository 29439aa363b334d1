import { createRequire } from 'node:module';
import type * as Graphql from 'graphql';

/**
 * The graphql module the servers' schemas are built with. Apollo's packages load graphql's CommonJS build; a source
 * file run by vitest gets its ES module build instead, and graphql refuses to mix the two (its types are checked with
 * `instanceof`). Code that walks a schema given to it by Apollo (the operation limits, the input checks) therefore
 * takes graphql from here, which is the CommonJS build everywhere: under node and tsx a plain import is the same one.
 */
export const graphqlOfSchemas = createRequire(import.meta.url)('graphql') as typeof Graphql;
