import type { Period } from '../periods.ts';
import type { StatusReportFigures } from './figures.ts';

/**
 * Where the status report gets its figures. The demo provider makes synthetic ones; the real one asks the sector
 * subgraphs through the gateway as an analyst, whose statistics fields return tables protected by the engine.
 */
export interface StatusFiguresProvider {
  /** Shown in the report and on the command line, e.g. "synthetic demo figures". */
  readonly description: string;
  readonly synthetic: boolean;
  /** The figures of one whole period (a half-year, a year or a biennium). */
  figures(period: Period): Promise<StatusReportFigures>;
}
