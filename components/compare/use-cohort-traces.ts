"use client";

import { useQueryClient } from "@tanstack/react-query";
import pLimit from "p-limit";
import { useEffect, useMemo, useState } from "react";
import { fetchJson } from "@/lib/client/fetch-json";
import { traceQuery } from "@/lib/client/queries";
import { AppError } from "@/lib/errors";
import { traceApiPath } from "@/lib/model/api-paths";
import type { Trace } from "@/lib/model/trace";

/** Traces fetched at once: enough to be quick, few enough not to crowd out the charts or the backend. */
export const COHORT_FETCH_CONCURRENCY = 4;

type Outcome = { trace: Trace } | { missing: true } | { error: string };

export interface CohortSide {
  requested: number;
  traces: Trace[];
  /** Not in the trace store: sampled out, or past its retention. */
  missing: number;
  failed: number;
  firstError?: string;
}

export interface CohortTraces {
  slow: CohortSide;
  baseline: CohortSide;
  settled: number;
  total: number;
  status: "fetching" | "done" | "cancelled";
  cancel: () => void;
  resume: () => void;
}

/**
 * Fetches the traces of both sides of a comparison through the app's own trace route, a few at
 * a time, into the same cache the trace panel reads (so opening one afterwards is instant).
 * Cancel stops what is queued and aborts what is in flight; what arrived is kept.
 */
export function useCohortTraces(slowIds: readonly string[], baselineIds: readonly string[]): CohortTraces {
  const queryClient = useQueryClient();
  const [outcomes, setOutcomes] = useState(() => new Map<string, Outcome>());
  const [run, setRun] = useState({ token: 0, cancelled: false });
  // The lists' contents, so that new arrays with the same IDs start nothing new.
  const idsKey = `${slowIds.join(",")}|${baselineIds.join(",")}`;
  const [slowList, baselineList] = useMemo(
    () => idsKey.split("|").map((ids) => (ids ? ids.split(",") : [])) as [string[], string[]],
    [idsKey],
  );

  useEffect(() => {
    if (run.cancelled) return;
    const ids = [...new Set([...slowList, ...baselineList])];
    const controller = new AbortController();
    const limit = pLimit(COHORT_FETCH_CONCURRENCY);
    const settle = (id: string, outcome: Outcome) =>
      setOutcomes((previous) => new Map(previous).set(id, outcome));
    for (const id of ids) {
      const cached = queryClient.getQueryData(traceQuery(id).queryKey);
      // A trace still arriving in the panel is not whole yet: asked for again, whole.
      if (cached && !cached.arriving) {
        settle(id, { trace: cached });
        continue;
      }
      void limit(async () => {
        if (controller.signal.aborted) return;
        try {
          const trace = await fetchJson<Trace>(traceApiPath(id), controller.signal);
          queryClient.setQueryData(traceQuery(id).queryKey, trace);
          settle(id, { trace });
        } catch (error) {
          if (controller.signal.aborted) return;
          settle(
            id,
            error instanceof AppError && error.code === "trace_not_found"
              ? { missing: true }
              : { error: error instanceof Error ? error.message : String(error) },
          );
        }
      });
    }
    return () => {
      controller.abort();
      limit.clearQueue();
    };
  }, [slowList, baselineList, run, queryClient]);

  return useMemo(() => {
    const side = (ids: readonly string[]): CohortSide => {
      const result: CohortSide = { requested: ids.length, traces: [], missing: 0, failed: 0 };
      for (const id of ids) {
        const outcome = outcomes.get(id);
        if (!outcome) continue;
        if ("trace" in outcome) result.traces.push(outcome.trace);
        else if ("missing" in outcome) result.missing++;
        else {
          result.failed++;
          result.firstError ??= outcome.error;
        }
      }
      return result;
    };
    const slow = side(slowList);
    const baseline = side(baselineList);
    const settledOf = (s: CohortSide) => s.traces.length + s.missing + s.failed;
    const settled = settledOf(slow) + settledOf(baseline);
    const total = slowList.length + baselineList.length;
    return {
      slow,
      baseline,
      settled,
      total,
      status: settled === total ? "done" : run.cancelled ? "cancelled" : "fetching",
      cancel: () => setRun((r) => ({ token: r.token + 1, cancelled: true })),
      resume: () => setRun((r) => ({ token: r.token + 1, cancelled: false })),
    };
  }, [outcomes, slowList, baselineList, run.cancelled]);
}
