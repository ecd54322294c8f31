"use client";

import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ExemplarTable } from "@/components/explorer/exemplar-table";
import { QueryEditor } from "@/components/explorer/query-editor";
import { TimeRangePicker } from "@/components/explorer/time-range-picker";
import { formatRfc3339 } from "@/lib/format/time";
import { Problem } from "@/components/problem";
import { RetryButton } from "@/components/retry-button";
import { AppError } from "@/lib/errors";
import { healthQuery, histogramsQuery } from "@/lib/client/queries";
import { bucketTotals } from "@/lib/explore/buckets";
import type { ExemplarPoint } from "@/lib/explore/chart-data";
import type { Region } from "@/lib/explore/exemplar-groups";
import type { HistogramFamily } from "@/lib/model/metrics";
import { exemplarCountsPerBucket } from "@/lib/explore/exemplar-table";
import { resolveRange, toAbsolute } from "@/lib/explore/time-range";
import { explorerParams } from "./search-params";

// The waterfall is only needed once a trace is open: keep it out of the first load.
const loadTracePanel = () => import("@/components/trace-panel");
const TracePanel = dynamic(() => loadTracePanel().then((m) => m.TracePanel), {
  ssr: false,
  loading: () => (
    <div
      className="h-full min-h-[32rem] animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-900"
      aria-label="Loading trace view"
    />
  ),
});
import { useCharts } from "./use-charts";
import { useExplorerData } from "./use-explorer-data";
import { useTracePrefetch } from "./use-trace-prefetch";

