import { SharedAnswers } from "./shared-answers";
import { getSources } from "./sources";

// One backend fetch and one normalization for everyone who opens the same trace within a few
// seconds (a link pasted into an incident channel); brief, because a trace can still grow.
const traceAnswers = new SharedAnswers({ ttlMs: 15_000, maxChars: 128 * 1024 * 1024 });

/** The normalized trace as the JSON `/api/traces/{id}` answers; `traceId` is validated hex. */
export function traceAnswer(traceId: string): Promise<string> {
  return traceAnswers.get(traceId, async () => JSON.stringify(await getSources().traces.getTrace(traceId)));
}
