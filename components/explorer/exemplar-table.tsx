"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, memo, useEffect, useMemo, useRef, useState } from "react";
import { bucketGrid, bucketIndexOf, bucketLabel, leLabel } from "@/lib/explore/buckets";
import { type ExemplarPoint } from "@/lib/explore/chart-data";
import { formatDurationSec } from "@/lib/format/duration";
import type { Region } from "@/lib/explore/exemplar-groups";
import type { MatrixData } from "@/lib/model/metrics";
import { formatTimeOfDay, zoneLabel } from "@/lib/format/time";
import { useTimeZone } from "../time-zone";
import {
  type ExemplarSort,
  listKeyTarget,
  varyingLabelNames,
  visibleExemplars,
} from "@/lib/explore/exemplar-table";

interface Props {
  points: ExemplarPoint[];
  /** The bucket rates of the range: their buckets are the list's bucket filter. */
  bucketRates?: MatrixData;
  bucket?: number;
  region?: Region | null;
  sort: ExemplarSort;
  selectedTraceId?: string | null;
  onSort: (sort: ExemplarSort) => void;
  onBucket: (bucket: number | undefined) => void;
  onClearRegion: () => void;
  onSelect: (point: ExemplarPoint) => void;
}

const NO_BOUNDS: number[] = [];
const ROW_PX = 30;
/** Rows PageUp and PageDown move: about what the list's height shows. */
const PAGE_ROWS = 9;

