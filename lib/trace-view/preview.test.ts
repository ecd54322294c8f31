import { describe, expect, it } from "vitest";
import type { Span, Trace } from "../model/trace";
import { PREVIEW_ROWS, tracePreviewData } from "./preview";

const span = (spanId: string, parentSpanId: string | undefined, startUs: number): Span => ({
  spanId,
  parentSpanId,
  serviceName: "svc",
  name: `op ${spanId}`,
  startUs,
  durationUs: 10,
  status: "ok",
  attributes: { "db.statement": "SELECT secret" },
  resource: { "host.name": "h" },
  events: [{ timeUs: startUs + 1, name: "retry", attributes: { attempt: 2 } }],
  links: [],
});

describe("tracePreviewData", () => {
  it("lists the first rows in tree order with depth, children and only what a row draws", () => {
    const trace: Trace = {
      traceId: "a".repeat(32),
      // Out of order on purpose: the preview follows the tree, children by start time.
      spans: [span("3", "1", 30), span("1", undefined, 0), span("2", "1", 20), span("4", "2", 25)],
      services: ["svc"],
      startUs: 0,
      durationUs: 40,
      warnings: [],
      source: "jaeger-v1",
    };
    const preview = tracePreviewData(trace);
    expect(preview.rows.map((r) => [r.span.spanId, r.depth, r.hasChildren])).toEqual([
      ["1", 0, true],
      ["2", 1, true],
      ["4", 2, false],
      ["3", 1, false],
    ]);
    expect(preview.root).toEqual({ serviceName: "svc", name: "op 1" });
    expect(preview.rows[0]!.span.attributes).toEqual({});
    expect(preview.rows[0]!.span.resource).toEqual({});
    expect(preview.rows[0]!.span.events).toEqual([{ timeUs: 1, name: "retry", attributes: {} }]);
  });

  it("stops at the row limit however large the trace", () => {
    const spans = Array.from({ length: 500 }, (_, i) => span(String(i + 1), i ? "1" : undefined, i));
    const trace: Trace = {
      traceId: "b".repeat(32),
      spans,
      services: ["svc"],
      startUs: 0,
      durationUs: 510,
      warnings: [],
      source: "jaeger-v1",
    };
    const preview = tracePreviewData(trace);
    expect(preview.rows).toHaveLength(PREVIEW_ROWS);
    expect(preview.spanCount).toBe(500);
  });
});
