import type { ExemplarsResponse, Labels } from "../model/exemplar";
import type { MatrixData } from "../model/metrics";

/** Prometheus answers → rows and points the chart draws. Pure, so the math is tested apart. */

export interface LineRow {
  timeMs: number;
  /** Line label → value; missing where the series has no sample. */
  [line: string]: number;
}

export interface ChartLine {
  key: string;
  label: string;
  /** The series' labels, when a query draws several lines (which exemplars belong to which). */
  labels?: Labels;
}

/**
 * Merges the range results of several queries into one row per timestamp. Each result series
 * becomes a line; its key is the query's label, plus the series labels when a query has many.
 */
export function mergeLines(results: { label: string; data: MatrixData }[]): {
  rows: LineRow[];
  lines: ChartLine[];
  /** Series of native histogram samples only (`sum(rate(x[5m]))` on one): no line to draw. */
  histogramSeries: number;
} {
  const byTime = new Map<number, LineRow>();
  const lines: ChartLine[] = [];
  let histogramSeries = 0;
  for (const { label, data } of results) {
    for (const series of data.result) {
      if (series.values.length === 0 && series.histograms?.length) {
        histogramSeries++;
        continue;
      }
      const seriesName = formatLabels(series.metric);
      const key = data.result.length > 1 ? `${label} ${seriesName}`.trim() : label || seriesName || "value";
      lines.push(data.result.length > 1 ? { key, label: key, labels: series.metric } : { key, label: key });
      for (const [timeSec, raw] of series.values) {
        const value = Number(raw);
        if (!Number.isFinite(value)) continue;
        const timeMs = Math.round(timeSec * 1000);
        const row = byTime.get(timeMs) ?? { timeMs };
        row[key] = value;
        byTime.set(timeMs, row);
      }
    }
  }
  return { rows: [...byTime.values()].sort((a, b) => a.timeMs - b.timeMs), lines, histogramSeries };
}

export interface ExemplarPoint {
  timeMs: number;
  value: number;
  traceId: string;
  spanId?: string;
  seriesLabels: Labels;
}

/** All exemplars of all series, slowest first (the order a person looks at them). */
export function exemplarPoints(response: ExemplarsResponse): ExemplarPoint[] {
  const points: ExemplarPoint[] = [];
  for (const series of response.series) {
    for (const e of series.exemplars) {
      points.push({
        timeMs: e.timestampSec * 1000,
        value: e.value,
        traceId: e.traceId,
        spanId: e.spanId,
        seriesLabels: series.labels,
      });
    }
  }
  return points.sort((a, b) => b.value - a.value || a.timeMs - b.timeMs);
}

export function formatLabels(labels: Labels): string {
  const entries = Object.entries(labels).filter(([name]) => name !== "__name__");
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${v}"`).join(", ")}}` : "";
}

/**
 * The line an exemplar belongs to when a query draws several series (`sum by (route) (…)`): the
 * only line whose labels the exemplar's series all carries, `le` and the metric name aside.
 * Undefined when no line, or more than one, fits: the marker then keeps the neutral color.
 */
export function lineOfExemplar(seriesLabels: Labels, lines: readonly ChartLine[]): number | undefined {
  let found: number | undefined;
  for (const [index, line] of lines.entries()) {
    if (!line.labels) continue;
    const fits = Object.entries(line.labels).every(
      ([name, value]) => name === "__name__" || name === "le" || seriesLabels[name] === value,
    );
    if (!fits) continue;
    if (found !== undefined) return undefined;
    found = index;
  }
  return found;
}

/** Log-axis bounds that hold every line and exemplar, with some air. */
export function latencyRange(
  rows: readonly LineRow[],
  lines: readonly ChartLine[],
  exemplars: readonly ExemplarPoint[],
): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  const take = (v: number | undefined) => {
    if (v !== undefined && v > 0 && Number.isFinite(v)) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  };
  for (const row of rows) for (const line of lines) take(row[line.key]);
  for (const e of exemplars) take(e.value);
  return low === Infinity ? [0.001, 1] : [low / 1.5, high * 1.5];
}
