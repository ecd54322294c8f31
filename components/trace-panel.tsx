"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { AppError } from "@/lib/errors";
import { formatSeconds } from "@/lib/explore/chart-data";
import { traceQuery } from "@/lib/client/queries";
import { spanRows } from "@/lib/trace-view/span-rows";
import { Problem } from "./problem";

interface Props {
  traceId: string;
  selectedSpanId?: string | null;
  onSelectSpan: (spanId: string) => void;
  onClose: () => void;
}

/**
 * The trace behind an exemplar, beside the chart: a compact list of spans in tree order with
 * their bars on the trace's time axis, the exemplar's span selected and scrolled into view.
 */
export function TracePanel({ traceId, selectedSpanId, onSelectSpan, onClose }: Props) {
  const { data: trace, error, isPending, refetch } = useQuery(traceQuery(traceId));
  const rows = useMemo(() => (trace ? spanRows(trace) : []), [trace]);
  const selectedRef = useRef<HTMLLIElement>(null);
  useEffect(() => selectedRef.current?.scrollIntoView({ block: "nearest" }), [trace, selectedSpanId]);

  return (
    <section
      aria-label="Trace"
      className="flex min-h-0 flex-col rounded-md border border-zinc-200 dark:border-zinc-800"
    >
      <header className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">Trace</h2>
        <code className="truncate font-mono text-xs text-zinc-500" title={traceId}>
          {traceId}
        </code>
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
          aria-label="Close trace"
        >
          ✕
        </button>
      </header>
      <div className="min-h-0 flex-1 overflow-auto p-3">
        {isPending ? (
          <p className="animate-pulse text-sm text-zinc-500">Loading trace…</p>
        ) : error ? (
          <TraceError error={error} retry={() => void refetch()} />
        ) : trace ? (
          <>
            <p className="mb-2 text-xs text-zinc-500">
              {trace.spans.length} spans · {trace.services.length} services ·{" "}
              {formatSeconds(trace.durationUs / 1e6)}
            </p>
            {trace.warnings.length > 0 ? (
              <ul className="mb-2 list-inside list-disc text-xs text-amber-700 dark:text-amber-400">
                {trace.warnings.slice(0, 5).map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            ) : null}
            <ul role="list" className="space-y-px text-xs" data-testid="span-list">
              {rows.map(({ span, depth }) => {
                const selected = span.spanId === selectedSpanId;
                const left = ((span.startUs - trace.startUs) / Math.max(trace.durationUs, 1)) * 100;
                const width = Math.max((span.durationUs / Math.max(trace.durationUs, 1)) * 100, 0.3);
                return (
                  <li key={`${span.spanId}-${span.startUs}`} ref={selected ? selectedRef : undefined}>
                    <button
                      type="button"
                      aria-current={selected ? "true" : undefined}
                      onClick={() => onSelectSpan(span.spanId)}
                      className={`grid w-full grid-cols-[minmax(0,1fr)_40%] items-center gap-2 rounded px-1 py-0.5 text-left ${selected ? "bg-sky-100 dark:bg-sky-900/50" : "hover:bg-zinc-100 dark:hover:bg-zinc-900"}`}
                    >
                      <span className="truncate" style={{ paddingLeft: `${Math.min(depth, 20) * 10}px` }}>
                        <span className="text-zinc-500">{span.serviceName}</span> {span.name}
                        {span.status === "error" ? (
                          <span className="ml-1 font-semibold text-red-600">error</span>
                        ) : null}
                      </span>
                      <span className="relative h-3">
                        <span
                          className={`absolute top-0 h-3 rounded-sm ${span.status === "error" ? "bg-red-500" : "bg-sky-500"}`}
                          style={{ left: `${left}%`, width: `${width}%` }}
                        />
                        <span className="sr-only">{formatSeconds(span.durationUs / 1e6)}</span>
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}

function TraceError({ error, retry }: { error: Error; retry: () => void }) {
  if (error instanceof AppError && error.code === "trace_not_found") {
    return (
      <Problem title="This exemplar's trace is not in the trace store">
        <p>
          The histogram recorded the request, but its trace was not kept. Usually the trace was sampled out
          (head or tail sampling dropped it), or it is older than the trace store&apos;s retention.
        </p>
        <p>Try another exemplar near it; exemplars of sampled requests open normally.</p>
        <p className="text-xs text-zinc-500">{error.message}</p>
      </Problem>
    );
  }
  return (
    <Problem title="The trace could not be loaded" tone="error" action={<RetryButton onClick={retry} />}>
      <p>{error.message}</p>
    </Problem>
  );
}

export function RetryButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="rounded border border-current px-3 py-1 text-sm">
      Retry
    </button>
  );
}
