import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import type { BackendTarget } from "../upstream/call-backend";
import { PrometheusSource } from "../metrics/prometheus-source";
import { JaegerV1Source } from "../traces/jaeger-source";
import { createDemoJaeger } from "./jaeger-api";
import { syntheticTraceId } from "./synthetic-trace";
import { createDemoPrometheus, demoAnswerWork } from "./prometheus-api";
import { DEMO_METRIC, ORDERS_CANARY, lastEndedRegressionEpisode } from "./world";
import { compareAttributes } from "../compare/attributes";
import { MAX_TRACES_PER_COHORT, chooseCohorts } from "../compare/cohorts";
import { compareCohorts } from "../compare/operations";
import { exemplarPoints } from "../explore/chart-data";
import { bucketGrid } from "../explore/buckets";

/**
 * The demo world through the same clients live mode uses: its answers must parse, and its
 * story must hold together (every exemplar agrees with its trace).
 */

const NOW = Date.parse("2026-11-24T12:00:00Z");
const clock = { seed: 7 };

function target(name: string, fetch: BackendTarget["fetch"]): BackendTarget {
  return {
    displayName: name,
    baseUrl: new URL(`demo://${name}`),
    headers: {},
    fetch,
    timeoutMs: 5000,
    maxResponseBytes: 64e6,
  };
}

function demoSources(seed = clock.seed) {
  const c = { seed };
  return {
    metrics: new PrometheusSource(
      target(
        "prometheus",
        createDemoPrometheus(c, () => NOW),
      ),
      ["trace_id"],
    ),
    traces: new JaegerV1Source(
      target(
        "jaeger",
        createDemoJaeger(c, () => NOW),
      ),
    ),
  };
}

const ORDERS = `${DEMO_METRIC}_bucket{job="api-gateway",method="GET",route="/api/v1/orders"}`;
const p99 = (selector: string) => `histogram_quantile(0.99, sum by (le) (rate(${selector}[1m])))`;

