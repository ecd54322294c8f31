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

// One backend fetch and one normalization for everyone who opens the same trace within a few
// seconds (a link pasted into an incident channel); brief, because a trace can still grow.
// Bounded by spans: about four 50,000-span traces at once.
const traceAnswers = new SharedAnswers<TraceAnswer>({
  ttlMs: 15_000,
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
