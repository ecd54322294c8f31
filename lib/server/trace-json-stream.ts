import type { Trace } from "../model/trace";
import { buildSpanTree } from "../trace-view/span-tree";

export const NDJSON = "application/x-ndjson";

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

/** The first part of a streamed trace: the rows a panel shows first, sent as soon as it can. */
export const FIRST_PART_SPANS = 500;

/**
 * A trace as NDJSON (`application/x-ndjson`), for the explorer's own panel: a first line with the
 * trace's summary and `spanCount`, then lines of span arrays in the waterfall's row order
 * (depth-first, siblings by start). Any prefix of the lines is the trace's first rows, parents
 * before their children, so the browser draws them while the rest is still on its way.
 */
export function traceNdjsonStream(
  trace: Trace,
  rowOrder: () => Int32Array = () => buildSpanTree(trace).order,
  spansPerChunk = SPANS_PER_CHUNK,
  firstPart = FIRST_PART_SPANS,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const { spans, ...summary } = trace;
  let order: Int32Array | undefined;
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${JSON.stringify({ ...summary, spanCount: spans.length })}\n`));
    },
    pull(controller) {
      order ??= rowOrder();
      const end = Math.min(spans.length, next + (next === 0 ? firstPart : spansPerChunk));
      if (next < end) {
        const batch: string[] = [];
        for (let k = next; k < end; k++) batch.push(JSON.stringify(spans[order[k]!]));
        controller.enqueue(encoder.encode(`[${batch.join(",")}]\n`));
      }
      next = end;
      if (next >= spans.length) controller.close();
    },
  });
}
