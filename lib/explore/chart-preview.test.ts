import { describe, expect, it } from "vitest";
import type { ChartLine, ExemplarPoint, LineRow } from "./chart-data";
import { PREVIEW_HEIGHT, PREVIEW_WIDTH, chartPreviewData } from "./chart-preview";

const point = (timeMs: number, value: number, traceId: string): ExemplarPoint => ({
  timeMs,
  value,
  traceId,
  seriesLabels: {},
});

describe("chartPreviewData", () => {
  const chart: { lines: ChartLine[]; rows: LineRow[] } = {
    lines: [
      { key: "p50", label: "p50" },
      { key: "p99", label: "p99" },
    ],
    rows: [
      { timeMs: 0, p50: 0.1, p99: 1 },
      { timeMs: 500, p50: 0.1 },
      { timeMs: 1000, p50: 0.1, p99: 1 },
    ],
  };

  it("draws each line across the box, breaking it where a sample is missing", () => {
    const preview = chartPreviewData(chart, [], 0, 1000);
    const [p50, p99] = preview.lines;
    expect(p50!.d).toMatch(/^M0 [\d.]+L500 [\d.]+L1000 [\d.]+$/);
    // p99 has no sample at 500: two one-point pieces, never a line across the gap.
    expect(p99!.d).toMatch(/^M0 [\d.]+M1000 [\d.]+$/);
    // On a log axis, the slower line is drawn higher (smaller y).
    const yOf = (d: string) => Number(d.split(" ")[1]!.replace(/[A-Z].*/, ""));
    expect(yOf(p99!.d)).toBeLessThan(yOf(p50!.d));
  });

  it("puts every exemplar in the box as a dot, sharing a dot only when a few units apart", () => {
    const points = [point(100, 2, "a"), point(101, 2.001, "b"), point(900, 0.05, "c")];
    const preview = chartPreviewData(chart, points, 0, 1000);
    expect(preview.exemplarCount).toBe(3);
    expect(preview.markerCount).toBe(2);
    const dots = [...preview.markers.matchAll(/M([\d.]+) ([\d.]+)h0/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(dots).toHaveLength(2);
    for (const [x, y] of dots) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(PREVIEW_WIDTH);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(PREVIEW_HEIGHT);
    }
  });

  it("leaves out exemplars outside the range, and labels the latency axis from top to bottom", () => {
    const preview = chartPreviewData(chart, [point(5000, 3, "late")], 0, 1000);
    expect(preview.exemplarCount).toBe(0);
    expect(preview.yTicks.length).toBeGreaterThan(1);
    const ats = preview.yTicks.map((t) => t.at);
    // Ascending values are drawn from the bottom up.
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    for (const at of ats) expect(at).toBeGreaterThanOrEqual(0);
  });
});
