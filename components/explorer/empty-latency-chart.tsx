"use client";

import { Problem } from "@/components/problem";
import type { HistogramKind } from "@/lib/explore/latency-queries";

interface Props {
  query: string;
  /** The query answered native histograms, which have no line to draw. */
  returnsHistograms?: boolean;
  /** For a histogram selector: the series selector the lines were computed from. */
  bucketSelector?: string;
  /** For a histogram selector: the form read, and a way to read the other one. */
  histogramKind?: HistogramKind;
  onHistogramKind?: (kind: HistogramKind) => void;
}

/**
 * Why the latency chart has nothing to draw, and what to try. With the charts' code (it is shown
 * where the chart would be, once the data and that code are both here).
 */
export function EmptyLatencyChart(props: Props) {
  const { query } = props;
  if (props.returnsHistograms) {
    return (
      <Problem title="This query returns native histograms, not numbers">
        <p>
          A native histogram has no single value to draw as a line. For a latency line, wrap the query in a
          quantile, e.g. <code className="font-mono">histogram_quantile(0.99, {query})</code>.
        </p>
      </Problem>
    );
  }
  const other = props.histogramKind === "native" ? "classic" : "native";
  return (
    <Problem
      title="No data for this query in this range"
      action={
        props.bucketSelector && props.onHistogramKind ? (
          <button
            type="button"
            className="rounded border border-current px-2 py-1 text-xs"
            onClick={() => props.onHistogramKind!(other)}
          >
            {other === "native" ? "Read it as a native histogram" : "Read its classic buckets"}
          </button>
        ) : undefined
      }
    >
      {props.bucketSelector ? (
        <p>
          The explorer reads <code className="font-mono">{query}</code> as a{" "}
          {props.histogramKind === "native" ? "native" : "classic"} histogram and asks for{" "}
          <code className="font-mono">{props.bucketSelector}</code>: Prometheus has none between these times.
          Check the metric name (without <code>_bucket</code>) and label filters, or widen the range.{" "}
          {props.histogramKind === "native"
            ? "It may be stored as classic buckets only."
            : "A native histogram (Prometheus 3, or received over OTLP) has no _bucket series: read it as one."}{" "}
          For another kind of series, switch to PromQL.
        </p>
      ) : (
        <p>
          Prometheus has no samples for <code className="font-mono">{query}</code> between these times. Check
          the metric and label names, or widen the range.
        </p>
      )}
    </Problem>
  );
}
