import type { ReactNode } from "react";
import { formatDurationUs } from "@/lib/format/duration";
import { rulerTicks } from "@/lib/trace-view/ruler";
import { ROW_COLUMNS, type TimeWindow } from "./row-layout";

/** Offsets from the trace's start across the visible window, above the bars. */
export function TimeRuler({
  window,
  traceStartUs,
  nameHandle,
}: {
  window: TimeWindow;
  traceStartUs: number;
  /** The splitter between the name and bar columns, drawn on the column's edge. */
  nameHandle?: ReactNode;
}) {
  const span = window.endUs - window.startUs;
  const offset = window.startUs - traceStartUs;
  return (
    <div
      className={`grid ${ROW_COLUMNS} border-b border-zinc-200 text-[10px] text-zinc-500 dark:border-zinc-800`}
    >
      <span className="relative px-2 py-1">
        Service · operation
        {nameHandle}
      </span>
      <div className="relative h-6 border-l border-zinc-200 dark:border-zinc-800" aria-hidden>
        {rulerTicks(span).map((t) => {
          const at = t / span;
          // Labels are centred on their tick, except at the edges, where they would leave the panel.
          const align = at < 0.05 ? "" : at > 0.9 ? "-translate-x-full" : "-translate-x-1/2";
          return (
            <span
              key={t}
              className={`absolute top-1 whitespace-nowrap px-0.5 tabular-nums ${align}`}
              style={{ left: `${at * 100}%` }}
            >
              {formatDurationUs(offset + t)}
            </span>
          );
        })}
      </div>
    </div>
  );
}
