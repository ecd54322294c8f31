import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_NATIVE_ROWS, bucketGrid } from "../explore/buckets";
import { mergeLines } from "../explore/chart-data";
import { type FixtureServer, startFixtureServer } from "../testing/fixture-server";
import { readFixture } from "../testing/fixtures";
import { prometheusAt } from "../testing/prometheus-at";
import { normalizeExemplars } from "./prometheus-source";
import { matrixData } from "./prometheus-wire";

/**
 * Contract tests: the Prometheus client against answers recorded from a real Prometheus 3.16
 * that converts a classic histogram to a native one (NHCB), as many run it while migrating.
 */

const P = "prometheus-3.16/";
const ROUTE = 'route="/api/orders"';
let server: FixtureServer;
let exemplarQueries: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer({
    "/api/v1/query_exemplars": (_req, url) => {
      const query = url.searchParams.get("query") ?? "";
      exemplarQueries.push(query);
      // What Prometheus 3 answers: nothing on `_bucket`, the exemplars on the native series.
      return {
        body: readFixture(
          `${P}${query.includes(" or ") ? "query_exemplars_native" : "query_exemplars_bucket"}.json`,
        ),
      };
    },
    "/api/v1/query_range": (_req, url) => {
      const query = url.searchParams.get("query") ?? "";
      if (query.startsWith("sum(rate(")) return { body: readFixture(`${P}query_range_native_rate.json`) };
      if (query.includes("sum by (le)")) return { body: readFixture(`${P}query_range_classic_p99.json`) };
      return { body: readFixture(`${P}query_range_native_p99.json`) };
    },
    "/api/v1/status/buildinfo": { body: readFixture(`${P}status_buildinfo.json`) },
    "/api/v1/features": { body: readFixture(`${P}features.json`) },
  });
});
afterAll(() => server.close());

const source = () => prometheusAt(server.url);

