import { loader as vegaLoader, logger, parse, View, Warn } from 'vega';
import { compile, type Config, type TopLevelSpec } from 'vega-lite';

/**
 * The report's charts: Vega-Lite specifications rendered to SVG on the server (headless Vega view, no browser, no
 * canvas). Data is always inline; the loader refuses every URL, so a chart can never make the report fetch anything.
 * Hidden values never reach a chart as numbers: their rows carry `hidden: true` and are drawn as an "x" mark.
 */

export interface ChartDatum {
  /** Category on the axis, e.g. a municipality. */
  readonly label: string;
  /** Series, e.g. the period or the category. */
  readonly series: string;
  /** The value, or null when hidden (or not applicable). */
  readonly value: number | null;
  readonly hidden: boolean;
}

const FONT = 'Helvetica, Arial, sans-serif';

const CONFIG: Config = {
  background: 'white',
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal', gridColor: '#e6e6e6' },
  legend: { labelFontSize: 10, titleFontSize: 11, orient: 'bottom' },
  range: { category: ['#1f5a96', '#e08a1e', '#4c9a5c', '#b0413e', '#7a5195', '#8c8c8c'] },
};

/** Horizontal bars per category (e.g. municipality), one bar per series (e.g. this and the previous period). */
export function barsSpec(options: { data: readonly ChartDatum[]; title: string; axisTitle: string; percent?: boolean }): TopLevelSpec {
  const labels = [...new Set(options.data.map((d) => d.label))];
  const series = [...new Set(options.data.map((d) => d.series))];
  const format = options.percent ? '.0%' : ',d';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: options.title, anchor: 'start', fontSize: 13 },
    width: 520,
    height: { step: series.length > 1 ? 9 : 14 },
    data: { values: options.data.map((d) => ({ ...d })) },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: labels, title: null },
      yOffset: { field: 'series', type: 'nominal', sort: series },
      color: { field: 'series', type: 'nominal', sort: series, title: null, legend: series.length > 1 ? {} : null },
    },
    layer: [
      {
        transform: [{ filter: 'datum.value !== null' }],
        mark: { type: 'bar', tooltip: false },
        encoding: { x: { field: 'value', type: 'quantitative', title: options.axisTitle, axis: { format } } },
      },
      {
        transform: [{ filter: 'datum.hidden' }],
        mark: { type: 'text', text: 'x', align: 'left', dx: 3, fontSize: 9, color: '#666' },
        encoding: { x: { datum: 0, type: 'quantitative' } },
      },
    ],
    config: CONFIG,
  };
}

/** Lines over time (e.g. half-years), one per series (e.g. cluster); hidden points are left out. */
export function trendSpec(options: { data: readonly ChartDatum[]; title: string; axisTitle: string }): TopLevelSpec {
  const periods = [...new Set(options.data.map((d) => d.label))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: options.title, anchor: 'start', fontSize: 13 },
    width: 520,
    height: 220,
    data: { values: options.data.filter((d) => d.value !== null).map((d) => ({ ...d })) },
    mark: { type: 'line', point: true, tooltip: false },
    encoding: {
      x: { field: 'label', type: 'ordinal', sort: periods, title: null, axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: options.axisTitle, axis: { format: ',d' } },
      color: { field: 'series', type: 'nominal', title: null },
    },
    config: CONFIG,
  };
}

export interface RangeDatum {
  readonly label: string;
  readonly series: string;
  readonly median: number | null;
  readonly p90: number | null;
}

