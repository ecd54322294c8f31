import { describe, expect, it } from "vitest";
import type { Trace } from "../model/trace";
import { GROWING_TRACE_KEEP_MS, SETTLED_AFTER_MS, SETTLED_TRACE_KEEP_MS, traceKeepMs } from "./trace-answers";

const NOW_MS = Date.UTC(2026, 10, 26, 12, 0, 0);

function endingAt(endMs: number): Trace {
  const durationUs = 3_000_000;
  return {
    traceId: "0".repeat(32),
    spans: [],
    services: [],
    startUs: endMs * 1000 - durationUs,
    durationUs,
    warnings: [],
    source: "jaeger-v1",
  };
}

describe("traceKeepMs", () => {
  it("shares a trace that may still be growing only briefly", () => {
    expect(traceKeepMs(endingAt(NOW_MS - 1_000), NOW_MS)).toBe(GROWING_TRACE_KEEP_MS);
    expect(traceKeepMs(endingAt(NOW_MS - SETTLED_AFTER_MS + 1), NOW_MS)).toBe(GROWING_TRACE_KEEP_MS);
  });

  it("shares a trace that ended minutes ago for longer", () => {
    expect(traceKeepMs(endingAt(NOW_MS - SETTLED_AFTER_MS), NOW_MS)).toBe(SETTLED_TRACE_KEEP_MS);
    expect(traceKeepMs(endingAt(NOW_MS - 86_400_000), NOW_MS)).toBe(SETTLED_TRACE_KEEP_MS);
  });

  it("takes a trace stamped in this server's future (a skewed clock) as growing", () => {
    expect(traceKeepMs(endingAt(NOW_MS + 600_000), NOW_MS)).toBe(GROWING_TRACE_KEEP_MS);
  });
});
