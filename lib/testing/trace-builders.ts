import type { Span, Trace } from "../model/trace";

/** Small traces for unit tests: a span from its place in the tree and its times, the rest defaulted. */
export function testSpan(
  spanId: string,
  parentSpanId: string | undefined,
  startUs: number,
  durationUs: number,
  extra: Partial<Span> = {},
): Span {
  return {
    spanId,
    parentSpanId,
    serviceName: "svc",
    name: spanId,
    startUs,
    durationUs,
    status: "unset",
    attributes: {},
    resource: {},
    events: [],
    links: [],
    ...extra,
  };
}

export function testTrace(spans: Span[], traceId = "t"): Trace {
  return {
    traceId,
    spans,
    services: [...new Set(spans.map((s) => s.serviceName))],
    startUs: 0,
    durationUs: 0,
    warnings: [],
    source: "jaeger-v1",
  };
}
