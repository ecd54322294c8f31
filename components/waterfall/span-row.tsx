import { memo } from "react";
import type { Span } from "@/lib/model/trace";
import { formatDurationUs } from "@/lib/format/duration";
import { durationLabelPlace } from "@/lib/trace-view/bar-label";
import { ERROR_SPAN_COLOR } from "@/lib/trace-view/span-colors";

import { INDENT_PX, MAX_INDENT_LEVELS, ROW_COLUMNS, ROW_HEIGHT_PX, type TimeWindow } from "./row-layout";

interface Props {
  span: Span;
  /** The service's color (CSS). */
  color: string;
  spanIndex: number;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  selected: boolean;
  isMatch: boolean;
  onCriticalPath: boolean;
  criticalSections?: { startUs: number; endUs: number }[];
  showCritical: boolean;
  window: TimeWindow;
  top: number;
  rowNumber: number;
  rowCount: number;
  /** Absent in the server-rendered preview, which only shows. */
  onToggle?: (spanIndex: number) => void;
  onSelect?: (spanIndex: number) => void;
  /** This span is the first of a run of repeated siblings (sibling-runs.ts). */
  run?: { count: number; totalUs: number; folded: boolean };
  onToggleRun?: (spanIndex: number) => void;
}

/**
 * One span: tree column (indent, caret, service, name) and its bar on the time axis. Not a client
 * module of its own: the server renders the linked trace's preview rows with it (without
 * handlers) and ships no code for them; the waterfall's chunk brings it to the browser.
 */
export const SpanRow = memo(function SpanRow(props: Props) {
  const {
    span,
    color,
    spanIndex,
    depth,
    hasChildren,
    expanded,
    selected,
    isMatch,
    onCriticalPath,
    criticalSections,
    showCritical,
    window,
    top,
  } = props;
  const width = Math.max(window.endUs - window.startUs, 1);
  const toPercent = (us: number) => ((us - window.startUs) / width) * 100;
  const left = toPercent(span.startUs);
  const right = toPercent(span.startUs + span.durationUs);
  const barLeft = Math.max(left, 0);
  const barWidth = Math.max(Math.min(right, 100) - barLeft, 0.15);
  const visible = right >= 0 && left <= 100;
  const isError = span.status === "error";
  const label = durationLabelPlace(barLeft, barWidth);

  return (
    <div
      id={`span-row-${spanIndex}`}
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-selected={selected}
      aria-setsize={props.rowCount}
      aria-posinset={props.rowNumber + 1}
      aria-label={`${span.serviceName} ${span.name}, ${formatDurationUs(span.durationUs)}${isError ? ", error" : ""}${
        props.run?.folded
          ? `, first of ${props.run.count} calls, ${formatDurationUs(props.run.totalUs)} in all`
          : ""
      }`}
      data-span-id={span.spanId}
      onClick={props.onSelect ? () => props.onSelect!(spanIndex) : undefined}
      className={`absolute inset-x-0 grid cursor-default ${ROW_COLUMNS} items-center text-xs ${
        selected
          ? "bg-sky-100 dark:bg-sky-900/50"
          : isMatch
            ? "bg-amber-50 dark:bg-amber-900/20"
            : "hover:bg-zinc-50 dark:hover:bg-zinc-900"
      }`}
      style={{ top, height: ROW_HEIGHT_PX }}
    >
      <div
        className="flex min-w-0 items-center gap-1 pr-2"
        style={{ paddingLeft: Math.min(depth, MAX_INDENT_LEVELS) * INDENT_PX + 4 }}
      >
        {hasChildren ? (
          <button
            type="button"
            tabIndex={-1}
            aria-hidden
            onClick={
              props.onToggle
                ? (event) => {
                    event.stopPropagation();
                    props.onToggle!(spanIndex);
                  }
                : undefined
            }
            className="w-4 shrink-0 text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
          >
            {expanded ? "▾" : "▸"}
          </button>
        ) : (
          <span className="w-4 shrink-0" />
        )}
        <span className="h-3 w-1 shrink-0 rounded-sm" style={{ backgroundColor: color }} />
        <span className="truncate" title={`${span.serviceName} ${span.name}`}>
          <span className="text-zinc-500">{span.serviceName}</span>{" "}
          <span className={isError ? "font-medium text-red-600 dark:text-red-400" : ""}>{span.name}</span>
        </span>
        {props.run ? (
          <button
            type="button"
            tabIndex={-1}
            onClick={
              props.onToggleRun
                ? (event) => {
                    event.stopPropagation();
                    props.onToggleRun!(spanIndex);
                  }
                : undefined
            }
            title={
              props.run.folded
                ? `${props.run.count} calls of ${span.name}, ${formatDurationUs(props.run.totalUs)} in all: show each`
                : `Fold the ${props.run.count} calls into one row`
            }
            className="shrink-0 rounded bg-amber-100 px-1 text-[10px] font-semibold text-amber-900 dark:bg-amber-900/50 dark:text-amber-100"
          >
            {props.run.folded
              ? `× ${props.run.count} · ${formatDurationUs(props.run.totalUs)}`
              : `fold ${props.run.count}`}
          </button>
        ) : null}
        {depth > MAX_INDENT_LEVELS ? (
          <span className="shrink-0 text-[10px] text-zinc-400">L{depth + 1}</span>
        ) : null}
      </div>
      <div className="relative h-full overflow-hidden border-l border-zinc-200 dark:border-zinc-800">
        {visible ? (
          <>
            <div
              className={`absolute top-[7px] h-3 rounded-sm ${isError ? "ring-2 ring-red-600" : ""}`}
              style={{
                left: `${barLeft}%`,
                width: `${barWidth}%`,
                backgroundColor: isError ? ERROR_SPAN_COLOR : color,
                opacity: showCritical && !onCriticalPath ? 0.35 : 1,
              }}
            />
            {showCritical
              ? criticalSections?.map((section, i) => {
                  const from = Math.max(toPercent(section.startUs), 0);
                  const to = Math.min(toPercent(section.endUs), 100);
                  return to > from ? (
                    // A solid stripe through the bar, as Jaeger draws it: read at a glance.
                    <div
                      key={i}
                      title="On the critical path"
                      className="absolute top-[11px] h-1 rounded-full bg-zinc-950 dark:bg-white"
                      style={{ left: `${from}%`, width: `${Math.max(to - from, 0.3)}%` }}
                    />
                  ) : null;
                })
              : null}
            {span.events.map((event, i) => {
              const at = toPercent(event.timeUs);
              return at >= 0 && at <= 100 ? (
                <div
                  key={i}
                  title={event.name}
                  className={`absolute top-[4px] h-[18px] w-px ${event.name === "exception" ? "bg-red-700" : "bg-zinc-900 dark:bg-zinc-100"}`}
                  style={{ left: `${at}%` }}
                />
              ) : null;
            })}
            <span
              className={`absolute top-[5px] whitespace-nowrap px-1 text-[10px] tabular-nums ${
                label === "inside"
                  ? "rounded bg-zinc-950/60 font-medium text-white"
                  : "text-zinc-600 dark:text-zinc-400"
              }`}
              style={
                label === "right"
                  ? { left: `${barLeft + barWidth}%` }
                  : label === "inside"
                    ? { right: `${100 - Math.min(barLeft + barWidth, 100)}%` }
                    : { right: `${100 - barLeft}%` }
              }
            >
              {formatDurationUs(span.durationUs)}
            </span>
          </>
        ) : null}
      </div>
    </div>
  );
});
