import { type TracePreviewData, tracePreviewData } from "../trace-view/preview";
import { SharedAnswers } from "./shared-answers";
import { getSources } from "./sources";

export interface TraceAnswer {
  /** The normalized trace as `/api/traces/{id}` answers it. */
  json: string;
  /** Its first rows, for the page of a link to it (no second parse of the JSON there). */
  preview: TracePreviewData;
}

// One backend fetch and one normalization for everyone who opens the same trace within a few
// seconds (a link pasted into an incident channel); brief, because a trace can still grow.
const traceAnswers = new SharedAnswers<TraceAnswer>({
  ttlMs: 15_000,
  maxChars: 128 * 1024 * 1024,
  sizeOf: (answer) => answer.json.length,
});

/** The trace `traceId` (validated hex), shared by concurrent and close-together requests. */
export function traceAnswer(traceId: string): Promise<TraceAnswer> {
  return traceAnswers.get(traceId, async () => {
    const trace = await getSources().traces.getTrace(traceId);
    return { json: JSON.stringify(trace), preview: tracePreviewData(trace) };
  });
}
