import {
  containsSelector,
  parseDemoQuery,
  PromqlError,
  matches,
  selectorsOf,
  vectorSelectors,
  type Matcher,
} from "./promql-subset";
import {
  NATIVE_BUCKET,
  type RangeSeries,
  dataWindow,
  evaluateRange,
  formatLe,
  withoutBucket,
} from "./promql-eval";
import { parseLe } from "../histogram/quantile";
import { BUCKET_BOUNDS, bucketIncrements, tickExemplars, tickOf } from "./traffic";
import { DEMO_METRIC, DEMO_METRIC_HELP, DEMO_SERIES, EXEMPLAR_RETENTION_MS, type WorldClock } from "./world";

/**
 * The demo world behind Prometheus's HTTP API, in Prometheus's own wire format (see
 * fixtures/prometheus-2.42), so demo mode exercises the same client and parsers.
 */

import type { BackendFetch } from "../upstream/call-backend";

const json = (body: unknown, status = 200) => Response.json(body, { status });
const success = (data: unknown) => json({ status: "success", data });
const badData = (error: string) => json({ status: "error", errorType: "bad_data", error }, 400);

export function createDemoPrometheus(clock: WorldClock, now: () => number = Date.now): BackendFetch {
  return async (url, init) => {
    const params = await requestParams(url, init);
    const path = url.pathname.replace(/^.*\/api\/v1\//, "");
    try {
      switch (path) {
        case "query_range":
          return queryRange(params, clock, now());
        case "query_exemplars":
          return queryExemplars(params, clock, now());
        case "metadata":
          return success({ [DEMO_METRIC]: [{ type: "histogram", help: DEMO_METRIC_HELP, unit: "" }] });
        case "series":
          return success(matchingSeries(params).map((s) => s.labels));
        case "labels":
          return success([...new Set(matchingSeries(params).flatMap((s) => Object.keys(s.labels)))].sort());
        case "status/buildinfo":
          return success({
            version: "demo",
            revision: "exemplar-explorer demo world",
            branch: "demo",
            goVersion: "none",
          });
        case "status/flags":
          // As Prometheus 2.x answers: the storage's size is a configuration file setting, not a flag.
          return success({ "enable-feature": "exemplar-storage", "storage.tsdb.path": "demo/" });
        default: {
          const label = /^label\/([^/]+)\/values$/.exec(path);
          if (label) {
            const values = matchingSeries(params).map((s) => s.labels[decodeURIComponent(label[1]!)]);
            return success([...new Set(values.filter((v) => v !== undefined))].sort());
          }
          // Like Prometheus before 3.9, which has no /api/v1/features.
          return new Response("404 page not found\n", {
            status: 404,
            headers: { "Content-Type": "text/plain; charset=utf-8" },
          });
        }
      }
    } catch (error) {
      if (error instanceof PromqlError) return badData(error.message);
      throw error;
    }
  };
}

async function requestParams(url: URL, init?: RequestInit): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.search);
  if (init?.method === "POST" && init.body) {
    for (const [k, v] of new URLSearchParams(await new Response(init.body).text())) params.append(k, v);
  }
  return params;
}

/** Prometheus accepts Unix seconds (with fractions) or RFC 3339. */
function parseTime(value: string | null, name: string, fallbackSec: number): number {
  if (value === null || value === "") return fallbackSec;
  const asNumber = Number(value);
  if (Number.isFinite(asNumber)) return asNumber;
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw new PromqlError(`invalid parameter "${name}": cannot parse "${value}" to a valid timestamp`);
  return ms / 1000;
}

function parseStep(value: string | null): number {
  if (value === null) throw new PromqlError(`invalid parameter "step": cannot parse "" to a valid duration`);
  const asNumber = Number(value);
  if (Number.isFinite(asNumber)) return asNumber;
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(value);
  if (!match) throw new PromqlError(`invalid parameter "step": cannot parse "${value}" to a valid duration`);
  return Number(match[1]) * { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as "s"];
}

