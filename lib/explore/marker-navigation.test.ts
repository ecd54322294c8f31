import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MarkerGroup } from "./exemplar-groups";
import { inTimeOrder, markerOfTrace, nearestMarker, slowestMarker, stepMarker } from "./marker-navigation";

/** A marker at pixel (x, y) holding exemplars of the given trace IDs, the first the slowest. */
const marker = (x: number, y: number, ...traceIds: string[]): MarkerGroup => ({
  x,
  y,
  items: traceIds.map((traceId, i) => ({ timeMs: x, value: 1000 - y - i, traceId, seriesLabels: {} })),
});

describe("marker navigation", () => {
  // Pixels: y grows downwards, so a smaller y is a slower (higher) marker.
  const ordered = inTimeOrder([
    marker(30, 50, "c"),
    marker(10, 80, "a"),
    marker(30, 10, "b", "b2"),
    marker(60, 90, "d"),
  ]);

  it("orders markers left to right, the slower first at the same time", () => {
    expect(ordered.map((g) => g.items[0]!.traceId)).toEqual(["a", "b", "c", "d"]);
  });

  it("walks in time order and stops at either end", () => {
    expect(stepMarker(ordered, 0, "next")).toBe(1);
    expect(stepMarker(ordered, 3, "next")).toBe(3);
    expect(stepMarker(ordered, 0, "previous")).toBe(0);
    expect(stepMarker(ordered, 2, "first")).toBe(0);
    expect(stepMarker(ordered, 0, "last")).toBe(3);
    expect(stepMarker(ordered, 1, "pageNext")).toBe(3);
    expect(stepMarker(ordered, 2, "pagePrevious")).toBe(0);
  });

  it("goes up to the nearest slower marker and down to the nearest faster one, or stays", () => {
    // From c (30, 50): b (30, 10) is right above; a (10, 80) is the nearest below.
    expect(stepMarker(ordered, 2, "slower")).toBe(1);
    expect(stepMarker(ordered, 2, "faster")).toBe(0);
    // Nothing is slower than b.
    expect(stepMarker(ordered, 1, "slower")).toBe(1);
    expect(stepMarker([], 0, "next")).toBe(-1);
  });

  it("finds a trace inside a group, the slowest marker, and the nearest one within reach", () => {
    expect(markerOfTrace(ordered, "b2")).toBe(1);
    expect(markerOfTrace(ordered, "zz")).toBe(-1);
    expect(markerOfTrace(ordered, null)).toBe(-1);
    expect(slowestMarker(ordered)).toBe(1);
    expect(nearestMarker(ordered, 58, 88, 9)?.items[0]!.traceId).toBe("d");
    expect(nearestMarker(ordered, 45, 30, 9)).toBeUndefined();
  });

  it("every key lands on a marker, and left then right comes back inside the list", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.nat(500), y: fc.nat(300) }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        (cells, start) => {
          const groups = inTimeOrder(cells.map((c, i) => marker(c.x, c.y, String(i))));
          const at = start % groups.length;
          for (const step of ["next", "previous", "first", "last", "slower", "faster"] as const) {
            const to = stepMarker(groups, at, step);
            expect(to).toBeGreaterThanOrEqual(0);
            expect(to).toBeLessThan(groups.length);
          }
          if (at > 0) expect(stepMarker(groups, stepMarker(groups, at, "previous"), "next")).toBe(at);
        },
      ),
    );
  });
});