describe("demo world", () => {
  const { metrics, traces } = demoSources();

  it("agrees with its traces: each exemplar's span exists and lasts exactly the exemplar's value", async () => {
    const { series } = await metrics.exemplars(`${DEMO_METRIC}_bucket`, NOW / 1000 - 900, NOW / 1000);
    const exemplars = series.flatMap((s) => s.exemplars.map((e) => ({ ...e, series: s.labels })));
    expect(exemplars.length).toBeGreaterThan(500);
    let sampledOut = 0;
    for (const e of exemplars.filter((_, i) => i % 5 === 0)) {
      const trace = await traces.getTrace(e.traceId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === "trace_not_found") return undefined;
        throw error;
      });
      if (!trace) {
        sampledOut++;
        continue;
      }
      const span = trace.spans.find((s) => s.spanId === e.spanId);
      expect(span, `span ${e.spanId} in trace ${e.traceId}`).toBeDefined();
      expect(span!.durationUs).toBe(Math.round(e.value * 1e6));
      expect(span!.kind).toBe("server");
      expect(span!.serviceName).toBe(e.series.job);
      expect(span!.attributes["http.route"]).toBe(e.series.route);
      expect(trace.warnings).toEqual([]);
      // An exemplar of a bucket series lies in its bucket (the native series has no `le`).
      if (e.series.le !== undefined) {
        expect(e.value).toBeLessThanOrEqual(e.series.le === "+Inf" ? Infinity : Number(e.series.le));
      }
    }
    const checked = Math.ceil(exemplars.length / 5);
    expect(sampledOut / checked).toBeGreaterThan(0.01);
    expect(sampledOut / checked).toBeLessThan(0.12);
  });

  it("answers a question about the past the same whenever it is asked: every instance tells the same story", async () => {
    const question = { query: p99(ORDERS), startSec: NOW / 1000 - 3600, endSec: NOW / 1000, stepSec: 60 };
    const askedAt = (nowMs: number) =>
      new PrometheusSource(
        target(
          "prometheus",
          createDemoPrometheus(clock, () => nowMs),
        ),
        ["trace_id"],
      );
    const [now, later] = await Promise.all([
      askedAt(NOW).queryRange(question),
      askedAt(NOW + 10 * 60_000).queryRange(question),
    ]);
    expect(later).toEqual(now);
    expect(await askedAt(NOW + 3_600_000).exemplars(ORDERS, question.startSec, question.endSec)).toEqual(
      await askedAt(NOW).exemplars(ORDERS, question.startSec, question.endSec),
    );
  });

  it("tells the regression: p99 of GET /api/v1/orders sits in the 0.5–1 s bucket during the episode only", async () => {
    const episode = lastEndedRegressionEpisode(NOW);
    const data = await metrics.queryRange({
      query: p99(ORDERS),
      startSec: NOW / 1000 - 3600,
      endSec: NOW / 1000,
      stepSec: 60,
    });
    const values = data.result[0]!.values.map(([t, v]) => ({ ms: t * 1000, v: Number(v) }));
    const during = values.filter((x) => x.ms > episode.startMs + 180_000 && x.ms < episode.endMs - 60_000);
    const before = values.filter((x) => x.ms < episode.startMs - 60_000);
    expect(during.length).toBeGreaterThan(10);
    expect(during.every((x) => x.v > 0.5 && x.v <= 1)).toBe(true);
    expect(before.every((x) => x.v < 0.5)).toBe(true);
  });

  it("puts the slow database span and the N+1 pattern in the regression's slowest trace", async () => {
    const episode = lastEndedRegressionEpisode(NOW);
    const { series } = await metrics.exemplars(ORDERS, episode.startMs / 1000, episode.endMs / 1000);
    const slowest = series.flatMap((s) => s.exemplars).sort((a, b) => b.value - a.value);
    let trace;
    for (const e of slowest) {
      trace = await traces.getTrace(e.traceId).catch(() => undefined);
      if (trace) break;
    }
    expect(trace).toBeDefined();
    const itemQueries = trace!.spans.filter(
      (s) => s.attributes["db.query.text"] === "SELECT * FROM order_items WHERE order_id = $1",
    );
    expect(itemQueries.length).toBeGreaterThan(20);
    expect(new Set(trace!.services)).toEqual(new Set(["frontend", "api-gateway", "orders"]));
  });

  it("lets a comparison of the regression's slow requests with typical ones name the N+1, the lock wait and the canary", async () => {
    const episode = lastEndedRegressionEpisode(NOW);
    const answer = await metrics.exemplars(ORDERS, NOW / 1000 - 3600, NOW / 1000);
    const points = exemplarPoints(answer);
    // What a person drags around on the chart: the high markers during the episode.
    const region = {
      startMs: episode.startMs + 180_000,
      endMs: episode.endMs - 120_000,
      minValue: 0.45,
      maxValue: 2,
    };
    const cohorts = chooseCohorts(points, region, "typical");
    expect(cohorts.slow.length).toBeGreaterThan(15);
    expect(cohorts.baseline.length).toBe(MAX_TRACES_PER_COHORT);
    const fetchAll = async (side: typeof cohorts.slow) =>
      (await Promise.all(side.map((p) => traces.getTrace(p.traceId).catch(() => undefined)))).filter(
        (t) => t !== undefined,
      );
    const [slow, typical] = [await fetchAll(cohorts.slow), await fetchAll(cohorts.baseline)];
    // A few traces were sampled out, as in the story.
    expect(slow.length).toBeGreaterThan(0.8 * cohorts.slow.length);
    expect(typical.length).toBeGreaterThan(0.8 * cohorts.baseline.length);

    const { rows } = compareCohorts(slow, typical);
    expect(rows.slice(0, 2).map((r) => `${r.service} ${r.operation}`)).toEqual([
      "orders SELECT order_items",
      "orders SELECT orders",
    ]);
    expect(rows[0]!.slow.callsPerTrace).toBeGreaterThan(28);
    expect(rows[0]!.baseline.callsPerTrace).toBeCloseTo(1, 0);

    const findings = compareAttributes(slow, typical);
    expect(
      findings
        .slice(0, 2)
        .map((f) => `${f.key}=${f.value}`)
        .sort(),
    ).toEqual([
      `host.name=${ORDERS_CANARY["host.name"]}`,
      `service.version=${ORDERS_CANARY["service.version"]}`,
    ]);
    expect(
      findings.find((f) => f.value === "SELECT * FROM order_items WHERE order_id = $1")?.difference,
    ).toBe(1);
  });

  it("has errors and retries in the story", async () => {
    const errors = await metrics.exemplars(
      `${DEMO_METRIC}_bucket{status_code="500"}`,
      NOW / 1000 - 3600,
      NOW / 1000,
    );
    const errorTraces = await Promise.all(
      errors.series
        .flatMap((s) => s.exemplars)
        .slice(0, 10)
        .map((e) => traces.getTrace(e.traceId).catch(() => undefined)),
    );
    expect(
      errorTraces.some((t) =>
        t?.spans.some((s) => s.status === "error" && s.events.some((ev) => ev.name === "exception")),
      ),
    ).toBe(true);
  });

  it("is deterministic for a seed and clock, and differs across seeds", async () => {
    const range = { query: p99(ORDERS), startSec: NOW / 1000 - 600, endSec: NOW / 1000, stepSec: 30 };
    expect(await demoSources().metrics.queryRange(range)).toEqual(await metrics.queryRange(range));
    const a = await metrics.exemplars(ORDERS, NOW / 1000 - 600, NOW / 1000);
    const b = await demoSources(8).metrics.exemplars(ORDERS, NOW / 1000 - 600, NOW / 1000);
    expect(a).toEqual(await demoSources().metrics.exemplars(ORDERS, NOW / 1000 - 600, NOW / 1000));
    expect(a.series[0]!.exemplars[0]!.traceId).not.toBe(b.series[0]!.exemplars[0]!.traceId);
  });

  it("serves a synthetic trace of the asked size, the same answer again while it is kept", async () => {
    const id = syntheticTraceId(2_000);
    const first = await traces.getTrace(id);
    expect(first.spans).toHaveLength(2_000);
    expect(await traces.getTrace(id)).toEqual(first);
    // Kept like a store keeps it: a minute later the same answer, not one regenerated for then.
    let nowMs = NOW;
    const jaeger = createDemoJaeger(clock, () => nowMs);
    const answer = () => jaeger(new URL(`demo://jaeger/api/traces/${id}`)).then((r) => r.text());
    const kept = await answer();
    nowMs += 60_000;
    expect(await answer()).toBe(kept);
    nowMs += 60 * 60_000;
    expect(await answer()).not.toBe(kept);
  });

  it("answers unknown, foreign and future trace IDs with trace_not_found", async () => {
    for (const id of ["0123456789abcdef0123456789abcdef", "abc"]) {
      await expect(traces.getTrace(id.padStart(32, "0"))).rejects.toMatchObject({ code: "trace_not_found" });
    }
    const later = demoSources();
    const { series } = await later.metrics.exemplars(ORDERS, NOW / 1000 - 60, NOW / 1000);
    const traceId = series[0]!.exemplars[0]!.traceId;
    const past = new JaegerV1Source(
      target(
        "jaeger",
        createDemoJaeger(clock, () => NOW - 3600_000),
      ),
    );
    await expect(past.getTrace(traceId)).rejects.toMatchObject({ code: "trace_not_found" });
  });

  it("keeps exemplars only for the last 24 hours, like Prometheus's bounded exemplar storage", async () => {
    const old = await metrics.exemplars(ORDERS, NOW / 1000 - 3 * 86400, NOW / 1000 - 2 * 86400);
    expect(old.series).toEqual([]);
    const latency = await metrics.queryRange({
      query: p99(ORDERS),
      startSec: NOW / 1000 - 3 * 86400,
      endSec: NOW / 1000 - 2 * 86400,
      stepSec: 3600,
    });
    expect(latency.result[0]!.values.length).toBe(25);
  });

  it("explains PromQL it does not evaluate, and reports parse errors with a position", async () => {
    const range = { startSec: NOW / 1000 - 600, endSec: NOW / 1000, stepSec: 60 };
    await expect(metrics.queryRange({ ...range, query: "max(up)" })).rejects.toMatchObject({
      code: "invalid_query",
      message: /demo mode evaluates histogram_quantile/,
    });
    await expect(metrics.queryRange({ ...range, query: "sum by (le (rate(x[5m])" })).rejects.toMatchObject({
      code: "invalid_query",
      message: /1:\d+: parse error/,
    });
    expect(await metrics.exemplars("1", range.startSec, range.endSec)).toEqual({
      series: [],
      withoutTraceId: 0,
    });
  });

  it("serves its histogram family with label names", async () => {
    expect(await metrics.histogramFamilies()).toEqual([
      {
        name: DEMO_METRIC,
        help: expect.any(String),
        labelNames: ["instance", "job", "method", "route", "status_code"],
        // Stored both ways, as Prometheus 3 stores a classic histogram it converts (NHCB).
        classic: true,
        native: true,
      },
    ]);
    expect(await metrics.capabilities()).toMatchObject({ reachable: true, exemplarStorage: true });
  });
});

