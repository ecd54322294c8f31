import { queryOptions } from "@tanstack/react-query";
import type { ExemplarsResponse } from "../model/exemplar";
import type { Trace } from "../model/trace";
import {
  SPAN_COUNT_HEADER,
  exemplarsApiPath,
  labelValuesApiPath,
  rangeApiPath,
  traceApiPath,
} from "../model/api-paths";
import type { Health } from "../model/health";
import type { HistogramFamily, MatrixData } from "../model/metrics";
import { fetchJson } from "./fetch-json";
import { reportTraceProgress } from "./trace-progress";

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

export const exemplarsQuery = (query: string, startSec: number, endSec: number) =>
  queryOptions({
    queryKey: ["exemplars", query, startSec, endSec],
    queryFn: ({ signal }) =>
      fetchJson<ExemplarsResponse>(exemplarsApiPath(query, startSec, endSec), signal, "exemplars"),
  });

const PROGRESS_STEP_BYTES = 512 * 1024;

export const traceQuery = (traceId: string) =>
  queryOptions({
    queryKey: ["trace", traceId],
    queryFn: ({ signal }) => {
      // Progress in steps of half a megabyte: enough to see it move, few enough renders.
      let reported: number | undefined;
      const onProgress = (bytes: number, headers: Headers) => {
        if (reported !== undefined && bytes - reported < PROGRESS_STEP_BYTES) return;
        reported = bytes;
        const spans = Number(headers.get(SPAN_COUNT_HEADER)) || undefined;
        reportTraceProgress(traceId, { bytes, spans });
      };
      return fetchJson<Trace>(traceApiPath(traceId), signal, "trace", onProgress).finally(() =>
        reportTraceProgress(traceId, undefined),
      );
    },
    staleTime: 5 * 60_000,
    // Several parts of the page watch the open trace, and the panel's code arrives later: a
    // missing trace must not be asked for again each time one of them mounts (Retry asks).
    retryOnMount: false,
  });
