import { z } from "zod";

/** Request parameters shared by the routes: PromQL and times, validated before any backend call. */

export const MAX_QUERY_LENGTH = 4096;

export const promqlParam = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(MAX_QUERY_LENGTH, `is longer than ${MAX_QUERY_LENGTH} characters`)
  .refine((q) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(q), "contains control characters");

/** Unix seconds (fractions allowed) or RFC 3339, as Prometheus accepts. Output: seconds. */
export const timeParam = z.string({ error: "is required" }).transform((value, ctx) => {
  const trimmed = value.trim();
  const seconds = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed) / 1000;
  if (!Number.isFinite(seconds)) {
    ctx.addIssue({
      code: "custom",
      message: `"${trimmed.slice(0, 40)}" is not Unix seconds or an RFC 3339 time`,
    });
    return z.NEVER;
  }
  return seconds;
});

export const stepParam = z.coerce
  .number({ error: "must be a number of seconds" })
  .positive("must be a positive number of seconds")
  .max(7 * 86400, "is longer than a week");
