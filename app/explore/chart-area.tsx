"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Problem } from "@/components/problem";
import { Placeholder } from "@/components/placeholder";
import { RetryButton } from "@/components/retry-button";
import { AppError } from "@/lib/errors";
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
  /** The latency chart (or why it is empty: components/explorer/empty-latency-chart.tsx), once ready. */
  children: ReactNode;
  /** What to show until it is ready: the server's drawing of it, else a placeholder. */
  preview?: ReactNode;
}

/** The latency chart, or why it is not there yet: no query, a bad range, a failed query, no code. */
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
  return <>{props.children}</>;
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
