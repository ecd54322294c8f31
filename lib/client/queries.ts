import { queryOptions } from "@tanstack/react-query";
import type { ExemplarsResponse } from "../model/exemplar";
import type { Trace } from "../model/trace";
import { traceApiPath } from "../model/api-paths";
import type { Health } from "../model/health";
import type { HistogramFamily, MatrixData } from "../model/metrics";
import { fetchJson } from "./fetch-json";

/** Query keys and fetchers of every resource the client reads, in one place. */

const params = (values: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString();

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
    queryFn: ({ signal }) =>
      fetchJson<{ values: string[] }>(`/api/metrics/label_values?${params({ metric, label })}`, signal),
    staleTime: 60_000,
  });

export const rangeQuery = (query: string, startSec: number, endSec: number, stepSec: number) =>
  queryOptions({
    queryKey: ["query_range", query, startSec, endSec, stepSec],
    queryFn: ({ signal }) =>
      fetchJson<MatrixData>(
        `/api/metrics/query_range?${params({ query, start: startSec, end: endSec, step: stepSec })}`,
        signal,
      ),
  });

export const exemplarsQuery = (query: string, startSec: number, endSec: number) =>
  queryOptions({
    queryKey: ["exemplars", query, startSec, endSec],
    queryFn: ({ signal }) =>
      fetchJson<ExemplarsResponse>(
        `/api/exemplars?${params({ query, start: startSec, end: endSec })}`,
        signal,
        "exemplars",
      ),
  });

export const traceQuery = (traceId: string) =>
  queryOptions({
    queryKey: ["trace", traceId],
    queryFn: ({ signal }) => fetchJson<Trace>(traceApiPath(traceId), signal, "trace"),
    staleTime: 5 * 60_000,
  });
