import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureServer, startFixtureServer } from "../testing/fixture-server";
import { readFixture } from "../testing/fixtures";
import { prometheusAt } from "../testing/prometheus-at";

/** Contract tests: the Prometheus client against answers recorded from a real Prometheus 2.42. */

const P = "prometheus-2.42/";
let server: FixtureServer;
let exemplarQueries: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer({
    // A path prefix, as Mimir and Thanos behind a gateway have.
    "/prom/api/v1/query_exemplars": (_req, url) => {
      const query = url.searchParams.get("query") ?? "";
      exemplarQueries.push(query);
      if (query === "1") return { status: 204, body: "" };
      if (query.startsWith("histogram_quantile"))
        return { body: readFixture(`${P}query_exemplars_quantile.json`) };
      return { body: readFixture(`${P}query_exemplars_bucket.json`) };
    },
    "/prom/api/v1/query_range": (_req, url) => {
      const query = url.searchParams.get("query") ?? "";
      if (query.startsWith("sum by (le ("))
        return { status: 400, body: readFixture(`${P}query_range_parse_error.json`) };
      if (query === "up") return { status: 400, body: readFixture(`${P}query_range_too_many_points.json`) };
      return { body: readFixture(`${P}query_range_p99.json`) };
    },
    "/prom/api/v1/metadata": { body: readFixture(`${P}metadata.json`) },
    "/prom/api/v1/labels": { body: readFixture(`${P}labels_for_metric.json`) },
    "/prom/api/v1/series": { body: readFixture(`${P}series_buckets.json`) },
    "/prom/api/v1/label/__name__/values": { body: readFixture(`${P}label_name_values.json`) },
    "/prom/api/v1/status/buildinfo": { body: readFixture(`${P}status_buildinfo.json`) },
    "/prom/api/v1/status/flags": { body: readFixture(`${P}status_flags.json`) },
    // Mimir as its documentation and issue tracker describe it (it is not run here): the API under
    // /prometheus, and 401 "no org id" (text) for a request without the tenant header.
    "/mimir/prometheus/api/v1/query_range": (request) =>
      request.headers["x-scope-orgid"]
        ? { body: readFixture(`${P}query_range_p99.json`) }
        : { status: 401, contentType: "text/plain; charset=utf-8", body: "no org id\n" },
    // Mimir's build info names it, as Grafana reads it (not a recording: Mimir is not run here).
    "/mimir/prometheus/api/v1/status/buildinfo": {
      body: '{"status":"success","data":{"application":"Grafana Mimir","version":"2.17.0"}}',
    },
    "/p3/api/v1/status/buildinfo": { body: '{"status":"success","data":{"version":"3.9.0"}}' },
    "/p3/api/v1/features": { body: '{"status":"success","data":{"tsdb":{"exemplar_storage":false}}}' },
    "/prom/api/v1/features": {
      status: 404,
      contentType: "text/plain; charset=utf-8",
      body: readFixture(`${P}features.txt`),
    },
  });
});
afterAll(() => server.close());

function source(
  headers: Record<string, string> = {},
  traceIdLabels = ["trace_id", "traceID", "traceId"],
  prefix = "/prom",
) {
  return prometheusAt(`${server.url}${prefix}`, { headers, traceIdLabels });
}

