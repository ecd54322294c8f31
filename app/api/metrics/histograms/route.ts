import { getSources } from "@/lib/server/sources";
import { handleRoute, jsonResponse } from "@/lib/server/handle-route";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return handleRoute(async () => {
    const families = await getSources().metrics.histogramFamilies();
    // Metric names change rarely; a short cache spares Prometheus on every page load.
    return jsonResponse({ families }, "private, max-age=30");
  });
}
