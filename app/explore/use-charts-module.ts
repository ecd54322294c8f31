"use client";

import { useEffect, useState } from "react";

type ChartsModule = typeof import("@/components/explorer/charts");

const loadCharts = () => import("@/components/explorer/charts");
let loaded: ChartsModule | undefined;

/**
 * The charts (and recharts) are the largest part of the explorer's code and wait for data anyway:
 * they load as their own chunk, started when the explorer mounts, in parallel with the queries.
 * Held in state rather than behind React.lazy, so that no Suspense boundary delays their first
 * draw once both the code and the data are here.
 */
export function useChartsModule(): { charts?: ChartsModule; loadError?: Error } {
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
