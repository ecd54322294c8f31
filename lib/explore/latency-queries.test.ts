import { describe, expect, it } from "vitest";
import { buildLatencyQueries, parseExplorerQuery } from "./latency-queries";

describe("parseExplorerQuery", () => {
  it("recognizes metric selectors, with or without a histogram suffix", () => {
    expect(parseExplorerQuery("http_server_request_duration_seconds")).toEqual({
      kind: "selector",
      metric: "http_server_request_duration_seconds",
      matchers: "",
    });
    expect(parseExplorerQuery(' latency_seconds_bucket{route="/a", job="x"} ')).toEqual({
      kind: "selector",
      metric: "latency_seconds",
      matchers: '{route="/a", job="x"}',
    });
  });

  it("treats everything else as PromQL", () => {
    expect(parseExplorerQuery("sum(rate(x[5m]))")).toEqual({
      kind: "promql",
      expression: "sum(rate(x[5m]))",
    });
  });
});

describe("buildLatencyQueries", () => {
  it("builds p50/p90/p99 over the buckets and an exemplar query on them", () => {
    const q = buildLatencyQueries(parseExplorerQuery('lat{job="api"}'), 300);
    expect(q.lines.map((l) => l.label)).toEqual(["p50", "p90", "p99"]);
    expect(q.lines[2]!.query).toBe('histogram_quantile(0.99, sum by (le) (rate(lat_bucket{job="api"}[5m])))');
    expect(q.exemplars).toBe('lat_bucket{job="api"}');
  });

  it("passes PromQL through untouched", () => {
    const q = buildLatencyQueries(parseExplorerQuery("max(up)"), 60);
    expect(q).toEqual({ lines: [{ label: "", query: "max(up)" }], exemplars: "max(up)" });
  });
});
