import { describe, expect, it } from "vitest";
import { normalizeExemplars } from "../metrics/prometheus-source";
import { exemplarsData, matrixData } from "../metrics/prometheus-wire";
import { readPrometheusData } from "../testing/fixtures";
import { type ChartLine, exemplarPoints, lineOfExemplar, mergeLines } from "./chart-data";

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

describe("lineOfExemplar", () => {
  it("finds the one line per route that a recorded exemplar's series belongs to", () => {
    const data = matrixData.parse(readPrometheusData("query_range_p99.json"));
    const { lines } = mergeLines([{ label: "p99", data }]);
    const routes = lines.map((line) => line.labels?.route);
    const route = routes[1]!;
    const exemplarSeries = { __name__: "x_bucket", le: "0.5", route, method: "GET", job: "shop" };
    expect(lineOfExemplar(exemplarSeries, lines)).toBe(1);
    expect(lineOfExemplar({ ...exemplarSeries, route: "/not/drawn" }, lines)).toBeUndefined();
  });

  it("gives no line when several fit, or when the lines carry no labels", () => {
    const fitsBoth: ChartLine[] = [
      { key: "a", label: "a", labels: { job: "shop" } },
      { key: "b", label: "b", labels: {} },
    ];
    expect(lineOfExemplar({ job: "shop" }, fitsBoth)).toBeUndefined();
    expect(lineOfExemplar({ job: "shop" }, [{ key: "p99", label: "p99" }])).toBeUndefined();
  });
});
