import { beforeAll, describe, expect, it } from "vitest";
import {
  JAEGER_URL,
  PROMETHEUS_URL,
  type Routes,
  getTrace,
  loadRoutes,
  stack,
  tracesKeptSinceSec,
} from "./stack";
import { MAX_NATIVE_ROWS, bucketGrid } from "../lib/explore/buckets";
import { planQueries } from "../lib/explore/query-plan";
import type { MatrixData } from "../lib/model/metrics";

/**
 * An OpenTelemetry pipeline with exemplars, end to end: Jaeger's span metrics connector turns the
 * shop's spans into an exponential histogram carrying spans as exemplars and pushes it to
 * Prometheus 3's OTLP receiver, which stores a native histogram with no metadata
 * (stack/jaeger/spanmetrics.yaml). Only in the Prometheus 3 round: Prometheus 2.42 has no OTLP
 * receiver, so these tests are skipped there (scripts/stack.mjs, spanMetricsMode).
 */

const SPAN_METRICS = "traces_span_metrics_duration_seconds";
const GATEWAY_SERVER = `${SPAN_METRICS}{service_name="gateway",span_kind="SPAN_KIND_SERVER"}`;

let routes: Routes;

beforeAll(async () => {
  routes = await loadRoutes({ PROMETHEUS_URL, JAEGER_URL, BACKEND_TIMEOUT_MS: "5000" });
});

async function answer<T>(response: Response): Promise<T> {
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body as T;
}

describe.skipIf(!stack.spanMetricsMode())(
  "Jaeger's span metrics in Prometheus 3 (Prometheus 3 round only)",
  () => {
    it("lists the exponential histogram among the histograms although Prometheus has no metadata for it", async () => {
      const { families } = await answer<{ families: { name: string }[] }>(await routes.histograms.GET());
      expect(families).toContainEqual(
        expect.objectContaining({
          name: SPAN_METRICS,
          classic: false,
          native: true,
          labelNames: expect.arrayContaining(["http_route", "service_name", "span_kind", "span_name"]),
        }),
      );
    });

    it("draws its quantiles and a heatmap of its exponential buckets, as the explorer asks for them", async () => {
      const now = Date.now();
      const plan = planQueries(GATEWAY_SERVER, now - 5 * 60_000, now, "native")!;
      const get = (query: string) =>
        routes.queryRange.GET(
          new Request(
            `http://localhost/api/metrics/query_range?${new URLSearchParams({
              query,
              start: String(plan.startSec),
              end: String(plan.endSec),
              step: String(plan.stepSec),
            })}`,
          ),
        );
      const p99 = await answer<MatrixData>(await get(plan.lines.at(-1)!.query));
      const values = p99.result[0]!.values.map(([, v]) => Number(v)).filter(Number.isFinite);
      expect(values.length).toBeGreaterThan(3);
      expect(values.every((v) => v > 0.001 && v < 10)).toBe(true);
      const grid = bucketGrid(await answer<MatrixData>(await get(plan.bucketRates!)));
      expect(grid.bounds.length).toBeGreaterThan(4);
      expect(grid.bounds.length).toBeLessThanOrEqual(MAX_NATIVE_ROWS);
    });

    it("carries the spans as exemplars, placed by value, and each kept trace holds its span with that duration", async () => {
      const since = await tracesKeptSinceSec();
      const now = Math.floor(Date.now() / 1000);
      const { series } = await answer<{
        series: {
          labels: Record<string, string>;
          exemplars: { traceId: string; spanId: string; value: number; timestampSec: number }[];
        }[];
      }>(
        await routes.exemplars.GET(
          new Request(
            `http://localhost/api/exemplars?${new URLSearchParams({ query: GATEWAY_SERVER, start: String(now - 300), end: String(now) })}`,
          ),
        ),
      );
      const exemplars = series
        .flatMap((s) => s.exemplars)
        .filter((e) => e.timestampSec > since && e.timestampSec < now - 8)
        .slice(0, 40);
      expect(exemplars.length).toBeGreaterThan(10);
      let kept = 0;
      for (const e of exemplars) {
        const { status, body } = await getTrace(routes, e.traceId);
        if (status === 404) continue;
        expect(status).toBe(200);
        kept++;
        const span = body.spans.find((s: { spanId: string }) => s.spanId === e.spanId);
        expect(span, `span ${e.spanId} of trace ${e.traceId}`).toBeDefined();
        expect(span.serviceName).toBe("gateway");
        expect(Math.abs(span.durationUs / 1e6 - e.value)).toBeLessThan(0.001);
      }
      // Span metrics see every span, before Jaeger's tail sampling drops about one trace in ten.
      expect(kept).toBeGreaterThan(exemplars.length / 2);
    });
  },
);
