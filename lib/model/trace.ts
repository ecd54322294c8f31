/** The normalized trace every trace backend is mapped to (docs/architecture.md, "The normalized trace"). */

export type SpanStatus = "ok" | "error" | "unset";
export type SpanKind = "server" | "client" | "producer" | "consumer" | "internal";

/** Attribute values keep their type; 64-bit integers beyond 2^53 stay exact as strings. */
export type AttributeValue = string | number | boolean | AttributeValue[] | null;
export type Attributes = Record<string, AttributeValue>;

export interface SpanEvent {
  timeUs: number;
  name: string;
  attributes: Attributes;
}

export interface SpanLink {
  traceId: string;
  spanId: string;
  /** "follows_from" for Jaeger FOLLOWS_FROM references, "link" for OTLP links. */
  kind: "follows_from" | "link";
  attributes: Attributes;
}

export interface Span {
  spanId: string;
  parentSpanId?: string;
  serviceName: string;
  name: string;
  kind?: SpanKind;
  startUs: number;
  durationUs: number;
  status: SpanStatus;
  attributes: Attributes;
  resource: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
}

export type TraceSourceKind = "jaeger-v1" | "jaeger-v3" | "tempo";

export interface Trace {
  traceId: string;
  spans: Span[];
  services: string[];
  startUs: number;
  durationUs: number;
  warnings: string[];
  source: TraceSourceKind;
  /**
   * Set while a large trace is still arriving in the browser (lib/client/trace-stream.ts): the
   * spans so far are its first rows in tree order, parents before children; `totalSpans` is how
   * many the whole trace has. Never set on the server or in the JSON answer.
   */
  arriving?: { totalSpans: number };
}
