"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo, useState } from "react";
import { LatencyChart } from "@/components/latency-chart";
import { Problem } from "@/components/problem";
import { RetryButton, TracePanel } from "@/components/trace-panel";
import { AppError } from "@/lib/errors";
import { exemplarsQuery, healthQuery, histogramsQuery, rangeQuery } from "@/lib/client/queries";
import { type ExemplarPoint, exemplarPoints, formatSeconds, mergeLines } from "@/lib/explore/chart-data";
import { buildLatencyQueries, parseExplorerQuery } from "@/lib/explore/latency-queries";
import { RANGE_PRESETS, chooseResolution, resolveRange, toAbsolute } from "@/lib/explore/time-range";
import { explorerParams } from "./search-params";

export function Explorer() {
  const [state, setState] = useQueryStates(explorerParams, { history: "push" });
  // Relative ranges ("now-1h") are resolved against this moment, renewed by Refresh.
  const [nowMs, setNowMs] = useState(() => Date.now());
  const health = useQuery(healthQuery());
  const families = useQuery({
    ...histogramsQuery(),
    enabled: !state.query && health.isSuccess && !health.data.suggestedQuery,
  });
  const query = state.query || health.data?.suggestedQuery || families.data?.families[0]?.name || "";

  const range = resolveRange(state.from, state.to, nowMs);
  const startMs = range.ok ? range.startMs : NaN;
  const endMs = range.ok ? range.endMs : NaN;
  const plan = useMemo(() => {
    if (Number.isNaN(startMs) || !query) return undefined;
    const { stepSec, rateWindowSec } = chooseResolution(endMs - startMs);
    // Aligning to the step keeps query keys (and Prometheus's answers) stable between renders.
    const startSec = Math.floor(startMs / 1000 / stepSec) * stepSec;
    const endSec = Math.ceil(endMs / 1000 / stepSec) * stepSec;
    return { startSec, endSec, stepSec, ...buildLatencyQueries(parseExplorerQuery(query), rateWindowSec) };
  }, [query, startMs, endMs]);

  const lineResults = useQueries({
    queries: (plan?.lines ?? []).map((line) =>
      rangeQuery(line.query, plan!.startSec, plan!.endSec, plan!.stepSec),
    ),
  });
  const exemplars = useQuery({
    ...exemplarsQuery(plan?.exemplars ?? "", Math.floor(startMs / 1000), Math.ceil(endMs / 1000)),
    enabled: Boolean(plan),
  });

  const chart = useMemo(() => {
    if (!plan || lineResults.some((r) => !r.data)) return undefined;
    return mergeLines(plan.lines.map((line, i) => ({ label: line.label, data: lineResults[i]!.data! })));
  }, [plan, lineResults]);
  const points = useMemo(() => (exemplars.data ? exemplarPoints(exemplars.data) : []), [exemplars.data]);

  const selectExemplar = useCallback(
    (point: ExemplarPoint) => void setState({ trace: point.traceId, span: point.spanId ?? null }),
    [setState],
  );
  const lineError = lineResults.find((r) => r.error)?.error;
  const isDemo = health.data?.mode === "demo";

  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <h1 className="text-base font-semibold">Exemplar Explorer</h1>
        {isDemo ? (
          <span
            className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
            title="No PROMETHEUS_URL or JAEGER_URL is set: a simulated shop answers"
          >
            Demo data
          </span>
        ) : null}
        <QueryForm
          key={query}
          initial={query}
          onSubmit={(q) => void setState({ query: q, trace: null, span: null })}
        />
        <nav aria-label="Time range" className="flex gap-1">
          {RANGE_PRESETS.map((preset) => (
            <button
              key={preset.label}
              type="button"
              aria-pressed={state.from === preset.from && state.to === "now"}
              onClick={() => {
                setNowMs(Date.now());
                void setState({ from: preset.from, to: "now" });
              }}
              className="rounded px-2 py-1 text-xs aria-pressed:bg-zinc-900 aria-pressed:text-white dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
            >
              {preset.label}
            </button>
          ))}
        </nav>
        <button
          type="button"
          onClick={() => setNowMs(Date.now())}
          className="rounded border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700"
        >
          Refresh
        </button>
        <ShareButton from={state.from} to={state.to} nowMs={nowMs} />
      </header>

      <main
        className={`grid flex-1 gap-4 p-4 ${state.trace ? "lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : ""}`}
      >
        <div className="min-w-0 space-y-3">
          <p className="truncate font-mono text-xs text-zinc-500" title={query}>
            {query || "\u00a0"}
          </p>
          {!range.ok ? (
            <Problem title="The time range is not valid" tone="error">
              <p>{range.error}</p>
            </Problem>
          ) : lineError ? (
            <QueryProblem error={lineError} retry={() => lineResults.forEach((r) => void r.refetch())} />
          ) : !chart ? (
            <div
              className="h-80 w-full animate-pulse rounded bg-zinc-100 dark:bg-zinc-900"
              aria-label="Loading chart"
            />
          ) : chart.rows.length === 0 ? (
            <Problem title="No data for this query in this range">
              <p>
                Prometheus has no samples for <code className="font-mono">{query}</code> between these times.
                Check the metric name and label filters, or widen the range.
              </p>
            </Problem>
          ) : (
            <LatencyChart
              rows={chart.rows}
              lines={chart.lines}
              exemplars={points}
              startMs={range.startMs}
              endMs={range.endMs}
              selectedTraceId={state.trace}
              onSelectExemplar={selectExemplar}
            />
          )}
          {lineError ? null : (
            <ExemplarSummary
              points={points}
              isPending={exemplars.isPending && Boolean(plan)}
              error={exemplars.error}
              exemplarStorage={health.data?.metrics.exemplarStorage}
              onSelect={selectExemplar}
            />
          )}
        </div>
        {state.trace ? (
          <TracePanel
            traceId={state.trace}
            selectedSpanId={state.span}
            onSelectSpan={(span) => void setState({ span }, { history: "replace" })}
            onClose={() => void setState({ trace: null, span: null })}
          />
        ) : null}
      </main>
    </div>
  );
}

