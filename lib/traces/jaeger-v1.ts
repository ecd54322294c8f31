import type { Attributes, AttributeValue, Span, SpanKind, SpanLink, SpanStatus, Trace } from "../model/trace";
import { normalizeSpanId, normalizeTraceId } from "../model/ids";
import { type JaegerV1Tag, type JaegerV1Trace } from "./jaeger-v1-wire";
import { finishTrace } from "./trace-assembly";

/** Jaeger v1 JSON → the normalized Trace: kind and status from tags, logs as events. */

const KINDS: readonly SpanKind[] = ["server", "client", "producer", "consumer", "internal"];

/**
 * Tags as attributes. A key `__proto__` is defined as an own property, so it is kept as text
 * rather than setting the object's prototype. (A loop: 50,000 spans' tags, no arrays between.)
 */
export function tagsToAttributes(tags: readonly JaegerV1Tag[] | null | undefined): Attributes {
  const attributes: Attributes = {};
  for (const tag of tags ?? []) {
    if (tag.key === "__proto__") {
      Object.defineProperty(attributes, tag.key, {
        value: tagValue(tag),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      attributes[tag.key] = tagValue(tag);
    }
  }
  return attributes;
}

function tagValue(tag: JaegerV1Tag): AttributeValue {
  const { value } = tag;
  if (typeof value === "string" || typeof value === "boolean" || value === null) return value;
  if (typeof value === "number") {
    // An int64 past 2^53 has already lost digits in JSON.parse; say so rather than show a wrong number.
    return tag.type === "int64" && !Number.isSafeInteger(value) ? String(value) : value;
  }
  return JSON.stringify(value) ?? null;
}

export function normalizeJaegerV1Trace(raw: JaegerV1Trace): Trace {
  const warnings = [...(raw.warnings ?? [])];
  const traceId = normalizeTraceId(raw.traceID) ?? raw.traceID.toLowerCase();
  // One resource object per process, shared by its spans (as OTLP's resource is), not one per span.
  const resources = new Map<object, Attributes>();
  const resourceOf = (process: { tags?: JaegerV1Tag[] | null }) => {
    let resource = resources.get(process);
    if (!resource) resources.set(process, (resource = tagsToAttributes(process.tags)));
    return resource;
  };
  const spans: Span[] = raw.spans.map((s) => {
    const process = s.process ?? (s.processID ? raw.processes?.[s.processID] : undefined);
    if (!process)
      warnings.push(`span ${s.spanID} names process "${s.processID}", which the trace does not list`);
    const attributes = tagsToAttributes(s.tags);
    const refs = s.references ?? [];
    const parentRef = refs.find((r) => r.refType === "CHILD_OF");
    const links: SpanLink[] = refs
      .filter((r) => r !== parentRef)
      .map((r) => ({
        traceId: normalizeTraceId(r.traceID) ?? r.traceID,
        spanId: normalizeSpanId(r.spanID) ?? r.spanID,
        kind: r.refType === "FOLLOWS_FROM" ? "follows_from" : "link",
        attributes: {},
      }));
    const parentIsInTrace =
      parentRef && (normalizeTraceId(parentRef.traceID) ?? parentRef.traceID) === traceId;
    for (const w of s.warnings ?? []) warnings.push(`span ${s.spanID}: ${w}`);
    return {
      spanId: normalizeSpanId(s.spanID) ?? s.spanID,
      parentSpanId:
        parentRef && parentIsInTrace ? (normalizeSpanId(parentRef.spanID) ?? parentRef.spanID) : undefined,
      serviceName: process?.serviceName ?? "unknown service",
      name: s.operationName,
      kind: spanKind(attributes),
      startUs: s.startTime,
      durationUs: s.duration,
      status: spanStatus(attributes),
      attributes,
      resource: process ? resourceOf(process) : {},
      events: (s.logs ?? []).map((log) => {
        const fields = tagsToAttributes(log.fields);
        const name = typeof fields.event === "string" ? fields.event : "log";
        const { event: _event, ...rest } = fields;
        return { timeUs: log.timestamp, name, attributes: rest };
      }),
      links,
    };
  });
  return finishTrace(traceId, spans, warnings, "jaeger-v1");
}

function spanKind(attributes: Attributes): SpanKind | undefined {
  const kind = attributes["span.kind"];
  return typeof kind === "string" && (KINDS as string[]).includes(kind) ? (kind as SpanKind) : undefined;
}

function spanStatus(attributes: Attributes): SpanStatus {
  const code = attributes["otel.status_code"];
  if (code === "ERROR" || attributes.error === true || attributes.error === "true") return "error";
  if (code === "OK") return "ok";
  return "unset";
}
