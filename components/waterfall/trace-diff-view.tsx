"use client";

import { useQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { traceQuery } from "@/lib/client/queries";
import { typicalPartner, typicalPartners } from "@/lib/compare/cohorts";
import { type DiffRow, diffTraces, differingRows } from "@/lib/compare/trace-diff";
import type { ExemplarPoint } from "@/lib/explore/chart-data";
import { AppError } from "@/lib/errors";
import { formatDurationUs } from "@/lib/format/duration";
import { normalizeTraceId } from "@/lib/model/ids";
import type { Trace } from "@/lib/model/trace";
import { Problem } from "../problem";
import { RetryButton } from "../retry-button";

const ROW_PX = 26;

interface Props {
  trace: Trace;
  /** The trace to hold it against (`compare` in the URL), if one is chosen. */
  otherTraceId?: string | null;
  /** The chart's exemplars: the one nearest its series' median is offered as the other trace. */
  exemplars?: readonly ExemplarPoint[];
  onCompare: (traceId: string | null) => void;
  onShowSpan: (spanId: string) => void;
}

/** The open trace against another, aligned by path of (service, operation). */
export function TraceDiffView(props: Props) {
  if (!props.otherTraceId) return <ChooseOther {...props} />;
  return <TraceDiff {...props} otherTraceId={props.otherTraceId} />;
}

function ChooseOther({ trace, exemplars, onCompare }: Props) {
  const typicalTraceId = useMemo(
    () => (exemplars ? typicalPartner(exemplars, trace.traceId)?.traceId : undefined),
    [exemplars, trace.traceId],
  );
  const [text, setText] = useState("");
  const [invalid, setInvalid] = useState(false);
  return (
    <div className="space-y-3 p-3 text-xs">
      <p className="text-zinc-600 dark:text-zinc-400">
        Hold this trace against another: the spans of both, aligned by their path of service and operation,
        with the calls and time each spent there.
      </p>
      {typicalTraceId ? (
        <button
          type="button"
          onClick={() => onCompare(typicalTraceId)}
          className="rounded bg-sky-600 px-2 py-1 font-semibold text-white hover:bg-sky-700"
        >
          Compare with a typical request
        </button>
      ) : (
        <p className="text-zinc-500">
          No typical request to offer: this trace is not among the chart&apos;s exemplars. Paste a trace ID.
        </p>
      )}
      <form
        className="flex items-center gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const id = normalizeTraceId(text.trim());
          setInvalid(!id || id === trace.traceId);
          if (id && id !== trace.traceId) onCompare(id);
        }}
      >
        <label htmlFor="compare-trace-id">Other trace ID</label>
        <input
          id="compare-trace-id"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={invalid}
          placeholder="1–32 hex digits"
          className="w-72 rounded border border-zinc-300 bg-transparent px-2 py-0.5 font-mono dark:border-zinc-700"
        />
        <button type="submit" className="rounded border border-current px-2 py-0.5">
          Compare
        </button>
      </form>
      {invalid ? (
        <p role="alert" className="text-red-700 dark:text-red-400">
          A trace ID is 1 to 32 hexadecimal digits, and another trace than this one.
        </p>
      ) : null}
    </div>
  );
}

