import { exemplarsAnswer } from "@/lib/server/metric-answers";
import { handleRoute, jsonResponse, parseSearchParams } from "@/lib/server/handle-route";
import { exemplarsParams } from "./schema";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const { query, start, end } = parseSearchParams(request, exemplarsParams);
    return jsonResponse(await exemplarsAnswer(query, start, end));
  });
}

export { DELETE, PATCH, POST, PUT } from "@/lib/server/refuse-methods";
