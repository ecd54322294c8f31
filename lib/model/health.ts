import type { MetricsCapabilities } from "./metrics";

/** The answer of `GET /api/health`: what the UI needs to explain an empty or failing view. */

export interface TraceSourceHealth {
  reachable: boolean;
  error?: string;
}

export interface Health {
  /** "demo" when both sides are the built-in demo world. */
  mode: "demo" | "live";
  metrics: MetricsCapabilities & { demo: boolean };
  traces: TraceSourceHealth & { demo: boolean; backend: string };
  /** Where a new user lands when the URL names no query (the demo's regression story). */
  suggestedQuery?: string;
  /** Not a secret: the user's own trace UI, for "Open in trace UI". */
  traceUiUrl?: string;
}
