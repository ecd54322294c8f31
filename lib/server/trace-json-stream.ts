import type { Trace } from "../model/trace";

/** Spans serialized per chunk: ~1 MB of JSON, a few milliseconds of work between reads. */
export const SPANS_PER_CHUNK = 2_000;

/**
 * A trace as JSON, serialized a batch of spans at a time as the response is read: the first bytes
 * of a 50,000-span trace leave before its last span is serialized, and no request holds the whole
 * 25 MB string. The text is a JSON object equal to the trace (its `spans` last).
 */
export function traceJsonStream(trace: Trace, spansPerChunk = SPANS_PER_CHUNK): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const { spans, ...summary } = trace;
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${JSON.stringify(summary).slice(0, -1)},"spans":[`));
    },
    pull(controller) {
      const batch = spans.slice(next, next + spansPerChunk);
      const text = batch.map((span) => JSON.stringify(span)).join(",");
      controller.enqueue(encoder.encode(next > 0 && batch.length > 0 ? `,${text}` : text));
      next += batch.length;
      if (next >= spans.length) {
        controller.enqueue(encoder.encode("]}"));
        controller.close();
      }
    },
  });
}
