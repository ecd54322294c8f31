import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FixtureServer, startFixtureServer } from "@/lib/testing/fixture-server";
import { readFixture } from "@/lib/testing/fixtures";

/**
 * The routes in live mode, pointed at recorded backend answers served over HTTP: each answers
 * its documented shape, hostile input is refused before any backend call, and no credential
 * leaks into a response.
 */

const P = "prometheus-2.42/";
const SECRET = "s3cret-token";
let prometheus: FixtureServer;
let jaeger: FixtureServer;
let routes: {
  health: typeof import("./health/route");
  histograms: typeof import("./metrics/histograms/route");
  queryRange: typeof import("./metrics/query_range/route");
  exemplars: typeof import("./exemplars/route");
  trace: typeof import("./traces/[traceId]/route");
};

beforeAll(async () => {
  prometheus = await startFixtureServer({
    "/api/v1/query_exemplars": { body: readFixture(`${P}query_exemplars_bucket.json`) },
    "/api/v1/query_range": (_req, url) =>
      url.searchParams.get("query")!.includes("(le (")
        ? { status: 400, body: readFixture(`${P}query_range_parse_error.json`) }
        : { body: readFixture(`${P}query_range_buckets.json`) },
    "/api/v1/metadata": { body: readFixture(`${P}metadata.json`) },
    "/api/v1/labels": { body: readFixture(`${P}labels_for_metric.json`) },
    "/api/v1/status/buildinfo": { body: readFixture(`${P}status_buildinfo.json`) },
    "/api/v1/status/flags": { body: readFixture(`${P}status_flags.json`) },
  });
  jaeger = await startFixtureServer({
    "/api/traces/83a9efd15c1c98a977e0711cc93ee28b": { body: readFixture("jaeger/v1-trace-otlp2jaeger.json") },
    "/api/services": { body: '{"data":["telemetrygen"],"total":1}' },
  });
  vi.stubEnv("PROMETHEUS_URL", prometheus.url);
  vi.stubEnv("PROMETHEUS_HEADERS", `Authorization=Bearer ${SECRET}`);
  vi.stubEnv("JAEGER_URL", jaeger.url);
  vi.stubEnv("TRACE_HEADERS", `Authorization=Bearer ${SECRET}`);
  vi.resetModules();
  routes = {
    health: await import("./health/route"),
    histograms: await import("./metrics/histograms/route"),
    queryRange: await import("./metrics/query_range/route"),
    exemplars: await import("./exemplars/route"),
    trace: await import("./traces/[traceId]/route"),
  };
});

afterAll(async () => {
  vi.unstubAllEnvs();
  vi.resetModules();
  await Promise.all([prometheus.close(), jaeger.close()]);
});

const get = (path: string) => new Request(`http://localhost${path}`);
const traceRoute = (id: string) =>
  routes.trace.GET(get(`/api/traces/${id}`), { params: Promise.resolve({ traceId: id }) });

async function bodyOf(response: Response) {
  const text = await response.text();
  expect(text).not.toContain(SECRET);
  return JSON.parse(text);
}

describe("routes against recorded live answers", () => {
  it("health: live mode, version, exemplar storage, reachable trace store", async () => {
    expect(await bodyOf(await routes.health.GET())).toEqual({
      mode: "live",
      metrics: { demo: false, reachable: true, version: "2.42.0+ds", exemplarStorage: true },
      traces: { demo: false, backend: "Jaeger", reachable: true },
    });
  });

  it("histograms: families with label names", async () => {
    const body = await bodyOf(await routes.histograms.GET());
    expect(body.families[0]).toMatchObject({
      name: "http_server_request_duration_seconds",
      labelNames: expect.arrayContaining(["route"]),
    });
  });

  it("query_range: the matrix, and Prometheus's error as a 400", async () => {
    const ok = await routes.queryRange.GET(get("/api/metrics/query_range?query=x&start=0&end=60&step=5"));
    expect((await bodyOf(ok)).result.length).toBeGreaterThan(1);
    const bad = await routes.queryRange.GET(
      get(
        `/api/metrics/query_range?query=${encodeURIComponent("sum by (le (rate(x[5m])")}&start=0&end=60&step=5`,
      ),
    );
    expect(bad.status).toBe(400);
    expect((await bodyOf(bad)).error.message).toMatch(/^Prometheus answered 400: 1:12: parse error/);
  });

  it("exemplars: normalized series", async () => {
    const body = await bodyOf(
      await routes.exemplars.GET(get("/api/exemplars?query=x_bucket&start=0&end=60")),
    );
    expect(body.series[0].exemplars[0]).toMatchObject({ traceId: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it("traces: the normalized trace, and 404 for one Jaeger does not have", async () => {
    const ok = await traceRoute("83A9EFD15C1C98A977E0711CC93EE28B");
    expect((await bodyOf(ok)).spans).toHaveLength(2);
    const missing = await traceRoute("1234");
    expect(missing.status).toBe(404);
    expect((await bodyOf(missing)).error.code).toBe("trace_not_found");
  });
});

describe("hostile input is refused with 400 before any backend call", () => {
  const hostileTraceIds = [
    "..",
    "../api/v1/admin",
    "..%2F..%2Fadmin",
    "%2e%2e%2f",
    "a/b",
    "a%2Fb",
    "@evil.example",
    "user@host",
    "http://evil.example/",
    "//evil.example",
    "abc\r\nHost: evil",
    "abc%0d%0aX: y",
    "0x1234",
    "g".repeat(8),
    "1".repeat(33),
    "",
  ];

  it.each(hostileTraceIds)("trace ID %j", async (id) => {
    const before = jaeger.requests.length;
    const response = await traceRoute(id);
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).error.code).toBe("bad_request");
    expect(jaeger.requests.length).toBe(before);
  });

  it.each([
    ["/api/metrics/query_range?start=0&end=1&step=1", "missing query"],
    [`/api/metrics/query_range?query=${"a".repeat(5000)}&start=0&end=1&step=1`, "oversized query"],
    ["/api/metrics/query_range?query=up%00&start=0&end=1&step=1", "NUL in the query"],
    ["/api/metrics/query_range?query=up&start=0&end=100000&step=1", "too many points"],
    ["/api/metrics/query_range?query=up&start=http://evil&end=1&step=1", "URL as a time"],
    ["/api/exemplars?query=up&start=10&end=5", "inverted range"],
  ])("%s (%s)", async (path) => {
    const before = prometheus.requests.length;
    const route = path.startsWith("/api/exemplars") ? routes.exemplars : routes.queryRange;
    const response = await route.GET(get(path));
    expect(response.status).toBe(400);
    expect((await bodyOf(response)).error.code).toBe("bad_request");
    expect(prometheus.requests.length).toBe(before);
  });
});