/** A distribution per category: a line from the median to the 90th percentile, a dot at the median. */
export function rangeSpec(options: { data: readonly RangeDatum[]; title: string; axisTitle: string }): TopLevelSpec {
  const labels = [...new Set(options.data.map((d) => d.label))];
  const series = [...new Set(options.data.map((d) => d.series))];
  const values = options.data.map((d) => ({ ...d, shown: d.median !== null }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: options.title, anchor: 'start', fontSize: 13 },
    width: 520,
    height: { step: series.length > 1 ? 10 : 14 },
    data: { values },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: labels, title: null },
      yOffset: { field: 'series', type: 'nominal', sort: series },
      color: { field: 'series', type: 'nominal', sort: series, title: null, legend: series.length > 1 ? {} : null },
    },
    layer: [
      {
        transform: [{ filter: 'datum.median !== null && datum.p90 !== null' }],
        mark: { type: 'rule', strokeWidth: 2, tooltip: false },
        encoding: { x: { field: 'median', type: 'quantitative', title: options.axisTitle }, x2: { field: 'p90' } },
      },
      {
        transform: [{ filter: 'datum.median !== null' }],
        mark: { type: 'point', filled: true, size: 40, tooltip: false },
        encoding: { x: { field: 'median', type: 'quantitative' } },
      },
      {
        transform: [{ filter: 'datum.p90 !== null' }],
        mark: { type: 'tick', thickness: 2, size: 8, tooltip: false },
        encoding: { x: { field: 'p90', type: 'quantitative' } },
      },
      {
        transform: [{ filter: 'datum.median === null' }],
        mark: { type: 'text', text: 'x', align: 'left', dx: 3, fontSize: 9, color: '#666' },
        encoding: { x: { datum: 0, type: 'quantitative' } },
      },
    ],
    config: CONFIG,
  };
}

/** Stacked horizontal bars: how each category (e.g. cluster) splits into series (e.g. referral sources). */
export function stackedSpec(options: { data: readonly ChartDatum[]; title: string; axisTitle: string }): TopLevelSpec {
  const labels = [...new Set(options.data.map((d) => d.label))];
  const series = [...new Set(options.data.map((d) => d.series))];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: options.title, anchor: 'start', fontSize: 13 },
    width: 520,
    height: { step: 16 },
    data: { values: options.data.filter((d) => d.value !== null).map((d) => ({ ...d })) },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: labels, title: null },
      x: { field: 'value', type: 'quantitative', title: options.axisTitle, stack: 'zero', axis: { format: ',d' } },
      color: { field: 'series', type: 'nominal', sort: series, title: null },
      order: { field: 'seriesIndex', type: 'quantitative' },
    },
    transform: [{ calculate: `indexof(${JSON.stringify(series)}, datum.series)`, as: 'seriesIndex' }],
    config: CONFIG,
  };
}

/** A loader that refuses everything: charts carry their data inline. */
function offlineLoader() {
  const loader = vegaLoader();
  const refuse = async (uri: string) => {
    throw new Error(`the status report's charts use inline data only; refused to load ${uri}`);
  };
  loader.load = refuse;
  loader.sanitize = refuse;
  return loader;
}

/**
 * The SVG of a chart, ready to inline in HTML: Vega's namespace declarations are dropped (an inline <svg> in HTML
 * gets the SVG namespace from the parser), so the report contains no URL at all.
 */
export async function renderChart(spec: TopLevelSpec): Promise<string> {
  const { spec: vegaSpec } = compile(spec);
  // Vega reports a failed load (a warning) or expression (an error) to its logger and renders on; a report chart
  // must fail instead. Other warnings (e.g. an empty scale when every value of a chart is hidden) are expected.
  const errors: string[] = [];
  const text = (messages: readonly unknown[]) => messages.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  const log = logger(Warn);
  log.error = (...messages: readonly unknown[]) => {
    errors.push(text(messages));
    return log;
  };
  log.warn = (...messages: readonly unknown[]) => {
    if (text(messages).startsWith('Loading failed')) errors.push(text(messages));
    return log;
  };
  const view = new View(parse(vegaSpec), { renderer: 'none', loader: offlineLoader(), logger: log });
  try {
    const svg = await view.toSVG();
    if (errors.length > 0) throw new Error(`chart "${String(spec.title ? JSON.stringify(spec.title) : '')}" failed: ${errors.join('; ')}`);
    return svg.replace(/ xmlns(:xlink)?="[^"]*"/g, '');
  } finally {
    view.finalize();
  }
}
