import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExemplarPoint } from "../explore/chart-data";
import type { Attributes, Span, Trace } from "../model/trace";
import { testSpan, testTrace } from "../testing/trace-builders";
import { MIN_SHARE_DIFFERENCE, compareAttributes, numberRange } from "./attributes";
import { chooseCohorts, median, seriesKey, spreadOverTime, typicalPartner, typicalPartners } from "./cohorts";
import { diffTraces, differingRows } from "./trace-diff";
import { compareCohorts, traceStatistics } from "./operations";

const point = (
  timeMs: number,
  value: number,
  traceId: string,
  labels: Record<string, string> = { job: "api" },
) => ({ timeMs, value, traceId, spanId: "s", seriesLabels: labels }) satisfies ExemplarPoint;

const span = testSpan;
const trace = (traceId: string, spans: Span[]) => testTrace(spans, traceId);

/** A request: root `GET /x` with a query, then `calls` order-item queries one after another. */
function request(traceId: string, queryUs: number, calls: number, attributes: Attributes = {}): Trace {
  const spans = [span("root", undefined, 0, 1000 + queryUs + calls * 100, { name: "GET /x", attributes })];
  spans.push(span("q", "root", 100, queryUs, { name: "SELECT orders", serviceName: "db" }));
  for (let i = 0; i < calls; i++) {
    spans.push(
      span(`i${i}`, "root", 200 + queryUs + i * 100, 90, { name: "SELECT order_items", serviceName: "db" }),
    );
  }
  return trace(traceId, spans);
}