function TraceDiff({
  trace,
  otherTraceId,
  exemplars,
  onCompare,
  onShowSpan,
}: Props & { otherTraceId: string }) {
  const other = useQuery(traceQuery(otherTraceId));
  // Held against the whole of the other trace only, not its first rows while the rest arrives.
  const otherTrace = other.data?.arriving ? undefined : other.data;
  // When the other trace was a typical pick that the store no longer has, offer the next one.
  const nextTypical = useMemo(() => {
    const partners = exemplars ? typicalPartners(exemplars, trace.traceId) : [];
    const at = partners.findIndex((p) => p.traceId === otherTraceId);
    return at >= 0 ? partners[at + 1]?.traceId : undefined;
  }, [exemplars, trace.traceId, otherTraceId]);
  const [onlyDifferences, setOnlyDifferences] = useState(true);
  const rows = useMemo(() => {
    if (!otherTrace) return [];
    const startMs = performance.now();
    const aligned = diffTraces(trace, otherTrace);
    // For the benchmarks (bench/): what aligning the two traces cost the main thread.
    performance.measure("trace-diff:aligned", { start: startMs });
    return aligned;
  }, [trace, otherTrace]);
  const shown = useMemo(() => (onlyDifferences ? differingRows(rows) : rows), [rows, onlyDifferences]);
  const summary = useMemo(() => summarize(rows), [rows]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders the rows itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 16,
  });

  const header = (
    <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 text-xs dark:border-zinc-800">
      <span>
        This trace vs <code className="font-mono">{otherTraceId.slice(0, 12)}…</code>
      </span>
      {otherTrace ? (
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={onlyDifferences}
            onChange={(e) => setOnlyDifferences(e.target.checked)}
          />
          Only differences
        </label>
      ) : null}
      <button
        type="button"
        onClick={() => onCompare(null)}
        className="ml-auto rounded border border-current px-2 py-0.5"
      >
        Compare with another
      </button>
    </div>
  );
  if (other.error) {
    const missing = other.error instanceof AppError && other.error.code === "trace_not_found";
    return (
      <>
        {header}
        <div className="p-3">
          <Problem
            title={
              missing ? "The other trace is not in the trace store" : "The other trace could not be loaded"
            }
            tone={missing ? "info" : "error"}
            action={
              !missing ? (
                <RetryButton onClick={() => void other.refetch()} />
              ) : nextTypical ? (
                <button
                  type="button"
                  onClick={() => onCompare(nextTypical)}
                  className="rounded border border-current px-3 py-1 text-sm"
                >
                  Try the next typical request
                </button>
              ) : undefined
            }
          >
            <p>
              {missing ? "It was sampled out or has expired; compare with another." : other.error.message}
            </p>
          </Problem>
        </div>
      </>
    );
  }
  if (!otherTrace) {
    return (
      <>
        {header}
        <p className="animate-pulse p-3 text-sm text-zinc-500">Loading the other trace…</p>
      </>
    );
  }
  return (
    <>
      {header}
      <p className="border-b border-zinc-200 px-3 py-1.5 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        This trace {formatDurationUs(trace.durationUs)}, the other {formatDurationUs(otherTrace.durationUs)}.{" "}
        {summary} Figures read this · other.
      </p>
      <div
        role="table"
        aria-label="Trace comparison"
        aria-rowcount={shown.length + 1}
        className="flex min-h-0 flex-1 flex-col text-xs"
      >
        <div
          role="row"
          className={`${GRID} border-b border-zinc-200 px-3 py-1 text-zinc-500 dark:border-zinc-800`}
        >
          <span role="columnheader">Service · operation (path)</span>
          <span role="columnheader" className="text-right" title="Calls: this trace · the other">
            Calls
          </span>
          <span role="columnheader" className="text-right" title="Time: this trace · the other">
            Time
          </span>
          <span role="columnheader" className="text-right">
            Difference
          </span>
        </div>
        <div ref={scrollRef} className="min-h-48 flex-1 overflow-auto" data-testid="diff-rows">
          {shown.length === 0 ? (
            <p className="p-3 text-zinc-500">The two traces do the same work: no path differs.</p>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
              {virtualizer.getVirtualItems().map((item) => (
                <DiffLine
                  key={item.key}
                  row={shown[item.index]!}
                  top={item.start}
                  rowIndex={item.index + 2}
                  onShowSpan={onShowSpan}
                />
              ))}
            </div>
          )}
        </div>
      </div>
    </>
  );
}

const GRID = "grid grid-cols-[minmax(0,1fr)_3.5rem_8.5rem_4.5rem] items-center gap-2 whitespace-nowrap";

function DiffLine(props: {
  row: DiffRow;
  top: number;
  rowIndex: number;
  onShowSpan: (spanId: string) => void;
}) {
  const { row, top, rowIndex, onShowSpan } = props;
  // Amber: more here (or only here) in the open trace; sky: less (or only in the other).
  const tone =
    row.presence === "a" || (row.presence === "both" && row.deltaUs > 0)
      ? "text-amber-700 dark:text-amber-400"
      : "text-sky-700 dark:text-sky-400";
  const name = (
    <>
      <span className="text-zinc-500">{row.service}</span> {row.operation}
      {row.presence === "a" ? <span className={`ml-1 ${tone}`}>(only here)</span> : null}
      {row.presence === "b" ? <span className={`ml-1 ${tone}`}>(only in the other)</span> : null}
    </>
  );
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      className={`${GRID} absolute inset-x-0 px-3 hover:bg-zinc-50 dark:hover:bg-zinc-900`}
      style={{ top, height: ROW_PX }}
    >
      <span
        role="cell"
        className="truncate"
        title={`${row.service} ${row.operation}`}
        style={{ paddingLeft: `${Math.min(row.depth, 24) * 0.5}rem` }}
      >
        {row.a.spanId ? (
          <button
            type="button"
            className="max-w-full truncate text-left hover:underline"
            onClick={() => onShowSpan(row.a.spanId!)}
          >
            {name}
          </button>
        ) : (
          name
        )}
      </span>
      <span role="cell" className="text-right tabular-nums">
        <span className={row.a.calls !== row.b.calls ? "font-semibold" : ""}>{row.a.calls}</span>
        <span className="text-zinc-500"> · {row.b.calls}</span>
      </span>
      <span role="cell" className="text-right tabular-nums">
        {row.a.calls ? formatDurationUs(row.a.totalUs) : "–"}
        <span className="text-zinc-500"> · {row.b.calls ? formatDurationUs(row.b.totalUs) : "–"}</span>
      </span>
      <span role="cell" className={`text-right tabular-nums ${row.deltaUs === 0 ? "text-zinc-400" : tone}`}>
        {row.deltaUs > 0 ? "+" : ""}
        {formatDurationUs(row.deltaUs)}
      </span>
    </div>
  );
}

function summarize(rows: readonly DiffRow[]): string {
  const onlyHere = rows.filter((r) => r.presence === "a").length;
  const onlyThere = rows.filter((r) => r.presence === "b").length;
  const callChanges = rows.filter((r) => r.presence === "both" && r.a.calls !== r.b.calls).length;
  return `${onlyHere} paths only in this trace, ${onlyThere} only in the other, ${callChanges} called a different number of times.`;
}
