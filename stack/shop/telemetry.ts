import {
  type Span,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  TraceFlags,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "@opentelemetry/semantic-conventions";

/**
 * OpenTelemetry for one shop service: traces over OTLP/HTTP to Jaeger, W3C trace context
 * between services, head sampling at SHOP_SAMPLING_RATIO (default 1: keep all).
 */
export function startTracing(serviceName: string) {
  const ratio = Number(process.env.SHOP_SAMPLING_RATIO ?? "1");
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: serviceName,
      [ATTR_SERVICE_VERSION]: "1.0.0",
      "deployment.environment": "stack",
    }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: process.env.OTLP_TRACES_URL ?? "http://127.0.0.1:4318/v1/traces" }),
        { scheduledDelayMillis: 500 },
      ),
    ],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  return { tracer: trace.getTracer(serviceName), shutdown: () => provider.shutdown() };
}

/** The exemplar labels of a span, only when it is sampled (an unsampled span's trace never exists). */
export function exemplarLabelsOf(span: Span): { trace_id: string; span_id: string } | undefined {
  const ctx = span.spanContext();
  return ctx.traceFlags & TraceFlags.SAMPLED ? { trace_id: ctx.traceId, span_id: ctx.spanId } : undefined;
}

export { SpanKind, SpanStatusCode, context, propagation, trace };
