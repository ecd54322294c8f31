import { z } from "zod";
import { promqlParam, stepParam, timeParam } from "@/lib/server/request-params";

/** Prometheus refuses more points than this per series; refusing it here saves a round trip. */
export const MAX_POINTS_PER_SERIES = 11_000;

export const queryRangeParams = z
  .object({ query: promqlParam, start: timeParam, end: timeParam, step: stepParam })
  .refine((p) => p.end >= p.start, { message: "must not be before start", path: ["end"] })
  .refine((p) => (p.end - p.start) / p.step <= MAX_POINTS_PER_SERIES, {
    message: `gives more than ${MAX_POINTS_PER_SERIES.toLocaleString("en")} points per series; use a larger step or a shorter range`,
    path: ["step"],
  });