export function Explorer() {
  const [state, setState] = useQueryStates(explorerParams, { history: "push" });
  // Relative ranges ("now-1h") are resolved against this moment, renewed by Refresh.
  const [nowMs, setNowMs] = useState(() => Date.now());
  const [region, setRegion] = useState<Region | null>(null);
  const health = useQuery(healthQuery());
  const families = useQuery(histogramsQuery());
  const query = state.query || health.data?.suggestedQuery || families.data?.families[0]?.name || "";

  const range = resolveRange(state.from, state.to, nowMs);
  const startMs = range.ok ? range.startMs : NaN;
  const endMs = range.ok ? range.endMs : NaN;
  const data = useExplorerData(query, startMs, endMs);

  const { charts, loadError: chartsError } = useCharts(state.trace);
  const live = state.to.startsWith("now");
  useEffect(() => {
    if (!state.refresh || !live) return;
    const timer = setInterval(() => setNowMs(Date.now()), state.refresh * 1000);
    return () => clearInterval(timer);
  }, [state.refresh, live]);

  const { fetchNow, fetchOnDwell } = useTracePrefetch(loadTracePanel);
  const selectExemplar = useCallback(
    (point: ExemplarPoint) => {
      fetchNow(point.traceId);
      void setState({ trace: point.traceId, span: point.spanId ?? null });
    },
    [setState, fetchNow],
  );
  const previewExemplar = useCallback(
    (point: ExemplarPoint | undefined) => fetchOnDwell(point?.traceId),
    [fetchOnDwell],
  );
  const setRange = (from: string, to: string) => {
    setNowMs(Date.now());
    setRegion(null);
    void setState({ from, to });
  };
  const bounds = useMemo(() => data.grid?.bounds ?? [], [data.grid]);
  const exemplarCounts = useMemo(() => exemplarCountsPerBucket(data.points, bounds), [data.points, bounds]);
  const isDemo = health.data?.mode === "demo";

  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h1 className="text-base font-semibold">Exemplar Explorer</h1>
        {isDemo ? (
          <span
            className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
            title="No PROMETHEUS_URL or JAEGER_URL is set: a simulated shop answers"
          >
            Demo data
          </span>
        ) : null}
        <QueryEditor
          query={query}
          families={families.data?.families ?? []}
          onChange={(q) => {
            setRegion(null);
            void setState({ query: q, bucket: null });
          }}
        />
        <TimeRangePicker
          from={state.from}
          to={state.to}
          nowMs={nowMs}
          refreshSec={state.refresh}
          onRange={setRange}
          onRefresh={() => setNowMs(Date.now())}
          onAutoRefresh={(refresh) => void setState({ refresh: refresh || null }, { history: "replace" })}
        />
        <ShareButton from={state.from} to={state.to} nowMs={nowMs} />
      </header>

      <main
        className={`grid flex-1 gap-4 p-4 ${state.trace ? "xl:grid-cols-[minmax(0,3fr)_minmax(24rem,2fr)]" : ""}`}
      >
        <div className="min-w-0 space-y-4">
          <div className="flex items-center gap-2">
            <p
              className="min-w-0 flex-1 truncate font-mono text-xs text-zinc-500"
              title={data.plan?.lines.at(-1)?.query}
            >
              {query || "\u00a0"}
            </p>
            {region ? (
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
            ) : (
              <span className="hidden text-xs text-zinc-500 sm:inline">
                Drag on the chart to select exemplars
              </span>
            )}
          </div>
          {!query ? (
            <NoQuery families={families} />
          ) : !range.ok ? (
            <Problem title="The time range is not valid" tone="error">
              <p>{range.error}</p>
            </Problem>
          ) : data.lineError ? (
            <QueryProblem error={data.lineError} retry={data.refetchLines} />
          ) : chartsError ? (
            <Problem title="The charts could not load" tone="error">
              <p>
                Their code did not download ({chartsError.message}). Reload the page; the exemplar list below
                works without them.
              </p>
            </Problem>
          ) : !data.chart || !charts ? (
            <div
              className="h-80 w-full animate-pulse rounded bg-zinc-100 dark:bg-zinc-900"
              aria-label="Loading chart"
            />
          ) : data.chart.rows.length === 0 ? (
            <Problem title="No data for this query in this range">
              <p>
                Prometheus has no samples for <code className="font-mono">{query}</code> between these times.
                Check the metric name and label filters, or widen the range.
              </p>
            </Problem>
          ) : (
            <charts.LatencyChart
              rows={data.chart.rows}
              lines={data.chart.lines}
              exemplars={data.points}
              startMs={startMs}
              endMs={endMs}
              selectedTraceId={state.trace}
              region={region}
              onSelectExemplar={selectExemplar}
              onPreviewExemplar={previewExemplar}
              onRegion={setRegion}
            />
          )}
          {!query || data.lineError || !range.ok ? null : (
            <>
              {data.plan?.bucketRates ? (
                <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
                  {data.grid && data.grid.bounds.length > 0 && data.plan && charts ? (
                    <>
                      <charts.BucketHeatmap
                        grid={data.grid}
                        stepSec={data.plan.stepSec}
                        exemplars={data.points}
                        startMs={startMs}
                        endMs={endMs}
                        selectedTraceId={state.trace}
                        selectedBucket={state.bucket ?? undefined}
                        onSelectExemplar={selectExemplar}
                        onPreviewExemplar={previewExemplar}
                      />
                      <charts.BucketDistribution
                        bounds={data.grid.bounds}
                        totals={bucketTotals(data.grid, data.plan.stepSec)}
                        exemplarCounts={exemplarCounts}
                        selectedBucket={state.bucket ?? undefined}
                        onSelectBucket={(bucket) =>
                          void setState({ bucket: bucket ?? null }, { history: "replace" })
                        }
                      />
                    </>
                  ) : data.bucketsError ? (
                    <Problem title="Could not load the bucket rates" tone="error">
                      <p>{data.bucketsError.message}</p>
                    </Problem>
                  ) : (
                    <div
                      className="h-64 animate-pulse rounded bg-zinc-100 lg:col-span-2 dark:bg-zinc-900"
                      aria-label="Loading buckets"
                    />
                  )}
                </div>
              ) : null}
              <ExemplarsSection
                points={data.points}
                isPending={data.exemplars.isPending && Boolean(data.plan)}
                error={data.exemplars.error}
                exemplarStorage={health.data?.metrics.exemplarStorage}
              >
                <ExemplarTable
                  points={data.points}
                  bounds={bounds}
                  bucket={state.bucket ?? undefined}
                  region={region}
                  sort={state.sort}
                  selectedTraceId={state.trace}
                  onSort={(sort) => void setState({ sort }, { history: "replace" })}
                  onBucket={(bucket) => void setState({ bucket: bucket ?? null }, { history: "replace" })}
                  onClearRegion={() => setRegion(null)}
                  onSelect={selectExemplar}
                />
              </ExemplarsSection>
            </>
          )}
        </div>
        {state.trace ? (
          <div className="min-w-0 xl:sticky xl:top-4 xl:h-[calc(100vh-6rem)]">
            <TracePanel
              traceId={state.trace}
              selectedSpanId={state.span}
              families={families.data?.families ?? []}
              traceUiUrl={health.data?.traceUiUrl}
              onSelectSpan={(span) => void setState({ span }, { history: "replace" })}
              onOpenTrace={(trace, span) => void setState({ trace, span })}
              explorerHref={explorerHref}
              copyLink={() => copyShareLink(state.from, state.to, nowMs)}
              onClose={() => void setState({ trace: null, span: null })}
            />
          </div>
        ) : null}
      </main>
    </div>
  );
}

