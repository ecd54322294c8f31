import { type AppConfig, type TraceBackendConfig, getConfig } from "../config/config";
import { createDemoJaeger } from "../demo/jaeger-api";
import { createDemoPrometheus } from "../demo/prometheus-api";
import { DEMO_SUGGESTED_QUERY } from "../demo/world";
import { PrometheusSource } from "../metrics/prometheus-source";
import { JaegerV1Source, JaegerV3Source } from "../traces/jaeger-source";
import { TempoSource } from "../traces/tempo-source";
import type { TraceSource } from "../traces/trace-source";
import type { BackendFetch } from "../upstream/call-backend";

/**
 * The metrics and trace sources for this process, built from config: the one place where
 * backends are chosen and wired. Unset backend URLs mean the demo world answers that side,
 * through the very same client code.
 */

export interface Sources {
  metrics: PrometheusSource;
  traces: TraceSource;
  metricsIsDemo: boolean;
  tracesIsDemo: boolean;
  /** Where a new user lands when the URL names no query: the demo's regression story. */
  suggestedQuery?: string;
}

interface Limits {
  timeoutMs: number;
  maxResponseBytes: number;
}

const networkFetch: BackendFetch = (url, init) => fetch(url, init);

export function createSources(config: AppConfig): Sources {
  const clock = { seed: config.demo.seed };
  const limits: Limits = {
    timeoutMs: config.backendTimeoutMs,
    maxResponseBytes: config.maxBackendResponseBytes,
  };
  const metricsTarget = config.prometheus
    ? { ...config.prometheus, headersSetting: "PROMETHEUS_HEADERS", fetch: networkFetch }
    : { baseUrl: new URL("demo://prometheus"), headers: {}, fetch: createDemoPrometheus(clock) };
  const metrics = new PrometheusSource(
    { displayName: "Prometheus", ...metricsTarget, ...limits },
    config.exemplarTraceIdLabels,
  );
  const traces = config.traces
    ? createTraceSource(config.traces, limits)
    : new JaegerV1Source({
        displayName: "Jaeger",
        baseUrl: new URL("demo://jaeger"),
        headers: {},
        fetch: createDemoJaeger(clock),
        ...limits,
      });
  return {
    metrics,
    traces,
    metricsIsDemo: !config.prometheus,
    tracesIsDemo: !config.traces,
    suggestedQuery: config.prometheus ? undefined : DEMO_SUGGESTED_QUERY,
  };
}

function createTraceSource(traces: TraceBackendConfig, limits: Limits): TraceSource {
  const target = {
    baseUrl: traces.baseUrl,
    headers: traces.headers,
    headersSetting: "TRACE_HEADERS",
    fetch: networkFetch,
    ...limits,
  };
  switch (traces.api) {
    case "tempo":
      return new TempoSource({ displayName: "Tempo", ...target });
    case "jaeger-v3":
      return new JaegerV3Source({ displayName: "Jaeger", ...target });
    case "jaeger-v1":
      return new JaegerV1Source({ displayName: "Jaeger", ...target });
  }
}

let cached: Sources | undefined;

export function getSources(): Sources {
  cached ??= createSources(getConfig());
  return cached;
}
