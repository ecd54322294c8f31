import { describe, expect, it } from "vitest";
import { withNativeHistogramSelectors } from "./native-exemplar-selectors";

describe("withNativeHistogramSelectors", () => {
  it.each([
    // The explorer's own exemplar query, and PromQL around bucket selectors.
    ['x_bucket{job="api",route="/a"}', 'x_bucket{job="api",route="/a"} or x{job="api",route="/a"}'],
    ['histogram_quantile(0.9, sum by (le) (rate(x_bucket{job="a"}[5m])))', 'x_bucket{job="a"} or x{job="a"}'],
    // `le` means nothing on a native histogram; `x{}` would not parse.
    ['x_bucket{le="+Inf"}', 'x_bucket{le="+Inf"} or x'],
    ["sum(rate(x_bucket[1m])) / sum(rate(y_count[1m]))", "x_bucket or y_count or x"],
    // A range selector cannot stand in an `or`: the selectors go alone.
    ['x_bucket{job="a"}[5m]', 'x_bucket{job="a"} or x{job="a"}'],
    // A UTF-8 name, quoted inside the braces.
    [
      '{"http.server.duration_bucket", "service.name"="api", le="1"}',
      '{"http.server.duration_bucket", "service.name"="api", le="1"} or {"http.server.duration","service.name"="api"}',
    ],
  ])("asks for %s and its native histogram: %s", (query, expected) => {
    expect(withNativeHistogramSelectors(query)).toBe(expected);
  });

  it.each(["up", "histogram_quantile(0.99, sum(rate(x[5m])))", "x_bucket{", "_bucket"])(
    "sends %j as it is",
    (query) => {
      expect(withNativeHistogramSelectors(query)).toBe(query);
    },
  );
});
