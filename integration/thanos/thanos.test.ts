import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  JAEGER_URL,
  PROMETHEUS_URL,
  type Routes,
  getTrace,
  loadRoutes,
  stack,
  tracesKeptSinceSec,
} from "../stack";
import { startExplorer, type RunningExplorer } from "./explorer-instance";

/**
 * The explorer on Thanos Query over an HA pair of real Prometheus replicas (external label
 * replica="a" / "b", both scraping the same shop), each with a Thanos Sidecar: the stack's Thanos
 * mode (`STACK_THANOS=1`, scripts/stack.mjs). A second Thanos Query without
 * `--query.replica-label` stands for a setup that does not deduplicate.
 */

const THANOS_URL = stack.metricsUrl();
const RAW_QUERY = { name: "thanos-query-raw", http: 10906, grpc: 10905, dedup: false };
const RAW_URL = `http://127.0.0.1:${RAW_QUERY.http}`;
const BUCKETS = "http_server_request_duration_seconds_bucket";
const P90 = `histogram_quantile(0.9, sum by (le) (rate(${BUCKETS}[30s])))`;
/**
 * The p90 of every request counted so far. Through rate() the two sides differ by more than the
 * answers do: a deduplicated series takes replica b's samples wherever Thanos switches to it, b
 * scrapes at other moments, and a 30 s window of a young stack holds few requests (one CI run saw
 * 5.2%); on the counts as they are, a scrape's offset moves a quantile of everything so far little.
 */
const P90_OF_COUNTS = `histogram_quantile(0.9, sum by (le) (${BUCKETS}))`;
/** Quantiles through Thanos and from one replica differ by at most this, relatively (median over the range). */
const QUANTILE_TOLERANCE = 0.05;

interface Exemplars {
  series: {
    labels: Record<string, string>;
    exemplars: { traceId: string; spanId?: string; value: number }[];
  }[];
  warnings?: string[];
}

let throughThanos: Routes;
/** A fixed window in the past: every answer below is for the same question. */
let window: { start: number; end: number };

beforeAll(async () => {
  expect(stack.thanosMode(), "run with STACK_THANOS=1 (scripts/test-integration.mjs does)").toBe(true);
  stack.startThanosQuery(RAW_QUERY);
  await stack.waitForThanosQuery(RAW_QUERY.http, RAW_QUERY.name);
  await tracesKeptSinceSec(30);
  const end = Math.floor(Date.now() / 1000) - 5;
  window = { start: end - 60, end };
  throughThanos = await loadRoutes({ PROMETHEUS_URL: THANOS_URL, JAEGER_URL, BACKEND_TIMEOUT_MS: "10000" });
});

afterAll(async () => {
  await stack.stopProcess(RAW_QUERY.name);
  if (!stack.pidOf("prometheus-b")) {
    stack.startPrometheus([], "prometheus-b");
    await stack.waitForPrometheus("prometheus-b");
  }
});

async function exemplarsThrough(routes: Routes): Promise<Exemplars> {
  const params = new URLSearchParams({
    query: BUCKETS,
    start: String(window.start),
    end: String(window.end),
  });
  const response = await routes.exemplars.GET(new Request(`http://localhost/api/exemplars?${params}`));
  expect(response.status).toBe(200);
  return response.json();
}

/** The backend's own answer, unchanged: classic buckets (Prometheus 2) or the converted native series (3). */
async function rawExemplars(baseUrl: string) {
  const params = new URLSearchParams({
    query: `${BUCKETS} or ${BUCKETS.replace(/_bucket$/, "")}`,
    start: String(window.start),
    end: String(window.end),
  });
  const body = await (await fetch(`${baseUrl}/api/v1/query_exemplars?${params}`)).json();
  expect(body.status).toBe("success");
  return body.data as {
    seriesLabels: Record<string, string>;
    exemplars: { labels: Record<string, string> }[];
  }[];
}

const requestKeys = (answer: Exemplars) =>
  answer.series.flatMap((s) => s.exemplars.map((e) => `${e.traceId}/${e.spanId}/${e.value}`));