describe("the demo's native histogram (the same traffic, as Prometheus 3 stores a converted one)", () => {
  const { metrics } = demoSources();
  const range = { startSec: NOW / 1000 - 1800, endSec: NOW / 1000, stepSec: 60 };
  const ROUTE = 'job="api-gateway",route="/api/v1/orders"';

  it("answers histogram samples whose bucket rates are the classic buckets' rates", async () => {
    const native = await metrics.queryRange({ query: `sum(rate(${DEMO_METRIC}{${ROUTE}}[5m]))`, ...range });
    expect(native.result).toHaveLength(1);
    expect(native.result[0]!.values).toEqual([]);
    const classic = await metrics.queryRange({
      query: `sum by (le) (rate(${DEMO_METRIC}_bucket{${ROUTE}}[5m]))`,
      ...range,
    });
    const [nativeGrid, classicGrid] = [bucketGrid(native), bucketGrid(classic)];
    expect(nativeGrid.timesMs).toEqual(classicGrid.timesMs);
    for (const [b, bound] of nativeGrid.bounds.entries()) {
      const row = classicGrid.bounds.indexOf(bound);
      nativeGrid.rates[b]!.forEach((rate, t) => expect(rate).toBeCloseTo(classicGrid.rates[row]![t]!, 9));
    }
  });

  it("gives the same quantiles without `by (le)`, and its exemplars on the one native series", async () => {
    const quantile = async (query: string) =>
      (await metrics.queryRange({ query, ...range })).result[0]!.values.map(([, v]) => Number(v));
    const native = await quantile(`histogram_quantile(0.99, sum(rate(${DEMO_METRIC}{${ROUTE}}[5m])))`);
    const classic = await quantile(
      `histogram_quantile(0.99, sum by (le) (rate(${DEMO_METRIC}_bucket{${ROUTE}}[5m])))`,
    );
    expect(native.length).toBeGreaterThan(10);
    native.forEach((v, i) => expect(v).toBeCloseTo(classic[i]!, 9));

    const { series } = await metrics.exemplars(`${DEMO_METRIC}{${ROUTE}}`, range.startSec, range.endSec);
    expect(series.length).toBeGreaterThan(0);
    expect(series.every((s) => s.labels.__name__ === DEMO_METRIC && s.le === undefined)).toBe(true);
    // Asked for the buckets, the explorer gets both series' copies and keeps each request once.
    const both = await metrics.exemplars(`${DEMO_METRIC}_bucket{${ROUTE}}`, range.startSec, range.endSec);
    const ids = both.series.flatMap((s) => s.exemplars.map((e) => e.spanId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(series.flatMap((s) => s.exemplars).length);
  });
});

describe("demoAnswerWork: how much the demo computes for an answer", () => {
  const hour = 3600;
  it("counts the series a query selects times the scrape intervals of its range", () => {
    const oneJob = demoAnswerWork(`${DEMO_METRIC}{job="api-gateway"}`, 0, hour);
    const all = demoAnswerWork(DEMO_METRIC, 0, hour);
    expect(oneJob).toBeGreaterThan(0);
    expect(all).toBeGreaterThan(oneJob);
    // Twenty-four times the range, about twenty-four times the work.
    expect(demoAnswerWork(DEMO_METRIC, 0, 24 * hour) / all).toBeCloseTo(24, 0);
    // The same series through their buckets, or wrapped in functions.
    expect(demoAnswerWork(`histogram_quantile(0.9, rate(${DEMO_METRIC}_bucket[5m]))`, 0, hour)).toBe(all);
  });

  it("is nothing for a query the demo has no series for", () => {
    expect(demoAnswerWork(`${DEMO_METRIC}{job="nowhere"}`, 0, hour)).toBe(0);
    expect(demoAnswerWork("up", 0, hour)).toBe(0);
    expect(demoAnswerWork("1 + 1", 0, hour)).toBe(0);
    // Malformed PromQL: answered with its parse error, no work (and no exception for the page).
    expect(demoAnswerWork("sum by (le (rate(x[5m])", 0, hour)).toBe(0);
  });
});
