import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BucketCharts } from "./bucket-charts";

const props = {
  query: 'sum by (le) (rate(x_bucket{job="a"}[1m]))',
  stepSec: 15,
  error: null,
  exemplars: [],
  startMs: 0,
  endMs: 1,
  onSelectExemplar: () => undefined,
  onPreviewExemplar: () => undefined,
  onSelectBucket: () => undefined,
};

describe("BucketCharts", () => {
  it("ends in an explanation when the answer has no buckets (lines from a native histogram, say)", () => {
    const html = renderToStaticMarkup(
      <BucketCharts
        {...props}
        bucketRates={{ resultType: "matrix", result: [{ metric: {}, values: [[1, "2"]] }] }}
      />,
    );
    expect(html).toContain("No histogram buckets to draw");
    expect(html).toContain("x_bucket");
    expect(html).not.toContain("animate-pulse");
  });

  it("waits, visibly, only while the bucket rates are on their way", () => {
    expect(renderToStaticMarkup(<BucketCharts {...props} />)).toContain('aria-label="Loading buckets"');
  });
});
