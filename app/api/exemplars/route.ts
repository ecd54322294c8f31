import { getSources } from "@/lib/server/sources";
import { handleRoute, jsonResponse, parseSearchParams } from "@/lib/server/handle-route";
import { exemplarsParams } from "./schema";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const { query, start, end } = parseSearchParams(request, exemplarsParams);
    return jsonResponse(await getSources().metrics.exemplars(query, start, end, request.signal));
  });
}

export { DELETE, PATCH, POST, PUT } from "@/lib/server/refuse-methods";