function QueryForm({ initial, onSubmit }: { initial: string; onSubmit: (query: string) => void }) {
  const [draft, setDraft] = useState(initial);
  return (
    <form
      className="flex min-w-64 flex-1 gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.trim()) onSubmit(draft.trim());
      }}
    >
      <label className="sr-only" htmlFor="query">
        Metric selector or PromQL
      </label>
      <input
        id="query"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        spellCheck={false}
        placeholder='http_server_request_duration_seconds{route="/api/v1/orders"}'
        className="w-full rounded border border-zinc-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-zinc-700"
      />
      <button
        type="submit"
        className="rounded bg-sky-600 px-3 py-1 text-xs font-medium text-white hover:bg-sky-700"
      >
        Run
      </button>
    </form>
  );
}

function ShareButton({ from, to, nowMs }: { from: string; to: string; nowMs: number }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="rounded border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700"
      onClick={async () => {
        const url = new URL(window.location.href);
        // Relative times would show other data tomorrow: pin them.
        url.searchParams.set("from", toAbsolute(from, nowMs));
        url.searchParams.set("to", toAbsolute(to, nowMs));
        await navigator.clipboard.writeText(url.toString()).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? "Link copied" : "Share"}
    </button>
  );
}

function QueryProblem({ error, retry }: { error: Error; retry: () => void }) {
  if (
    error instanceof AppError &&
    (error.code === "invalid_query" || error.code === "bad_request" || error.code === "unsupported_query")
  ) {
    return (
      <Problem title="Prometheus rejected the query" tone="error">
        <p className="font-mono text-xs">{error.message}</p>
      </Problem>
    );
  }
  return (
    <Problem title="Could not load the latency data" tone="error" action={<RetryButton onClick={retry} />}>
      <p>{error.message}</p>
    </Problem>
  );
}

function ExemplarSummary({
  points,
  isPending,
  error,
  exemplarStorage,
  onSelect,
}: {
  points: ExemplarPoint[];
  isPending: boolean;
  error: Error | null;
  exemplarStorage?: boolean;
  onSelect: (point: ExemplarPoint) => void;
}) {
  if (isPending) return <p className="text-xs text-zinc-500">Loading exemplars…</p>;
  if (error)
    return (
      <Problem title="Could not load exemplars" tone="error">
        <p>{error.message}</p>
      </Problem>
    );
  if (points.length === 0) {
    return exemplarStorage === false ? (
      <Problem title="Exemplar storage is off in Prometheus">
        <p>
          Prometheus drops exemplars unless it runs with{" "}
          <code className="font-mono">--enable-feature=exemplar-storage</code>. Turn it on and exemplars
          appear for new scrapes.
        </p>
      </Problem>
    ) : (
      <Problem title="No exemplars in this range">
        <p>
          Exemplars are only scraped from OpenMetrics exposition, only on histogram buckets of instrumented
          code that attaches a trace ID, and only for sampled requests. Prometheus also keeps a limited
          number: older ranges often have none.
        </p>
      </Problem>
    );
  }
  const slowest = points.slice(0, 8);
  return (
    <section aria-label="Slowest exemplars">
      <h2 className="mb-1 text-sm font-semibold">
        {points.length.toLocaleString()} exemplars{" "}
        <span className="font-normal text-zinc-500">· slowest first</span>
      </h2>
      <ul className="divide-y divide-zinc-200 text-xs dark:divide-zinc-800">
        {slowest.map((p) => (
          <li key={`${p.traceId}-${p.timeMs}`}>
            <button
              type="button"
              onClick={() => onSelect(p)}
              className="flex w-full gap-3 px-1 py-1 text-left hover:bg-zinc-100 dark:hover:bg-zinc-900"
            >
              <span className="w-16 font-semibold tabular-nums">{formatSeconds(p.value)}</span>
              <span className="w-20 tabular-nums text-zinc-500">
                {new Date(p.timeMs).toLocaleTimeString()}
              </span>
              <code className="truncate font-mono text-zinc-500">{p.traceId}</code>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
