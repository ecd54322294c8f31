/**
 * Paths of the app's own API that more than one side builds: the client fetches them, and the
 * server page preloads them; built in one place so that the two are the same URL.
 */

const search = (values: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString();

export function traceApiPath(traceId: string): string {
  return `/api/traces/${encodeURIComponent(traceId)}`;
}

/**
 * The same trace as NDJSON in row order, the first rows first (lib/server/trace-json-stream.ts):
 * what the explorer's panel reads, and what a page with a link to a trace preloads. A parameter
 * rather than only `Accept`, so that the preload and the panel's request are the same request.
 */
export function traceInPartsApiPath(traceId: string): string {
  return `${traceApiPath(traceId)}?format=ndjson`;
}

export function rangeApiPath(query: string, startSec: number, endSec: number, stepSec: number): string {
  return `/api/metrics/query_range?${search({ query, start: startSec, end: endSec, step: stepSec })}`;
}

export function exemplarsApiPath(query: string, startSec: number, endSec: number): string {
  return `/api/exemplars?${search({ query, start: startSec, end: endSec })}`;
}

export function labelValuesApiPath(metric: string, label: string): string {
  return `/api/metrics/label_values?${search({ metric, label })}`;
}

/** On a large trace's JSON answer: how many spans are on their way (the panel reads NDJSON, whose first line says it). */
export const SPAN_COUNT_HEADER = "X-Span-Count";
