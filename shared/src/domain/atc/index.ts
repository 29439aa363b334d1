/** ATC codes: the form of the code, level by level (names are not shipped; see README.md). */
export * from './atc-code.ts';
