import { PrometheusSource } from "../metrics/prometheus-source";

/** The explorer's Prometheus client pointed at a test server (a replay of recorded answers). */
export function prometheusAt(
  baseUrl: string,
  {
    headers = {},
    traceIdLabels = ["trace_id", "traceID", "traceId"],
  }: { headers?: Record<string, string>; traceIdLabels?: string[] } = {},
): PrometheusSource {
  return new PrometheusSource(
    {
      displayName: "Prometheus",
      baseUrl: new URL(baseUrl),
      headers,
      headersSetting: "PROMETHEUS_HEADERS",
      fetch: (url, init) => fetch(url, init),
      timeoutMs: 5000,
      maxResponseBytes: 10e6,
    },
    traceIdLabels,
  );
}
