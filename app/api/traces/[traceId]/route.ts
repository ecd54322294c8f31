import { AppError } from "@/lib/errors";
import { handleRoute, jsonResponse } from "@/lib/server/handle-route";
import { traceAnswer } from "@/lib/server/trace-answers";
import { NDJSON, SPANS_PER_CHUNK, traceJsonStream, traceNdjsonStream } from "@/lib/server/trace-json-stream";
import { SPAN_COUNT_HEADER } from "@/lib/model/api-paths";
import { traceIdParam } from "./schema";

export const dynamic = "force-dynamic";

// A trace can still grow for a while after its exemplar appears: browsers keep it only briefly.
const CACHE_CONTROL = "private, max-age=60";

export function GET(request: Request, context: { params: Promise<{ traceId: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { traceId: raw } = await context.params;
    const parsed = traceIdParam.safeParse(raw);
    if (!parsed.success) {
      throw new AppError("bad_request", `trace ID "${raw.slice(0, 64)}" ${parsed.error.issues[0]?.message}`);
    }
    const { trace, rowOrder } = await traceAnswer(parsed.data);
    // The explorer's panel asks for NDJSON (`?format=ndjson`, or by Accept): the first rows, then
    // the rest, drawn as they come.
    const format = new URL(request.url).searchParams.get("format");
    if (format === "ndjson" || (format === null && request.headers.get("accept")?.includes(NDJSON))) {
      return new Response(traceNdjsonStream(trace, rowOrder), {
        headers: { "Content-Type": NDJSON, "Cache-Control": CACHE_CONTROL, Vary: "Accept" },
      });
    }
    if (trace.spans.length <= SPANS_PER_CHUNK) {
      const response = jsonResponse(trace, CACHE_CONTROL);
      response.headers.set("Vary", "Accept");
      return response;
    }
    // A large trace leaves in chunks as it is serialized, not as one string held in memory.
    // The span count first, so the panel can say what is coming while the spans stream in.
    return new Response(traceJsonStream(trace), {
      headers: {
        "Content-Type": "application/json",
        "Cache-Control": CACHE_CONTROL,
        Vary: "Accept",
        [SPAN_COUNT_HEADER]: String(trace.spans.length),
      },
    });
  });
}

export { DELETE, PATCH, POST, PUT } from "@/lib/server/refuse-methods";
