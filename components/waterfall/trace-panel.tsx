"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { ErrorBoundary, type FallbackProps, getErrorMessage } from "react-error-boundary";
import { AppError } from "@/lib/errors";
import { traceQuery } from "@/lib/client/queries";
import { colorsForServices } from "@/lib/client/service-color-registry";
import { useTraceProgress } from "@/lib/client/trace-progress";
import type { ExemplarPoint } from "@/lib/explore/chart-data";
import { traceUiLink } from "@/lib/trace-view/histogram-link";
import { Problem } from "../problem";
import { RetryButton } from "../retry-button";
import { ServiceColorsContext } from "./service-colors-context";
import { TraceDiffView } from "./trace-diff-view";
import { TraceStatistics } from "./trace-statistics";
import { Waterfall } from "./waterfall";
import { WaterfallHeader } from "./waterfall-header";

interface Props {
  traceId: string;
  selectedSpanId?: string | null;
  traceUiUrl?: string;
  /** A second trace to hold this one against (`compare` in the URL). */
  compareTraceId?: string | null;
  /** The chart's exemplars: the Compare view offers the typical one of the trace's series. */
  exemplars?: readonly ExemplarPoint[];
  onSelectSpan: (spanId: string) => void;
  onOpenTrace: (traceId: string, spanId: string) => void;
  onCompare: (traceId: string | null) => void;
  onClose: () => void;
  /** Opened by the person just now (not by the page's link): focus moves into the panel. */
  takeFocus?: boolean;
  /** Escape inside the panel: back to where the trace was opened from. */
  onEscape?: () => void;
  /** The trace has the whole window (the charts are hidden until it gives it back). */
  full?: boolean;
  onFull?: (full: boolean) => void;
}

type View = "waterfall" | "statistics" | "compare";
const VIEWS: { view: View; label: string }[] = [
  { view: "waterfall", label: "Waterfall" },
  { view: "statistics", label: "Statistics" },
  { view: "compare", label: "Compare" },
];

// The explorer draws the panel's width handle with it, from this chunk.
export { ResizeHandle } from "../resize-handle";

