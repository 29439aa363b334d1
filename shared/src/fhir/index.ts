/**
 * MedCom CareCommunication and Acknowledgement message Bundles: how a correspondence letter (agreement 6.2), its
 * reply and their acknowledgements travel between the general-practice and municipality subgraphs, in the shape of
 * the Danish national standard. Build what you send, parse what you receive; the message types in `types.ts` and
 * `acknowledgement.ts` are the app's view of both.
 */
export { buildCareCommunicationBundle, DEFAULT_FULL_URL_BASE, type BuildOptions } from './build.ts';
export { parseCareCommunicationBundle } from './parse.ts';
export * from './acknowledgement.ts';
export { envelopeOf, inNewEnvelope, reenvelope } from './envelope.ts';
export { isUuidV4, newMedComId } from './uuid.ts';
export { medcomPhoneNumber } from './phone.ts';
export * from './types.ts';
export type * from './fhir-types.ts';
export { EVENT_CODE, MESSAGE_DEFINITION, PROFILE, ROLE_SYSTEM, SYSTEM } from './constants.ts';
