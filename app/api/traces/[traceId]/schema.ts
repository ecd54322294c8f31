import { z } from "zod";
import { normalizeTraceId } from "@/lib/model/ids";

/** 1–32 hex digits, as Jaeger accepts; anything else never reaches a backend URL. */
export const traceIdParam = z.string().transform((raw, ctx) => {
  const id = normalizeTraceId(raw);
  if (!id) {
    ctx.addIssue({ code: "custom", message: "must be 1 to 32 hexadecimal digits" });
    return z.NEVER;
  }
  return id;
});
