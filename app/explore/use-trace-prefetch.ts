"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { traceQuery } from "@/lib/client/queries";

/** How long the pointer rests on an exemplar before its trace is fetched ahead of a click. */
const HOVER_DWELL_MS = 150;

/**
 * Makes a click on an exemplar open its trace at once: the trace panel's code loads while the
 * browser is idle, a trace is fetched as soon as it is clicked (not when the panel mounts, after
 * the charts have re-laid out), and one the pointer rests on is fetched before the click.
 */
export function useTracePrefetch(loadPanel: () => Promise<unknown>) {
  const queryClient = useQueryClient();
  const dwell = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    const load = () => void loadPanel().catch(() => undefined);
    if (typeof requestIdleCallback === "function") {
      const id = requestIdleCallback(load, { timeout: 5_000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(load, 2_000);
    return () => clearTimeout(id);
  }, [loadPanel]);
  useEffect(() => () => clearTimeout(dwell.current), []);

  const fetchNow = useCallback(
    (traceId: string) => void queryClient.prefetchQuery(traceQuery(traceId)),
    [queryClient],
  );
  const fetchOnDwell = useCallback(
    (traceId: string | undefined) => {
      clearTimeout(dwell.current);
      if (traceId) dwell.current = setTimeout(() => fetchNow(traceId), HOVER_DWELL_MS);
    },
    [fetchNow],
  );
  return { fetchNow, fetchOnDwell };
}
