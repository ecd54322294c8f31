import type {
  Attributes,
  AttributeValue,
  Span,
  SpanKind,
  SpanStatus,
  Trace,
  TraceSourceKind,
} from "../model/trace";
import { normalizeSpanId, normalizeTraceId } from "../model/ids";
import type { OtlpKeyValue, OtlpResourceSpans, OtlpSpan } from "./otlp-wire";
import { finishTrace } from "./trace-assembly";

/** OTLP/JSON resource spans → the normalized Trace (Jaeger v3 and Tempo). */

const KIND_BY_NUMBER: Record<number, SpanKind | undefined> = {
  1: "internal",
  2: "server",
  3: "client",
  4: "producer",
  5: "consumer",
};

export function normalizeOtlpTrace(
  requestedTraceId: string,
  resourceSpans: readonly OtlpResourceSpans[],
  source: TraceSourceKind,
): Trace {
  const warnings: string[] = [];
  const spans: Span[] = [];
  for (const rs of resourceSpans) {
    const resource = toAttributes(rs.resource?.attributes);
    const serviceName =
      typeof resource["service.name"] === "string" ? resource["service.name"] : "unknown service";
    for (const scope of [...(rs.scopeSpans ?? []), ...(rs.instrumentationLibrarySpans ?? [])]) {
      for (const raw of scope.spans ?? []) spans.push(toSpan(raw, serviceName, resource, warnings));
    }
  }
  const traceId =
    normalizeOtlpId(resourceSpans[0]?.scopeSpans?.[0]?.spans?.[0]?.traceId ?? "", 32) ?? requestedTraceId;
  return finishTrace(traceId, spans, warnings, source);
}

function toSpan(raw: OtlpSpan, serviceName: string, resource: Attributes, warnings: string[]): Span {
  const spanId = normalizeOtlpId(raw.spanId, 16) ?? raw.spanId;
  const startNs = nanosToBigInt(raw.startTimeUnixNano);
  const endNs = nanosToBigInt(raw.endTimeUnixNano);
  if (startNs === undefined || endNs === undefined) warnings.push(`span ${spanId} has no start or end time`);
  const startUs = startNs === undefined ? 0 : Number(startNs / 1000n);
  const durationUs =
    startNs === undefined || endNs === undefined || endNs < startNs ? 0 : Number((endNs - startNs) / 1000n);
  const parent = raw.parentSpanId ? normalizeOtlpId(raw.parentSpanId, 16) : undefined;
  return {
    spanId,
    parentSpanId: parent && !/^0+$/.test(parent) ? parent : undefined,
    serviceName,
    name: raw.name,
    kind: spanKind(raw.kind),
    startUs,
    durationUs,
    status: spanStatus(raw.status?.code),
    attributes: {
      ...toAttributes(raw.attributes),
      ...(raw.status?.message ? { "otel.status_description": raw.status.message } : {}),
    },
    resource,
    events: (raw.events ?? []).map((e) => ({
      timeUs: Number((nanosToBigInt(e.timeUnixNano) ?? 0n) / 1000n),
      name: e.name,
      attributes: toAttributes(e.attributes),
    })),
    links: (raw.links ?? []).map((l) => ({
      traceId: normalizeOtlpId(l.traceId, 32) ?? l.traceId,
      spanId: normalizeOtlpId(l.spanId, 16) ?? l.spanId,
      kind: "link" as const,
      attributes: toAttributes(l.attributes),
    })),
  };
}

/** Hex (any case) or base64, as Jaeger and Tempo write IDs; canonical lowercase hex out. */
export function normalizeOtlpId(raw: string, width: 16 | 32): string | undefined {
  if (raw.length <= width && /^[0-9a-fA-F]+$/.test(raw))
    return width === 32 ? normalizeTraceId(raw) : normalizeSpanId(raw);
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(raw)) return undefined;
  const bytes = Buffer.from(raw.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (bytes.length === 0 || bytes.length > width / 2) return undefined;
  return bytes.toString("hex").padStart(width, "0");
}

function nanosToBigInt(value: string | number | undefined): bigint | undefined {
  if (value === undefined || value === "") return undefined;
  try {
    return BigInt(typeof value === "number" ? Math.trunc(value) : value);
  } catch {
    return undefined;
  }
}

function spanKind(kind: number | string | undefined): SpanKind | undefined {
  if (typeof kind === "number") return KIND_BY_NUMBER[kind];
  if (typeof kind === "string") {
    const name = kind.replace(/^SPAN_KIND_/, "").toLowerCase();
    return (["server", "client", "producer", "consumer", "internal"] as const).find((k) => k === name);
  }
  return undefined;
}

function spanStatus(code: number | string | undefined): SpanStatus {
  if (code === 2 || code === "STATUS_CODE_ERROR" || code === "ERROR") return "error";
  if (code === 1 || code === "STATUS_CODE_OK" || code === "OK") return "ok";
  return "unset";
}

/** Key-values as attributes. `Object.fromEntries` defines own properties: a key `__proto__` is kept as text. */
export function toAttributes(list: readonly OtlpKeyValue[] | null | undefined): Attributes {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, anyValueToAttribute(value)]));
}

/** An OTLP AnyValue → attribute; anything not shaped like one becomes null. */
function anyValueToAttribute(value: unknown): AttributeValue {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.stringValue === "string") return v.stringValue;
  if (typeof v.boolValue === "boolean") return v.boolValue;
  if (typeof v.intValue === "string" || typeof v.intValue === "number") {
    // int64 arrives as a string; keep it exact where a JS number cannot.
    const asNumber = Number(v.intValue);
    return Number.isSafeInteger(asNumber) ? asNumber : String(v.intValue);
  }
  if (typeof v.doubleValue === "number" || typeof v.doubleValue === "string") return Number(v.doubleValue);
  if (typeof v.bytesValue === "string") return v.bytesValue;
  const array = v.arrayValue as { values?: unknown } | undefined;
  if (array && typeof array === "object")
    return Array.isArray(array.values) ? array.values.map(anyValueToAttribute) : [];
  const kvlist = v.kvlistValue as { values?: unknown } | undefined;
  if (kvlist && typeof kvlist === "object" && Array.isArray(kvlist.values)) {
    const pairs = kvlist.values.filter(
      (kv): kv is OtlpKeyValue =>
        typeof kv === "object" && kv !== null && typeof (kv as OtlpKeyValue).key === "string",
    );
    return JSON.stringify(toAttributes(pairs));
  }
  return null;
}
