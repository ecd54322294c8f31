import { histogramQuantile } from "../histogram/quantile";
import { type DemoExpr, PromqlError, matches } from "./promql-subset";
import { BUCKET_BOUNDS, bucketIncrements, tickOf } from "./traffic";
import {
  DEMO_METRIC,
  DEMO_SERIES,
  type DemoSeries,
  HISTORY_MS,
  SCRAPE_INTERVAL_MS,
  type WorldClock,
} from "./world";

/**
 * Evaluates the demo's PromQL subset over a range, the way Prometheus's range query does:
 * at `start + k·step`, with `rate` over the ticks scraped inside the window.
 */

export type Labels = Record<string, string>;

/**
 * The demo's histogram is stored both ways, as Prometheus 3 does with a classic histogram it
 * converts (NHCB): `x_bucket` series and one native series `x`. Inside the evaluator a native
 * series travels as its buckets, each tagged with this label (no real label can be named so);
 * the API turns them into histogram samples at the end.
 */
export const NATIVE_BUCKET = "\u0000bucket";
export interface RangeSeries {
  labels: Labels;
  /** One value per step; NaN where the series has no sample. */
  values: Float64Array;
}

export interface RangeQuery {
  startSec: number;
  endSec: number;
  stepSec: number;
}

export const MAX_POINTS_PER_SERIES = 11_000;

/** Time range over which the world has data: its history up to the wall clock. */
export interface DataWindow {
  fromMs: number;
  toMs: number;
}

export function dataWindow(nowMs: number): DataWindow {
  return { fromMs: nowMs - HISTORY_MS, toMs: nowMs };
}

export function stepTimes(range: RangeQuery): number[] {
  if (range.endSec < range.startSec)
    throw new PromqlError("end timestamp must not be before start timestamp");
  if (!(range.stepSec > 0))
    throw new PromqlError(
      "zero or negative query resolution step widths are not accepted. Try a positive integer",
    );
  if ((range.endSec - range.startSec) / range.stepSec > MAX_POINTS_PER_SERIES) {
    throw new PromqlError(
      "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)",
    );
  }
  // Counted, not accumulated: `t += step` never advances once step is below the float
  // resolution of t (start=1e17, or step=1e-7 at today's times), and the loop would never end.
  const count = Math.floor((range.endSec - range.startSec) / range.stepSec + 1e-9) + 1;
  return Array.from({ length: count }, (_, k) => range.startSec + k * range.stepSec);
}

export function evaluateRange(
  expr: DemoExpr,
  range: RangeQuery,
  clock: WorldClock,
  window: DataWindow,
): RangeSeries[] {
  const times = stepTimes(range);
  return evaluate(expr, times, clock, window).filter((s) => s.values.some((v) => !Number.isNaN(v)));
}

function evaluate(expr: DemoExpr, times: number[], clock: WorldClock, window: DataWindow): RangeSeries[] {
  switch (expr.type) {
    case "selector":
      throw new PromqlError(
        `demo mode does not serve raw counters; wrap the selector in rate(${expr.metric}[5m]) or use histogram_quantile`,
      );
    case "rate":
      return evaluateRate(expr, times, clock, window);
    case "sum":
      return sumBy(evaluate(expr.expr, times, clock, window), expr.grouping, expr.labels, times.length);
    case "quantile":
      return quantiles(expr.q, evaluate(expr.expr, times, clock, window), times.length);
  }
}

type Suffix = "_bucket" | "_count" | "_sum";

function evaluateRate(
  expr: Extract<DemoExpr, { type: "rate" }>,
  times: number[],
  clock: WorldClock,
  window: DataWindow,
): RangeSeries[] {
  const native = expr.metric === DEMO_METRIC;
  const suffix = native
    ? "_bucket"
    : (["_bucket", "_count", "_sum"] as const).find((s) => expr.metric === DEMO_METRIC + s);
  if (!suffix) return []; // An unknown metric selects nothing, as in Prometheus.
  const windowMs = expr.windowSec * 1000;
  const firstTick = Math.max(tickOf(times[0]! * 1000 - windowMs), tickOf(window.fromMs));
  const lastTick = Math.min(tickOf(times[times.length - 1]! * 1000), tickOf(window.toMs));
  const out: RangeSeries[] = [];
  for (const series of DEMO_SERIES) {
    const outputs = (native ? nativeSeries(series) : outputSeries(series, suffix)).filter((o) =>
      matches(native ? withoutBucket(o.labels) : o.labels, expr.matchers),
    );
    if (outputs.length === 0 || lastTick < firstTick) continue;
    const prefix = prefixSums(series, clock, firstTick, lastTick);
    for (const { labels, value } of outputs) {
      const values = new Float64Array(times.length).fill(NaN);
      times.forEach((tSec, i) => {
        // Ticks scraped in (t - window, t] that the world has.
        const hi = Math.min(Math.floor((tSec * 1000) / SCRAPE_INTERVAL_MS), lastTick);
        const lo = Math.max(Math.floor((tSec * 1000 - windowMs) / SCRAPE_INTERVAL_MS) + 1, firstTick);
        if (hi - lo < 1) return;
        const increase = value(prefix, hi - firstTick + 1) - value(prefix, lo - firstTick);
        // Like Prometheus, extrapolate what the samples cover to the whole window.
        const coveredSec = ((hi - lo + 1) * SCRAPE_INTERVAL_MS) / 1000;
        const windowIncrease = (increase * expr.windowSec) / Math.max(coveredSec, expr.windowSec * 0.999);
        values[i] = expr.fn === "rate" ? windowIncrease / expr.windowSec : windowIncrease;
      });
      out.push({ labels: withoutName(labels), values });
    }
  }
  return out;
}

