"use client";

import { useMemo } from "react";
import type { Trace } from "@/lib/model/trace";
import { type SpanFilter, filterSpans, intersectMasks, searchSpans } from "@/lib/trace-view/search";
import type { SpanTree } from "@/lib/trace-view/span-tree";
import { clipToParents, criticalPath } from "@/lib/trace-view/timing";
import { visibleRows } from "@/lib/trace-view/visible-rows";

export interface WaterfallViewState {
  collapsed: ReadonlySet<number>;
  search: string;
  filter: SpanFilter;
  /** Show only the critical path (and its ancestors, which it always contains). */
  criticalOnly: boolean;
  /** Repeated spans folded into their run's first (sibling-runs.ts); ignored while filtering. */
  folded?: Uint8Array;
}

/**
 * Everything the waterfall derives from a trace, each part recomputed only when its inputs
 * change: the tree and critical path once per trace; matches per keystroke; rows per toggle.
 */
export function useWaterfallModel(trace: Trace, tree: SpanTree, view: WaterfallViewState) {
  const critical = useMemo(() => criticalPath(trace, tree, clipToParents(trace, tree)), [trace, tree]);
  const searchMask = useMemo(() => searchSpans(trace, view.search), [trace, view.search]);
  const filterMask = useMemo(() => filterSpans(trace, view.filter), [trace, view.filter]);
  const rows = useMemo(() => {
    const mask = intersectMasks(filterMask, view.criticalOnly ? critical.onPath : undefined);
    // A filter shows exactly the spans it matches, and a search steps through every match: no
    // folding then.
    const fold = mask || searchMask ? undefined : view.folded;
    return visibleRows(tree, view.collapsed, mask, fold);
  }, [tree, view.collapsed, filterMask, view.criticalOnly, critical.onPath, view.folded, searchMask]);
  /** Search matches among the visible rows, in row order, for next/previous. */
  const matchRows = useMemo(() => {
    if (!searchMask) return [];
    const out: number[] = [];
    rows.forEach((spanIndex, row) => {
      if (searchMask[spanIndex]) out.push(row);
    });
    return out;
  }, [rows, searchMask]);
  const matchCount = useMemo(() => (searchMask ? searchMask.reduce((n, v) => n + v, 0) : 0), [searchMask]);
  const errorCount = useMemo(
    () => trace.spans.reduce((n, s) => n + (s.status === "error" ? 1 : 0), 0),
    [trace],
  );
  /** Critical sections per span, for drawing them on the bars. */
  const criticalByIndex = useMemo(() => {
    const map = new Map<number, { startUs: number; endUs: number }[]>();
    for (const s of critical.sections) {
      const list = map.get(s.index);
      if (list) list.push(s);
      else map.set(s.index, [s]);
    }
    return map;
  }, [critical]);
  const allOnCriticalPath = useMemo(() => critical.onPath.every((on) => on === 1), [critical]);
  return {
    critical,
    criticalByIndex,
    searchMask,
    rows,
    matchRows,
    matchCount,
    errorCount,
    allOnCriticalPath,
  };
}

export type WaterfallModel = ReturnType<typeof useWaterfallModel>;