function queryRange(params: URLSearchParams, clock: WorldClock, nowMs: number): Response {
  const query = params.get("query") ?? "";
  const startSec = parseTime(params.get("start"), "start", NaN);
  const endSec = parseTime(params.get("end"), "end", NaN);
  if (Number.isNaN(startSec) || Number.isNaN(endSec))
    throw new PromqlError(`invalid parameter "start": cannot parse "" to a valid timestamp`);
  const stepSec = parseStep(params.get("step"));
  const expr = parseDemoQuery(query);
  const result = evaluateRange(expr, { startSec, endSec, stepSec }, clock, dataWindow(nowMs));
  const floats = result.filter((series) => series.labels[NATIVE_BUCKET] === undefined);
  return success({
    resultType: "matrix",
    result: [
      ...floats.map((series) => {
        const values: [number, string][] = [];
        series.values.forEach((v, i) => {
          if (!Number.isNaN(v)) values.push([round3(startSec + i * stepSec), formatSample(v)]);
        });
        return { metric: series.labels, values };
      }),
      ...nativeHistogramSeries(
        result.filter((series) => series.labels[NATIVE_BUCKET] !== undefined),
        (i) => round3(startSec + i * stepSec),
      ),
    ],
  });
}

/**
 * A native histogram's buckets (cumulative, tagged NATIVE_BUCKET) as Prometheus 3 answers them:
 * one series with `histograms` samples `[t, {count, sum, buckets: [[0, lower, upper, count]]}]`,
 * per-bucket counts, empty buckets left out, the first bucket open below as in a converted (NHCB)
 * histogram. The sum stands on bucket midpoints, as the demo's `_sum` does.
 */
