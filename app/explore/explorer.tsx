"use client";

import { useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import {
  type CSSProperties,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useMemo,
  useDeferredValue,
  useRef,
  useState,
} from "react";
import { copyToClipboard } from "@/lib/client/clipboard";
import { usePersistentSetting } from "@/lib/client/persistent-setting";
import { CodeLoadProblem } from "@/components/problem";
import { SelectedTraceContext } from "@/components/explorer/selected-trace";
import { TimeZoneContext } from "@/components/time-zone";
import { type ExplorerLinks, ExplorerLinksContext } from "@/components/waterfall/explorer-links";
import { healthQuery, histogramsQuery, loadTraceReader, traceQuery } from "@/lib/client/queries";
import type { ExemplarPoint } from "@/lib/explore/chart-data";
import type { Region } from "@/lib/explore/exemplar-groups";
import { asksTheSame, planQueries } from "@/lib/explore/query-plan";
import { resolveRange } from "@/lib/explore/time-range";
import { formatRfc3339 } from "@/lib/format/time";
import { histogramQueryForSpan } from "@/lib/trace-view/histogram-link";
import { BackendWarnings } from "./backend-warnings";
import { ChartArea } from "./chart-area";
import { Placeholder } from "@/components/placeholder";
import { histogramKind } from "@/lib/explore/latency-queries";
import { parseSelector } from "@/lib/explore/selector";
import { ChartQueries } from "./chart-queries";
import { HistogramKindChoice } from "./histogram-kind-choice";
import { ComparisonSection } from "./comparison-section";
import { ExplorerHeader } from "./explorer-header";
import { type ExplorerView, explorerParams, queryHref, roundRegion, shareHref } from "./search-params";
import { useCharts } from "./use-charts";
import { useLazyModule } from "./use-lazy-module";
import { useExplorerData } from "./use-explorer-data";
import { useTracePrefetch } from "./use-trace-prefetch";

// The waterfall is only needed once a trace is open: keep it out of the first load.
const loadTracePanel = () => import("@/components/waterfall/trace-panel");
// A link to a trace needs the panel first: start its download as this module runs, not after
// hydration has rendered the explorer.
if (typeof window !== "undefined" && new URLSearchParams(window.location.search).has("trace")) {
  void loadTracePanel();
}

// The trace reader too (see loadTraceReader): here before a click, or the link's trace, needs it.
if (typeof window !== "undefined") void loadTraceReader().catch(() => undefined);

// The exemplar list (its table, its virtualizer, its explanations) sits below the charts: its own
// chunk, fetched as this module runs, so it is not part of the page's first load.
const loadExemplarList = () => import("@/components/explorer/exemplar-list");
if (typeof window !== "undefined") void loadExemplarList().catch(() => undefined);

/**
 * The explorer page: the view in the URL, its data, the charts and list, and the trace beside them.
 *
 * `tracePreview`: the linked trace's first rows, rendered by the server, shown until the trace
 * panel has its code and the trace. `chartPreview`: likewise for the latency chart, shown until
 * the live chart draws, and only for the view the page opened with. `defaultQuery`: what to show
 * when the URL names no query. `account`: who is signed in, and the way out, rendered by the server.
 */
export function Explorer({
  tracePreview,
  chartPreview,
  defaultQuery,
  initialNowMs,
  account,
}: {
  tracePreview?: ReactNode;
  /** The latency chart of the view the page was opened with, drawn by the server. */
  chartPreview?: ReactNode;
  account?: ReactNode;
  defaultQuery?: string;
  /** The server's "now" when it rendered the page (and preloaded the charts' data for it). */
  initialNowMs?: number;
}) {
  const [state, setState] = useQueryStates(explorerParams, { history: "push" });
  // Relative ranges ("now-1h") are resolved against this moment, renewed by Refresh.
  const [nowMs, setNowMs] = useState(() => initialNowMs ?? Date.now());
  const health = useQuery(healthQuery());
  const families = useQuery(histogramsQuery());
  // Without a query in the URL: the server's suggestion (the demo's story), else the first histogram.
  const query =
    state.query || defaultQuery || health.data?.suggestedQuery || families.data?.families[0]?.name || "";

  const range = resolveRange(state.from, state.to, nowMs);
  const startMs = range.ok ? range.startMs : NaN;
  const endMs = range.ok ? range.endMs : NaN;
  const family = families.data?.families.find((f) => f.name === parseSelector(query)?.metric);
  const kind = histogramKind(family, state.hist);
  const data = useExplorerData(query, startMs, endMs, kind);
  const view = `${query}\n${startMs}\n${endMs}\n${kind}`;
  const [openedView] = useState(view);
  const chartIsEmpty = data.chart?.rows.length === 0;
  const { charts, loadError: chartsError } = useCharts(state.trace);
  useAutoRefresh(state.refresh, state.to.startsWith("now"), setNowMs);

  const region = state.region;
  // A drawn region is rounded as its link will hold it, so the link shows the same exemplars.
  const setRegion = useCallback(
    (next: Region | null) =>
      void setState(next ? { region: roundRegion(next), op: null } : NO_SELECTION, { history: "replace" }),
    [setState],
  );
  const clearRegion = useCallback(() => setRegion(null), [setRegion]);
  useEscapeClearsSelection(Boolean(region), clearRegion);
  const { fetchNow, fetchOnDwell } = useTracePrefetch(loadTracePanel);
  const tracePanel = useLazyModule(loadTracePanel);
  const exemplarList = useLazyModule(loadExemplarList);
  const TracePanel = tracePanel.module?.TracePanel;
  // The panel's width handle comes with the panel's code: it is only drawn beside an open trace.
  const ResizeHandle = tracePanel.module?.ResizeHandle;
  // The preview is of the trace the page was opened with; another trace waits for the panel.
  const [linkedTraceId] = useState(state.trace);
  const preview = state.trace === linkedTraceId ? tracePreview : null;
  // Where the open trace was opened from (chart or list, and which exemplar), for Escape to return
  // to; and whether the person opened it (then focus moves to it) or the page's link did.
  const openedFrom = useRef<{ container: string; traceId: string } | undefined>(undefined);
  const [openedByPerson, setOpenedByPerson] = useState(false);
  // The split between charts and trace: dragged wider or narrower (remembered), or the whole window.
  const mainRef = useRef<HTMLElement>(null);
  const [traceWidth, setTraceWidth] = usePersistentSetting<number>("trace-width", DEFAULT_TRACE_WIDTH_PX);
  const mainWidth = useElementWidth(mainRef);
  const maxTraceWidth = Math.max(MIN_TRACE_WIDTH_PX, mainWidth - MIN_CHARTS_WIDTH_PX);
  // A width chosen on a wider window still leaves the charts their room.
  const shownTraceWidth = mainWidth ? Math.min(traceWidth, maxTraceWidth) : traceWidth;
  const [traceFull, setTraceFull] = useState(false);
  const selectExemplar = useCallback(
    (point: ExemplarPoint) => {
      const container = document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid");
      openedFrom.current = container ? { container, traceId: point.traceId } : undefined;
      setOpenedByPerson(true);
      fetchNow(point.traceId);
      void setState({ trace: point.traceId, span: point.spanId ?? null, compare: null });
    },
    [setState, fetchNow],
  );
  const previewExemplar = useCallback(
    (point: ExemplarPoint | undefined) => fetchOnDwell(point?.traceId),
    [fetchOnDwell],
  );
  // Refresh renews "now"; where that leaves the view's requests the same (an absolute range, or
  // the same second), the cache would answer them, so they are asked again.
  const refresh = () => {
    const now = Date.now();
    const next = resolveRange(state.from, state.to, now);
    setNowMs(now);
    if (next.ok && asksTheSame(planQueries(query, next.startMs, next.endMs, kind), data.plan))
      data.refetchAll();
  };
  const setRange = (from: string, to: string) => {
    setNowMs(Date.now());
    void setState({ from, to, ...NO_SELECTION });
  };
  // Stable, so the memoized charts and list below skip the renders of a trace click.
  const setBucket = useCallback(
    (bucket: number | undefined) => void setState({ bucket: bucket ?? null }, { history: "replace" }),
    [setState],
  );
  const setSort = useCallback(
    (sort: ExplorerView["sort"]) => void setState({ sort }, { history: "replace" }),
    [setState],
  );
  // New data go on the latency chart first; the heatmap, distribution and list follow in a
  // deferred render (on a cold open with 20,000 exemplars, the markers showed ~0.3 s sooner).
  const bucketRatesBelowChart = useDeferredValue(data.bucketRates);
  const pointsBelowChart = useDeferredValue(data.points);
  // Until the first of them reach the list, it says they are loading rather than "none".
  const listCatchingUp = pointsBelowChart !== data.points && pointsBelowChart.length === 0;

  const familyList = families.data?.families;
  const links = useMemo<ExplorerLinks>(() => {
    const view = { ...state, query };
    return {
      copyShareLink: () => copyToClipboard(new URL(shareHref(view, nowMs), window.location.href).href),
      histogramHrefForSpan: (span) => {
        const spanQuery = histogramQueryForSpan(span, familyList ?? []);
        return spanQuery ? queryHref(view, spanQuery) : undefined;
      },
    };
  }, [state, query, nowMs, familyList]);

  const tracePanelElement =
    state.trace && TracePanel ? (
      <TracePanel
        key={state.trace}
        traceId={state.trace}
        selectedSpanId={state.span}
        traceUiUrl={health.data?.traceUiUrl}
        onSelectSpan={(span) => void setState({ span }, { history: "replace" })}
        compareTraceId={state.compare}
        exemplars={data.points}
        onOpenTrace={(trace, span) => {
          setOpenedByPerson(true);
          void setState({ trace, span, compare: null });
        }}
        onCompare={(compare) => void setState({ compare })}
        onClose={() => void setState({ trace: null, span: null, compare: null })}
        takeFocus={openedByPerson}
        full={traceFull}
        onFull={setTraceFull}
        onEscape={() => {
          const from = openedFrom.current;
          const scope = from && document.querySelector(`[data-testid="${from.container}"]`);
          // The list's row of that trace; or the chart's one marker button, which
          // follows the open trace (its group may be named after a slower one).
          const origin =
            scope?.querySelector<HTMLElement>(`[data-trace-id="${from!.traceId}"]`) ??
            scope?.querySelector<HTMLElement>("circle[role=button]");
          origin?.focus();
        }}
      />
    ) : null;

  return (
    <ExplorerLinksContext value={links}>
      <TimeZoneContext value={state.tz}>
        <SelectedTraceContext value={state.trace}>
          <div className="flex min-h-screen flex-col">
            <ExplorerHeader
              isDemo={health.data?.mode === "demo"}
              query={query}
              families={familyList ?? []}
              from={state.from}
              to={state.to}
              nowMs={nowMs}
              refreshSec={state.refresh}
              onQuery={(q) => void setState({ query: q, bucket: null, ...NO_SELECTION })}
              onRange={setRange}
              onTimeZone={(tz) => void setState({ tz }, { history: "replace" })}
              onRefresh={refresh}
              onAutoRefresh={(seconds) => void setState({ refresh: seconds || null }, { history: "replace" })}
              copyShareLink={links.copyShareLink}
              account={account}
            />

            <main
              ref={mainRef}
              className={`grid flex-1 gap-4 p-4 ${state.trace && !traceFull ? "xl:grid-cols-[minmax(0,1fr)_var(--trace-width)]" : ""}`}
              style={{ "--trace-width": `${shownTraceWidth}px` } as CSSProperties}
            >
              <div className={`min-w-0 space-y-4 ${state.trace && traceFull ? "hidden" : ""}`}>
                <div className="flex items-center gap-2">
                  <p
                    className="min-w-0 flex-1 truncate font-mono text-xs text-zinc-500"
                    title={data.plan?.lines.at(-1)?.query}
                  >
                    {query || "\u00a0"}
                  </p>
                  {region ? (
                    <>
                      {state.baseline ? null : (
                        <button
                          type="button"
                          className="rounded bg-sky-600 px-2 py-0.5 text-xs font-semibold text-white hover:bg-sky-700"
                          onClick={() => void setState({ baseline: "typical", op: null })}
                        >
                          Compare with typical
                        </button>
                      )}
                      <button
                        type="button"
                        className="rounded border border-sky-500 px-2 py-0.5 text-xs text-sky-700 dark:text-sky-300"
                        onClick={() =>
                          setRange(
                            formatRfc3339(Math.min(region.startMs, region.endMs)),
                            // Rounded up, so the zoomed range still holds the whole selection.
                            formatRfc3339(Math.ceil(Math.max(region.startMs, region.endMs) / 1000) * 1000),
                          )
                        }
                      >
                        Zoom to selection
                      </button>
                    </>
                  ) : (
                    <span className="hidden text-xs text-zinc-500 sm:inline">
                      Drag on the chart to select exemplars
                    </span>
                  )}
                </div>
                <div className="flex flex-wrap items-start gap-x-4 gap-y-1">
                  {family?.classic && family.native && data.plan?.selector ? (
                    <HistogramKindChoice
                      kind={kind}
                      onChange={(hist) => void setState({ hist, ...NO_SELECTION })}
                    />
                  ) : null}
                  {data.plan ? (
                    <ChartQueries
                      lines={data.plan.lines}
                      bucketRates={data.plan.bucketRates}
                      exemplars={data.plan.exemplars}
                    />
                  ) : null}
                </div>
                {data.lineError ? null : <BackendWarnings warnings={data.warnings} />}
                <ChartArea
                  query={query}
                  families={families}
                  rangeError={range.ok ? undefined : range.error}
                  lineError={data.lineError}
                  retryLines={data.refetchLines}
                  chartsError={chartsError}
                  ready={Boolean(data.chart && charts)}
                  preview={view === openedView ? chartPreview : undefined}
                >
                  {!data.chart || !charts ? null : chartIsEmpty ? (
                    <charts.EmptyLatencyChart
                      query={query}
                      returnsHistograms={Boolean(data.chart.histogramSeries)}
                      histogramKind={kind}
                      onHistogramKind={(hist) => void setState({ hist, ...NO_SELECTION })}
                      bucketSelector={data.plan?.bucketRates ? data.plan.exemplars : undefined}
                    />
                  ) : (
                    <charts.LatencyChart
                      rows={data.chart.rows}
                      lines={data.chart.lines}
                      exemplars={data.points}
                      startMs={startMs}
                      endMs={endMs}
                      region={region}
                      onSelectExemplar={selectExemplar}
                      onPreviewExemplar={previewExemplar}
                      onRegion={setRegion}
                    />
                  )}
                </ChartArea>
                {!query || data.lineError || !range.ok ? null : (
                  <>
                    {region && state.baseline ? (
                      <ComparisonSection
                        points={data.points}
                        isPending={data.exemplars.isPending && Boolean(data.plan)}
                        region={region}
                        baseline={state.baseline}
                        selectedOp={state.op}
                        onBaseline={(baseline) => void setState({ baseline, op: null })}
                        onOpenSpan={(trace, span, op, compare) => {
                          setOpenedByPerson(true);
                          fetchNow(trace);
                          void setState({ trace, span, op, compare: compare ?? null });
                        }}
                        onClose={() => void setState({ baseline: null, op: null })}
                      />
                    ) : null}
                    {/* With no data at all, the chart's explanation covers the buckets and exemplars too. */}
                    {data.plan?.bucketRates && !chartIsEmpty && !chartsError ? (
                      charts ? (
                        <charts.BucketCharts
                          query={data.plan.bucketRates}
                          bucketRates={bucketRatesBelowChart}
                          stepSec={data.plan.stepSec}
                          error={data.bucketsError}
                          exemplars={pointsBelowChart}
                          startMs={startMs}
                          endMs={endMs}
                          selectedBucket={state.bucket ?? undefined}
                          onSelectExemplar={selectExemplar}
                          onPreviewExemplar={previewExemplar}
                          onSelectBucket={setBucket}
                        />
                      ) : (
                        <Placeholder label="Loading buckets" className="h-64" />
                      )
                    ) : null}
                    {chartIsEmpty && data.points.length === 0 ? null : (
                      <div>
                        {exemplarList.module ? (
                          <exemplarList.module.ExemplarsSection
                            count={pointsBelowChart.length}
                            isPending={(data.exemplars.isPending && Boolean(data.plan)) || listCatchingUp}
                            error={data.exemplars.error}
                            exemplarStorage={health.data?.metrics.exemplarStorage}
                            backend={health.data?.metrics.kind}
                            withoutTraceId={data.exemplars.data?.withoutTraceId}
                            labelsWithoutTraceId={data.exemplars.data?.labelsWithoutTraceId}
                          >
                            <exemplarList.module.ExemplarTable
                              points={pointsBelowChart}
                              bucketRates={bucketRatesBelowChart}
                              bucket={state.bucket ?? undefined}
                              region={region}
                              sort={state.sort}
                              selectedTraceId={state.trace}
                              onSort={setSort}
                              onBucket={setBucket}
                              onClearRegion={clearRegion}
                              onSelect={selectExemplar}
                            />
                          </exemplarList.module.ExemplarsSection>
                        ) : exemplarList.loadError ? (
                          <CodeLoadProblem what="The exemplar list" error={exemplarList.loadError} />
                        ) : (
                          <Placeholder label="Loading exemplars" className="h-80" />
                        )}
                      </div>
                    )}
                  </>
                )}
              </div>
              {state.trace ? (
                // On a phone the trace is a full-screen sheet over the chart (its header leads back).
                <div className="relative min-w-0 max-md:fixed max-md:inset-0 max-md:z-30 max-md:overflow-auto max-md:bg-white xl:sticky xl:top-4 xl:h-[calc(100vh-6rem)] dark:max-md:bg-zinc-950">
                  {traceFull || !ResizeHandle ? null : (
                    <ResizeHandle
                      label="Width of the trace panel"
                      value={shownTraceWidth}
                      min={MIN_TRACE_WIDTH_PX}
                      max={maxTraceWidth}
                      valueAt={(x, handle) =>
                        handle.closest("main")!.getBoundingClientRect().right - MAIN_PADDING_PX - x
                      }
                      onChange={setTraceWidth}
                      className="absolute inset-y-0 -left-3 z-10 hidden w-2 rounded xl:block"
                    />
                  )}
                  {preview ? (
                    <PreviewUntilTrace traceId={state.trace} preview={preview}>
                      {tracePanelElement}
                    </PreviewUntilTrace>
                  ) : tracePanelElement ? (
                    tracePanelElement
                  ) : tracePanel.loadError ? (
                    <CodeLoadProblem what="The trace view" error={tracePanel.loadError} />
                  ) : (
                    <Placeholder label="Loading trace view" className="h-full min-h-[32rem]" />
                  )}
                </div>
              ) : null}
            </main>
          </div>
        </SelectedTraceContext>
      </TimeZoneContext>
    </ExplorerLinksContext>
  );
}

const DEFAULT_TRACE_WIDTH_PX = 560;
const MIN_TRACE_WIDTH_PX = 384;
const MIN_CHARTS_WIDTH_PX = 420;
/** The main area's padding (p-4): the handle measures from inside it. */
const MAIN_PADDING_PX = 16;

/** An element's width, kept current as the window resizes (0 before it is laid out). */
function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry!.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** A new query or range starts without a selection or comparison. */
const NO_SELECTION = { region: null, baseline: null, op: null };

/**
 * Escape clears the chart's selection (and the comparison made from it), unless a text field,
 * a menu or the trace panel has the key: they use Escape for themselves.
 */
function useEscapeClearsSelection(hasSelection: boolean, clear: () => void) {
  useEffect(() => {
    if (!hasSelection) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      const target = event.target as Element;
      if (target.closest?.('input, textarea, select, [aria-label="Trace"]')) return;
      clear();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [hasSelection, clear]);
}

/** Renews "now" every `refreshSec` seconds while the range ends at now. */
function useAutoRefresh(refreshSec: number, live: boolean, setNowMs: (ms: number) => void) {
  useEffect(() => {
    if (!refreshSec || !live) return;
    const timer = setInterval(() => setNowMs(Date.now()), refreshSec * 1000);
    return () => clearInterval(timer);
  }, [refreshSec, live, setNowMs]);
}

/**
 * The server's rendering of a linked trace until the panel has the trace, then the panel: one or
 * the other, never nested. Its own component, so that the trace's arrival re-renders only this,
 * not the explorer around it.
 */
function PreviewUntilTrace({
  traceId,
  preview,
  children,
}: {
  traceId: string;
  preview: ReactNode;
  children: ReactNode;
}) {
  const { isPending } = useQuery(traceQuery(traceId));
  // Until the panel has its code and the trace (its first rows, for a large one).
  return isPending || !children ? preview : children;
}