describe("PrometheusSource against recorded Prometheus 3.16 answers (classic histogram converted to native)", () => {
  it("finds the exemplars Prometheus keeps on the native series when asked for the buckets", async () => {
    exemplarQueries = [];
    const { series } = await source().exemplars(
      `http_server_request_duration_seconds_bucket{${ROUTE}}`,
      0,
      1,
    );
    expect(exemplarQueries).toEqual([
      `http_server_request_duration_seconds_bucket{${ROUTE}} or http_server_request_duration_seconds{${ROUTE}}`,
    ]);
    expect(series).toHaveLength(1);
    expect(series[0]!.labels.__name__).toBe("http_server_request_duration_seconds");
    // Placed by value: a native series has no `le`.
    expect(series[0]!.le).toBeUndefined();
    expect(series[0]!.exemplars.length).toBeGreaterThan(50);
    for (const e of series[0]!.exemplars) {
      expect(e.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(e.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(e.value).toBeGreaterThan(0);
    }
  });

  it("reads its version and exemplar storage from /api/v1/features", async () => {
    expect(await source().capabilities()).toMatchObject({
      reachable: true,
      version: "3.16.0",
      exemplarStorage: true,
    });
  });

  it("agrees on p99 from the native series and from the classic buckets", async () => {
    const range = { startSec: 0, endSec: 120, stepSec: 15 };
    const native = await source().queryRange({
      query: `histogram_quantile(0.99, sum(rate(http_server_request_duration_seconds{${ROUTE}}[30s])))`,
      ...range,
    });
    const classic = await source().queryRange({
      query: `histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{${ROUTE}}[30s])))`,
      ...range,
    });
    const nativeValues = native.result[0]!.values.map(([, v]) => Number(v));
    const classicValues = classic.result[0]!.values.map(([, v]) => Number(v));
    expect(nativeValues.length).toBe(classicValues.length);
    nativeValues.forEach((v, i) => expect(v).toBeCloseTo(classicValues[i]!, 6));
  });

  it("reads an answer of native histogram samples, which has no line to draw", async () => {
    const data = await source().queryRange({
      query: `sum(rate(http_server_request_duration_seconds{${ROUTE}}[30s]))`,
      startSec: 0,
      endSec: 60,
      stepSec: 15,
    });
    expect(data.result[0]!.values).toEqual([]);
    const [, first] = data.result[0]!.histograms![0]!;
    expect(Number(first.count)).toBeGreaterThan(0);
    expect(first.buckets!.length).toBeGreaterThan(2);
    expect(mergeLines([{ label: "", data }])).toMatchObject({ rows: [], lines: [], histogramSeries: 1 });
  });

  it("keeps `le` as Prometheus 3 writes it: normalized floats", () => {
    const data = matrixData.parse(JSON.parse(readFixture(`${P}query_range_buckets_le.json`)).data);
    const les = data.result.map((s) => s.metric.le);
    expect(les).toContain("+Inf");
    expect(les.every((le) => le === "+Inf" || !Number.isNaN(Number(le)))).toBe(true);
    expect(JSON.parse(readFixture(`${P}series_le_1.json`)).data).toEqual([]);
  });
});

describe("normalizeExemplars", () => {
  it("keeps one request's exemplar once when two series carry it (a bucket and its native twin, or two replicas)", () => {
    const exemplar = {
      labels: { trace_id: "0af7651916cd43dd8448eb211c80319c", span_id: "b7ad6b7169203331" },
      value: "0.25",
      timestamp: 1795689144.037,
    };
    const other = { ...exemplar, labels: { ...exemplar.labels, span_id: "00f067aa0ba902b7" } };
    const { series } = normalizeExemplars(
      [
        { seriesLabels: { __name__: "x", job: "a" }, exemplars: [exemplar, other] },
        { seriesLabels: { __name__: "x_bucket", job: "a", le: "0.25" }, exemplars: [exemplar] },
      ],
      ["trace_id"],
    );
    expect(series.flatMap((s) => s.exemplars.map((e) => e.spanId))).toEqual([
      "b7ad6b7169203331",
      "00f067aa0ba902b7",
    ]);
    // A series left with nothing new is not listed.
    expect(series).toHaveLength(1);
  });

  it("keeps an HA pair's copies of one exemplar once, at the earlier time, when each replica stamped its own scrape", () => {
    const labels = { trace_id: "0af7651916cd43dd8448eb211c80319c", span_id: "b7ad6b7169203331" };
    const { series } = normalizeExemplars(
      [
        {
          seriesLabels: { __name__: "x_bucket", le: "0.5", replica: "b" },
          exemplars: [{ labels, value: "0.25", timestamp: 1795689146.5 }],
        },
        {
          seriesLabels: { __name__: "x_bucket", le: "0.5", replica: "a" },
          exemplars: [
            { labels, value: "0.25", timestamp: 1795689145.1 },
            // Another request of the same trace, with another duration: kept.
            { labels: { trace_id: labels.trace_id }, value: "0.3", timestamp: 1795689145.2 },
          ],
        },
      ],
      ["trace_id"],
    );
    expect(series.flatMap((s) => s.exemplars.map((e) => [e.value, e.timestampSec]))).toEqual([
      [0.25, 1795689145.1],
      [0.3, 1795689145.2],
    ]);
  });
});

describe("an exponential native histogram received over OTLP (recorded Prometheus 3.16)", () => {
  it("becomes a heatmap grid of a few dozen rows whose rates add up to the sample's count", () => {
    const data = matrixData.parse(JSON.parse(readFixture(`${P}otlp_exponential_rate.json`)).data);
    const grid = bucketGrid(data);
    // ~176 exponential buckets, merged in equal runs into rows a heatmap can label.
    expect(data.result[0]!.histograms![0]![1].buckets!.length).toBeGreaterThan(100);
    expect(grid.bounds.length).toBeGreaterThan(16);
    expect(grid.bounds.length).toBeLessThanOrEqual(MAX_NATIVE_ROWS);
    expect(grid.bounds.every((b, i) => i === 0 || b > grid.bounds[i - 1]!)).toBe(true);
    const samples = data.result[0]!.histograms!;
    expect(grid.timesMs).toHaveLength(samples.length);
    samples.forEach(([, sample], t) => {
      const total = grid.rates.reduce((sum, row) => sum + (Number.isNaN(row[t]!) ? 0 : row[t]!), 0);
      expect(total).toBeCloseTo(Number(sample.count), 6);
    });
  });

  it("has no metadata to say it is a histogram, and one series per label set under its own name", () => {
    expect(JSON.parse(readFixture(`${P}otlp_metadata.json`)).data).toEqual({});
    const series = JSON.parse(readFixture(`${P}otlp_series.json`)).data as Record<string, string>[];
    expect(series.map((s) => s.__name__)).toEqual([
      "checkout_request_duration_seconds",
      "checkout_request_duration_seconds",
    ]);
  });
});

describe("Jaeger's span metrics received over OTLP (recorded Prometheus 3.16)", () => {
  let spanMetrics: FixtureServer;
  const probes: string[] = [];
  beforeAll(async () => {
    spanMetrics = await startFixtureServer({
      "/api/v1/metadata": { body: readFixture(`${P}spanmetrics_metadata.json`) },
      "/api/v1/label/__name__/values": { body: readFixture(`${P}spanmetrics_label_name_values.json`) },
      "/api/v1/series": { body: readFixture(`${P}spanmetrics_series.json`) },
      "/api/v1/query": (_req, url) => {
        probes.push(url.searchParams.get("query") ?? "");
        return { body: readFixture(`${P}spanmetrics_probe.json`) };
      },
      "/api/v1/query_exemplars": { body: readFixture(`${P}spanmetrics_exemplars.json`) },
    });
  });
  afterAll(() => spanMetrics.close());
  const prometheus = () => prometheusAt(spanMetrics.url, { traceIdLabels: ["trace_id"] });

  it("lists the native histogram that has no metadata, found by one probe of the untyped names", async () => {
    expect(JSON.parse(readFixture(`${P}spanmetrics_metadata.json`)).data).not.toHaveProperty(
      "traces_span_metrics_duration_seconds",
    );
    const families = await prometheus().histogramFamilies();
    expect(families.map((f) => [f.name, f.classic, f.native])).toEqual([
      ["http_server_request_duration_seconds", true, true],
      ["traces_span_metrics_duration_seconds", false, true],
    ]);
    expect(families[1]!.labelNames).toEqual([
      "http_route",
      "job",
      "service_name",
      "span_kind",
      "span_name",
      "status_code",
    ]);
    // Only the untyped names that could be a family were probed: not up, scrape_*, _total.
    expect(probes).toEqual([
      'group by (exemplar_explorer_metric) (histogram_count(label_replace({__name__=~"(?:traces_span_metrics_duration_seconds)"}, "exemplar_explorer_metric", "$1", "__name__", "(.+)")))',
    ]);
  });

  it("reads its exemplars: OTLP's trace and span IDs, on the native series", async () => {
    const { series, withoutTraceId } = await prometheus().exemplars(
      'traces_span_metrics_duration_seconds{http_route="/api/orders"}',
      0,
      1,
    );
    expect(withoutTraceId).toBe(0);
    expect(series[0]!.labels).toMatchObject({ span_kind: "SPAN_KIND_SERVER", service_name: "gateway" });
    expect(series[0]!.le).toBeUndefined();
    for (const e of series[0]!.exemplars) {
      expect(e.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(e.spanId).toMatch(/^[0-9a-f]{16}$/);
    }
  });
});
