import { experimental_streamedQuery, queryOptions } from "@tanstack/react-query";
import type { ExemplarsResponse } from "../model/exemplar";
import type { Trace } from "../model/trace";
import { exemplarsApiPath, labelValuesApiPath, rangeApiPath } from "../model/api-paths";
import type { Health } from "../model/health";
import type { HistogramFamily, MatrixData } from "../model/metrics";
import { fetchJson } from "./fetch-json";
import { type TraceProgress, reportTraceProgress } from "./trace-progress";

/** Query keys and fetchers of every resource the client reads, in one place. */

export const healthQuery = () =>
  queryOptions({
    queryKey: ["health"],
    queryFn: ({ signal }) => fetchJson<Health>("/api/health", signal),
    staleTime: 60_000,
  });

export const histogramsQuery = () =>
  queryOptions({
    queryKey: ["histograms"],
    queryFn: ({ signal }) => fetchJson<{ families: HistogramFamily[] }>("/api/metrics/histograms", signal),
    staleTime: 5 * 60_000,
  });

export const labelValuesQuery = (metric: string, label: string) =>
  queryOptions({
    queryKey: ["label_values", metric, label],
    queryFn: ({ signal }) => fetchJson<{ values: string[] }>(labelValuesApiPath(metric, label), signal),
    staleTime: 60_000,
  });

export const rangeQuery = (query: string, startSec: number, endSec: number, stepSec: number) =>
  queryOptions({
    queryKey: ["query_range", query, startSec, endSec, stepSec],
    queryFn: ({ signal }) => fetchJson<MatrixData>(rangeApiPath(query, startSec, endSec, stepSec), signal),
  });

/** Several series over one range, asked for together: the quantile lines of a chart. */
export const rangeQueries = (queries: readonly string[], startSec: number, endSec: number, stepSec: number) =>
  queryOptions({
    queryKey: ["query_range", queries, startSec, endSec, stepSec],
    queryFn: ({ signal }) =>
      Promise.all(
        queries.map((query) => fetchJson<MatrixData>(rangeApiPath(query, startSec, endSec, stepSec), signal)),
      ),
  });

export const exemplarsQuery = (query: string, startSec: number, endSec: number) =>
  queryOptions({
    queryKey: ["exemplars", query, startSec, endSec],
    queryFn: ({ signal }) =>
      fetchJson<ExemplarsResponse>(exemplarsApiPath(query, startSec, endSec), signal, "exemplars"),
  });

const PROGRESS_STEP_BYTES = 512 * 1024;

/**
 * The trace reader (NDJSON parts, a trace built as they arrive) is needed once a trace opens: its
 * own chunk, which the explorer fetches as soon as its code runs, so that the page's first load
 * does not wait for it and a click finds it here.
 */
export const loadTraceReader = () => import("./trace-stream");

export const traceQuery = (traceId: string) =>
  queryOptions({
    queryKey: ["trace", traceId],
    // A large trace is drawn from its first part (the first rows) while the rest arrives: the
    // query has data, marked `arriving`, then the whole trace replaces it.
    queryFn: experimental_streamedQuery<Trace, Trace | undefined>({
      streamFn: ({ signal }) => {
        // Progress in steps of half a megabyte: enough to see it move, few enough renders.
        let reported: TraceProgress = { bytes: -PROGRESS_STEP_BYTES };
        const onProgress = (progress: TraceProgress) => {
          if (progress.bytes - reported.bytes < PROGRESS_STEP_BYTES && progress.spans === reported.spans)
            return;
          reported = progress;
          reportTraceProgress(traceId, progress);
        };
        return withCleanup(readTrace(traceId, signal, onProgress), () =>
          reportTraceProgress(traceId, undefined),
        );
      },
      reducer: (_sofar, trace) => trace,
      initialValue: undefined,
      // A refetch (the window regains focus after the trace went stale) keeps the trace on screen
      // until the new answer is whole, rather than emptying the panel.
      refetchMode: "replace",
    }),
    staleTime: 5 * 60_000,
    // Several parts of the page watch the open trace, and the panel's code arrives later: a
    // missing trace must not be asked for again each time one of them mounts (Retry asks).
    retryOnMount: false,
  });

async function* readTrace(
  traceId: string,
  signal: AbortSignal,
  onProgress: (progress: TraceProgress) => void,
): AsyncGenerator<Trace> {
  const { fetchTraceInParts } = await loadTraceReader();
  yield* fetchTraceInParts(traceId, signal, onProgress);
}

async function* withCleanup<T>(parts: AsyncGenerator<T>, cleanup: () => void): AsyncGenerator<T> {
  try {
    yield* parts;
  } finally {
    cleanup();
  }
}