async function rangeThrough(
  routes: Routes,
  query: string,
  stepSec = 5,
): Promise<{ result: { values: [number, string][] }[]; warnings?: string[] }> {
  const params = new URLSearchParams({
    query,
    start: String(window.start),
    end: String(window.end),
    step: String(stepSec),
  });
  const response = await routes.queryRange.GET(
    new Request(`http://localhost/api/metrics/query_range?${params}`),
  );
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body;
}

/** At every scrape (2 s): the window is the stack's first minute or so, a coarser step leaves few points. */
async function quantiles(routes: Routes, query: string): Promise<Map<number, number>> {
  const body = await rangeThrough(routes, query, 2);
  const values = body.result[0]?.values ?? [];
  return new Map(
    values.map(([t, v]) => [t, Number(v)]).filter(([, v]) => Number.isFinite(v)) as [number, number][],
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe("Thanos Query as the explorer's metrics backend", () => {
  it("reports it reachable, as Thanos Query, by version, without claiming what its Prometheus replicas store", async () => {
    expect((await (await throughThanos.health.GET()).json()).metrics).toEqual({
      demo: false,
      reachable: true,
      version: "0.41.0",
      kind: "thanos",
    });
  });

  it("lists the shop's histogram, classic and native, with its label names", async () => {
    const { families } = await (await throughThanos.histograms.GET()).json();
    expect(families).toContainEqual(
      expect.objectContaining({
        name: "http_server_request_duration_seconds",
        classic: true,
        native: true,
        labelNames: expect.arrayContaining(["route", "service"]),
      }),
    );
  });
});

describe("exemplars of an HA pair", () => {
  it("without deduplication, Thanos Query answers each series once per replica, and an exemplar both scraped twice", async () => {
    const data = await rawExemplars(RAW_URL);
    expect(new Set(data.map((series) => series.seriesLabels.replica))).toEqual(new Set(["a", "b"]));
    const copies = new Map<string, number>();
    for (const series of data) {
      for (const exemplar of series.exemplars) {
        const key = `${exemplar.labels.trace_id}/${exemplar.labels.span_id}`;
        copies.set(key, (copies.get(key) ?? 0) + 1);
      }
    }
    expect(copies.size).toBeGreaterThan(10);
    expect([...copies.values()].some((n) => n === 2)).toBe(true);
  });

  it("with --query.replica-label, Thanos Query deduplicates them itself (the shop stamps each exemplar's time), keeping what either replica scraped", async () => {
    const data = await rawExemplars(THANOS_URL);
    expect(data.every((series) => series.seriesLabels.replica === undefined)).toBe(true);
    const keysOf = (answer: typeof data) =>
      answer.flatMap((s) => s.exemplars.map((e) => `${e.labels.trace_id}/${e.labels.span_id}`));
    const keys = keysOf(data);
    expect(new Set(keys).size).toBe(keys.length);
    // Each replica holds the exemplars its own scrapes saw (a bucket's latest at that moment).
    const replicaA = keysOf(await rawExemplars(PROMETHEUS_URL));
    expect(keys.length).toBeGreaterThan(replicaA.length);
    expect(new Set(keys)).toEqual(new Set([...keys, ...replicaA]));
  });

  it("the explorer shows each request once either way: the same exemplars through both Queries", async () => {
    const deduplicated = await exemplarsThrough(throughThanos);
    const raw = await exemplarsThrough(
      await loadRoutes({ PROMETHEUS_URL: RAW_URL, JAEGER_URL, BACKEND_TIMEOUT_MS: "10000" }),
    );
    const rawKeys = requestKeys(raw);
    expect(new Set(rawKeys).size).toBe(rawKeys.length);
    expect(new Set(rawKeys)).toEqual(new Set(requestKeys(deduplicated)));
    expect(rawKeys.length).toBeGreaterThan(10);
  });
});

describe("quantiles through Thanos", () => {
  it(`match a single replica's within ${QUANTILE_TOLERANCE * 100}% (median over the range)`, async () => {
    const replica = await loadRoutes({ PROMETHEUS_URL, JAEGER_URL, BACKEND_TIMEOUT_MS: "10000" });
    const [thanos, single] = await Promise.all([
      quantiles(throughThanos, P90_OF_COUNTS),
      quantiles(replica, P90_OF_COUNTS),
    ]);
    const differences = [...thanos].flatMap(([t, value]) => {
      const other = single.get(t);
      return other === undefined || other === 0 ? [] : [Math.abs(value - other) / other];
    });
    expect(differences.length).toBeGreaterThan(8);
    expect(median(differences)).toBeLessThan(QUANTILE_TOLERANCE);
  });
});

describe("one replica down", () => {
  it("keeps answering from the other, and never silently: Thanos's partial-response warning, then the store it leaves out", async () => {
    await stack.stopProcess("prometheus-b");
    const told = new Set<string>();
    const deadline = Date.now() + 60_000;
    while (!told.has("left out") && Date.now() < deadline) {
      // A new question each time: the explorer's shared answers are per question.
      window = { ...window, end: window.end + 1 };
      const [lines, exemplars] = await Promise.all([
        rangeThrough(throughThanos, P90),
        exemplarsThrough(throughThanos),
      ]);
      expect(lines.result).toHaveLength(1);
      expect(requestKeys(exemplars).length).toBeGreaterThan(10);
      const warnings = [...(lines.warnings ?? []), ...(exemplars.warnings ?? [])].join("\n");
      // First Query's own warning (its request to the store failed), then, once its health check
      // has dropped the store and its answers fall silent, the explorer's note from the store list.
      expect(warnings).toMatch(
        /19091.*connection refused|leaves out the store 127\.0\.0\.1:10911 \{replica="b"\}/,
      );
      if (/connection refused/.test(warnings)) told.add("partial");
      if (/leaves out the store/.test(warnings)) told.add("left out");
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(told.has("left out")).toBe(true);
  });
});

describe("two explorer instances", () => {
  let first: RunningExplorer;
  let second: RunningExplorer;

  beforeAll(async () => {
    if (!stack.pidOf("prometheus-b")) {
      stack.startPrometheus([], "prometheus-b");
      await stack.waitForPrometheus("prometheus-b");
      await stack.waitForThanosQuery();
    }
    const env = { PROMETHEUS_URL: THANOS_URL, JAEGER_URL };
    [first, second] = await Promise.all([startExplorer(env), startExplorer(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it("share nothing, yet open a deep link made on one as the same view on the other", async () => {
    // A request whose trace Jaeger kept (its tail sampling drops about one in ten).
    const { series } = await exemplarsThrough(throughThanos);
    let exemplar: Exemplars["series"][number]["exemplars"][number] | undefined;
    for (const candidate of series.flatMap((s) => s.exemplars).filter((e) => e.spanId)) {
      if ((await getTrace(throughThanos, candidate.traceId)).status === 200) {
        exemplar = candidate;
        break;
      }
    }
    expect(exemplar).toBeDefined();
    const link = `/explore?${new URLSearchParams({
      query: BUCKETS,
      from: new Date(window.start * 1000).toISOString(),
      to: new Date(window.end * 1000).toISOString(),
      trace: exemplar!.traceId,
      span: exemplar!.spanId!,
    })}`;
    const [a, b] = await Promise.all([first.tracePreviewOf(link), second.tracePreviewOf(link)]);
    expect(a).toContain(exemplar!.traceId);
    expect(/aria-selected="true"[^>]*data-span-id="([0-9a-f]+)"/.exec(a)?.[1]).toBe(exemplar!.spanId);
    expect(b).toBe(a);
  });

  it("answer the same question the same, asked once or again (each instance's own short-lived cache)", async () => {
    const question = `/api/metrics/query_range?${new URLSearchParams({
      query: P90,
      start: String(window.start),
      end: String(window.end - 1),
      step: "5",
    })}`;
    const answers = await Promise.all([first.text(question), first.text(question), second.text(question)]);
    expect(JSON.parse(answers[0]!).result.length).toBe(1);
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
  });
});
