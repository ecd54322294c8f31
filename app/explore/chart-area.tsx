"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Problem } from "@/components/problem";
import { RetryButton } from "@/components/retry-button";
import { AppError } from "@/lib/errors";
import type { HistogramKind } from "@/lib/explore/latency-queries";
import type { HistogramFamily } from "@/lib/model/metrics";

interface Props {
  query: string;
  families: UseQueryResult<{ families: HistogramFamily[] }>;
  rangeError?: string;
  lineError: Error | null;
  retryLines: () => void;
  chartsError?: Error;
  /** False while the data or the charts' code is still on its way. */
  ready: boolean;
  isEmpty: boolean;
  /** The query answered native histograms, which have no line to draw. */
  returnsHistograms?: boolean;
  /** For a histogram selector: the series selector the lines were computed from. */
  bucketSelector?: string;
  /** For a histogram selector: the form read, and a way to read the other one. */
  histogramKind?: HistogramKind;
  onHistogramKind?: (kind: HistogramKind) => void;
  /** The latency chart, drawn once everything above is fine. */
  children: ReactNode;
  /** What to show until it is ready: the server's drawing of it, else a placeholder. */
  preview?: ReactNode;
}

/** The latency chart, or why it is not there: no query yet, a bad range, a failed query, no data. */
export function ChartArea(props: Props) {
  const { query } = props;
  if (!query) return <NoQuery families={props.families} />;
  if (props.rangeError) {
    return (
      <Problem title="The time range is not valid" tone="error">
        <p>{props.rangeError}</p>
      </Problem>
    );
  }
  if (props.lineError) return <QueryProblem error={props.lineError} retry={props.retryLines} />;
  if (props.chartsError) {
    return (
      <Problem title="The charts could not load" tone="error">
        <p>
          Their code did not download ({props.chartsError.message}). Reload the page; the exemplar list below
          works without them.
        </p>
      </Problem>
    );
  }
  if (!props.ready) return props.preview ?? <Placeholder label="Loading chart" />;
  if (props.isEmpty && props.returnsHistograms) {
    return (
      <Problem title="This query returns native histograms, not numbers">
        <p>
          A native histogram has no single value to draw as a line. For a latency line, wrap the query in a
          quantile, e.g. <code className="font-mono">histogram_quantile(0.99, {query})</code>.
        </p>
      </Problem>
    );
  }
  if (props.isEmpty) {
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
            <code className="font-mono">{props.bucketSelector}</code>: Prometheus has none between these
            times. Check the metric name (without <code>_bucket</code>) and label filters, or widen the range.{" "}
            {props.histogramKind === "native"
              ? "It may be stored as classic buckets only."
              : "A native histogram (Prometheus 3, or received over OTLP) has no _bucket series: read it as one."}{" "}
            For another kind of series, switch to PromQL.
          </p>
        ) : (
          <p>
            Prometheus has no samples for <code className="font-mono">{query}</code> between these times.
            Check the metric and label names, or widen the range.
          </p>
        )}
      </Problem>
    );
  }
  return <>{props.children}</>;
}

export function Placeholder({ label, className = "h-80 w-full" }: { label: string; className?: string }) {
  return (
    <div className={`${className} animate-pulse rounded bg-zinc-100 dark:bg-zinc-900`} aria-label={label} />
  );
}

/** Before there is anything to draw: loading the metric list, or why it is empty. */
function NoQuery({ families }: { families: UseQueryResult<{ families: HistogramFamily[] }> }) {
  if (families.error) {
    return (
      <Problem
        title="Could not list the histogram metrics"
        tone="error"
        action={<RetryButton onClick={() => void families.refetch()} />}
      >
        <p>{families.error.message}</p>
      </Problem>
    );
  }
  if (families.data) {
    return (
      <Problem title="No histogram metrics found">
        <p>
          Prometheus lists no metric of type histogram and no <code className="font-mono">*_bucket</code>{" "}
          series. Enter a metric selector or PromQL above.
        </p>
      </Problem>
    );
  }
  return <Placeholder label="Loading metrics" />;
}

function QueryProblem({ error, retry }: { error: Error; retry: () => void }) {
  if (error instanceof AppError && (error.code === "invalid_query" || error.code === "bad_request")) {
    return (
      <Problem title="Prometheus rejected the query" tone="error">
        <p className="font-mono text-xs">{error.message}</p>
        <p>Fix the query in the PromQL field; the position (line:column) points at the problem.</p>
      </Problem>
    );
  }
  return (
    <Problem title="Could not load the latency data" tone="error" action={<RetryButton onClick={retry} />}>
      <p>{error.message}</p>
    </Problem>
  );
}
