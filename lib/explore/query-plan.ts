import { type HistogramKind, buildLatencyQueries } from "./latency-queries";
import { chooseResolution } from "./time-range";

/**
 * What the explorer asks Prometheus for a query over a range: the quantile lines, bucket rates
 * and exemplars, at one step, with start and end aligned to it (so that the same view asks the
 * same URLs, on the server that preloads them and in the browser that reads them).
 */
export function planQueries(query: string, startMs: number, endMs: number, kind: HistogramKind = "classic") {
  if (Number.isNaN(startMs) || Number.isNaN(endMs) || !query) return undefined;
  const { stepSec, rateWindowSec } = chooseResolution(endMs - startMs);
  const startSec = Math.floor(startMs / 1000 / stepSec) * stepSec;
  const endSec = Math.ceil(endMs / 1000 / stepSec) * stepSec;
  return {
    startSec,
    endSec,
    stepSec,
    // Exemplars over the exact range (not aligned): markers outside it would not be drawn.
    exemplarsStartSec: Math.floor(startMs / 1000),
    exemplarsEndSec: Math.ceil(endMs / 1000),
    ...buildLatencyQueries(query, rateWindowSec, kind),
  };
}

/**
 * Whether two plans ask the same URLs: then the query cache answers the second from the first
 * (a relative range renewed within the same second, or any absolute range). Plans are plain
 * data, built by `planQueries` in one key order.
 */
export function asksTheSame(a: ReturnType<typeof planQueries>, b: ReturnType<typeof planQueries>): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
