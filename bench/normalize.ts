import { generateSyntheticTrace } from "../lib/demo/synthetic-trace";
import { normalizeJaegerV1Trace } from "../lib/traces/jaeger-v1";
import { jaegerV1Envelope } from "../lib/traces/jaeger-v1-wire";
import { normalizeOtlpTrace } from "../lib/traces/otlp";
import { jaegerV3TraceEnvelope, tempoTraceEnvelope } from "../lib/traces/otlp-wire";
import { median } from "./stats";

/**
 * Normalization throughput in Node: the same 50,000-span trace as Jaeger v1 JSON, Jaeger v3
 * OTLP JSON (hex IDs) and Tempo OTLP JSON (base64 IDs), each parsed, validated and normalized
 * exactly as the routes do.
 */

type V1Trace = ReturnType<typeof generateSyntheticTrace>;

function toOtlp(trace: V1Trace, id: (hex: string) => string) {
  const byService = new Map<string, unknown[]>();
  for (const span of trace.spans) {
    const service = trace.processes[span.processID]!.serviceName;
    const list = byService.get(service) ?? [];
    list.push({
      traceId: id(span.traceID),
      spanId: id(span.spanID),
      parentSpanId: span.references[0] ? id(span.references[0].spanID) : undefined,
      name: span.operationName,
      kind: 2,
      startTimeUnixNano: String(BigInt(span.startTime) * 1000n),
      endTimeUnixNano: String(BigInt(span.startTime + span.duration) * 1000n),
      attributes: span.tags.map((t) => ({
        key: t.key,
        value: typeof t.value === "number" ? { intValue: String(t.value) } : { stringValue: String(t.value) },
      })),
      events: span.logs.map((l) => ({
        timeUnixNano: String(BigInt(l.timestamp) * 1000n),
        name: "log",
        attributes: [],
      })),
      status: {},
    });
    byService.set(service, list);
  }
  return [...byService].map(([service, spans]) => ({
    resource: { attributes: [{ key: "service.name", value: { stringValue: service } }] },
    scopeSpans: [{ scope: {}, spans }],
  }));
}

const hex = (h: string) => h;
const base64 = (h: string) => Buffer.from(h, "hex").toString("base64");

export function benchNormalization(spanCount = 50_000, runs = 5) {
  const v1 = generateSyntheticTrace(spanCount);
  const payloads = {
    "jaeger-v1": JSON.stringify({ data: [v1], errors: null }),
    "jaeger-v3": JSON.stringify({ result: { resourceSpans: toOtlp(v1, hex) } }),
    tempo: JSON.stringify({ batches: toOtlp(v1, base64) }),
  };
  const normalize: Record<keyof typeof payloads, (text: string) => number> = {
    "jaeger-v1": (text) =>
      normalizeJaegerV1Trace(jaegerV1Envelope.parse(JSON.parse(text)).data![0]!).spans.length,
    "jaeger-v3": (text) =>
      normalizeOtlpTrace("", jaegerV3TraceEnvelope.parse(JSON.parse(text)), "jaeger-v3").spans.length,
    tempo: (text) => normalizeOtlpTrace("", tempoTraceEnvelope.parse(JSON.parse(text)), "tempo").spans.length,
  };
  return Object.fromEntries(
    (Object.keys(payloads) as (keyof typeof payloads)[]).map((format) => {
      const text = payloads[format];
      const times: number[] = [];
      const parseOnly: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        JSON.parse(text);
        const t1 = performance.now();
        const spans = normalize[format](text);
        const t2 = performance.now();
        if (spans !== spanCount) throw new Error(`${format}: ${spans} spans, expected ${spanCount}`);
        parseOnly.push(t1 - t0);
        times.push(t2 - t1);
      }
      const mb = Buffer.byteLength(text) / 1024 / 1024;
      const ms = median(times);
      return [
        format,
        {
          spans: spanCount,
          payloadMB: round(mb),
          medianMs: round(ms),
          mbPerSec: round(mb / (ms / 1000)),
          jsonParseMedianMs: round(median(parseOnly)),
        },
      ];
    }),
  );
}

const round = (x: number) => Math.round(x * 100) / 100;
