import autocannon from "autocannon";

/**
 * What the proxy costs: the same trace and exemplar requests through the explorer and straight
 * to Jaeger and Prometheus, at 1 and 50 connections, on the real stack (loopback).
 */

interface Target {
  label: string;
  url: string;
  paths: string[];
}

async function load(target: Target, connections: number, seconds: number) {
  let i = 0;
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    timeout: 20,
    requests: [
      { setupRequest: (request) => ({ ...request, path: target.paths[i++ % target.paths.length]! }) },
    ],
  });
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

export async function benchProxy(explorerUrl: string, jaegerUrl: string, prometheusUrl: string, seconds = 8) {
  const now = Math.floor(Date.now() / 1000);
  const query = "http_server_request_duration_seconds_bucket";
  const range = { start: String(now - 120), end: String(now) };
  const exemplars = await (
    await fetch(`${explorerUrl}/api/exemplars?${new URLSearchParams({ query, ...range })}`)
  ).json();
  const traceIds: string[] = [];
  for (const e of exemplars.series.flatMap(
    (s: { exemplars: { traceId: string; timestampSec: number }[] }) => s.exemplars,
  )) {
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
        [viaApp.label]: app,
        [direct.label]: backend,
        p50Ratio: Math.round((app.p50Ms / Math.max(backend.p50Ms, 0.01)) * 100) / 100,
        p99Ratio: Math.round((app.p99Ms / Math.max(backend.p99Ms, 0.01)) * 100) / 100,
        rpsRatio: Math.round((app.rps / Math.max(backend.rps, 1)) * 100) / 100,
      };
    }
  }
  return { traces: traceIds.length, secondsPerRun: seconds, results };
}