/** Before there is anything to draw: loading the metric list, or why it is empty. */
function NoQuery({ families }: { families: UseQueryResult<{ families: HistogramFamily[] }> }) {
  if (families.error) {
    return (
      <Problem
        title="Could not list the histogram metrics"
        tone="error"
        action={<RetryButton onClick={() => void families.refetch()} />}
      >
        <p>{families.error.message}</p>
      </Problem>
    );
  }
  if (families.data) {
    return (
      <Problem title="No histogram metrics found">
        <p>
          Prometheus lists no metric of type histogram and no <code className="font-mono">*_bucket</code>{" "}
          series. Enter a metric selector or PromQL above.
        </p>
      </Problem>
    );
  }
  return (
    <div
      className="h-80 w-full animate-pulse rounded bg-zinc-100 dark:bg-zinc-900"
      aria-label="Loading metrics"
    />
  );
}

/** The current view as a link for a chat message: relative times pinned, auto-refresh dropped. */
function copyShareLink(from: string, to: string, nowMs: number): Promise<boolean> {
  const url = new URL(window.location.href);
  // Relative times would show other data tomorrow: pin them.
  url.searchParams.set("from", toAbsolute(from, nowMs));
  url.searchParams.set("to", toAbsolute(to, nowMs));
  url.searchParams.delete("refresh");
  return navigator.clipboard.writeText(url.toString()).then(
    () => true,
    () => false,
  );
}

/** The explorer on another query, same range, no trace open. */
function explorerHref(query: string): string {
  const url = new URL(window.location.href);
  url.searchParams.set("query", query);
  for (const name of ["trace", "span", "bucket"]) url.searchParams.delete(name);
  return `${url.pathname}${url.search}`;
}

function ShareButton({ from, to, nowMs }: { from: string; to: string; nowMs: number }) {
  const [copied, setCopied] = useState<"copied" | "failed" | undefined>();
  return (
    <button
      type="button"
      className="rounded border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700"
      onClick={async () => {
        const ok = await copyShareLink(from, to, nowMs);
        setCopied(ok ? "copied" : "failed");
        setTimeout(() => setCopied(undefined), 2000);
      }}
    >
      {copied === "copied" ? "Link copied" : copied === "failed" ? "Copy failed" : "Share"}
    </button>
  );
}

function QueryProblem({ error, retry }: { error: Error; retry: () => void }) {
  if (error instanceof AppError && (error.code === "invalid_query" || error.code === "bad_request")) {
    return (
      <Problem title="Prometheus rejected the query" tone="error">
        <p className="font-mono text-xs">{error.message}</p>
        <p>Fix the query in the PromQL field; the position (line:column) points at the problem.</p>
      </Problem>
    );
  }
  return (
    <Problem title="Could not load the latency data" tone="error" action={<RetryButton onClick={retry} />}>
      <p>{error.message}</p>
    </Problem>
  );
}

function ExemplarsSection({
  points,
  isPending,
  error,
  exemplarStorage,
  children,
}: {
  points: ExemplarPoint[];
  isPending: boolean;
  error: Error | null;
  exemplarStorage?: boolean;
  children: React.ReactNode;
}) {
  if (isPending)
    return (
      <div
        className="h-80 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900"
        aria-label="Loading exemplars"
      />
    );
  if (error) {
    return (
      <Problem title="Could not load exemplars" tone="error">
        <p>{error.message}</p>
      </Problem>
    );
  }
  if (points.length > 0) return <>{children}</>;
  return exemplarStorage === false ? (
    <Problem title="Exemplar storage is off in Prometheus">
      <p>
        Prometheus drops exemplars unless it runs with{" "}
        <code className="font-mono">--enable-feature=exemplar-storage</code>. Turn it on and exemplars appear
        for new scrapes.
      </p>
    </Problem>
  ) : (
    <Problem title="No exemplars in this range">
      <p>
        Exemplars are only scraped from OpenMetrics exposition, only on histogram buckets whose
        instrumentation attaches a trace ID, and only for sampled requests. Prometheus also keeps a limited
        number (<code className="font-mono">storage.exemplars.exemplars-limit</code>): older ranges often have
        none.
      </p>
    </Problem>
  );
}