describe("cohorts", () => {
  const region = { startMs: 1000, endMs: 2000, minValue: 0.5, maxValue: 1 };

  it("identifies a series without le and __name__", () => {
    expect(seriesKey({ le: "0.5", __name__: "x_bucket", job: "api", route: "/a" })).toBe(
      seriesKey({ route: "/a", job: "api" }),
    );
  });

  it("takes the region's exemplars as the slow side, one per trace", () => {
    const points = [
      point(1500, 0.8, "a"),
      point(1600, 0.9, "a"),
      point(1700, 0.6, "b"),
      point(2500, 0.9, "c"),
    ];
    const { slow, slowAvailable } = chooseCohorts(points, region, "typical");
    expect(slow.map((p) => p.traceId)).toEqual(["a", "b"]);
    expect(slowAvailable).toBe(2);
  });

  it("takes as typical the same series' exemplars nearest the median, in the region's time span", () => {
    const points = [
      point(1500, 0.8, "slow"),
      point(1100, 0.05, "near"),
      point(1200, 0.06, "near2"),
      point(1300, 0.01, "far"),
      point(1400, 0.05, "other-series", { job: "other" }),
      point(500, 0.05, "before-span"),
      point(1800, 0.2, "mid"),
    ];
    const cohorts = chooseCohorts(points, region, "typical", 2);
    expect(cohorts.medianValue).toBe(0.06);
    expect(cohorts.baseline.map((p) => p.traceId)).toEqual(["near", "near2"]);
    expect(cohorts.baselineAvailable).toBe(4);
  });

  it("takes as 'before' the same latency band before the region starts", () => {
    const points = [
      point(1500, 0.8, "slow"),
      point(900, 0.7, "old-slow"),
      point(800, 0.1, "old-fast"),
      point(2500, 0.7, "after"),
    ];
    expect(chooseCohorts(points, region, "before").baseline.map((p) => p.traceId)).toEqual(["old-slow"]);
  });

  it("spreads a capped cohort over time", () => {
    const points = Array.from({ length: 100 }, (_, i) => point(i, 1, `t${i}`));
    expect(spreadOverTime(points, 4).map((p) => p.timeMs)).toEqual([12, 37, 62, 87]);
    expect(spreadOverTime(points, 0)).toEqual([]);
  });

  it("never puts a trace on both sides, nor more than the cap on either", () => {
    const arbitraryPoint = fc.record({
      timeMs: fc.integer({ min: 0, max: 3000 }),
      value: fc.double({ min: 0.001, max: 2, noNaN: true }),
      traceId: fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h"),
      spanId: fc.constant("s"),
      seriesLabels: fc.constantFrom({ job: "api" }, { job: "web" }),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryPoint, { maxLength: 60 }),
        fc.constantFrom("typical" as const, "before" as const),
        (points, rule) => {
          const { slow, baseline } = chooseCohorts(points, region, rule, 3);
          const slowIds = new Set(slow.map((p) => p.traceId));
          expect(baseline.some((p) => slowIds.has(p.traceId))).toBe(false);
          expect(slow.length).toBeLessThanOrEqual(3);
          expect(baseline.length).toBeLessThanOrEqual(3);
          expect(new Set(baseline.map((p) => p.traceId)).size).toBe(baseline.length);
        },
      ),
    );
  });

  it("takes the median of an even count as the mean of the middle two", () => {
    expect(median([3, 1, 2, 4])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe("traceStatistics", () => {
  it("counts calls, total, self and critical-path time per operation", () => {
    const stats = traceStatistics(request("t", 500, 3));
    const byName = Object.fromEntries(stats.operations.map((o) => [o.operation, o]));
    expect(byName["SELECT order_items"]).toMatchObject({
      calls: 3,
      totalUs: 270,
      selfUs: 270,
      criticalUs: 270,
    });
    expect(byName["SELECT orders"]).toMatchObject({ calls: 1, totalUs: 500, criticalUs: 500 });
    expect(byName["GET /x"]).toMatchObject({ calls: 1, totalUs: 1800, selfUs: 1800 - 770 });
    // The critical-path times of a trace add up to its critical path.
    expect(stats.operations.reduce((sum, o) => sum + o.criticalUs, 0)).toBe(stats.criticalUs);
    expect(stats.criticalUs).toBe(1800);
  });
});

describe("compareCohorts", () => {
  it("ranks the N+1 and the slow query first, with calls per trace on each side", () => {
    const slow = [request("s1", 3000, 30), request("s2", 3200, 34)];
    const typical = [request("b1", 400, 1), request("b2", 420, 1)];
    const { rows, slowMeanUs, baselineMeanUs } = compareCohorts(slow, typical);
    expect(rows.map((r) => r.operation)).toEqual(["SELECT order_items", "SELECT orders", "GET /x"]);
    expect(rows[0]!.slow.callsPerTrace).toBe(32);
    expect(rows[0]!.baseline.callsPerTrace).toBe(1);
    expect(rows[0]!.slow.example).toMatchObject({ traceId: "s2" });
    const explained = rows.reduce((sum, r) => sum + r.criticalDeltaUs, 0);
    expect(explained).toBeCloseTo(slowMeanUs - baselineMeanUs, 6);
    expect(rows.reduce((sum, r) => sum + r.shareOfDifference, 0)).toBeCloseTo(1, 9);
  });

  const arbitraryCohort = fc.array(
    fc.record({ queryUs: fc.integer({ min: 1, max: 5000 }), calls: fc.integer({ min: 0, max: 20 }) }),
    { minLength: 1, maxLength: 6 },
  );

  it("shows no difference between a cohort and itself", () => {
    fc.assert(
      fc.property(arbitraryCohort, (shapes) => {
        const traces = shapes.map((s, i) => request(`t${i}`, s.queryUs, s.calls));
        for (const row of compareCohorts(traces, traces).rows) {
          expect(row.criticalDeltaUs).toBeCloseTo(0, 6);
          expect(row.slow.callsPerTrace).toBe(row.baseline.callsPerTrace);
          expect(row.shareOfDifference).toBe(0);
        }
      }),
    );
  });

  it("puts an operation added to every slow trace at the top, and only it changes its call count", () => {
    fc.assert(
      fc.property(arbitraryCohort, fc.integer({ min: 1, max: 1000 }), (shapes, addedUs) => {
        const baseline = shapes.map((s, i) => request(`b${i}`, s.queryUs, s.calls));
        const slow = baseline.map((t) => {
          const root = t.spans[0]!;
          // A call after everything else, lengthening the request by its own duration.
          const grown = { ...root, durationUs: root.durationUs + addedUs };
          const added = span("added", "root", root.durationUs, addedUs, {
            name: "lock wait",
            serviceName: "db",
          });
          return trace(`s-${t.traceId}`, [grown, ...t.spans.slice(1), added]);
        });
        const { rows } = compareCohorts(slow, baseline);
        expect(rows[0]).toMatchObject({ service: "db", operation: "lock wait", criticalDeltaUs: addedUs });
        expect(
          rows.filter((r) => r.slow.callsPerTrace !== r.baseline.callsPerTrace).map((r) => r.operation),
        ).toEqual(["lock wait"]);
      }),
    );
  });

  it("answers for empty cohorts without dividing by zero", () => {
    expect(compareCohorts([], [])).toMatchObject({ rows: [], slowMeanUs: 0, baselineMeanUs: 0 });
    const { rows } = compareCohorts([request("s", 100, 1)], []);
    expect(rows.every((r) => Number.isFinite(r.shareOfDifference) && r.baseline.traces === 0)).toBe(true);
  });
});

describe("compareAttributes", () => {
  const withAttributes = (id: string, attributes: Attributes, resource: Attributes = {}) =>
    trace(id, [span("root", undefined, 0, 10, { attributes, resource })]);

  it("ranks values by how much more often slow traces have them", () => {
    const slow = Array.from({ length: 10 }, (_, i) =>
      withAttributes(`s${i}`, { "customer.tier": i < 9 ? "free" : "gold" }, { "service.version": "1.9.0" }),
    );
    const baseline = Array.from({ length: 10 }, (_, i) =>
      withAttributes(`b${i}`, { "customer.tier": i < 3 ? "free" : "gold" }, { "service.version": "1.8.2" }),
    );
    const findings = compareAttributes(slow, baseline);
    expect(findings.map((f) => [f.scope, f.key, f.value, f.slowShare, f.baselineShare])).toEqual([
      ["resource", "service.version", "1.9.0", 1, 0],
      ["span", "customer.tier", "free", 0.9, 0.3],
    ]);
  });

  it("leaves out identifiers and groups many distinct numbers into ranges", () => {
    const slow = Array.from({ length: 20 }, (_, i) =>
      withAttributes(`s${i}`, { "user.id": `u-${i}`, "orders.count": 28 + i }),
    );
    const baseline = Array.from({ length: 20 }, (_, i) =>
      withAttributes(`b${i}`, { "user.id": `v-${i}`, "orders.count": i % 2 }),
    );
    const findings = compareAttributes(slow, baseline);
    expect(findings.some((f) => f.key === "user.id")).toBe(false);
    const counts = findings.filter((f) => f.key === "orders.count");
    expect(counts.map((f) => f.value)).toEqual(["20–50"]);
    expect(counts[0]).toMatchObject({ slowShare: 1, baselineShare: 0 });
  });

  it("finds nothing between a cohort and itself", () => {
    const traces = [withAttributes("a", { x: "1" }), withAttributes("b", { x: "2" })];
    expect(compareAttributes(traces, traces)).toEqual([]);
    expect(MIN_SHARE_DIFFERENCE).toBeGreaterThan(0);
  });

  it("names 1-2-5 ranges", () => {
    expect([28, 100, 0.3, 1e15, 7, -3, 0].map(numberRange)).toEqual([
      "20–50",
      "100–200",
      "0.2–0.5",
      "1000000000000000–2000000000000000",
      "5–10",
      "−5–−2",
      "0",
    ]);
  });
});

describe("typicalPartner", () => {
  it("picks the same series' exemplar nearest its median, never the trace itself", () => {
    const points = [
      point(1, 0.9, "slow"),
      point(2, 0.05, "a"),
      point(3, 0.06, "b"),
      point(4, 0.07, "c"),
      point(5, 0.06, "d"),
      point(6, 0.06, "other", { job: "web" }),
    ];
    expect(typicalPartner(points, "slow")?.traceId).toBe("b");
    expect(typicalPartner(points, "unknown")).toBeUndefined();
    expect(typicalPartner([point(1, 1, "alone")], "alone")).toBeUndefined();
  });
});

describe("diffTraces", () => {
  it("aligns the N+1 calls of one trace with the single call of the other", () => {
    const rows = diffTraces(request("slow", 3000, 30), request("fast", 400, 1));
    expect(rows.map((r) => [r.depth, r.operation, r.a.calls, r.b.calls])).toEqual([
      [0, "GET /x", 1, 1],
      [1, "SELECT orders", 1, 1],
      [1, "SELECT order_items", 30, 1],
    ]);
    expect(rows[2]!.deltaUs).toBe(29 * 90);
    expect(rows[1]!.deltaUs).toBe(2600);
  });

  it("shows an operation only one trace has as added or missing, with its children", () => {
    const a = request("a", 100, 1);
    const b = trace("b", [
      ...request("b", 100, 1).spans,
      span("lock", "q", 150, 20, { name: "lock wait", serviceName: "db" }),
    ]);
    const rows = diffTraces(a, b);
    expect(rows.filter((r) => r.presence !== "both").map((r) => [r.operation, r.presence, r.depth])).toEqual([
      ["lock wait", "b", 2],
    ]);
    expect(diffTraces(b, a).find((r) => r.operation === "lock wait")?.presence).toBe("a");
  });

  it("keeps the differing paths with their ancestors", () => {
    const a = trace("a", [
      span("r", undefined, 0, 100, { name: "root" }),
      span("x", "r", 0, 10, { name: "same" }),
      span("y", "r", 10, 50, { name: "parent" }),
      span("z", "y", 10, 5, { name: "child" }),
    ]);
    const b = trace("b", [...a.spans, span("w", "y", 20, 5, { name: "child" })]);
    expect(differingRows(diffTraces(a, b)).map((r) => r.operation)).toEqual(["root", "parent", "child"]);
  });

  it("finds no difference between a trace and itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 40 }), (queryUs, calls) => {
        const t = request("t", queryUs, calls);
        expect(differingRows(diffTraces(t, t))).toEqual([]);
        for (const row of diffTraces(t, t)) {
          expect(row.presence).toBe("both");
          expect(row.deltaUs).toBe(0);
          expect(row.a.calls).toBe(row.b.calls);
        }
      }),
    );
  });
});

describe("typicalPartners", () => {
  it("ranks the same series' other traces by nearness to its median", () => {
    const points = [
      point(1, 0.9, "slow"),
      point(2, 0.05, "a"),
      point(3, 0.06, "b"),
      point(4, 0.5, "c"),
      point(5, 0.06, "d"),
    ];
    expect(typicalPartners(points, "slow").map((p) => p.traceId)).toEqual(["b", "d", "a", "c"]);
    expect(typicalPartners(points, "slow", 2)).toHaveLength(2);
  });
});
