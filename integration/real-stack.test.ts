import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  JAEGER_URL,
  PROMETHEUS_URL,
  type Routes,
  getExemplars,
  getTrace,
  queryRange,
  health,
  loadRoutes,
  stack,
  tracesKeptSinceSec,
} from "./stack";
import { compareAttributes } from "../lib/compare/attributes";
import { chooseCohorts } from "../lib/compare/cohorts";
import { compareCohorts } from "../lib/compare/operations";
import { exemplarPoints } from "../lib/explore/chart-data";
import type { ExemplarsResponse } from "../lib/model/exemplar";
import type { Trace } from "../lib/model/trace";

/**
 * The explorer's server routes against a real Prometheus 2.42 (exemplar storage on) and a real
 * Jaeger v2, fed by the instrumented shop. Exemplars younger than this are skipped: their
 * traces may still be in the exporter's batch or in Jaeger's tail-sampling wait.
 */
const SETTLE_SEC = 8;
const BUCKETS = "http_server_request_duration_seconds_bucket";

let routes: Routes;

beforeAll(async () => {
  routes = await loadRoutes({ PROMETHEUS_URL, JAEGER_URL, BACKEND_TIMEOUT_MS: "5000" });
});

describe("real Prometheus and Jaeger", () => {
  it("reports both backends live, with exemplar storage on", async () => {
    expect(await health(routes)).toMatchObject({
      mode: "live",
      metrics: {
        reachable: true,
        exemplarStorage: true,
        version: expect.stringMatching(`^${stack.prometheusMajor()}\\.`),
      },
      traces: { reachable: true },
    });
  });

  it("finds the exemplars where this Prometheus keeps them: on the buckets (2.x), on the converted native histogram (3.x)", async () => {
    const { series } = await getExemplars(routes, BUCKETS, 120);
    expect(series.length).toBeGreaterThan(0);
    const names = new Set(series.map((s) => s.labels.__name__));
    if (stack.prometheusMajor() === 3) {
      expect(names).toEqual(new Set(["http_server_request_duration_seconds"]));
      expect(series.every((s) => s.le === undefined)).toBe(true);
      // The same latency through the native series as through the classic buckets. Read on the
      // counts as they are, not through rate(): on counters a minute old (the stack has just
      // started) rate() limits its extrapolation per series, so each classic bucket gets its own
      // factor where the native histogram gets one, and the quantiles drifted ~2% apart.
      const at = Math.floor(Date.now() / 1000) - 10;
      const quantile = async (query: string) =>
        Number((await queryRange(routes, query, at - 60, at, 15)).result[0]!.values.at(-1)![1]);
      const native = await quantile("histogram_quantile(0.9, sum(http_server_request_duration_seconds))");
      const classic = await quantile(
        "histogram_quantile(0.9, sum by (le) (http_server_request_duration_seconds_bucket))",
      );
      expect(native).toBeGreaterThan(0);
      expect(Math.abs(native - classic) / classic).toBeLessThan(0.01);
    } else {
      expect(names).toEqual(new Set(["http_server_request_duration_seconds_bucket"]));
      expect(series.every((s) => typeof s.le === "number")).toBe(true);
    }
  });

  it("returns the shop's exemplars, and each kept trace holds the exemplar's span with the exemplar's duration", async () => {
    // Only exemplars the running Jaeger can have seen: it keeps traces in memory only.
    const since = await tracesKeptSinceSec();
    const { series } = await getExemplars(routes, BUCKETS, 600);
    const now = Date.now() / 1000;
    const exemplars = series
      .flatMap((s) => s.exemplars.map((e) => ({ ...e, series: s.labels })))
      .filter((e) => e.timestampSec > since && e.timestampSec < now - SETTLE_SEC);
    expect(exemplars.length).toBeGreaterThan(20);
    let kept = 0;
    let notFound = 0;
    for (const e of exemplars) {
      const { status, body } = await getTrace(routes, e.traceId);
      if (status === 404) {
        expect(body.error.code).toBe("trace_not_found");
        notFound++;
        continue;
      }
      expect(status).toBe(200);
      kept++;
      const span = body.spans.find((s: { spanId: string }) => s.spanId === e.spanId);
      expect(span, `span ${e.spanId} of trace ${e.traceId}`).toBeDefined();
      expect(span.kind).toBe("server");
      expect(span.serviceName).toBe(e.series.service);
      // Same clock readings on both sides: equal up to Jaeger's microsecond rounding.
      expect(Math.abs(span.durationUs / 1e6 - e.value)).toBeLessThan(0.001);
    }
    expect(kept).toBeGreaterThan(notFound);
    // Jaeger's tail sampling keeps 90%: some exemplars must point at dropped traces.
    expect(notFound).toBeGreaterThan(0);
  });
});

