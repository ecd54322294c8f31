import { AppError } from "@/lib/errors";
import { getSources } from "@/lib/server/sources";
import { handleRoute, jsonResponse } from "@/lib/server/handle-route";
import { traceIdParam } from "./schema";

export const dynamic = "force-dynamic";

export function GET(_request: Request, context: { params: Promise<{ traceId: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { traceId: raw } = await context.params;
    const parsed = traceIdParam.safeParse(raw);
    if (!parsed.success) {
      throw new AppError("bad_request", `trace ID "${raw.slice(0, 64)}" ${parsed.error.issues[0]?.message}`);
    }
    const trace = await getSources().traces.getTrace(parsed.data);
    // A trace can still grow for a while after its exemplar appears: cache only briefly.
    return jsonResponse(trace, "private, max-age=60");
  });
}
