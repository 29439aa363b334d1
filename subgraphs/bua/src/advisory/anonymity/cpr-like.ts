// The detector moved to shared/src/domain/cpr-like.ts: request and message ids are checked with it too.
export { containsCprLikeNumber, findCprLikeNumbers, type TextSpan } from '@pathway-graph/shared';
