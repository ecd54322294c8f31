import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExemplarPoint } from "./chart-data";
import { exemplarsInRegion, groupByPixelCell } from "./exemplar-groups";

const point = (timeMs: number, value: number, traceId = `${timeMs}-${value}`): ExemplarPoint => ({
  timeMs,
  value,
  traceId,
  seriesLabels: {},
});

describe("groupByPixelCell", () => {
  const identity = (p: ExemplarPoint) => ({ x: p.timeMs, y: p.value });

  it("merges points in the same cell, keeps the slowest first, and counts them all", () => {
    const groups = groupByPixelCell([point(1, 9), point(2, 8), point(30, 8)], identity, 10);
    expect(groups).toHaveLength(2);
    expect(groups[0]!.items.map((p) => p.value)).toEqual([9, 8]);
    expect(groups[0]).toMatchObject({ x: 1, y: 9 });
  });

  it("never loses an exemplar, and bounds the marker count by the cells", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ t: fc.nat(800), v: fc.nat(300) }), { maxLength: 2000 }), (raw) => {
        const points = raw.map((r, i) => point(r.t, r.v, String(i)));
        const groups = groupByPixelCell(points, identity, 6);
        expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(points.length);
        expect(groups.length).toBeLessThanOrEqual(Math.ceil(801 / 6) * Math.ceil(301 / 6));
      }),
    );
  });

  it("groups 20,000 exemplars on an 800×300 plot into at most a few thousand markers", () => {
    const points = Array.from({ length: 20_000 }, (_, i) =>
      point((i * 7919) % 800, (i * 104729) % 300, String(i)),
    );
    const groups = groupByPixelCell(points, identity, 6);
    expect(groups.length).toBeLessThan(7000);
  });
});

describe("exemplarsInRegion", () => {
  it("lists the exemplars inside the rectangle, slowest first, whichever way it was dragged", () => {
    const points = [point(10, 0.2), point(20, 0.9), point(30, 0.5), point(40, 0.95)];
    expect(
      exemplarsInRegion(points, { startMs: 35, endMs: 5, minValue: 1, maxValue: 0.4 }).map((p) => p.value),
    ).toEqual([0.9, 0.5]);
  });
});