describe("comparing slow requests with typical ones, on real data", () => {
  it("finds the N+1 of GET /api/orders and the customer tier that takes it", async () => {
    // About one slow exemplar in 3 s reaches Prometheus (one per bucket per scrape): wait for a dozen.
    const since = await tracesKeptSinceSec(45);
    const answer = await getExemplars(routes, `${BUCKETS}{service="gateway",route="/api/orders"}`, 600);
    const settledMs = Date.now() - SETTLE_SEC * 1000;
    const points = exemplarPoints(answer as ExemplarsResponse).filter(
      (p) => p.timeMs > since * 1000 && p.timeMs < settledMs,
    );
    // What a person drags on the chart: the requests above 80 ms (typical ones take 10–30 ms).
    const region = { startMs: since * 1000, endMs: settledMs, minValue: 0.08, maxValue: 10 };
    const cohorts = chooseCohorts(points, region, "typical");
    expect(cohorts.slow.length).toBeGreaterThan(5);
    expect(cohorts.baseline.length).toBeGreaterThan(5);
    const fetchKept = async (side: typeof cohorts.slow) => {
      const answers = await Promise.all(side.map((p) => getTrace(routes, p.traceId)));
      return answers.filter((a) => a.status === 200).map((a) => a.body as Trace);
    };
    const [slow, typical] = [await fetchKept(cohorts.slow), await fetchKept(cohorts.baseline)];
    expect(slow.length).toBeGreaterThan(3);
    expect(typical.length).toBeGreaterThan(3);

    const top = compareCohorts(slow, typical).rows[0]!;
    expect(top).toMatchObject({ service: "orders", operation: "SELECT * FROM" });
    expect(top.slow.callsPerTrace).toBeGreaterThan(15);
    expect(top.baseline.callsPerTrace).toBeLessThan(2);
    expect(compareAttributes(slow, typical)[0]).toMatchObject({ key: "customer.tier", value: "enterprise" });
  });
});

describe("when Jaeger goes away", () => {
  afterAll(async () => {
    // Leave Jaeger running for the tests after this one, whatever happened.
    if (
      !(await fetch(`${JAEGER_URL}/api/services`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      stack.startJaeger();
      await stack.waitForJaeger();
    }
  });

  it("answers 502 naming Jaeger, then recovers when Jaeger is back", async () => {
    await tracesKeptSinceSec(10);
    await tracesKeptSinceSec(10);
    const { series } = await getExemplars(routes, BUCKETS, 120);
    // The newest request: no test before this one has asked for its trace, so no answer to it is
    // shared (one opened within 15 s would still be answered while Jaeger is down).
    const newest = series.flatMap((s) => s.exemplars).sort((a, b) => b.timestampSec - a.timestampSec)[0]!;
    const traceId = newest.traceId;
    await stack.stopProcess("jaeger");

    const down = await getTrace(routes, traceId);
    expect(down.status).toBe(502);
    expect(down.body.error).toMatchObject({
      code: "backend_unreachable",
      message: expect.stringMatching(/^Jaeger is unreachable/),
    });
    expect((await health(routes)).traces).toMatchObject({ reachable: false });

    stack.startJaeger();
    await stack.waitForJaeger();
    expect((await health(routes)).traces).toMatchObject({ reachable: true });
    // In memory, the old trace is gone: a clean "not found", not an error.
    const back = await getTrace(routes, traceId);
    expect([200, 404]).toContain(back.status);
    if (back.status === 404) expect(back.body.error.code).toBe("trace_not_found");
  });
});

describe("a Prometheus without exemplar storage", () => {
  const port = 19091;
  afterAll(() => stack.stopProcess("prometheus-no-exemplars"));

  it("is reported as exemplar storage off by /api/health", async () => {
    stack.startProcess("prometheus-no-exemplars", stack.prometheusCommand(), [
      `--config.file=.stack/prometheus.yml`,
      `--storage.tsdb.path=.stack/prometheus-no-exemplars-data`,
      `--web.listen-address=127.0.0.1:${port}`,
      "--log.level=warn",
    ]);
    const url = `http://127.0.0.1:${port}`;
    await vi.waitFor(async () => expect((await fetch(`${url}/-/ready`)).ok).toBe(true), {
      timeout: 20_000,
      interval: 200,
    });
    const other = await loadRoutes({ PROMETHEUS_URL: url, JAEGER_URL });
    expect((await health(other)).metrics).toMatchObject({ reachable: true, exemplarStorage: false });
  });
});
