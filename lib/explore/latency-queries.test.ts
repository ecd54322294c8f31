import { describe, expect, it } from "vitest";
import { buildLatencyQueries, histogramKind } from "./latency-queries";

describe("buildLatencyQueries", () => {
  it("builds p50/p90/p99, bucket rates and an exemplar query over a selector's buckets", () => {
    const q = buildLatencyQueries('lat_bucket{job="api"}', 300);
    expect(q.selector).toEqual({ metric: "lat", matchers: [{ name: "job", op: "=", value: "api" }] });
    expect(q.lines.map((l) => l.label)).toEqual(["p50", "p90", "p99"]);
    expect(q.lines[2]!.query).toBe('histogram_quantile(0.99, sum by (le) (rate(lat_bucket{job="api"}[5m])))');
    expect(q.bucketRates).toBe('sum by (le) (rate(lat_bucket{job="api"}[5m]))');
    expect(q.exemplars).toBe('lat_bucket{job="api"}');
  });

  it("passes PromQL through untouched", () => {
    expect(buildLatencyQueries(" max(up) ", 60)).toEqual({
      lines: [{ label: "", query: "max(up)" }],
      exemplars: "max(up)",
    });
  });
});

describe("native histograms", () => {
  it("are read without `le`: quantiles over the series, its samples for the heatmap, its exemplars", () => {
    const q = buildLatencyQueries('lat{job="a"}', 300, "native");
    expect(q.lines.map((l) => l.query)).toEqual([
      'histogram_quantile(0.5, sum(rate(lat{job="a"}[5m])))',
      'histogram_quantile(0.9, sum(rate(lat{job="a"}[5m])))',
      'histogram_quantile(0.99, sum(rate(lat{job="a"}[5m])))',
    ]);
    expect(q.bucketRates).toBe('sum(rate(lat{job="a"}[5m]))');
    expect(q.exemplars).toBe('lat{job="a"}');
  });

  it("are chosen when asked and present, else classic buckets when there are any", () => {
    const both = { classic: true, native: true };
    expect(histogramKind(both, null)).toBe("classic");
    expect(histogramKind(both, "native")).toBe("native");
    expect(histogramKind({ classic: false, native: true }, null)).toBe("native");
    expect(histogramKind({ classic: true, native: false }, "native")).toBe("classic");
    // Not known yet (the list is loading, or the backend does not list names): the link decides.
    expect(histogramKind(undefined, "native")).toBe("native");
    expect(histogramKind({}, null)).toBe("classic");
  });
});