describe("PrometheusSource against recorded Prometheus 2.42 answers", () => {
  it("normalizes exemplars: trace ID label, lowercase padded IDs, numeric values", async () => {
    const { series, withoutTraceId } = await source().exemplars('x_bucket{route="/api/v1/users/{id}"}', 0, 1);
    expect(withoutTraceId).toBe(0);
    expect(series.length).toBeGreaterThan(1);
    for (const s of series) {
      expect(s.labels.__name__).toBe("http_server_request_duration_seconds_bucket");
      for (const e of s.exemplars) {
        expect(e.traceId).toMatch(/^[0-9a-f]{32}$/);
        expect(e.spanId).toMatch(/^[0-9a-f]{16}$/);
        expect(typeof e.value).toBe("number");
        expect(e.timestampSec).toBeGreaterThan(1.7e9);
        expect(e.value).toBeLessThanOrEqual(s.le!);
      }
    }
  });

  it("reads the older `traceID` label and pads 16-digit IDs to 32", async () => {
    const { series } = await source().exemplars(
      // Not on `_bucket`: sent as it is (see the test of the native histogram's selectors).
      "histogram_quantile(0.99, sum(rate(x[30s])))",
      0,
      1,
    );
    const checkout = series.find((s) => s.labels.job === "checkout");
    expect(checkout).toBeDefined();
    expect(checkout!.exemplars[0]!.traceId).toMatch(/^0{16}[0-9a-f]{16}$/);
  });

  it("counts exemplars without any configured trace ID label instead of inventing IDs", async () => {
    const { series, withoutTraceId, labelsWithoutTraceId } = await source({}, ["trace.id"]).exemplars(
      "x_bucket",
      0,
      1,
    );
    expect(series).toEqual([]);
    expect(withoutTraceId).toBeGreaterThan(0);
    // The names it saw, so the UI can say which one to configure.
    expect(labelsWithoutTraceId).toEqual(["span_id", "trace_id"]);
  });

  it("treats 204 with an empty body (no selector in the query) as no exemplars", async () => {
    expect(await source().exemplars("1", 0, 1)).toEqual({ series: [], withoutTraceId: 0 });
  });

  it("passes the query as a parameter, with the native histogram's selector, and sends configured headers", async () => {
    exemplarQueries = [];
    await source({ "X-Scope-OrgID": "team-a" }).exemplars('x_bucket{a="b/../c"}', 0, 1);
    expect(exemplarQueries).toEqual(['x_bucket{a="b/../c"} or x{a="b/../c"}']);
    const asked = server.requests.filter((r) => r.url.startsWith("/prom/api/v1/query_exemplars?")).at(-1);
    expect(asked!.headers["x-scope-orgid"]).toBe("team-a");
  });

  it("asks Mimir under its prefix with the tenant header, and without one says where to set it", async () => {
    const range = { query: "histogram_quantile(0.99, x)", startSec: 0, endSec: 60, stepSec: 5 };
    const tenant = source({ "X-Scope-OrgID": "team-a" }, undefined, "/mimir/prometheus");
    expect((await tenant.queryRange(range)).result.length).toBeGreaterThan(0);
    expect(server.requests.some((r) => r.url.startsWith("/mimir/prometheus/api/v1/query_range?"))).toBe(true);
    await expect(source({}, undefined, "/mimir/prometheus").queryRange(range)).rejects.toThrow(
      /refused the explorer's request \(401: "no org id"\).*PROMETHEUS_HEADERS.*X-Scope-OrgID=<tenant>/,
    );
  });

  it("tells Mimir apart by its build info", async () => {
    const mimir = source({ "X-Scope-OrgID": "team-a" }, undefined, "/mimir/prometheus");
    expect(await mimir.capabilities()).toMatchObject({ reachable: true, version: "2.17.0", kind: "mimir" });
  });

  it("returns the matrix of a range query", async () => {
    const data = await source().queryRange({
      query: "histogram_quantile(0.99, x)",
      startSec: 0,
      endSec: 60,
      stepSec: 5,
    });
    expect(data.resultType).toBe("matrix");
    expect(data.result[0]!.metric.route).toBeDefined();
  });

  it("shows Prometheus's own error text, as invalid_query", async () => {
    await expect(
      source().queryRange({ query: "sum by (le (rate(x[5m])", startSec: 0, endSec: 60, stepSec: 5 }),
    ).rejects.toMatchObject({
      code: "invalid_query",
      message: expect.stringContaining('1:12: parse error: unexpected "(" in grouping opts'),
    });
    await expect(
      source().queryRange({ query: "up", startSec: 0, endSec: 60, stepSec: 5 }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("exceeded maximum resolution of 11,000 points"),
    });
  });

  it("lists histogram families with their label names, without __name__ and le, from one series call", async () => {
    const before = server.requests.length;
    expect(await source().histogramFamilies()).toEqual([
      {
        name: "http_server_request_duration_seconds",
        help: "HTTP server request latency",
        labelNames: ["instance", "job", "method", "route", "status_code"],
        // Prometheus 2: classic buckets only, no native series of the family's own name.
        classic: true,
        native: false,
      },
    ]);
    const calls = server.requests.slice(before).map((r) => new URL(r.url, server.url));
    expect(calls.map((c) => c.pathname).sort()).toEqual([
      "/prom/api/v1/label/__name__/values",
      "/prom/api/v1/metadata",
      "/prom/api/v1/series",
    ]);
    const series = calls.find((c) => c.pathname.endsWith("/series"))!;
    // The classic buckets' +Inf series, and the native histogram's own series (Prometheus 3).
    expect(series.searchParams.getAll("match[]")).toEqual([
      '{__name__=~"(?:http_server_request_duration_seconds)_bucket",le="+Inf"}',
      '{__name__=~"(?:http_server_request_duration_seconds)"}',
    ]);
  });

  it("detects exemplar storage from the flags where /api/v1/features does not exist", async () => {
    expect(await source().capabilities()).toEqual({
      reachable: true,
      version: "2.42.0+ds",
      exemplarStorage: true,
    });
  });

  it("reads /api/v1/features from Prometheus 3.9 on, where storage off is told apart from no exemplars", async () => {
    expect(await source({}, undefined, "/p3").capabilities()).toEqual({
      reachable: true,
      version: "3.9.0",
      exemplarStorage: false,
    });
  });
});

