import { z } from "zod";
import type { MatrixData } from "../model/metrics";

/**
 * Prometheus HTTP API answers, parsed once at the edge (see fixtures/prometheus-2.42 and
 * fixtures/prometheus-3.16).
 * Thanos Query and Mimir answer in the same shapes.
 */

const labels = z.record(z.string(), z.string());

export const errorEnvelope = z.object({
  status: z.literal("error"),
  errorType: z.string().optional(),
  error: z.string(),
});

export function successEnvelope<T extends z.ZodType>(data: T) {
  return z.object({
    status: z.literal("success"),
    data,
    warnings: z.array(z.string()).optional(),
  });
}

/** Sample values are strings ("NaN", "+Inf" included); times are float seconds. */
const sample = z.tuple([z.number(), z.string()]);

const nativeHistogram = z.object({
  count: z.string(),
  sum: z.string(),
  buckets: z.array(z.tuple([z.number(), z.string(), z.string(), z.string()])).optional(),
});

/** A series holds float samples (`values`), native histogram samples (`histograms`), or both. */
export const matrixData = z.object({
  resultType: z.literal("matrix"),
  result: z.array(
    z.object({
      metric: labels,
      values: z.array(sample).default([]),
      histograms: z.array(z.tuple([z.number(), nativeHistogram])).optional(),
    }),
  ),
}) satisfies z.ZodType<MatrixData, unknown>;

/** An instant query's answer, float samples only (`/api/v1/query`). */
export const vectorData = z.object({
  resultType: z.literal("vector"),
  result: z.array(z.object({ metric: labels, value: sample.optional() })),
});

export const exemplarsData = z.array(
  z.object({
    seriesLabels: labels,
    exemplars: z.array(z.object({ labels, value: z.string(), timestamp: z.number() })),
  }),
);

export const metadataData = z.record(
  z.string(),
  z.array(z.object({ type: z.string(), help: z.string(), unit: z.string().optional() })),
);

export const seriesData = z.array(labels);
export const labelNamesData = z.array(z.string());
export const buildInfoData = z.object({ version: z.string() }).loose();
export const flagsData = z.record(z.string(), z.string());
/** Prometheus 3.9+: `/api/v1/features`, e.g. `{ tsdb: { exemplar_storage: true } }`. */
export const featuresData = z.record(z.string(), z.record(z.string(), z.unknown()));

/**
 * Thanos Query's `/api/v1/stores`: its stores by type, each with the error of its last health
 * check (`null` when healthy). Other backends answer 404.
 */
export const thanosStoresData = z.record(
  z.string(),
  z
    .array(
      z.object({
        name: z.string(),
        lastError: z.string().nullish(),
        labelSets: z.array(labels).nullish(),
      }),
    )
    .nullish(),
);
