import { getSources } from "@/lib/backends/sources";
import { getConfig } from "@/lib/config/config";
import { DEMO_SUGGESTED_QUERY } from "@/lib/demo/world";
import { handleRoute, jsonResponse } from "@/lib/http/handle-route";

export const dynamic = "force-dynamic";

/** Reachability, version and exemplar storage of each backend, so the UI can explain empty views. */
export function GET(): Promise<Response> {
  return handleRoute(async () => {
    const sources = getSources();
    const [metrics, traces] = await Promise.all([sources.metrics.capabilities(), sources.traces.health()]);
    return jsonResponse({
      mode: sources.metricsIsDemo && sources.tracesIsDemo ? "demo" : "live",
      metrics: { demo: sources.metricsIsDemo, ...metrics },
      traces: { demo: sources.tracesIsDemo, backend: sources.traces.target.displayName, ...traces },
      // Where a new user of the demo lands: the route of the demo's regression story.
      suggestedQuery: sources.metricsIsDemo ? DEMO_SUGGESTED_QUERY : undefined,
      // Not a secret: where the user's own trace UI lives, for "Open in Jaeger/Grafana".
      traceUiUrl: getConfig().traceUiUrl,
    });
  });
}
