"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { type CSSProperties, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Trace } from "@/lib/model/trace";
import type { SpanFilter } from "@/lib/trace-view/search";
import { ancestorsOf, buildSpanTree } from "@/lib/trace-view/span-tree";
import { foldedMembers, siblingRuns } from "@/lib/trace-view/sibling-runs";
import { selfTimeUs } from "@/lib/trace-view/timing";
import { treeKeyAction } from "@/lib/trace-view/tree-keys";
import { Minimap } from "./minimap";
import { SpanDetails } from "./span-details";
import { ROW_HEIGHT_PX, type TimeWindow } from "./row-layout";
import { ResizeHandle } from "../resize-handle";
import { usePersistentSetting } from "@/lib/client/persistent-setting";
import { useServiceColor } from "./service-colors-context";
import { SpanRow } from "./span-row";
import { TimeRuler } from "./time-ruler";
import { useWaterfallModel } from "./use-waterfall-model";
import { WaterfallToolbar } from "./waterfall-toolbar";

interface Props {
  trace: Trace;
  selectedSpanId?: string | null;
  onSelectSpan: (spanId: string) => void;
  onOpenTrace: (traceId: string, spanId: string) => void;
}

const NO_COLLAPSED: ReadonlySet<number> = new Set();
const MIN_NAME_COLUMN_PX = 120;
const MAX_NAME_COLUMN_PX = 900;

/**
 * The trace as a tree of rows with bars on a shared time axis. Rows are virtualized (only the
 * visible ones are in the DOM); all layout is precomputed by pure functions in lib/trace-view.
 */
