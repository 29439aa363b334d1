/**
 * Statistics for analysts: the disclosure-control engine, its dimensions and periods, percentiles, the clusters and
 * the status report. Rules and the contract with the subgraphs' SQL in README.md.
 */
export * from './periods.ts';
export * from './dimensions.ts';
export * from './published.ts';
export * from './percentile.ts';
export {
  protectCube,
  ProtectedCube,
  SuppressedTable,
  type CubeQuery,
  type CubeSpec,
  type LeafCount,
  type LeafMeasureCount,
  type MeasureSpec,
  type NodeSelection,
  type PercentileRequest,
  type SuppressionReason,
} from './cube.ts';
export * from './clusters/clusters.ts';
export * from './graphql.ts';
export { GP_LETTER_STATISTIC, LETTER_STATISTIC, replyDimension } from './letters.ts';
