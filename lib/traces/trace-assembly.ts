import type { Span, Trace, TraceSourceKind } from "../model/trace";

/**
 * What every trace source does after mapping spans: trace bounds, services in first-seen
 * order, and warnings for orphans and duplicate span IDs (both kept, never dropped).
 */
export function finishTrace(
  traceId: string,
  spans: Span[],
  warnings: string[],
  source: TraceSourceKind,
): Trace {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const span of spans) {
    if (seen.has(span.spanId)) duplicates.add(span.spanId);
    seen.add(span.spanId);
  }
  for (const id of duplicates) warnings.push(`span ID ${id} occurs more than once; each copy is shown`);
  for (const span of spans) {
    if (span.parentSpanId && !seen.has(span.parentSpanId)) {
      warnings.push(
        `span ${span.spanId} (${span.name}) has parent ${span.parentSpanId}, which is not in the trace; shown as a root`,
      );
    }
  }
  let startUs = Infinity;
  let endUs = -Infinity;
  const services: string[] = [];
  const serviceSet = new Set<string>();
  for (const span of spans) {
    startUs = Math.min(startUs, span.startUs);
    endUs = Math.max(endUs, span.startUs + span.durationUs);
    if (!serviceSet.has(span.serviceName)) {
      serviceSet.add(span.serviceName);
      services.push(span.serviceName);
    }
  }
  if (spans.length === 0) return { traceId, spans, services, startUs: 0, durationUs: 0, warnings, source };
  return { traceId, spans, services, startUs, durationUs: endUs - startUs, warnings, source };
}
