import { handleRoute, jsonTextResponse } from "@/lib/server/handle-route";
import { SharedAnswers } from "@/lib/upstream/shared-answers";
import { getSources } from "@/lib/server/sources";

export const dynamic = "force-dynamic";

// Metric names change rarely: one listing a minute, shared by every page load, spares Prometheus.
// An empty list is not kept: a Prometheus that has not scraped yet will have names in a moment.
const NO_FAMILIES = JSON.stringify({ families: [] });
const histogramList = new SharedAnswers({
  ttlMs: 60_000,
  maxSize: 16 * 1024 * 1024,
  worthKeeping: (json) => json !== NO_FAMILIES,
});

export function GET(): Promise<Response> {
  return handleRoute(async () => {
    const json = await histogramList.get("families", async () =>
      JSON.stringify({ families: await getSources().metrics.histogramFamilies() }),
    );
    return jsonTextResponse(json, "private, max-age=30");
  });
}

export { DELETE, PATCH, POST, PUT } from "@/lib/server/refuse-methods";
