import { Agent, fetch } from "undici";
import { percentile } from "./stats";

/**
 * What the proxy costs: the same trace and exemplar requests through the explorer and straight
 * to Jaeger and Prometheus, at 1 and 50 connections, on the real stack (loopback). The load is
 * a plain keep-alive fetch loop per connection: autocannon miscounts Jaeger's answers (it
 * reported errors and multi-second latencies that curl and fetch do not see).
 */

interface Target {
  label: string;
  url: string;
  paths: string[];
}

async function load(target: Target, connections: number, seconds: number) {
  const dispatcher = new Agent({ connections, keepAliveTimeout: 10_000 });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const path = target.paths[next++ % target.paths.length]!;
      const started = performance.now();
      try {
        const response = await fetch(`${target.url}${path}`, { dispatcher });
        await response.arrayBuffer();
        if (response.status < 200 || response.status >= 300) non2xx++;
        latencies.push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsedSec = (performance.now() - started) / 1000;
  await dispatcher.close();
  return {
    requests: latencies.length,
    rps: Math.round(latencies.length / elapsedSec),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    errors,
    non2xx,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

export async function benchProxy(explorerUrl: string, jaegerUrl: string, prometheusUrl: string, seconds = 8) {
  const now = Math.floor(Date.now() / 1000);
  const query = "http_server_request_duration_seconds_bucket";
  const range = { start: String(now - 120), end: String(now) };
  const exemplars = (await (
    await fetch(`${explorerUrl}/api/exemplars?${new URLSearchParams({ query, ...range })}`)
  ).json()) as { series: { exemplars: { traceId: string; timestampSec: number }[] }[] };
  const traceIds: string[] = [];
  for (const e of exemplars.series.flatMap((s) => s.exemplars)) {
    if (now - e.timestampSec < 10) continue;
    if ((await fetch(`${jaegerUrl}/api/traces/${e.traceId}`)).ok) traceIds.push(e.traceId);
    if (traceIds.length === 20) break;
  }
  if (traceIds.length === 0) throw new Error("no kept traces to load-test with");

  const pairs: [string, Target, Target][] = [
    [
      "/api/traces/{id}",
      { label: "explorer", url: explorerUrl, paths: traceIds.map((id) => `/api/traces/${id}`) },
      { label: "jaeger", url: jaegerUrl, paths: traceIds.map((id) => `/api/traces/${id}`) },
    ],
    [
      "/api/exemplars",
      {
        label: "explorer",
        url: explorerUrl,
        paths: [`/api/exemplars?${new URLSearchParams({ query, ...range })}`],
      },
      {
        label: "prometheus",
        url: prometheusUrl,
        paths: [`/api/v1/query_exemplars?${new URLSearchParams({ query, ...range })}`],
      },
    ],
  ];
  const results: Record<string, unknown> = {};
  for (const [route, viaApp, direct] of pairs) {
    for (const connections of [1, 50]) {
      const app = await load(viaApp, connections, seconds);
      const backend = await load(direct, connections, seconds);
      results[`${route} @${connections}`] = {
        explorer: app,
        direct: { backend: direct.label, ...backend },
        p50Ratio: Math.round((app.p50Ms / Math.max(backend.p50Ms, 0.01)) * 100) / 100,
        p99Ratio: Math.round((app.p99Ms / Math.max(backend.p99Ms, 0.01)) * 100) / 100,
        rpsRatio: Math.round((app.rps / Math.max(backend.rps, 1)) * 100) / 100,
      };
    }
  }
  return { traces: traceIds.length, secondsPerRun: seconds, results };
}
