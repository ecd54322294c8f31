/** What the app knows of a Prometheus-compatible backend, shared by the routes and the client. */

export type Labels = Record<string, string>;

/** A histogram metric family: `name` without the `_bucket` suffix, label names without `le`. */
export interface HistogramFamily {
  name: string;
  help: string;
  labelNames: string[];
}

/** A range query's matrix, as Prometheus answers it: times in float seconds, values as strings ("NaN", "+Inf"). */
export interface MatrixData {
  resultType: "matrix";
  result: { metric: Labels; values: [timestampSec: number, value: string][] }[];
}

export interface MetricsCapabilities {
  reachable: boolean;
  version?: string;
  /** undefined when it could not be told (an API without status endpoints). */
  exemplarStorage?: boolean;
  error?: string;
}