/** Every exemplar in a virtualized list: slowest first, sortable, filterable by bucket and region. */
export const ExemplarTable = memo(function ExemplarTable(props: Props) {
  const {
    points,
    bucketRates,
    bucket,
    region,
    sort,
    selectedTraceId,
    onSort,
    onBucket,
    onClearRegion,
    onSelect,
  } = props;
  const bounds = useMemo(() => (bucketRates ? bucketGrid(bucketRates).bounds : NO_BOUNDS), [bucketRates]);
  const rows = useMemo(
    () => visibleExemplars(points, { bounds, bucket, region, sort }),
    [points, bounds, bucket, region, sort],
  );
  const labelNames = useMemo(() => varyingLabelNames(points), [points]);
  const zone = useTimeZone();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders the table itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
  });
  // One Tab stop for the whole list (the row last focused, else the open trace's, else the
  // first); the arrows, PageUp/PageDown and Home/End move between rows, Enter opens one.
  const [focusedIndex, setFocusedIndex] = useState<number>();
  const selectedIndex = useMemo(
    () => (selectedTraceId ? rows.findIndex((p) => p.traceId === selectedTraceId) : -1),
    [rows, selectedTraceId],
  );
  const current = Math.min(focusedIndex ?? Math.max(selectedIndex, 0), rows.length - 1);
  const rendered = virtualizer.getVirtualItems();
  // A virtualized row may not exist: then the first one drawn takes the Tab stop.
  const tabStop = rendered.some((item) => item.index === current) ? current : rendered[0]?.index;
  const pendingFocus = useRef<number>(undefined);
  useEffect(() => {
    if (pendingFocus.current === undefined) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${pendingFocus.current}"]`);
    if (!row) return;
    pendingFocus.current = undefined;
    row.focus();
  });
  const onRowsKeyDown = (event: KeyboardEvent) => {
    const target = listKeyTarget(event.key, current, rows.length, PAGE_ROWS);
    if (target === undefined) return;
    event.preventDefault();
    setFocusedIndex(target);
    pendingFocus.current = target;
    virtualizer.scrollToIndex(target, { align: "auto" });
  };

  return (
    <section aria-label="Exemplars" className="rounded-md border border-zinc-200 dark:border-zinc-800">
      <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 text-xs dark:border-zinc-800">
        <h2 className="text-sm font-semibold">
          {rows.length.toLocaleString()}{" "}
          {rows.length === points.length ? "exemplars" : `of ${points.length.toLocaleString()} exemplars`}
        </h2>
        <label className="ml-auto flex items-center gap-1">
          <span className="text-zinc-500">Bucket</span>
          <select
            value={bucket ?? ""}
            onChange={(e) => onBucket(e.target.value === "" ? undefined : Number(e.target.value))}
            className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700"
          >
            <option value="">all</option>
            {bounds.map((_, i) => (
              <option key={i} value={i}>
                {bucketLabel(bounds, i, formatDurationSec)}
              </option>
            ))}
          </select>
        </label>
        {region ? (
          <button
            type="button"
            onClick={onClearRegion}
            className="rounded bg-sky-100 px-2 py-0.5 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100"
          >
            In selection ({formatDurationSec(Math.min(region.minValue, region.maxValue))}–
            {formatDurationSec(Math.max(region.minValue, region.maxValue))}) ✕
          </button>
        ) : null}
      </header>
      <div role="table" aria-label="Exemplars" aria-rowcount={rows.length + 1} className="text-xs">
        <div role="rowgroup">
          <div
            role="row"
            className="grid grid-cols-[4.5rem_5.5rem_minmax(0,1fr)] sm:grid-cols-[5rem_6rem_5rem_minmax(0,1fr)_minmax(0,1.4fr)] gap-2 border-b border-zinc-200 px-3 py-1 text-zinc-500 dark:border-zinc-800"
          >
            <SortHeader label="Latency" active={sort === "value"} onClick={() => onSort("value")} />
            <SortHeader
              label={`Time (${zoneLabel(points[0]?.timeMs ?? 0, zone)})`}
              active={sort === "time"}
              onClick={() => onSort("time")}
            />
            <span role="columnheader" className="max-sm:hidden">
              Bucket
            </span>
            <span role="columnheader">{labelNames.length ? labelNames.join(", ") : "Series"}</span>
            <span role="columnheader" className="max-sm:hidden">
              Trace
            </span>
          </div>
        </div>
        <div
          ref={scrollRef}
          role="rowgroup"
          className="h-72 overflow-auto"
          data-testid="exemplar-rows"
          onKeyDown={onRowsKeyDown}
        >
          {rows.length === 0 ? (
            <p className="p-3 text-zinc-500">No exemplars match these filters.</p>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
              {virtualizer.getVirtualItems().map((item) => {
                const p = rows[item.index]!;
                const selected = p.traceId === selectedTraceId;
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 2}
                    aria-selected={selected}
                    className="absolute inset-x-0"
                    style={{ top: item.start, height: ROW_PX }}
                  >
                    <button
                      type="button"
                      onClick={() => onSelect(p)}
                      onFocus={() => setFocusedIndex(item.index)}
                      tabIndex={item.index === tabStop ? 0 : -1}
                      data-row-index={item.index}
                      data-trace-id={p.traceId}
                      aria-label={`Open trace ${p.traceId} (${formatDurationSec(p.value)})`}
                      className={`grid h-full w-full grid-cols-[4.5rem_5.5rem_minmax(0,1fr)] sm:grid-cols-[5rem_6rem_5rem_minmax(0,1fr)_minmax(0,1.4fr)] items-center gap-2 px-3 text-left ${selected ? "bg-sky-100 dark:bg-sky-900/50" : "hover:bg-zinc-100 dark:hover:bg-zinc-900"}`}
                    >
                      <span role="cell" className="font-semibold tabular-nums">
                        {formatDurationSec(p.value)}
                      </span>
                      <span role="cell" className="tabular-nums text-zinc-500">
                        {formatTimeOfDay(p.timeMs, zone)}
                      </span>
                      <span role="cell" className="text-zinc-500 max-sm:hidden">
                        {bounds.length
                          ? bucketLabel(bounds, bucketIndexOf(p.value, bounds), formatDurationSec)
                          : leLabel(p.seriesLabels.le, formatDurationSec)}
                      </span>
                      <span role="cell" className="truncate text-zinc-600 dark:text-zinc-400">
                        {labelNames.length
                          ? labelNames.map((n) => p.seriesLabels[n] ?? "—").join(" · ")
                          : (p.seriesLabels.job ?? "")}
                      </span>
                      <span role="cell" className="truncate font-mono text-zinc-500 max-sm:hidden">
                        {p.traceId}
                      </span>
                    </button>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </section>
  );
});

function SortHeader({ label, active, onClick }: { label: string; active: boolean; onClick: () => void }) {
  return (
    <span role="columnheader" aria-sort={active ? "descending" : "none"}>
      <button
        type="button"
        onClick={onClick}
        className={active ? "font-semibold text-zinc-900 dark:text-zinc-100" : ""}
      >
        {label} {active ? "↓" : ""}
      </button>
    </span>
  );
}
