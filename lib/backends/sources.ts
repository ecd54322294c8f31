import { type AppConfig, getConfig } from "../config/config";
import { demoClock } from "../demo/demo-clock";
import { createDemoJaeger } from "../demo/jaeger-api";
import { createDemoPrometheus } from "../demo/prometheus-api";
import { PrometheusSource } from "../metrics/prometheus-source";
import { JaegerV1Source, type TraceSource } from "../traces/jaeger-source";
import type { BackendFetch } from "./http";

/**
 * The metrics and trace sources for this process, built from config. Unset backend URLs mean
 * the demo world answers that side, through the very same client code.
 */

export interface Sources {
  metrics: PrometheusSource;
  traces: TraceSource;
  metricsIsDemo: boolean;
  tracesIsDemo: boolean;
}

const networkFetch: BackendFetch = (url, init) => fetch(url, init);

export function createSources(config: AppConfig, startedAtMs = Date.now()): Sources {
  const clock = demoClock(config.demo.seed, config.demo.nowMs, startedAtMs);
  const limits = { timeoutMs: config.backendTimeoutMs, maxResponseBytes: config.maxBackendResponseBytes };
  const metrics = new PrometheusSource(
    config.prometheus
      ? { displayName: "Prometheus", ...config.prometheus, fetch: networkFetch, ...limits }
      : {
          displayName: "Prometheus",
          baseUrl: new URL("demo://prometheus"),
          headers: {},
          fetch: createDemoPrometheus(clock),
          ...limits,
        },
    config.exemplarTraceIdLabels,
  );
  const traces = new JaegerV1Source(
    config.traces
      ? {
          displayName: config.traces.kind === "tempo" ? "Tempo" : "Jaeger",
          baseUrl: config.traces.baseUrl,
          headers: config.traces.headers,
          fetch: networkFetch,
          ...limits,
        }
      : {
          displayName: "Jaeger",
          baseUrl: new URL("demo://jaeger"),
          headers: {},
          fetch: createDemoJaeger(clock),
          ...limits,
        },
  );
  return { metrics, traces, metricsIsDemo: !config.prometheus, tracesIsDemo: !config.traces };
}

let cached: Sources | undefined;

export function getSources(): Sources {
  cached ??= createSources(getConfig());
  return cached;
}
