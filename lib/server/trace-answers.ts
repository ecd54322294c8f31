import type { Trace } from "../model/trace";
import { PREVIEW_ROWS, type TracePreviewData, tracePreviewData } from "../trace-view/preview";
import { type SpanTree, buildSpanTree } from "../trace-view/span-tree";
import { SharedAnswers } from "../upstream/shared-answers";
import { getSources } from "./sources";

export interface TraceAnswer {
  trace: Trace;
  /** Its first rows, for the page of a link to it: worked out once, on first use (API calls never ask). */
  preview(): TracePreviewData;
  /** Its span indices in the waterfall's row order, for the NDJSON answer: worked out once, on first use. */
  rowOrder(): Int32Array;
}

/** A trace that may still be growing is kept this long: its last spans may be on their way. */
export const GROWING_TRACE_KEEP_MS = 15_000;
/** A trace that ended this long ago is done: spans arrive within seconds of their trace's end. */
export const SETTLED_AFTER_MS = 2 * 60_000;
/** A settled trace is kept this long: the people an incident channel's link reaches over minutes. */
export const SETTLED_TRACE_KEEP_MS = 5 * 60_000;

/**
 * How long a trace answer is shared: briefly while the trace may still grow, longer once it
 * ended minutes ago (by this server's clock), when nothing new will come to it.
 */
export function traceKeepMs(trace: Trace, nowMs: number): number {
  const endMs = (trace.startUs + trace.durationUs) / 1000;
  return nowMs - endMs >= SETTLED_AFTER_MS ? SETTLED_TRACE_KEEP_MS : GROWING_TRACE_KEEP_MS;
}

// One backend fetch and one normalization for everyone who opens the same trace (a link pasted
// into an incident channel). Bounded by spans: about four 50,000-span traces at once.
const traceAnswers = new SharedAnswers<TraceAnswer>({
  ttlMs: (answer, nowMs) => traceKeepMs(answer.trace, nowMs),
  maxSize: 200_000,
  sizeOf: (answer) => answer.trace.spans.length,
});

/** The trace `traceId` (validated hex), shared by concurrent and close-together requests. */
export function traceAnswer(traceId: string): Promise<TraceAnswer> {
  return traceAnswers.get(traceId, async () => {
    const trace = await getSources().traces.getTrace(traceId);
    // One span tree for both: a link's page asks for the preview, then its panel for the rows.
    let tree: SpanTree | undefined;
    const treeOf = () => (tree ??= buildSpanTree(trace));
    let preview: TracePreviewData | undefined;
    return {
      trace,
      preview: () => (preview ??= tracePreviewData(trace, PREVIEW_ROWS, treeOf())),
      rowOrder: () => treeOf().order,
    };
  });
}