export function Waterfall({ trace, selectedSpanId, onSelectSpan, onOpenTrace }: Props) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(NO_COLLAPSED);
  const [search, setSearch] = useState("");
  const [filter, setFilter] = useState<SpanFilter>({});
  const [showCritical, setShowCritical] = useState(true);
  const [criticalOnly, setCriticalOnly] = useState(false);
  const [window, setWindow] = useState<TimeWindow>({
    startUs: trace.startUs,
    endUs: trace.startUs + trace.durationUs,
  });
  const [matchPosition, setMatchPosition] = useState(0);
  const tree = useMemo(() => buildSpanTree(trace), [trace]);
  const colorOf = useServiceColor();
  // The span name column's width, dragged by the person and remembered; 0 means "not chosen" (40 %).
  const [nameWidth, setNameWidth] = usePersistentSetting<number>("name-column-width", 0);
  // Span details under the rows (the default) or beside them, so they do not take the rows' height.
  const [detailsPlace, setDetailsPlace] = usePersistentSetting<"below" | "beside">("span-details", "below");
  const detailsBeside = detailsPlace === "beside";
  const selectedIndex = selectedSpanId ? (tree.indexOf.get(selectedSpanId) ?? -1) : -1;
  // The selected span is always shown: its ancestors count as expanded whatever was collapsed.
  const openCollapsed = useMemo(() => {
    const hidden = selectedIndex < 0 ? [] : ancestorsOf(tree, selectedIndex).filter((a) => collapsed.has(a));
    if (hidden.length === 0) return collapsed;
    const next = new Set(collapsed);
    for (const a of hidden) next.delete(a);
    return next;
  }, [collapsed, selectedIndex, tree]);
  const runs = useMemo(() => siblingRuns(trace, tree), [trace, tree]);
  const [unfolded, setUnfolded] = useState<ReadonlySet<number>>(NO_COLLAPSED);
  const folded = useMemo(
    () => foldedMembers(trace.spans.length, runs, unfolded, selectedIndex),
    [trace, runs, unfolded, selectedIndex],
  );
  const toggleRun = useCallback(
    (first: number) => {
      const next = new Set(unfolded);
      if (!next.delete(first)) next.add(first);
      setUnfolded(next);
    },
    [unfolded],
  );
  const model = useWaterfallModel(trace, tree, {
    collapsed: openCollapsed,
    search,
    filter,
    criticalOnly,
    folded,
  });
  const { rows } = model;
  const selectedRow = useMemo(
    () => (selectedIndex < 0 ? -1 : rows.indexOf(selectedIndex)),
    [rows, selectedIndex],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders the rows itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT_PX,
    overscan: 16,
  });

  useEffect(() => {
    if (selectedRow >= 0) virtualizer.scrollToIndex(selectedRow, { align: "auto" });
  }, [selectedRow, virtualizer]);

  // For the benchmarks: the moment the first rows of a newly opened trace are on screen.
  useEffect(() => {
    let frame = 0;
    const check = (attempt: number) => {
      if (scrollRef.current?.querySelector("[role=treeitem]")) performance.mark("waterfall:interactive");
      else if (attempt < 120) frame = requestAnimationFrame(() => check(attempt + 1));
    };
    frame = requestAnimationFrame(() => check(0));
    return () => cancelAnimationFrame(frame);
  }, [trace]);

  const selectIndex = useCallback(
    (index: number) => onSelectSpan(trace.spans[index]!.spanId),
    [onSelectSpan, trace],
  );
  const toggle = useCallback(
    (index: number) => {
      const collapsing = !openCollapsed.has(index);
      // Collapsing around the selection moves the selection up to the collapsed span.
      if (collapsing && selectedIndex >= 0 && ancestorsOf(tree, selectedIndex).includes(index))
        selectIndex(index);
      const next = new Set(openCollapsed);
      if (collapsing) next.add(index);
      else next.delete(index);
      setCollapsed(next);
    },
    [openCollapsed, selectedIndex, tree, selectIndex],
  );

  const goToMatch = (direction: 1 | -1) => {
    if (model.matchRows.length === 0) return;
    const next = (matchPosition + direction + model.matchRows.length) % model.matchRows.length;
    setMatchPosition(next);
    selectIndex(rows[model.matchRows[next]!]!);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const action = treeKeyAction(event.key, { tree, rows, selectedRow, collapsed: openCollapsed });
    if (!action) return;
    event.preventDefault();
    if (action.kind === "select") selectIndex(action.spanIndex);
    else if (action.kind === "toggle") toggle(action.spanIndex);
    else document.getElementById("span-details-heading")?.focus();
  };

  const selectedSpan = selectedIndex >= 0 ? trace.spans[selectedIndex] : undefined;
  /** A row that stands for a run of repeats: how many, how long in all, and whether folded. */
  const runOf = (index: number) => {
    const run = runs.get(index);
    if (!run) return undefined;
    return { count: run.members.length, totalUs: run.totalUs, folded: Boolean(folded?.[run.members[1]!]) };
  };

  return (
    <div
      data-waterfall
      className="flex min-h-0 flex-1 flex-col"
      style={nameWidth ? ({ "--name-col": `${nameWidth}px` } as CSSProperties) : undefined}
      onKeyDown={(event) => {
        if (event.key === "/" && document.activeElement !== searchRef.current) {
          event.preventDefault();
          searchRef.current?.focus();
        }
      }}
    >
      <WaterfallToolbar
        searchRef={searchRef}
        search={search}
        onSearch={(text) => {
          setSearch(text);
          setMatchPosition(0);
        }}
        matchCount={model.matchCount}
        matchPosition={matchPosition}
        onNextMatch={goToMatch}
        services={trace.services}
        filter={filter}
        onFilter={setFilter}
        showCritical={showCritical}
        onShowCritical={setShowCritical}
        criticalOnly={criticalOnly}
        onCriticalOnly={setCriticalOnly}
        allOnCriticalPath={model.allOnCriticalPath}
        onExpandAll={() => setCollapsed(NO_COLLAPSED)}
        onCollapseAll={() => {
          const next = new Set(
            tree.roots.flatMap((r) => tree.children[r]!).filter((i) => tree.children[i]!.length > 0),
          );
          // A selection inside a collapsed subtree would hold it open: it moves up to the
          // outermost collapsed span above it, as collapsing one subtree does.
          if (selectedIndex >= 0) {
            const outermost = ancestorsOf(tree, selectedIndex).findLast((a) => next.has(a));
            if (outermost !== undefined) selectIndex(outermost);
          }
          setCollapsed(next);
        }}
      />
      <Minimap trace={trace} tree={tree} window={window} onWindow={setWindow} />
      <div className={`flex min-h-0 flex-1 ${detailsBeside ? "flex-row max-md:flex-col" : "flex-col"}`}>
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <TimeRuler
            window={window}
            traceStartUs={trace.startUs}
            nameHandle={
              <ResizeHandle
                label="Width of the span name column"
                value={nameWidth}
                min={MIN_NAME_COLUMN_PX}
                max={MAX_NAME_COLUMN_PX}
                valueAt={(x, handle) => x - handle.closest("[data-waterfall]")!.getBoundingClientRect().left}
                onChange={setNameWidth}
                className="absolute inset-y-0 -right-1 z-10 w-2 max-md:hidden"
              />
            }
          />
          <div
            ref={scrollRef}
            role="tree"
            aria-label="Trace waterfall"
            aria-activedescendant={
              selectedIndex >= 0 && selectedRow >= 0 ? `span-row-${selectedIndex}` : undefined
            }
            tabIndex={0}
            onKeyDown={onKeyDown}
            className="relative min-h-48 flex-1 overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
            data-testid="waterfall-rows"
          >
            {rows.length === 0 ? (
              <p className="p-3 text-xs text-zinc-500">No span matches these filters.</p>
            ) : (
              <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
                {virtualizer.getVirtualItems().map((item) => {
                  const index = rows[item.index]!;
                  return (
                    <SpanRow
                      key={index}
                      span={trace.spans[index]!}
                      color={colorOf(trace.spans[index]!.serviceName)}
                      spanIndex={index}
                      depth={tree.depth[index]!}
                      hasChildren={tree.children[index]!.length > 0}
                      expanded={!openCollapsed.has(index)}
                      selected={index === selectedIndex}
                      isMatch={Boolean(model.searchMask?.[index])}
                      onCriticalPath={model.critical.onPath[index] === 1}
                      criticalSections={model.criticalByIndex.get(index)}
                      showCritical={showCritical}
                      window={window}
                      top={item.start}
                      rowNumber={item.index}
                      rowCount={rows.length}
                      onToggle={toggle}
                      onSelect={selectIndex}
                      run={runOf(index)}
                      onToggleRun={toggleRun}
                    />
                  );
                })}
              </div>
            )}
          </div>
        </div>
        {selectedSpan ? (
          <div
            className={`relative overflow-auto border-zinc-200 dark:border-zinc-800 ${
              detailsBeside
                ? "w-80 shrink-0 border-l max-md:max-h-[45%] max-md:w-auto max-md:border-l-0 max-md:border-t"
                : "max-h-[45%] min-h-32 border-t"
            }`}
          >
            <button
              type="button"
              onClick={() => setDetailsPlace(detailsBeside ? "below" : "beside")}
              className="absolute right-2 top-2 rounded border border-zinc-300 px-1.5 text-[10px] text-zinc-500 max-md:hidden dark:border-zinc-700"
              title={detailsBeside ? "Show span details below the rows" : "Show span details beside the rows"}
            >
              {detailsBeside ? "Details below" : "Details beside"}
            </button>
            <SpanDetails
              trace={trace}
              span={selectedSpan}
              selfTimeUs={selfTimeUs(trace, tree, selectedIndex)}
              onCriticalPath={model.critical.onPath[selectedIndex] === 1}
              onOpenLink={onOpenTrace}
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}
