import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  JAEGER_URL,
  PROMETHEUS_URL,
  type Routes,
  getExemplars,
  getTrace,
  health,
  loadRoutes,
  stack,
  tracesKeptSinceSec,
} from "./stack";

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
      metrics: { reachable: true, exemplarStorage: true, version: expect.stringMatching(/^2\./) },
      traces: { reachable: true },
    });
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
    const traceId = series[0]!.exemplars[0]!.traceId;
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
    stack.startProcess("prometheus-no-exemplars", "prometheus", [
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
