import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FixtureServer, startFixtureServer } from "../testing/fixture-server";
import { readFixture } from "../testing/fixtures";
import { prometheusAt } from "../testing/prometheus-at";
import { normalizeExemplars } from "./prometheus-source";
import { exemplarsData, successEnvelope } from "./prometheus-wire";

/**
 * Contract tests: the Prometheus client against answers recorded from a real Thanos Query v0.41
 * over an HA pair of Prometheus 3.16 replicas (fixtures/thanos-0.41).
 */

const T = "thanos-0.41/";
let server: FixtureServer;
let flakyStoreCalls = 0;
let storeDropped = false;
/** The recorded store list with every store healthy (lastError cleared), as before the outage. */
const storesAllHealthy = () =>
  readFixture(`${T}stores_replica_down.json`).replace(
    /"lastError":\s*"(?:[^"\\]|\\.)*"/g,
    '"lastError":null',
  );

beforeAll(async () => {
  server = await startFixtureServer({
    "/down/api/v1/query_range": { body: readFixture(`${T}query_range_replica_down.json`) },
    "/down/api/v1/query_exemplars": { body: readFixture(`${T}query_exemplars_replica_down.json`) },
    "/raw/api/v1/query_exemplars": { body: readFixture(`${T}query_exemplars_not_deduplicated.json`) },
    "/thanos/api/v1/status/buildinfo": { body: readFixture(`${T}status_buildinfo.json`) },
    "/thanos/api/v1/features": { status: 404, contentType: "text/plain", body: "404 page not found\n" },
    "/thanos/api/v1/status/flags": { body: readFixture(`${T}status_flags.json`) },
    "/thanos/api/v1/stores": { body: readFixture(`${T}stores_replica_down.json`) },
    "/left-out/api/v1/query_range": { body: readFixture(`${T}query_range_replica_left_out.json`) },
    "/left-out/api/v1/stores": { body: readFixture(`${T}stores_replica_down.json`) },
    // A Prometheus has no store list.
    "/prometheus/api/v1/query_range": { body: readFixture(`${T}query_range_replica_left_out.json`) },
    "/prometheus/api/v1/stores": { status: 404, contentType: "text/plain", body: "404 page not found\n" },
    // A Thanos Query whose store list failed once (a restart): asked again, and then it answers.
    "/flaky/api/v1/query_range": { body: readFixture(`${T}query_range_replica_left_out.json`) },
    "/flaky/api/v1/stores": () =>
      ++flakyStoreCalls === 1
        ? { status: 503, contentType: "text/plain", body: "Service Unavailable" }
        : { body: readFixture(`${T}stores_replica_down.json`) },
    "/dropping/api/v1/query_range": () => {
      setTimeout(() => (storeDropped = true), 50);
      return { body: readFixture(`${T}query_range_replica_left_out.json`), delayMs: 100 };
    },
    "/dropping/api/v1/stores": () => ({
      body: storeDropped ? readFixture(`${T}stores_replica_down.json`) : storesAllHealthy(),
    }),
  });
});
afterAll(() => server.close());

const source = (prefix: string) => prometheusAt(`${server.url}${prefix}`, { traceIdLabels: ["trace_id"] });

const recordedExemplars = (name: string) =>
  successEnvelope(exemplarsData).parse(JSON.parse(readFixture(`${T}${name}`))).data;
const requestKeys = (series: { exemplars: { traceId: string; spanId?: string }[] }[]) =>
  series.flatMap((s) => s.exemplars.map((e) => `${e.traceId}/${e.spanId}`));

describe("Thanos Query over an HA pair (recorded answers)", () => {
  it("without --query.replica-label: each series per replica, shared exemplars twice; the explorer keeps each request once", async () => {
    const raw = recordedExemplars("query_exemplars_not_deduplicated.json");
    expect(raw.map((s) => s.seriesLabels.replica).sort()).toEqual(["a", "b"]);
    const rawCount = raw.reduce((n, s) => n + s.exemplars.length, 0);

    const { series } = await source("/raw").exemplars("http_server_request_duration_seconds", 0, 1);
    const keys = requestKeys(series);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeLessThan(rawCount);
    // The same requests as Thanos's own deduplication gave for the same window.
    const deduplicated = normalizeExemplars(recordedExemplars("query_exemplars_deduplicated.json"), [
      "trace_id",
    ]);
    expect(deduplicated.series.every((s) => s.labels.replica === undefined)).toBe(true);
    expect(new Set(keys)).toEqual(new Set(requestKeys(deduplicated.series)));
  });

  it("with one replica down, answers from the other and passes Thanos's warnings on", async () => {
    const prometheus = source("/down");
    const lines = await prometheus.queryRange({ query: "p90", startSec: 0, endSec: 1, stepSec: 5 });
    expect(lines.result[0]!.values.length).toBeGreaterThan(0);
    expect(lines.warnings).toHaveLength(1);
    expect(lines.warnings![0]).toMatch(/^receive series from Addr: 127\.0\.0\.1:10911 .*connection refused$/);

    const exemplars = await prometheus.exemplars("http_server_request_duration_seconds", 0, 1);
    expect(requestKeys(exemplars.series).length).toBeGreaterThan(0);
    expect(exemplars.warnings![0]).toMatch(
      /^receiving exemplars from exemplars client .*19091.*connection refused$/,
    );
  });

  it("once Query has left the replica out, answers carry no warning: the store list says what is missing", async () => {
    const answer = JSON.parse(readFixture(`${T}query_range_replica_left_out.json`));
    expect(answer.warnings).toBeUndefined();
    const lines = await source("/left-out").queryRange({ query: "p90", startSec: 0, endSec: 1, stepSec: 5 });
    expect(lines.result[0]!.values.length).toBeGreaterThan(0);
    expect(lines.warnings).toEqual([
      'Thanos Query leaves out the store 127.0.0.1:10911 {replica="b"}, which failed its health check (rpc error: code = Unknown desc = Not ready): its series are missing unless another replica has them',
    ]);
  });

  it("asks a backend without the store list (Prometheus, Mimir) for it once, not beside every query", async () => {
    const prometheus = source("/prometheus");
    const range = { query: "p90", startSec: 0, endSec: 1, stepSec: 5 };
    for (let i = 0; i < 3; i++) expect((await prometheus.queryRange(range)).warnings).toBeUndefined();
    expect(server.requests.filter((r) => r.url === "/prometheus/api/v1/stores")).toHaveLength(1);
  });

  it("is told apart as Thanos Query (by its store list), without claiming exemplar storage is off: its own flags cannot tell", async () => {
    expect(await source("/thanos").capabilities()).toEqual({
      reachable: true,
      version: "0.41.0",
      kind: "thanos",
      exemplarStorage: undefined,
    });
  });

  it("asks Thanos Query for its store list again after a failure, rather than concluding it has none", async () => {
    const thanos = source("/flaky");
    const range = { query: "p90", startSec: 0, endSec: 1, stepSec: 5 };
    expect((await thanos.queryRange(range)).warnings).toBeUndefined();
    expect((await thanos.queryRange(range)).warnings).toHaveLength(1);
  });

  it("reads the store list after the query's answer, so a store dropped while the query ran is named", async () => {
    // Query's health check drops replica b 50 ms into a 100 ms query: its answer is silent, and a
    // store list read beside the query (before the drop) would say all is well.
    const thanos = source("/dropping");
    const range = { query: "p90", startSec: 0, endSec: 1, stepSec: 5 };
    const { warnings } = await thanos.queryRange(range);
    expect(warnings).toEqual([expect.stringMatching(/leaves out the store 127\.0\.0\.1:10911/)]);
  });
});
