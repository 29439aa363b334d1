/**
 * MedCom CareCommunication message Bundles: how a correspondence letter (agreement 6.2) and its reply travel between
 * the general-practice and municipality subgraphs, in the shape of the Danish national standard. Build what you send,
 * parse what you receive; the message type in `types.ts` is the app's view of both.
 */
export { buildCareCommunicationBundle, DEFAULT_FULL_URL_BASE, type BuildOptions } from './build.ts';
export { parseCareCommunicationBundle } from './parse.ts';
export * from './types.ts';
export type * from './fhir-types.ts';
export { EVENT_CODE, MESSAGE_DEFINITION, PROFILE, SYSTEM } from './constants.ts';