describe("histogram families of a large Prometheus", () => {
  const FAMILIES = Array.from({ length: 500 }, (_, i) => `svc_${i}_latency_seconds`);
  let big: FixtureServer;
  let inFlight = 0;
  let mostInFlight = 0;

  beforeAll(async () => {
    const metadata = Object.fromEntries(
      FAMILIES.map((name) => [name, [{ type: "histogram", help: "", unit: "" }]]),
    );
    const answer = (data: unknown) => ({ body: JSON.stringify({ status: "success", data }) });
    big = await startFixtureServer({
      "/api/v1/metadata": answer(metadata),
      "/api/v1/label/__name__/values": answer([]),
      "/api/v1/series": (_request, url) => {
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        setTimeout(() => inFlight--, 20);
        const names = /\(\?:(.*)\)_bucket/.exec(url.searchParams.get("match[]") ?? "")![1]!.split("|");
        return {
          delayMs: 20,
          ...answer(names.map((name) => ({ __name__: `${name}_bucket`, le: "+Inf", job: name, pod: "p" }))),
        };
      },
      // A Thanos without the series API behind this prefix: families fall back to one call each.
      "/old/api/v1/metadata": answer(Object.fromEntries(Object.entries(metadata).slice(0, 3))),
      "/old/api/v1/label/__name__/values": answer([]),
      "/old/api/v1/series": { status: 404, contentType: "text/plain", body: "404 page not found" },
      "/old/api/v1/labels": answer(["__name__", "job", "le"]),
    });
  });
  afterAll(() => big.close());

  const prometheus = (prefix = "") => prometheusAt(`${big.url}${prefix}`, { traceIdLabels: ["trace_id"] });

  it("asks for the label names of 500 families in 10 calls, at most 4 at a time", async () => {
    const families = await prometheus().histogramFamilies();
    expect(families).toHaveLength(500);
    expect(families.every((f) => f.labelNames.join() === "job,pod")).toBe(true);
    const seriesCalls = big.requests.filter((r) => r.url.startsWith("/api/v1/series"));
    expect(seriesCalls).toHaveLength(10);
    expect(mostInFlight).toBeLessThanOrEqual(4);
  });

  it("falls back to one labels call per family where the series API is missing", async () => {
    const families = await prometheus("/old").histogramFamilies();
    expect(families.map((f) => f.labelNames)).toEqual([["job"], ["job"], ["job"]]);
    expect(big.requests.filter((r) => r.url.startsWith("/old/api/v1/labels"))).toHaveLength(3);
  });
});
