import { describe, expect, it } from "vitest";
import { buildLatencyQueries } from "./latency-queries";

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
