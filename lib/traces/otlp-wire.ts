import { z } from "zod";

/**
 * OTLP/JSON traces as Jaeger's v3 API (`{ result: { resourceSpans } }`) and Tempo
 * (`{ batches }`, or `{ trace: { resourceSpans } }` from `/api/v2/traces`) write them. IDs come as
 * hex (Jaeger) or base64 (Tempo); enums as numbers or names; 64-bit numbers as strings.
 */

/**
 * Attribute values are nested (arrays, key-value lists) and numerous: a recursive zod schema
 * costs more than the rest of the trace put together, so values are taken as unknown here and
 * read with type checks in otlp.ts, where a value of the wrong shape becomes null.
 */
export interface OtlpKeyValue {
  key: string;
  value?: unknown;
}

const keyValue = z.object({ key: z.string(), value: z.unknown() });

const attributes = z.array(keyValue).nullish();
const nanos = z.union([z.string(), z.number()]).optional();
const enumValue = z.union([z.number(), z.string()]).optional();

export const otlpSpan = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().optional(),
  name: z.string().default(""),
  kind: enumValue,
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  attributes,
  events: z.array(z.object({ timeUnixNano: nanos, name: z.string().default(""), attributes })).nullish(),
  links: z.array(z.object({ traceId: z.string(), spanId: z.string(), attributes })).nullish(),
  status: z.object({ code: enumValue, message: z.string().optional() }).nullish(),
});

const scopeSpans = z.object({ spans: z.array(otlpSpan).nullish() });

export const otlpResourceSpans = z.object({
  resource: z.object({ attributes }).nullish(),
  scopeSpans: z.array(scopeSpans).nullish(),
  // Tempo before OTLP 0.15 wrote this older name.
  instrumentationLibrarySpans: z.array(scopeSpans).nullish(),
});

export type OtlpSpan = z.infer<typeof otlpSpan>;
export type OtlpResourceSpans = z.infer<typeof otlpResourceSpans>;

/** Jaeger v3's answer, read down to its resource spans. */
export const jaegerV3TraceEnvelope = z
  .object({ result: z.object({ resourceSpans: z.array(otlpResourceSpans).nullish() }) })
  .transform((envelope) => envelope.result.resourceSpans ?? []);

/** Tempo's three shapes (`/api/traces`, `/api/v2/traces`, plain OTLP), read down to resource spans. */
export const tempoTraceEnvelope = z
  .union([
    z.object({ batches: z.array(otlpResourceSpans) }),
    z.object({ trace: z.object({ resourceSpans: z.array(otlpResourceSpans).nullish() }) }),
    z.object({ resourceSpans: z.array(otlpResourceSpans) }),
  ])
  .transform((envelope) =>
    "batches" in envelope
      ? envelope.batches
      : "trace" in envelope
        ? (envelope.trace.resourceSpans ?? [])
        : envelope.resourceSpans,
  );
