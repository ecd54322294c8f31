/** Exemplars as the app uses them (docs/architecture.md, "Routes": `/api/exemplars`). */

import type { Labels } from "./metrics";

export type { Labels };

export interface Exemplar {
  /** Lowercase hex, left-padded to 32 digits. */
  traceId: string;
  /** Lowercase hex, left-padded to 16 digits, when the exemplar carries one. */
  spanId?: string;
  /** The observed value, in the metric's unit (seconds for latency histograms). */
  value: number;
  timestampSec: number;
  labels: Labels;
}

export interface ExemplarSeries {
  labels: Labels;
  /** The bucket's upper bound when the series is a classic histogram bucket (`Infinity` for +Inf). */
  le?: number;
  exemplars: Exemplar[];
}

export interface ExemplarsResponse {
  series: ExemplarSeries[];
  /** Exemplars whose labels held no trace ID under any configured label name. */
  withoutTraceId: number;
  /** The label names those exemplars did have (at most 20), to say which one to configure. */
  labelsWithoutTraceId?: string[];
  /** The backend's warnings: the answer may be partial (Thanos Query with a store down). */
  warnings?: string[];
}
