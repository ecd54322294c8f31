import { AppError } from "@/lib/errors";
import { handleRoute, jsonTextResponse } from "@/lib/server/handle-route";
import { SharedAnswers } from "@/lib/server/shared-answers";
import { getSources } from "@/lib/server/sources";
import { traceIdParam } from "./schema";

export const dynamic = "force-dynamic";

// One backend fetch and one normalization for everyone who opens the same trace within a few
// seconds (a link pasted into an incident channel); brief, because a trace can still grow.
const traceAnswers = new SharedAnswers({ ttlMs: 15_000, maxChars: 128 * 1024 * 1024 });

export function GET(_request: Request, context: { params: Promise<{ traceId: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { traceId: raw } = await context.params;
    const parsed = traceIdParam.safeParse(raw);
    if (!parsed.success) {
      throw new AppError("bad_request", `trace ID "${raw.slice(0, 64)}" ${parsed.error.issues[0]?.message}`);
    }
    const traceId = parsed.data;
    const json = await traceAnswers.get(traceId, async () =>
      JSON.stringify(await getSources().traces.getTrace(traceId)),
    );
    return jsonTextResponse(json, "private, max-age=60");
  });
}

export { DELETE, PATCH, POST, PUT } from "@/lib/server/refuse-methods";
