import type { Attributes } from "../model/trace";
import type { Random } from "./random";

/**
 * A trace under construction: spans with absolute microsecond times, then written out in
 * Jaeger's v1 JSON so that demo traces go through the same parser as real ones.
 */

export type DraftKind = "server" | "client" | "internal";

export interface DraftSpan {
  /** 0 is the span that recorded the exemplar; others are numbered as created. */
  number: number;
  service: string;
  name: string;
  kind: DraftKind;
  startUs: number;
  durationUs: number;
  parent?: DraftSpan;
  tags: Attributes;
  error: boolean;
  logs: { timeUs: number; fields: Attributes }[];
}

export class TraceDraft {
  readonly spans: DraftSpan[] = [];
  /** Resource attributes of a service that differ from its usual deployment (a canary). */
  readonly resources = new Map<string, Attributes>();
  private nextNumber = 1;

  constructor(readonly rng: Random) {}

  add(
    span: Omit<DraftSpan, "number" | "error" | "logs" | "tags"> & { tags?: Attributes; number?: number },
  ): DraftSpan {
    const draft: DraftSpan = {
      ...span,
      number: span.number ?? this.nextNumber++,
      tags: span.tags ?? {},
      error: false,
      logs: [],
      startUs: Math.round(span.startUs),
      durationUs: Math.max(1, Math.round(span.durationUs)),
    };
    this.spans.push(draft);
    return draft;
  }
}

/** Marks a span failed without an event of its own (a caller of the span that broke). */
export function markFailed(span: DraftSpan): void {
  span.error = true;
  span.tags["otel.status_code"] = "ERROR";
}

/** Marks a span failed the way OpenTelemetry's Jaeger export does: status, error tag, event. */
export function failSpan(span: DraftSpan, type: string, message: string): void {
  span.error = true;
  span.tags["otel.status_code"] = "ERROR";
  span.tags["otel.status_description"] = message;
  span.logs.push({
    timeUs: span.startUs + span.durationUs - 1,
    fields: { event: "exception", "exception.type": type, "exception.message": message },
  });
}

export interface JaegerV1Tag {
  key: string;
  type: "string" | "bool" | "int64" | "float64";
  value: string | number | boolean;
}

function toTags(attributes: Attributes): JaegerV1Tag[] {
  return Object.entries(attributes).map(([key, value]) => {
    if (typeof value === "boolean") return { key, type: "bool", value };
    if (typeof value === "number") return { key, type: Number.isInteger(value) ? "int64" : "float64", value };
    return { key, type: "string", value: String(value) };
  });
}

const SDK_RESOURCE: Attributes = {
  "telemetry.sdk.language": "nodejs",
  "telemetry.sdk.name": "opentelemetry",
  "telemetry.sdk.version": "1.30.0",
  "deployment.environment": "demo",
};

/** The `data[0]` element of Jaeger's `GET /api/traces/{id}` answer. */
export function toJaegerV1Trace(draft: TraceDraft, traceId: string, spanIdOf: (n: number) => string) {
  const processIds = new Map<string, string>();
  for (const span of draft.spans) {
    if (!processIds.has(span.service)) processIds.set(span.service, `p${processIds.size + 1}`);
  }
  return {
    traceID: traceId,
    spans: draft.spans.map((span) => ({
      traceID: traceId,
      spanID: spanIdOf(span.number),
      operationName: span.name,
      references: span.parent
        ? [{ refType: "CHILD_OF", traceID: traceId, spanID: spanIdOf(span.parent.number) }]
        : [],
      startTime: span.startUs,
      duration: span.durationUs,
      tags: toTags({
        ...span.tags,
        "span.kind": span.kind,
        ...(span.error ? { error: true } : {}),
      }),
      logs: span.logs.map((log) => ({ timestamp: log.timeUs, fields: toTags(log.fields) })),
      processID: processIds.get(span.service)!,
      warnings: null,
    })),
    processes: Object.fromEntries(
      [...processIds].map(([service, id]) => [
        id,
        {
          serviceName: service,
          tags: toTags({
            ...SDK_RESOURCE,
            "service.version": "1.8.2",
            "host.name": `${service}-7d9f8c6b5-${service.length}x2kq`,
            ...draft.resources.get(service),
          }),
        },
      ]),
    ),
    warnings: null,
  };
}

export type JaegerV1TraceJson = ReturnType<typeof toJaegerV1Trace>;
