import { rangeAnswer } from "@/lib/server/metric-answers";
import { handleRoute, jsonResponse, parseSearchParams } from "@/lib/server/handle-route";
import { queryRangeParams } from "./schema";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const { query, start, end, step } = parseSearchParams(request, queryRangeParams);
    const data = await rangeAnswer({ query, startSec: start, endSec: end, stepSec: step });
    return jsonResponse(data);
  });
}

export { DELETE, PATCH, POST, PUT } from "@/lib/server/refuse-methods";