/** The trace behind an exemplar, beside the chart, as a waterfall with the exemplar's span selected. */
export function TracePanel(props: Props) {
  const { traceId } = props;
  const { data: trace, error, isPending, refetch } = useQuery(traceQuery(traceId));
  const rootIndex = useMemo(() => {
    if (!trace) return 0;
    // Usually a span without a parent; only a trace missing its root needs the full lookup.
    const parentless = trace.spans.findIndex((s) => !s.parentSpanId);
    if (parentless >= 0) return parentless;
    const ids = new Set(trace.spans.map((s) => s.spanId));
    const index = trace.spans.findIndex((s) => !s.parentSpanId || !ids.has(s.parentSpanId));
    return Math.max(index, 0);
  }, [trace]);
  // Colors for this trace's services, pinned in the browser so they stay the same in the next trace.
  const colors = useMemo(() => colorsForServices(trace?.services ?? []), [trace]);
  const traceUiHref = trace && props.traceUiUrl ? traceUiLink(props.traceUiUrl, trace.traceId) : undefined;
  const errorCount = useMemo(() => trace?.spans.filter((s) => s.status === "error").length ?? 0, [trace]);
  const [view, setView] = useState<View>(props.compareTraceId ? "compare" : "waterfall");
  // A comparison chosen from outside (a link, the cohort table) shows at once.
  const [shownCompare, setShownCompare] = useState(props.compareTraceId);
  if (props.compareTraceId !== shownCompare) {
    setShownCompare(props.compareTraceId);
    if (props.compareTraceId) setView("compare");
  }
  // While a large trace is still arriving, its first rows show in the waterfall.
  const shownView: View = trace?.arriving ? "waterfall" : view;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { takeFocus } = props;
  useEffect(() => {
    // Keyboard users land on the trace they opened (and a phone scrolls to it).
    if (takeFocus) headingRef.current?.focus();
  }, [takeFocus]);
  const showSpan = (spanId: string) => {
    props.onSelectSpan(spanId);
    setView("waterfall");
  };

  return (
    <ServiceColorsContext value={colors}>
      <section
        aria-label="Trace"
        onKeyDown={(event) => {
          if (event.key !== "Escape" || !props.onEscape) return;
          // Escape in a text field clears or leaves the field, not the panel.
          if ((event.target as HTMLElement).closest("input, textarea, select")) return;
          event.preventDefault();
          props.onEscape();
        }}
        className="flex h-full min-h-[32rem] flex-col rounded-md border border-zinc-200 dark:border-zinc-800"
      >
        <header className="flex items-center gap-2 border-b border-zinc-200 px-3 py-1.5 dark:border-zinc-800">
          <button
            type="button"
            onClick={props.onClose}
            className="whitespace-nowrap rounded border border-zinc-300 px-2 py-0.5 text-xs md:hidden dark:border-zinc-700"
          >
            ← Chart
          </button>
          <h2
            ref={headingRef}
            tabIndex={-1}
            className="text-sm font-semibold outline-none focus-visible:underline"
          >
            Trace
          </h2>
          {trace ? (
            <div role="tablist" aria-label="Trace views" className="flex gap-1 text-xs">
              {VIEWS.map((v) => (
                <button
                  key={v.view}
                  type="button"
                  role="tab"
                  aria-selected={shownView === v.view}
                  // Statistics and comparison need the whole trace, not its first rows.
                  disabled={Boolean(trace.arriving) && v.view !== "waterfall"}
                  title={
                    trace.arriving && v.view !== "waterfall" ? "Once the whole trace is here" : undefined
                  }
                  onClick={() => setView(v.view)}
                  className="rounded px-2 py-0.5 text-zinc-600 hover:bg-zinc-100 disabled:opacity-50 aria-selected:bg-zinc-200 aria-selected:font-semibold aria-selected:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:aria-selected:bg-zinc-700 dark:aria-selected:text-zinc-100"
                >
                  {v.label}
                </button>
              ))}
            </div>
          ) : (
            <code className="truncate font-mono text-xs text-zinc-500">{traceId}</code>
          )}
          {props.onFull ? (
            <button
              type="button"
              aria-pressed={Boolean(props.full)}
              onClick={() => props.onFull!(!props.full)}
              className="ml-auto rounded px-2 py-1 text-sm hover:bg-zinc-100 max-md:hidden dark:hover:bg-zinc-800"
              aria-label={props.full ? "Show the charts beside the trace" : "Give the trace the whole window"}
              title={props.full ? "Show the charts beside the trace" : "Give the trace the whole window"}
            >
              {props.full ? "⤡" : "⤢"}
            </button>
          ) : null}
          <button
            type="button"
            onClick={props.onClose}
            className={`${props.onFull ? "" : "ml-auto"} rounded px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800`}
            aria-label="Close trace"
          >
            ✕
          </button>
        </header>
        {isPending ? (
          <TraceLoading traceId={traceId} onCancel={props.onClose} />
        ) : error ? (
          <div className="p-3">
            <TraceError error={error} retry={() => void refetch()} />
          </div>
        ) : trace ? (
          // A trace the views fail to draw loses only the panel's body: the chart, the list and the
          // panel's own controls stay, and another view or trace draws afresh.
          <ErrorBoundary
            resetKeys={[trace.traceId, shownView]}
            fallbackRender={(fallback) => <DrawError {...fallback} traceUiHref={traceUiHref} />}
          >
            <WaterfallHeader
              trace={trace}
              rootIndex={rootIndex}
              errorCount={errorCount}
              traceUiHref={traceUiHref}
            />
            {shownView === "waterfall" ? (
              <Waterfall
                key={trace.traceId}
                trace={trace}
                selectedSpanId={props.selectedSpanId ?? trace.spans[rootIndex]?.spanId}
                onSelectSpan={props.onSelectSpan}
                onOpenTrace={props.onOpenTrace}
              />
            ) : shownView === "statistics" ? (
              <TraceStatistics trace={trace} onShowSpan={showSpan} />
            ) : (
              <TraceDiffView
                trace={trace}
                otherTraceId={props.compareTraceId}
                exemplars={props.exemplars}
                onCompare={props.onCompare}
                onShowSpan={showSpan}
              />
            )}
          </ErrorBoundary>
        ) : null}
      </section>
    </ServiceColorsContext>
  );
}

/** While a trace arrives: how much of it has (a 50,000-span answer is tens of MB), and a way out. */
function TraceLoading({ traceId, onCancel }: { traceId: string; onCancel: () => void }) {
  const progress = useTraceProgress(traceId);
  const queryClient = useQueryClient();
  return (
    <div className="flex items-center gap-3 p-3 text-sm text-zinc-500" role="status">
      <span className="animate-pulse">
        Loading {progress?.spans ? `${progress.spans.toLocaleString()} spans` : "trace"}…
        {progress?.bytes ? ` ${(progress.bytes / 1024 / 1024).toFixed(1)} MB received` : ""}
      </span>
      <button
        type="button"
        onClick={() => {
          void queryClient.cancelQueries({ queryKey: traceQuery(traceId).queryKey });
          onCancel();
        }}
        className="rounded border border-current px-2 py-0.5 text-xs"
      >
        Cancel
      </button>
    </div>
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

/** A trace that arrived but could not be drawn: what failed, and where else to look at it. */
function DrawError({ error, resetErrorBoundary, traceUiHref }: FallbackProps & { traceUiHref?: string }) {
  return (
    <div className="p-3">
      <Problem
        title="This trace could not be drawn"
        tone="error"
        action={<RetryButton onClick={() => resetErrorBoundary()} />}
      >
        <p>
          The trace arrived, but drawing this view of it failed: {getErrorMessage(error) ?? String(error)}
        </p>
        <p>
          Another view of it (the tabs above) may still work
          {traceUiHref ? (
            <>
              , or{" "}
              <a href={traceUiHref} target="_blank" rel="noreferrer" className="underline">
                open it in the trace store&apos;s own viewer
              </a>
            </>
          ) : null}
          .
        </p>
      </Problem>
    </div>
  );
}
