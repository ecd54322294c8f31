"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { traceQuery } from "@/lib/client/queries";
import { useLazyModule } from "./use-lazy-module";

export type ChartsModule = typeof import("@/components/explorer/charts");

// The charts (and recharts) are the largest part of the explorer's code and wait for data anyway:
// they load as their own chunk, in parallel with the queries. The download starts as this module
// runs in the browser, not after hydration has mounted the explorer.
// The mark is for the benchmarks (bench/): drawing starts once both the code and the data are here.
const loadCharts = () =>
  import("@/components/explorer/charts").then((charts) => {
    if (performance.getEntriesByName("charts:loaded").length === 0) performance.mark("charts:loaded");
    return charts;
  });
if (typeof window !== "undefined") void loadCharts().catch(() => undefined);

/**
 * The charts' code once it may draw. A link to a trace is opened for the trace: until the trace
 * the page opened with has arrived, the charts wait, then draw in a deferred render so that the
 * waterfall does not compete with them for the main thread. Released for good once over (closing
 * that trace before it arrives releases it too), so drawn charts never go back to placeholders;
 * traces opened later open beside charts already drawn.
 */
export function useCharts(openTraceId: string | null): { charts?: ChartsModule; loadError?: Error } {
  const { module: charts, loadError } = useLazyModule(loadCharts);
  const [linkedTraceId] = useState(openTraceId);
  const linkedTrace = useQuery({ ...traceQuery(linkedTraceId ?? ""), enabled: Boolean(linkedTraceId) });
  const [released, setReleased] = useState(!linkedTraceId);
  const hold = !released && openTraceId === linkedTraceId && linkedTrace.isPending;
  if (!released && !hold) setReleased(true);
  const mayDraw = useDeferredValue(!hold);
  return { charts: mayDraw ? charts : undefined, loadError };
}
