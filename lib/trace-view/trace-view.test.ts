import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFixture } from "../testing/fixtures";
import { testSpan, testTrace } from "../testing/trace-builders";
import type { Span, Trace } from "../model/trace";
import { generateSyntheticTrace } from "../demo/synthetic-trace";
import { normalizeJaegerV1Trace } from "../traces/jaeger-v1";
import { jaegerV1Trace } from "../traces/jaeger-v1-wire";
import { searchSpans, filterSpans } from "./search";
import { SERVICE_PALETTE, assignServiceSlots, minimumPaletteDistance, serviceColors } from "./service-colors";
import { ancestorsOf, buildSpanTree } from "./span-tree";
import { clipToParents, criticalPath, selfTimeUs } from "./timing";
import { visibleRows } from "./visible-rows";

const span = testSpan;
const trace = (spans: Span[]) => testTrace(spans);
const recorded = (name: string) =>
  normalizeJaegerV1Trace(jaegerV1Trace.parse(JSON.parse(readFixture(`jaeger/${name}`))));
const ids = (t: Trace, indices: Iterable<number>) => [...indices].map((i) => t.spans[i]!.spanId);

describe("buildSpanTree", () => {
  it("orders children by start time, depth-first", () => {
    const t = trace([
      span("c2", "r", 30, 5),
      span("r", undefined, 0, 100),
      span("c1", "r", 10, 5),
      span("g", "c1", 12, 1),
    ]);
    const tree = buildSpanTree(t);
    expect(ids(t, tree.order)).toEqual(["r", "c1", "g", "c2"]);
    expect([...tree.depth]).toEqual([1, 0, 1, 2]);
    expect(ids(t, ancestorsOf(tree, 3))).toEqual(["c1", "r"]);
  });

  it("keeps orphans as roots, duplicates apart, and breaks parent cycles without losing spans", () => {
    const t = trace([
      span("a", "missing", 0, 1),
      span("d", undefined, 1, 1),
      span("d", undefined, 2, 1),
      span("x", "y", 3, 1),
      span("y", "x", 4, 1),
      span("s", "s", 5, 1),
    ]);
    const tree = buildSpanTree(t);
    expect(tree.order.length).toBe(6);
    expect(new Set(tree.order).size).toBe(6);
    expect(tree.parent[0]).toBe(-1);
    expect(tree.roots).toEqual(expect.arrayContaining([0, 1, 2, 5]));
  });

  it("builds recorded Jaeger traces, including children that outlive their parent", () => {
    for (const name of [
      "ui-trace-spansAmongEachOther.json",
      "ui-trace-traceWithOverlappingChildren.json",
      "ui-trace-traceWithSingleChildLongerThanParentAndStartsAfterParent.json",
    ]) {
      const t = recorded(name);
      const tree = buildSpanTree(t);
      expect(new Set(tree.order).size).toBe(t.spans.length);
    }
  });
});

describe("self time", () => {
  it("subtracts the union of children, clipped to the span", () => {
    const t = trace([
      span("r", undefined, 0, 100),
      span("a", "r", 10, 30),
      span("b", "r", 20, 30),
      span("late", "r", 90, 50),
    ]);
    const tree = buildSpanTree(t);
    // Covered: [10, 50) from a and b, [90, 100) from the clipped late child: 50 of 100.
    expect(selfTimeUs(t, tree, 0)).toBe(50);
    expect(selfTimeUs(t, tree, 1)).toBe(30);
  });
});

describe("critical path", () => {
  it("walks back from the end through the last-finishing children", () => {
    // root 0..100; a 10..40, b 50..90 (b ends last), b1 55..70 inside b.
    const t = trace([
      span("root", undefined, 0, 100),
      span("a", "root", 10, 30),
      span("b", "root", 50, 40),
      span("b1", "b", 55, 15),
    ]);
    const tree = buildSpanTree(t);
    const { sections, onPath } = criticalPath(t, tree);
    expect(
      ids(
        t,
        [...onPath.keys()].filter((i) => onPath[i]),
      ),
    ).toEqual(["root", "a", "b", "b1"]);
    const byName = sections.map((s) => `${t.spans[s.index]!.spanId}:${s.startUs}-${s.endUs}`);
    expect(byName).toEqual([
      "root:90-100",
      "b:70-90",
      "b1:55-70",
      "b:50-55",
      "root:40-50",
      "a:10-40",
      "root:0-10",
    ]);
    // The sections tile the root's whole duration.
    expect(sections.reduce((sum, s) => sum + s.endUs - s.startUs, 0)).toBe(100);
  });

  it("leaves out a consumer that starts after its producer's parent ended, and clips overflowing children", () => {
    const t = trace([
      span("root", undefined, 0, 100),
      span("producer", "root", 10, 20),
      span("consumer", "producer", 200, 50, { kind: "consumer" }),
      span("overflow", "root", 60, 100),
    ]);
    const tree = buildSpanTree(t);
    const clipped = clipToParents(t, tree);
    expect(clipped.inParent[2]).toBe(0);
    expect(clipped.endUs[3]).toBe(100);
    const { onPath } = criticalPath(t, tree, clipped);
    expect(onPath[2]).toBe(0);
    expect(onPath[3]).toBe(1);
  });

  it("covers the root exactly on generated traces of any shape", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), (n) => {
        const t = normalizeJaegerV1Trace(jaegerV1Trace.parse(generateSyntheticTrace(n)));
        const tree = buildSpanTree(t);
        const { sections } = criticalPath(t, tree);
        const root = t.spans[tree.roots[0]!]!;
        const total = sections.reduce((sum, s) => sum + s.endUs - s.startUs, 0);
        expect(total).toBeCloseTo(root.durationUs, 3);
        for (const s of sections) expect(s.endUs).toBeGreaterThanOrEqual(s.startUs);
      }),
      { numRuns: 40 },
    );
  });

  it("handles a recorded trace whose child outlives its parent", () => {
    const t = recorded("ui-trace-traceWithSingleChildLongerThanParentAndStartsAfterParent.json");
    const tree = buildSpanTree(t);
    const { sections, onPath } = criticalPath(t, tree);
    expect(onPath[tree.roots[0]!]).toBe(1);
    expect(sections.length).toBeGreaterThan(0);
  });
});

