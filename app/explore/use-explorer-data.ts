"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { exemplarsQuery, rangeQueries, rangeQuery } from "@/lib/client/queries";
import { exemplarPoints, mergeLines } from "@/lib/explore/chart-data";
import { planQueries } from "@/lib/explore/query-plan";
import type { HistogramKind } from "@/lib/explore/latency-queries";

/**
 * Everything the explorer's charts draw, fetched for a query and a resolved range: quantile
 * lines, bucket rates (heatmap and distribution) and exemplars.
 */
export function useExplorerData(query: string, startMs: number, endMs: number, kind: HistogramKind) {
  const plan = useMemo(() => planQueries(query, startMs, endMs, kind), [query, startMs, endMs, kind]);

  // One query for all the lines (rather than one each): they are drawn together, and
  // useQueries' observer would add ~1 kB gzip to the page's first load.
  const lines = useQuery({
    ...rangeQueries(
      plan?.lines.map((line) => line.query) ?? [],
      plan?.startSec ?? 0,
      plan?.endSec ?? 0,
      plan?.stepSec ?? 1,
    ),
    enabled: Boolean(plan),
  });
  const buckets = useQuery({
    ...rangeQuery(plan?.bucketRates ?? "", plan?.startSec ?? 0, plan?.endSec ?? 0, plan?.stepSec ?? 1),
    enabled: Boolean(plan?.bucketRates),
  });
  const exemplars = useQuery({
    ...exemplarsQuery(plan?.exemplars ?? "", plan?.exemplarsStartSec ?? 0, plan?.exemplarsEndSec ?? 0),
    enabled: Boolean(plan),
  });

  const lineData = lines.data;
  const chart = useMemo(() => {
    if (!plan || !lineData) return undefined;
    return mergeLines(plan.lines.map((line, i) => ({ label: line.label, data: lineData[i]! })));
  }, [plan, lineData]);
  const points = useMemo(() => (exemplars.data ? exemplarPoints(exemplars.data) : []), [exemplars.data]);
  const warnings = useMemo(
    () => backendWarnings([...(lineData ?? []), buckets.data, exemplars.data]),
    [lineData, buckets.data, exemplars.data],
  );

  return {
    plan,
    chart,
    lineError: lines.error,
    refetchLines: () => void lines.refetch(),
    /** Asks again for everything the view draws, even what the cache holds. */
    refetchAll: () => {
      if (!plan) return;
      void lines.refetch();
      void exemplars.refetch();
      if (plan.bucketRates) void buckets.refetch();
    },
    // The heatmap and the list turn them into buckets: that code comes with theirs.
    bucketRates: buckets.data,
    bucketsError: buckets.error,
    points,
    exemplars,
    warnings,
  };
}

/** The warnings of every answer drawn, each once (the same store down warns in every answer). */
export function backendWarnings(answers: readonly ({ warnings?: string[] } | undefined)[]): string[] {
  return [...new Set(answers.flatMap((answer) => answer?.warnings ?? []))];
}
