/**
 * The status report, for the command (scripts/report.ts) and for a subgraph's or the gateway's report query field:
 * figures in, one self-contained HTML file and CSV tables out.
 */
export * from './figures.ts';
export type { StatusFiguresProvider } from './provider.ts';
export { renderStatusReport, statusReportCsv, type StatusReportInput } from './render.ts';
export { toCsv, CSV_BOM } from './csv.ts';
export { describeChanges } from './changes.ts';
export { reportSections, type ReportSection, type ReportTable } from './sections.ts';
export { demoFiguresProvider, figuresFromCubes, statusCubeSpecs } from './demo.ts';
