import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matrixData } from "../metrics/prometheus-wire";
import { readFixture, readPrometheusData } from "../testing/fixtures";
import {
  bucketGrid,
  bucketIndexOf,
  bucketLabel,
  bucketTotals,
  heatmapRow,
  labelledRows,
  leLabel,
  maxRate,
} from "./buckets";

const recorded = matrixData.parse(readPrometheusData("query_range_buckets.json"));

describe("bucketGrid", () => {
  it("sorts buckets numerically although Prometheus sorts le as strings", () => {
    const grid = bucketGrid(recorded);
    expect(recorded.result[0]!.metric.le).toBe("+Inf");
    expect(grid.bounds).toEqual([...grid.bounds].sort((a, b) => a - b));
    expect(grid.bounds.at(-1)).toBe(Infinity);
  });

  it("turns cumulative counts into per-bucket rates that add up to the +Inf total", () => {
    const grid = bucketGrid(recorded);
    const infRow = recorded.result.find((s) => s.metric.le === "+Inf")!;
    grid.timesMs.forEach((_, i) => {
      const sum = grid.rates.reduce((acc, row) => acc + row[i]!, 0);
      expect(sum).toBeCloseTo(Number(infRow.values[i]![1]), 6);
    });
    expect(grid.rates.flat().every((r) => r >= 0)).toBe(true);
  });

  it("keeps gaps as NaN and never lets rate noise go negative", () => {
    const grid = bucketGrid({
      resultType: "matrix",
      result: [
        {
          metric: { le: "1.0" },
          values: [
            [10, "5"],
            [20, "3"],
          ],
        },
        {
          metric: { le: "0.5" },
          values: [
            [10, "4"],
            [20, "3.0000001"],
          ],
        },
        { metric: { le: "+Inf" }, values: [[10, "6"]] },
      ],
    });
    expect(grid.bounds).toEqual([0.5, 1, Infinity]);
    expect(grid.rates[1]).toEqual([1, 0]);
    expect(grid.rates[2]![1]).toBeNaN();
    expect(bucketTotals(grid, 10)).toEqual([70.000001, 10, 10]);
  });
});

describe("bucketIndexOf", () => {
  const bounds = [0.1, 0.5, 1, Infinity];
  it("places a value in the first bucket whose bound is at least the value", () => {
    expect(bucketIndexOf(0.05, bounds)).toBe(0);
    expect(bucketIndexOf(0.1, bounds)).toBe(0);
    expect(bucketIndexOf(0.100001, bounds)).toBe(1);
    expect(bucketIndexOf(1, bounds)).toBe(2);
    expect(bucketIndexOf(42, bounds)).toBe(3);
  });
});

describe("bucketLabel", () => {
  it("names buckets by their bound", () => {
    const format = (s: number) => `${s}s`;
    expect(bucketLabel([0.1, Infinity], 0, format)).toBe("≤ 0.1s");
    expect(bucketLabel([0.1, Infinity], 1, format)).toBe("> 0.1s");
  });
});

describe("leLabel and maxRate", () => {
  it("name a series' le like the charts name buckets", () => {
    const format = (s: number) => `${s}s`;
    expect(leLabel("2.5", format)).toBe("≤ 2.5s");
    expect(leLabel("1.0", format)).toBe("≤ 1s");
    expect(leLabel("+Inf", format)).toBe("+Inf");
    expect(leLabel(undefined, format)).toBe("");
  });

  it("find the highest rate, ignoring gaps", () => {
    expect(
      maxRate({
        bounds: [1, 2],
        timesMs: [0, 1],
        rates: [
          [NaN, 3],
          [0.5, 1],
        ],
      }),
    ).toBe(3);
    expect(maxRate({ bounds: [], timesMs: [], rates: [] })).toBe(0);
  });
});

describe("heatmapRow", () => {
  const bounds = [0.1, 1, Infinity];
  it("keeps each value inside its bucket's row", () => {
    expect(heatmapRow(0.5, bounds)).toBeGreaterThan(1);
    expect(heatmapRow(0.5, bounds)).toBeLessThan(2);
    expect(heatmapRow(0.9, bounds)).toBeGreaterThan(heatmapRow(0.2, bounds));
    expect(heatmapRow(50, bounds)).toBe(2.5);
    expect(Math.floor(heatmapRow(0.1, bounds))).toBe(0);
  });
});

describe("bucketGrid of native histogram samples (recorded Prometheus 3.16, a converted classic histogram)", () => {
  const read = (name: string) => matrixData.parse(JSON.parse(readFixture(`prometheus-3.16/${name}`)).data);

  it("gives the same per-bucket rates as the classic buckets at the same times", () => {
    const native = bucketGrid(read("query_range_native_rate.json"));
    const classic = bucketGrid(read("query_range_buckets_le.json"));
    expect(native.bounds.length).toBeGreaterThan(3);
    expect(native.bounds.every((b, i) => i === 0 || b > native.bounds[i - 1]!)).toBe(true);
    let compared = 0;
    for (const [t, timeMs] of native.timesMs.entries()) {
      const c = classic.timesMs.indexOf(timeMs);
      if (c < 0) continue;
      for (const [b, bound] of native.bounds.entries()) {
        const classicRow = classic.bounds.indexOf(bound);
        expect(classicRow, `bound ${bound}`).toBeGreaterThanOrEqual(0);
        expect(native.rates[b]![t]).toBeCloseTo(classic.rates[classicRow]![c]!, 9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5);
  });
});

describe("labelledRows", () => {
  it("labels every row when they fit, else every k-th from the top row, never more than asked", () => {
    expect(labelledRows(12, 14)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(labelledRows(32, 14)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 40 }), (rows, max) => {
        const labelled = labelledRows(rows, max);
        expect(labelled.length).toBeLessThanOrEqual(max);
        expect(labelled.at(-1)).toBe(rows - 1);
        expect(labelled.every((row, i) => row >= 0 && (i === 0 || row > labelled[i - 1]!))).toBe(true);
      }),
    );
  });
});
