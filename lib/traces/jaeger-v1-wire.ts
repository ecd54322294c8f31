import { z } from "zod";

/** Jaeger's `GET /api/traces/{id}` (v1 JSON), as recorded in fixtures/jaeger. */

const tag = z.object({
  key: z.string(),
  type: z.string().optional(),
  value: z.unknown(),
});

export const jaegerV1Span = z.object({
  traceID: z.string(),
  spanID: z.string(),
  operationName: z.string(),
  references: z.array(z.object({ refType: z.string(), traceID: z.string(), spanID: z.string() })).nullish(),
  startTime: z.number(),
  duration: z.number(),
  tags: z.array(tag).nullish(),
  logs: z.array(z.object({ timestamp: z.number(), fields: z.array(tag).nullish() })).nullish(),
  processID: z.string().optional(),
  process: z.object({ serviceName: z.string(), tags: z.array(tag).nullish() }).optional(),
  warnings: z.array(z.string()).nullish(),
});

export const jaegerV1Trace = z.object({
  traceID: z.string(),
  spans: z.array(jaegerV1Span),
  processes: z
    .record(z.string(), z.object({ serviceName: z.string(), tags: z.array(tag).nullish() }))
    .nullish(),
  warnings: z.array(z.string()).nullish(),
});

export const jaegerV1Envelope = z.object({
  data: z.array(jaegerV1Trace).nullish(),
  errors: z.array(z.object({ code: z.number().optional(), msg: z.string() })).nullish(),
});

export type JaegerV1Tag = z.infer<typeof tag>;
export type JaegerV1Trace = z.infer<typeof jaegerV1Trace>;
