import { describe, expect, it } from "vitest";
import type { ExemplarPoint } from "./chart-data";
import {
  exemplarCountsPerBucket,
  listKeyTarget,
  varyingLabelNames,
  visibleExemplars,
} from "./exemplar-table";

const p = (timeMs: number, value: number, labels: Record<string, string> = {}): ExemplarPoint => ({
  timeMs,
  value,
  traceId: `${timeMs}`,
  seriesLabels: { __name__: "x_bucket", le: "1", job: "api", ...labels },
});
const points = [p(1, 0.05), p(2, 0.7), p(3, 0.3), p(4, 0.9, { route: "/b" })];
const bounds = [0.1, 0.5, 1, Infinity];

describe("visibleExemplars", () => {
  it("sorts slowest first by default, newest first by time", () => {
    expect(visibleExemplars(points, { bounds, sort: "value" }).map((x) => x.value)).toEqual([
      0.9, 0.7, 0.3, 0.05,
    ]);
    expect(visibleExemplars(points, { bounds, sort: "time" }).map((x) => x.timeMs)).toEqual([4, 3, 2, 1]);
  });

  it("filters by bucket and by region together", () => {
    expect(visibleExemplars(points, { bounds, sort: "value", bucket: 2 }).map((x) => x.value)).toEqual([
      0.9, 0.7,
    ]);
    const region = { startMs: 2.5, endMs: 5, minValue: 0, maxValue: 1 };
    expect(
      visibleExemplars(points, { bounds, sort: "value", bucket: 2, region }).map((x) => x.value),
    ).toEqual([0.9]);
  });
});

describe("exemplarCountsPerBucket", () => {
  it("counts exemplars in the buckets their value falls in", () => {
    expect(exemplarCountsPerBucket(points, bounds)).toEqual([1, 1, 2, 0]);
  });
});

describe("varyingLabelNames", () => {
  it("keeps only labels that tell series apart", () => {
    expect(varyingLabelNames(points)).toEqual(["route"]);
  });
});

describe("listKeyTarget", () => {
  it("moves by one, by a page, or to an end, and stays inside the list", () => {
    expect(listKeyTarget("ArrowDown", 3, 10, 5)).toBe(4);
    expect(listKeyTarget("ArrowUp", 0, 10, 5)).toBe(0);
    expect(listKeyTarget("PageDown", 7, 10, 5)).toBe(9);
    expect(listKeyTarget("PageUp", 3, 10, 5)).toBe(0);
    expect(listKeyTarget("Home", 6, 10, 5)).toBe(0);
    expect(listKeyTarget("End", 0, 10, 5)).toBe(9);
    expect(listKeyTarget("Enter", 0, 10, 5)).toBeUndefined();
    expect(listKeyTarget("ArrowDown", 0, 0, 5)).toBeUndefined();
  });
});
