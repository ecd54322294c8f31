import { describe, expect, it } from "vitest";
import { normalizeExemplars } from "../metrics/prometheus-source";
import { exemplarsData, matrixData } from "../metrics/prometheus-wire";
import { readPrometheusData } from "../testing/fixtures";
import { exemplarPoints, mergeLines } from "./chart-data";

describe("mergeLines", () => {
  it("makes one row per timestamp and one line per series (recorded p99 by route)", () => {
    const data = matrixData.parse(readPrometheusData("query_range_p99.json"));
    const { rows, lines } = mergeLines([{ label: "p99", data }]);
    expect(lines.length).toBe(data.result.length);
    expect(lines[0]!.key).toMatch(/^p99 \{route="/);
    expect(rows.length).toBe(data.result[0]!.values.length);
    expect(rows[0]![lines[0]!.key]).toBeCloseTo(0.8640562986074469);
    expect(rows.every((r, i) => i === 0 || r.timeMs > rows[i - 1]!.timeMs)).toBe(true);
  });

  it("skips NaN samples instead of drawing them as zero", () => {
    const { rows } = mergeLines([
      {
        label: "p50",
        data: {
          resultType: "matrix",
          result: [
            {
              metric: {},
              values: [
                [1, "NaN"],
                [2, "0.5"],
              ],
            },
          ],
        },
      },
    ]);
    expect(rows).toEqual([{ timeMs: 2000, p50: 0.5 }]);
  });
});

describe("exemplarPoints", () => {
  it("flattens recorded exemplars, slowest first", () => {
    const data = exemplarsData.parse(readPrometheusData("query_exemplars_bucket.json"));
    const points = exemplarPoints(normalizeExemplars(data, ["trace_id", "traceID"]));
    expect(points.length).toBeGreaterThan(10);
    expect(points.every((p, i) => i === 0 || p.value <= points[i - 1]!.value)).toBe(true);
    expect(points[0]!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(points[0]!.seriesLabels.le).toBeDefined();
  });
});
