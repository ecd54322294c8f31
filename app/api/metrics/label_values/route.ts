import { getSources } from "@/lib/server/sources";
import { handleRoute, jsonResponse, parseSearchParams } from "@/lib/server/handle-route";
import { labelValuesParams } from "./schema";

export const dynamic = "force-dynamic";

/** Values of a label on a histogram's buckets, for the explorer's label filters. */
export function GET(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const { metric, label } = parseSearchParams(request, labelValuesParams);
    const values = await getSources().metrics.labelValues(metric, label);
    return jsonResponse({ values }, "private, max-age=30");
  });
}

export { DELETE, PATCH, POST, PUT } from "@/lib/server/refuse-methods";