interface OutputSeries {
  labels: Labels;
  /** Cumulative value after `ticks` ticks, from the prefix sums. */
  value: (prefix: Float64Array[], ticks: number) => number;
}

/** The Prometheus series one demo series exposes under a suffix (`le` buckets are cumulative). */
function outputSeries(series: DemoSeries, suffix: Suffix): OutputSeries[] {
  const name = DEMO_METRIC + suffix;
  const total = (prefix: Float64Array[], ticks: number) => prefix[BUCKET_BOUNDS.length - 1]![ticks]!;
  if (suffix === "_count") return [{ labels: { __name__: name, ...series.labels }, value: total }];
  if (suffix === "_sum")
    return [
      {
        labels: { __name__: name, ...series.labels },
        value: (prefix, ticks) => prefix[BUCKET_BOUNDS.length]![ticks]!,
      },
    ];
  return BUCKET_BOUNDS.map((le, b) => ({
    labels: { __name__: name, ...series.labels, le: formatLe(le) },
    value: (prefix, ticks) => prefix[b]![ticks]!,
  }));
}

/** The native series `x` of a demo series, as its buckets (cumulative, like `_bucket`). */
function nativeSeries(series: DemoSeries): OutputSeries[] {
  return outputSeries(series, "_bucket").map(({ labels: { le, ...labels }, value }) => ({
    labels: { ...labels, __name__: DEMO_METRIC, [NATIVE_BUCKET]: le! },
    value,
  }));
}

export function withoutBucket(labels: Labels): Labels {
  const { [NATIVE_BUCKET]: _, ...rest } = labels;
  return rest;
}

export function formatLe(le: number): string {
  return le === Infinity ? "+Inf" : String(le);
}

/**
 * Per bucket, cumulative-in-le and cumulative-in-time counts: prefix[b][k] is the number of
 * requests ≤ bound b in the first k ticks. The extra last row is the sum of durations.
 */
function prefixSums(
  series: DemoSeries,
  clock: WorldClock,
  firstTick: number,
  lastTick: number,
): Float64Array[] {
  const n = lastTick - firstTick + 1;
  const rows = Array.from({ length: BUCKET_BOUNDS.length + 1 }, () => new Float64Array(n + 1));
  for (let k = 0; k < n; k++) {
    const counts = bucketIncrements(series, clock, firstTick + k);
    let cumulative = 0;
    let sum = 0;
    for (let b = 0; b < counts.length; b++) {
      cumulative += counts[b]!;
      rows[b]![k + 1] = rows[b]![k]! + cumulative;
      // Bucket midpoints stand in for the durations in the _sum.
      const low = b === 0 ? 0 : BUCKET_BOUNDS[b - 1]!;
      const high = Number.isFinite(BUCKET_BOUNDS[b]!) ? BUCKET_BOUNDS[b]! : low * 1.5;
      sum += counts[b]! * ((low + high) / 2);
    }
    rows[BUCKET_BOUNDS.length]![k + 1] = rows[BUCKET_BOUNDS.length]![k]! + sum;
  }
  return rows;
}

function withoutName(labels: Labels): Labels {
  const { __name__: _, ...rest } = labels;
  return rest;
}

function groupKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function sumBy(
  input: RangeSeries[],
  grouping: "by" | "without",
  names: string[],
  length: number,
): RangeSeries[] {
  const groups = new Map<string, RangeSeries>();
  for (const series of input) {
    const labels = Object.fromEntries(
      Object.entries(series.labels).filter(
        ([name]) =>
          // A native histogram's buckets stay together whatever the grouping.
          name === NATIVE_BUCKET ||
          (grouping === "by" ? names.includes(name) : !names.includes(name) && name !== "__name__"),
      ),
    );
    const key = groupKey(labels);
    let group = groups.get(key);
    if (!group) {
      group = { labels, values: new Float64Array(length).fill(NaN) };
      groups.set(key, group);
    }
    for (let i = 0; i < length; i++) {
      const v = series.values[i]!;
      if (!Number.isNaN(v)) group.values[i] = Number.isNaN(group.values[i]!) ? v : group.values[i]! + v;
    }
  }
  return [...groups.values()];
}

function quantiles(q: number, input: RangeSeries[], length: number): RangeSeries[] {
  const groups = new Map<string, { labels: Labels; buckets: { le: number; values: Float64Array }[] }>();
  for (const series of input) {
    // Classic buckets carry `le`; a native histogram its own buckets (and needs no `by (le)`).
    const { le: classicLe, [NATIVE_BUCKET]: nativeLe, ...labels } = series.labels;
    const le = nativeLe ?? classicLe;
    if (le === undefined) continue;
    const key = groupKey(labels);
    const group = groups.get(key) ?? { labels, buckets: [] };
    group.buckets.push({ le: le === "+Inf" ? Infinity : Number(le), values: series.values });
    groups.set(key, group);
  }
  return [...groups.values()].map(({ labels, buckets }) => {
    const values = new Float64Array(length).fill(NaN);
    for (let i = 0; i < length; i++) {
      const present = buckets.filter((b) => !Number.isNaN(b.values[i]!));
      if (present.length > 0)
        values[i] = histogramQuantile(
          q,
          present.map((b) => ({ le: b.le, count: b.values[i]! })),
        );
    }
    return { labels, values };
  });
}
