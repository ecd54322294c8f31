import { z } from "zod";

export const labelValuesParams = z.object({
  metric: z
    .string({ error: "is required" })
    .regex(/^[a-zA-Z_:][a-zA-Z0-9_:]{0,199}$/, "must be a metric name"),
  label: z
    .string({ error: "is required" })
    .regex(/^[a-zA-Z_][a-zA-Z0-9_]{0,199}$/, "must be a label name")
    .refine((l) => l !== "__name__" && l !== "le", "must be a label of the series, not __name__ or le"),
});