function nativeHistogramSeries(buckets: RangeSeries[], timeOf: (i: number) => number) {
  const groups = new Map<
    string,
    { metric: Record<string, string>; bounds: { le: number; values: Float64Array }[] }
  >();
  for (const bucket of buckets) {
    const metric = withoutBucket(bucket.labels);
    const key = JSON.stringify(Object.entries(metric).sort(([a], [b]) => (a < b ? -1 : 1)));
    const group = groups.get(key) ?? { metric, bounds: [] };
    group.bounds.push({ le: parseLe(bucket.labels[NATIVE_BUCKET]!), values: bucket.values });
    groups.set(key, group);
  }
  return [...groups.values()].map(({ metric, bounds }) => {
    bounds.sort((a, b) => a.le - b.le);
    const histograms: [number, unknown][] = [];
    for (let i = 0; i < (bounds[0]?.values.length ?? 0); i++) {
      if (bounds.some((b) => Number.isNaN(b.values[i]!))) continue;
      const sample: [number, string, string, string][] = [];
      let sum = 0;
      bounds.forEach((bound, b) => {
        const below = b === 0 ? 0 : bounds[b - 1]!.values[i]!;
        const count = Math.max(0, bound.values[i]! - below);
        if (count === 0) return;
        const lower = b === 0 ? -Infinity : bounds[b - 1]!.le;
        sample.push([0, formatSample(lower), formatSample(bound.le), formatSample(count)]);
        const low = Number.isFinite(lower) ? lower : 0;
        sum += count * ((low + (Number.isFinite(bound.le) ? bound.le : low * 1.5)) / 2);
      });
      const total = bounds.at(-1)!.values[i]!;
      histograms.push([timeOf(i), { count: formatSample(total), sum: formatSample(sum), buckets: sample }]);
    }
    return { metric, histograms };
  });
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const formatSample = (v: number) => (v === Infinity ? "+Inf" : v === -Infinity ? "-Inf" : String(v));

function queryExemplars(params: URLSearchParams, clock: WorldClock, nowMs: number): Response {
  const query = params.get("query") ?? "";
  if (!containsSelector(query)) return new Response(null, { status: 204 });
  // Like Prometheus: the selectors of the expression, whatever is around them.
  const selectors = vectorSelectors(query);
  const startSec = parseTime(params.get("start"), "start", -Infinity);
  const endSec = parseTime(params.get("end"), "end", nowMs / 1000);
  if (endSec < startSec) throw new PromqlError("end timestamp must not be before start timestamp");
  const window = dataWindow(nowMs);
  const fromMs = Math.max(startSec * 1000, window.fromMs, nowMs - EXEMPLAR_RETENTION_MS);
  const toMs = Math.min(endSec * 1000, window.toMs);

  const bySeries = new Map<string, { seriesLabels: Record<string, string>; exemplars: unknown[] }>();
  for (const series of DEMO_SERIES) {
    const bucketLabels = BUCKET_BOUNDS.map((le) => ({
      __name__: `${DEMO_METRIC}_bucket`,
      ...series.labels,
      le: formatLe(le),
    }));
    const nativeLabels = { __name__: DEMO_METRIC, ...series.labels };
    // Stored both ways: the native series holds the exemplars of all its buckets.
    const nativeWanted = selectors.some((s) => s.metric === DEMO_METRIC && matches(nativeLabels, s.matchers));
    const wanted = bucketLabels.map(
      (labels) =>
        nativeWanted || selectors.some((s) => s.metric === labels.__name__ && matches(labels, s.matchers)),
    );
    if (!wanted.some(Boolean) || toMs < fromMs) continue;
    // A request finishing in a tick's interval is scraped at the end of that interval.
    for (let tick = tickOf(fromMs); tick <= tickOf(toMs) + 1; tick++) {
      for (const e of tickExemplars(series, clock, tick, bucketIncrements(series, clock, tick))) {
        if (!wanted[e.request.bucketIndex] || e.timestampMs < fromMs || e.timestampMs > toMs) continue;
        const bucketLabel = bucketLabels[e.request.bucketIndex]!;
        const bucketWanted = selectors.some(
          (s) => s.metric === bucketLabel.__name__ && matches(bucketLabel, s.matchers),
        );
        // Asked for both (the explorer's `x_bucket{…} or x{…}`), Prometheus answers each series.
        for (const [key, labels] of [
          ...(bucketWanted ? [[`${series.index}/${bucketLabel.le}`, bucketLabel] as const] : []),
          ...(nativeWanted ? [[`${series.index}/native`, nativeLabels] as const] : []),
        ]) {
          const entry = bySeries.get(key) ?? { seriesLabels: labels, exemplars: [] as unknown[] };
          entry.exemplars.push({
            labels: { trace_id: e.traceId, span_id: e.spanId },
            value: String(e.valueSec),
            timestamp: e.timestampMs / 1000,
          });
          bySeries.set(key, entry);
        }
      }
    }
  }
  return success([...bySeries.values()]);
}

function matchingSeries(params: URLSearchParams): { labels: Record<string, string> }[] {
  const all = DEMO_SERIES.flatMap((series) => [
    ...BUCKET_BOUNDS.map((le) => ({
      labels: { __name__: `${DEMO_METRIC}_bucket`, ...series.labels, le: formatLe(le) },
    })),
    { labels: { __name__: `${DEMO_METRIC}_count`, ...series.labels } },
    { labels: { __name__: `${DEMO_METRIC}_sum`, ...series.labels } },
    // The native series of the same histogram (see NATIVE_BUCKET).
    { labels: { __name__: DEMO_METRIC, ...series.labels } },
  ]);
  const selectors: { metric: string; matchers: Matcher[] }[] = params
    .getAll("match[]")
    .flatMap((m) => selectorsOf(parseDemoQuery(m)));
  if (selectors.length === 0) return all;
  return all.filter((s) =>
    selectors.some(
      (sel) => (sel.metric === "" || sel.metric === s.labels.__name__) && matches(s.labels, sel.matchers),
    ),
  );
}

/**
 * How much work the demo world does to answer `query` over a range, in series × scrape intervals:
 * its answers are computed on the server's one thread (6 h of all 20 series, ~29,000, take
 * ~0.85 s on a 2-core machine; 24 h of them ~2.8 s), so a caller can choose not to wait for them.
 */
export function demoAnswerWork(query: string, startSec: number, endSec: number): number {
  let selectors: ReturnType<typeof vectorSelectors>;
  try {
    if (!containsSelector(query)) return 0;
    selectors = vectorSelectors(query);
  } catch (error) {
    // Malformed PromQL: the demo's answer is its parse error, at once.
    if (error instanceof PromqlError) return 0;
    throw error;
  }
  const wanted = DEMO_SERIES.filter((series) =>
    selectors.some(
      (s) =>
        [DEMO_METRIC, `${DEMO_METRIC}_bucket`, `${DEMO_METRIC}_count`, `${DEMO_METRIC}_sum`].includes(
          s.metric,
        ) && matches(series.labels, s.matchers),
    ),
  );
  return wanted.length * Math.max(0, tickOf(endSec * 1000) - tickOf(startSec * 1000) + 1);
}
