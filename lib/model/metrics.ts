/** What the app knows of a Prometheus-compatible backend, shared by the routes and the client. */

export type Labels = Record<string, string>;

/** A histogram metric family: `name` without the `_bucket` suffix, label names without `le`. */
export interface HistogramFamily {
  name: string;
  help: string;
  labelNames: string[];
  /** Classic `_bucket` series exist; absent when the backend did not list metric names. */
  classic?: boolean;
  /** A native histogram series of this name exists (Prometheus 3, NHCB conversion included). */
  native?: boolean;
}

/** A range query's matrix, as Prometheus answers it: times in float seconds, values as strings ("NaN", "+Inf"). */
export interface MatrixData {
  resultType: "matrix";
  result: {
    metric: Labels;
    /** Float samples; empty for a series of native histograms. */
    values: [timestampSec: number, value: string][];
    /** Native histogram samples (Prometheus 3): a query such as `sum(rate(x[5m]))` on one. */
    histograms?: [timestampSec: number, histogram: NativeHistogramSample][];
  }[];
  /** The backend's warnings: the answer may be partial (Thanos Query with a store down). */
  warnings?: string[];
}

/**
 * A native histogram sample as the HTTP API gives it: each bucket is [boundary rule, lower,
 * upper, count], the rule telling which bounds are inclusive (0: (lower, upper], 3: [lower, upper]).
 */
export interface NativeHistogramSample {
  count: string;
  sum: string;
  buckets?: [rule: number, lower: string, upper: string, count: string][];
}

export interface MetricsCapabilities {
  reachable: boolean;
  version?: string;
  /** What serves the Prometheus API, when it says so: Mimir's build info, Thanos Query's store list. */
  kind?: "thanos" | "mimir";
  /** undefined when it could not be told (an API without status endpoints). */
  exemplarStorage?: boolean;
  error?: string;
}
