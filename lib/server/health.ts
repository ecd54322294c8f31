import type { Health } from "../model/health";
import type { Sources } from "./sources";

/** Reachability, version and exemplar storage of each backend, so the UI can explain empty views. */
export async function checkHealth(sources: Sources, traceUiUrl: string | undefined): Promise<Health> {
  const [metrics, traces] = await Promise.all([sources.metrics.capabilities(), sources.traces.health()]);
  return {
    mode: sources.metricsIsDemo && sources.tracesIsDemo ? "demo" : "live",
    metrics: { demo: sources.metricsIsDemo, ...metrics },
    traces: { demo: sources.tracesIsDemo, backend: sources.traces.target.displayName, ...traces },
    suggestedQuery: sources.suggestedQuery,
    traceUiUrl,
  };
}
