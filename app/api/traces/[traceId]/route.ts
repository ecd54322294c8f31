import { AppError } from "@/lib/errors";
import { handleRoute, jsonTextResponse } from "@/lib/server/handle-route";
import { traceAnswer } from "@/lib/server/trace-answers";
import { traceIdParam } from "./schema";

export const dynamic = "force-dynamic";

export function GET(_request: Request, context: { params: Promise<{ traceId: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { traceId: raw } = await context.params;
    const parsed = traceIdParam.safeParse(raw);
    if (!parsed.success) {
      throw new AppError("bad_request", `trace ID "${raw.slice(0, 64)}" ${parsed.error.issues[0]?.message}`);
    }
    return jsonTextResponse((await traceAnswer(parsed.data)).json, "private, max-age=60");
  });
}

export { DELETE, PATCH, POST, PUT } from "@/lib/server/refuse-methods";
