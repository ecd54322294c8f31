"use client";

import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect, useState } from "react";
import { traceQuery } from "@/lib/client/queries";

export type ChartsModule = typeof import("@/components/explorer/charts");

const loadCharts = () => import("@/components/explorer/charts");
let loaded: ChartsModule | undefined;

/**
 * The charts (and recharts) are the largest part of the explorer's code and wait for data anyway:
 * they load as their own chunk, started when the explorer mounts, in parallel with the queries.
 * Held in state rather than behind React.lazy, so that no Suspense boundary delays their first
 * draw once both the code and the data are here.
 */
function useChartsModule(): { charts?: ChartsModule; loadError?: Error } {
  const [charts, setCharts] = useState(loaded);
  const [loadError, setLoadError] = useState<Error>();
  useEffect(() => {
    if (charts) return;
    let live = true;
    loadCharts().then(
      (module) => {
        loaded = module;
        if (live) setCharts(module);
      },
      (error: unknown) => {
        if (live) setLoadError(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      live = false;
    };
  }, [charts]);
  return { charts, loadError };
}

/**
 * The charts' code once it may draw. A link to a trace is opened for the trace: until the trace
 * the page opened with has arrived, the charts wait, then draw in a deferred render so that the
 * waterfall does not compete with them for the main thread. Released for good once over (closing
 * that trace before it arrives releases it too), so drawn charts never go back to placeholders;
 * traces opened later open beside charts already drawn.
 */
export function useCharts(openTraceId: string | null): { charts?: ChartsModule; loadError?: Error } {
  const { charts, loadError } = useChartsModule();
  const [linkedTraceId] = useState(openTraceId);
  const linkedTrace = useQuery({ ...traceQuery(linkedTraceId ?? ""), enabled: Boolean(linkedTraceId) });
  const [released, setReleased] = useState(!linkedTraceId);
  const hold = !released && openTraceId === linkedTraceId && linkedTrace.isPending;
  if (!released && !hold) setReleased(true);
  const mayDraw = useDeferredValue(!hold);
  return { charts: mayDraw ? charts : undefined, loadError };
}
