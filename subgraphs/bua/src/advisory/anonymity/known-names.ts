// The matcher moved to shared/src/domain/known-names.ts: the municipality answers with it which of the children it
// knows a text names, so the names never leave the municipality.
export { COMMON_WORD_NAMES, buildKnownNameIndex, findKnownNames, nameKey, type KnownNameIndex } from '@pathway-graph/shared';
