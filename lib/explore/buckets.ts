import type { MatrixData } from "../model/metrics";
import { parseLe } from "../histogram/quantile";

/**
 * Cumulative `le` series (as `sum by (le) (rate(x_bucket[w]))` answers them) turned into
 * per-bucket rates over time, buckets sorted numerically with +Inf last.
 */

export interface BucketGrid {
  /** Upper bounds, ascending; the last is Infinity when +Inf was present. */
  bounds: number[];
  /** Sample times (ms), ascending. */
  timesMs: number[];
  /** rates[bucket][time]: observations per second in (bounds[b-1], bounds[b]]; NaN if missing. */
  rates: number[][];
}

export function bucketGrid(data: MatrixData): BucketGrid {
  if (data.result.some((s) => s.histograms?.length)) return nativeBucketGrid(data);
  const series = data.result
    .map((s) => ({ le: parseLe(s.metric.le ?? ""), values: s.values }))
    .filter((s) => !Number.isNaN(s.le))
    .sort((a, b) => a.le - b.le);
  const timeSet = new Set<number>();
  for (const s of series) for (const [t] of s.values) timeSet.add(Math.round(t * 1000));
  const timesMs = [...timeSet].sort((a, b) => a - b);
  const column = new Map(timesMs.map((t, i) => [t, i]));
  const cumulative = series.map((s) => {
    const row = new Array<number>(timesMs.length).fill(NaN);
    for (const [t, v] of s.values) row[column.get(Math.round(t * 1000))!] = Number(v);
    return row;
  });
  const rates = cumulative.map((row, b) =>
    row.map((value, i) => {
      if (b === 0) return value;
      const below = cumulative[b - 1]![i]!;
      // Counts are cumulative; rate noise can make a difference slightly negative.
      return Number.isNaN(value) || Number.isNaN(below) ? NaN : Math.max(0, value - below);
    }),
  );
  return { bounds: series.map((s) => s.le), timesMs, rates };
}

/**
 * The same grid from native histogram samples (`sum(rate(x[w]))` on Prometheus 3): each sample's
 * buckets already hold per-bucket rates; the rows are the union of their upper bounds (fixed for
 * a converted classic histogram, exponential for a native one). A bucket a sample lacks had no
 * observations then. Buckets wholly below zero are left out: latencies are not negative.
 */
function nativeBucketGrid(data: MatrixData): BucketGrid {
  const samples = data.result.flatMap((s) => s.histograms ?? []);
  const timesMs = [...new Set(samples.map(([t]) => Math.round(t * 1000)))].sort((a, b) => a - b);
  const boundSet = new Set<number>();
  for (const [, histogram] of samples) {
    for (const [, , upper] of histogram.buckets ?? []) if (parseLe(upper) > 0) boundSet.add(parseLe(upper));
  }
  const bounds = [...boundSet].filter((b) => !Number.isNaN(b)).sort((a, b) => a - b);
  const row = new Map(bounds.map((b, i) => [b, i]));
  const column = new Map(timesMs.map((t, i) => [t, i]));
  const rates = bounds.map(() => new Array<number>(timesMs.length).fill(NaN));
  for (const [t, histogram] of samples) {
    const i = column.get(Math.round(t * 1000))!;
    for (const bucketRates of rates) if (Number.isNaN(bucketRates[i]!)) bucketRates[i] = 0;
    for (const [, , upper, count] of histogram.buckets ?? []) {
      const b = row.get(parseLe(upper));
      if (b !== undefined) rates[b]![i]! += Number(count);
    }
  }
  return mergeRows({ bounds, timesMs, rates }, MAX_NATIVE_ROWS);
}

/**
 * The most rows a native histogram's grid keeps: an exponential one has ~20 buckets per power of
 * ten at its usual resolution (176 here for 5 ms to 1 s), more than a heatmap can label.
 */
export const MAX_NATIVE_ROWS = 32;

/**
 * Adjacent rows merged in equal runs until at most `maxRows` remain: each merged row ends at its
 * last bound and holds the sum of the rates (for exponential buckets, every merged row still
 * spans the same ratio).
 */
function mergeRows(grid: BucketGrid, maxRows: number): BucketGrid {
  const run = Math.ceil(grid.bounds.length / maxRows);
  if (run <= 1) return grid;
  const bounds: number[] = [];
  const rates: number[][] = [];
  for (let start = 0; start < grid.bounds.length; start += run) {
    const rows = grid.rates.slice(start, start + run);
    bounds.push(grid.bounds[Math.min(start + run, grid.bounds.length) - 1]!);
    rates.push(
      grid.timesMs.map((_, t) =>
        rows.every((row) => Number.isNaN(row[t]!)) ? NaN : rows.reduce((sum, row) => sum + (row[t]! || 0), 0),
      ),
    );
  }
  return { bounds, timesMs: grid.timesMs, rates };
}

/** Index of the bucket a value falls in: the first bound ≥ value (the last for overflow). */
export function bucketIndexOf(value: number, bounds: readonly number[]): number {
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bounds[mid]! >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Observations per bucket over the whole range: Σ rate × step. */
/** The highest rate in the grid (observations per second); 0 for an empty one. */
export function maxRate(grid: BucketGrid): number {
  let max = 0;
  for (const row of grid.rates) for (const rate of row) if (rate > max) max = rate;
  return max;
}

export function bucketTotals(grid: BucketGrid, stepSec: number): number[] {
  return grid.rates.map((row) =>
    row.reduce((sum, rate) => (Number.isNaN(rate) ? sum : sum + rate * stepSec), 0),
  );
}

/** A series' `le` label as the charts name buckets: "≤ 2.5 s"; "+Inf" and unreadable ones as they are. */
export function leLabel(le: string | undefined, format: (sec: number) => string): string {
  if (le === undefined) return "";
  const bound = Number(le);
  return Number.isFinite(bound) && le.trim() !== "" ? `≤ ${format(bound)}` : le;
}

/**
 * The rows of a bucket axis that get a label when not all fit: every k-th, counted from the top
 * row (the slowest bucket, always labelled), at most `maxLabels`.
 */
export function labelledRows(rows: number, maxLabels: number): number[] {
  const every = Math.max(1, Math.ceil(rows / Math.max(1, maxLabels)));
  const labelled: number[] = [];
  for (let row = rows - 1; row >= 0; row -= every) labelled.unshift(row);
  return labelled;
}

/** "≤ 50 ms", "> 10 s" style bucket names. */
export function bucketLabel(
  bounds: readonly number[],
  index: number,
  format: (sec: number) => string,
): string {
  const upper = bounds[index]!;
  if (upper === Infinity) return bounds.length > 1 ? `> ${format(bounds[bounds.length - 2]!)}` : "all";
  return `≤ ${format(upper)}`;
}

/**
 * Vertical position of a value on a heatmap whose rows are buckets 0..n-1: the bucket's index
 * plus where the value sits inside it (log scale), so exemplars land inside their cell.
 */
export function heatmapRow(value: number, bounds: readonly number[]): number {
  const b = bucketIndexOf(value, bounds);
  const upper = bounds[b]!;
  const lower = b === 0 ? upper / 10 : bounds[b - 1]!;
  if (!Number.isFinite(upper) || value <= lower) return b + 0.5;
  const fraction = (Math.log(value) - Math.log(lower)) / (Math.log(upper) - Math.log(lower));
  return b + Math.min(0.9, Math.max(0.1, fraction));
}