describe("visibleRows", () => {
  const t = trace([
    span("r", undefined, 0, 100),
    span("a", "r", 1, 10),
    span("a1", "a", 2, 5),
    span("b", "r", 20, 10),
    span("b1", "b", 21, 5, { status: "error" }),
  ]);
  const tree = buildSpanTree(t);

  it("hides collapsed subtrees", () => {
    expect(ids(t, visibleRows(tree, new Set()))).toEqual(["r", "a", "a1", "b", "b1"]);
    expect(ids(t, visibleRows(tree, new Set([1])))).toEqual(["r", "a", "b", "b1"]);
  });

  it("keeps matches with their ancestors under a filter", () => {
    expect(ids(t, visibleRows(tree, new Set(), filterSpans(t, { errorsOnly: true })))).toEqual([
      "r",
      "b",
      "b1",
    ]);
    expect(ids(t, visibleRows(tree, new Set(), searchSpans(t, "A1")))).toEqual(["r", "a", "a1"]);
  });

  // Not a speed test (bench/ measures that): generating and parsing 50,000 spans took ~6 s on a
  // machine busy with a build, past vitest's default 5 s.
  it("lays out 50,000 spans in one pass", { timeout: 30_000 }, () => {
    const big = normalizeJaegerV1Trace(jaegerV1Trace.parse(generateSyntheticTrace(50_000)));
    const bigTree = buildSpanTree(big);
    expect(visibleRows(bigTree, new Set()).length).toBe(50_000);
    expect(criticalPath(big, bigTree).sections.length).toBeGreaterThan(1);
  });
});

describe("search and filters", () => {
  const t = trace([
    span("r", undefined, 0, 100, { attributes: { "http.url": "https://Shop.example/cart" } }),
    span("x", "r", 1, 5, { serviceName: "db", events: [{ timeUs: 1, name: "Retry", attributes: {} }] }),
  ]);

  it("finds text in names, services, attribute values and events, ignoring case", () => {
    expect([...searchSpans(t, "shop.EXAMPLE")!]).toEqual([1, 0]);
    expect([...searchSpans(t, "retry")!]).toEqual([0, 1]);
    expect([...searchSpans(t, "db")!]).toEqual([0, 1]);
    expect(searchSpans(t, "  ")).toBeUndefined();
  });

  it("filters by service and minimum duration", () => {
    expect([...filterSpans(t, { services: new Set(["db"]) })!]).toEqual([0, 1]);
    expect([...filterSpans(t, { minDurationUs: 50 })!]).toEqual([1, 0]);
    expect(filterSpans(t, {})).toBeUndefined();
  });
});

describe("service colors", () => {
  it("are ten colors told apart at a glance, none of them red", () => {
    expect(SERVICE_PALETTE).toHaveLength(10);
    expect(minimumPaletteDistance()).toBeGreaterThan(0.1);
    for (const color of SERVICE_PALETTE) {
      // Red sits near 29° in OKLCH; stay 30° clear of it on either side.
      const fromRed = Math.min(Math.abs(color.h - 29), 360 - Math.abs(color.h - 29));
      expect(fromRed).toBeGreaterThanOrEqual(30);
    }
  });

  const services = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), {
    minLength: 1,
    maxLength: 10,
  });
  const pinnedMaps = fc
    .array(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 9 })), {
      maxLength: 30,
    })
    .map((entries) => new Map(entries));

  it("give every service of a trace of up to ten its own color, whatever was pinned before", () => {
    fc.assert(
      fc.property(services, pinnedMaps, (names, pinned) => {
        const slots = assignServiceSlots(names, pinned);
        expect([...slots.keys()].sort()).toEqual([...names].sort());
        expect(new Set(slots.values()).size).toBe(names.length);
      }),
    );
  });

  it("keep a service's color from one trace to the next once pinned", () => {
    const first = assignServiceSlots(["frontend", "api-gateway", "orders"]);
    const second = assignServiceSlots(["orders", "payments", "frontend"], first);
    expect(second.get("orders")).toBe(first.get("orders"));
    expect(second.get("frontend")).toBe(first.get("frontend"));
    // A new service avoids the colors other services already hold.
    expect([...first.values()]).not.toContain(second.get("payments"));
    expect(assignServiceSlots(["a", "b"])).toEqual(assignServiceSlots(["a", "b"]));
  });

  it("are CSS colors the browser can paint", () => {
    expect(serviceColors(new Map([["orders", 0]])).get("orders")).toBe("oklch(0.68 0.14 240)");
  });
});
