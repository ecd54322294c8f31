import type { HistogramFamily } from "../model/metrics";
import type { Span } from "../model/trace";
import { formatSelector } from "../explore/selector";

/**
 * From a server span back to the latency histogram of its service and operation: a selector on
 * a histogram family that has a service label (`job` or `service_name`) and a route label
 * (`route` or `http_route`), when the span carries both.
 */
export function histogramQueryForSpan(span: Span, families: readonly HistogramFamily[]): string | undefined {
  const route = span.attributes["http.route"];
  if (typeof route !== "string" || !route) return undefined;
  for (const family of families) {
    const serviceLabel = ["job", "service_name", "service"].find((l) => family.labelNames.includes(l));
    const routeLabel = ["route", "http_route"].find((l) => family.labelNames.includes(l));
    if (!serviceLabel || !routeLabel) continue;
    const method = span.attributes["http.request.method"] ?? span.attributes["http.method"];
    const matchers = [
      { name: serviceLabel, op: "=" as const, value: span.serviceName },
      ...(typeof method === "string" && family.labelNames.includes("method")
        ? [{ name: "method", op: "=" as const, value: method }]
        : []),
      { name: routeLabel, op: "=" as const, value: route },
    ];
    return formatSelector({ metric: family.name, matchers });
  }
  return undefined;
}

/** Where "Open in Jaeger/Grafana" points: `{traceId}` in TRACE_UI_URL is replaced, else `/trace/{id}` is appended. */
export function traceUiLink(traceUiUrl: string, traceId: string): string {
  return traceUiUrl.includes("{traceId}")
    ? traceUiUrl.replaceAll("{traceId}", traceId)
    : `${traceUiUrl.replace(/\/+$/, "")}/trace/${traceId}`;
}
