import { createServer } from "node:net";
import { vi } from "vitest";

/** Helpers for tests against the real stack started by scripts/stack.mjs. */

import * as stackScript from "../scripts/stack.mjs";

export const stack = stackScript;
export const PROMETHEUS_URL = `http://127.0.0.1:${stack.STACK_PORTS.prometheus}`;
export const JAEGER_URL = `http://127.0.0.1:${stack.STACK_PORTS.jaegerQuery}`;

/** The app's route handlers, loaded fresh with this environment (config is read once per load). */
export async function loadRoutes(env: Record<string, string>) {
  vi.unstubAllEnvs();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  return {
    health: await import("../app/api/health/route"),
    exemplars: await import("../app/api/exemplars/route"),
    trace: await import("../app/api/traces/[traceId]/route"),
    queryRange: await import("../app/api/metrics/query_range/route"),
    histograms: await import("../app/api/metrics/histograms/route"),
  };
}

export type Routes = Awaited<ReturnType<typeof loadRoutes>>;

export async function getTrace(routes: Routes, traceId: string) {
  const response = await routes.trace.GET(new Request(`http://localhost/api/traces/${traceId}`), {
    params: Promise.resolve({ traceId }),
  });
  return { status: response.status, body: await response.json() };
}

export async function getExemplars(routes: Routes, query: string, lookbackSec: number) {
  const now = Math.floor(Date.now() / 1000);
  const params = new URLSearchParams({ query, start: String(now - lookbackSec), end: String(now) });
  const response = await routes.exemplars.GET(new Request(`http://localhost/api/exemplars?${params}`));
  return response.json() as Promise<{
    series: {
      labels: Record<string, string>;
      le?: number;
      exemplars: { traceId: string; spanId: string; value: number; timestampSec: number }[];
    }[];
  }>;
}

/** A range query through the explorer's route; throws with its error when it is not answered. */
export async function queryRange(
  routes: Routes,
  query: string,
  startSec: number,
  endSec: number,
  stepSec: number,
) {
  const params = new URLSearchParams({
    query,
    start: String(startSec),
    end: String(endSec),
    step: String(stepSec),
  });
  const response = await routes.queryRange.GET(
    new Request(`http://localhost/api/metrics/query_range?${params}`),
  );
  const body = await response.json();
  if (!response.ok) throw new Error(`query_range answered ${response.status}: ${JSON.stringify(body)}`);
  return body as { result: { metric: Record<string, string>; values: [number, string][] }[] };
}

export async function health(routes: Routes) {
  return (await routes.health.GET()).json();
}

/**
 * The time from which exemplars have their traces in the running Jaeger (in memory, a restart
 * forgets everything), waiting until at least `minSec` of traffic has settled since then.
 */
export async function tracesKeptSinceSec(minSec = 25): Promise<number> {
  // Plus the exporters' batch delay: a batch sent just before Jaeger was ready is lost.
  const since = (stack.jaegerReadyAtMs() ?? 0) / 1000 + 2;
  const wait = since + minSec - Date.now() / 1000;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  return since;
}

/** A port nothing listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
