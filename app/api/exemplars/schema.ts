import { z } from "zod";
import { promqlParam, timeParam } from "@/lib/server/request-params";

export const exemplarsParams = z
  .object({ query: promqlParam, start: timeParam, end: timeParam })
  .refine((p) => p.end >= p.start, { message: "must not be before start", path: ["end"] });
