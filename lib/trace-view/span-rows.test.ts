import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeJaegerV1Trace } from "../traces/jaeger-v1";
import { jaegerV1Trace } from "../traces/jaeger-v1-wire";
import type { Span, Trace } from "../model/trace";
import { spanRows } from "./span-rows";

const span = (spanId: string, parentSpanId: string | undefined, startUs: number): Span => ({
  spanId,
  parentSpanId,
  serviceName: "s",
  name: spanId,
  startUs,
  durationUs: 10,
  status: "unset",
  attributes: {},
  resource: {},
  events: [],
  links: [],
});
const trace = (spans: Span[]): Trace => ({
  traceId: "t",
  spans,
  services: ["s"],
  startUs: 0,
  durationUs: 100,
  warnings: [],
  source: "jaeger-v1",
});

describe("spanRows", () => {
  it("orders depth-first with siblings by start time", () => {
    const rows = spanRows(
      trace([
        span("c2", "root", 30),
        span("root", undefined, 0),
        span("c1", "root", 10),
        span("g", "c1", 12),
      ]),
    );
    expect(rows.map((r) => `${r.span.spanId}@${r.depth}`)).toEqual(["root@0", "c1@1", "g@2", "c2@1"]);
  });

  it("keeps orphans and cycles as roots, never losing a span", () => {
    const rows = spanRows(
      trace([span("a", "missing", 0), span("x", "y", 1), span("y", "x", 2), span("self", "self", 3)]),
    );
    expect(rows.map((r) => r.span.spanId).sort()).toEqual(["a", "self", "x", "y"]);
    expect(rows.find((r) => r.span.spanId === "a")!.depth).toBe(0);
  });

  it("handles a recorded Jaeger trace whose children outlive their parent", () => {
    const raw = JSON.parse(
      readFileSync(
        new URL(
          "../../../shared/fixtures/jaeger/ui-trace-traceWithSingleChildLongerThanParentAndStartsAfterParent.json",
          import.meta.url,
        ),
        "utf8",
      ),
    );
    const t = normalizeJaegerV1Trace(jaegerV1Trace.parse(raw));
    const rows = spanRows(t);
    expect(rows.length).toBe(t.spans.length);
    expect(rows[0]!.depth).toBe(0);
  });

  it("copes with a 50,000-deep chain without overflowing the stack", () => {
    const spans = Array.from({ length: 50_000 }, (_, i) => span(`s${i}`, i ? `s${i - 1}` : undefined, i));
    const rows = spanRows(trace(spans));
    expect(rows[49_999]!.depth).toBe(49_999);
  });
});
