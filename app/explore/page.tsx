import type { Metadata } from "next";
import { type ReactNode, Suspense } from "react";
import { preload } from "react-dom";
import { AccountMenu } from "@/components/account-menu";
import { LatencyChartPreview } from "@/components/explorer/latency-chart-preview";
import { TracePreview } from "@/components/waterfall/trace-preview";
import { currentAccount } from "@/lib/auth/current-account";
import { demoAnswerWork } from "@/lib/demo/prometheus-api";
import { exemplarPoints, mergeLines } from "@/lib/explore/chart-data";
import { chartPreviewData } from "@/lib/explore/chart-preview";
import type { HistogramKind } from "@/lib/explore/latency-queries";
import { planQueries } from "@/lib/explore/query-plan";
import { DEFAULT_FROM, DEFAULT_TO, resolveRange } from "@/lib/explore/time-range";
import { exemplarsApiPath, rangeApiPath, traceInPartsApiPath } from "@/lib/model/api-paths";
import { normalizeSpanId, normalizeTraceId } from "@/lib/model/ids";
import { exemplarsAnswer, rangeAnswer } from "@/lib/server/metric-answers";
import { getSources } from "@/lib/server/sources";
import { type TraceAnswer, traceAnswer } from "@/lib/server/trace-answers";
import type { TracePreviewData } from "@/lib/trace-view/preview";
import { Placeholder } from "@/components/placeholder";
import { Explorer } from "./explorer";

export const metadata: Metadata = { title: "Explore · Exemplar Explorer" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A link to a trace is opened for the trace: the page tells the browser to fetch it at once
 * (before any script has run), and puts the trace's first rows into the HTML (or streams them in
 * as soon as the server has the trace), so they are on screen before the page's code has loaded.
 */
export default async function ExplorePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { trace, span, query, from, to, hist } = await searchParams;
  // The charts' data, asked for before any script runs: the same URLs the explorer will ask,
  // computed from the same moment (handed to it as its "now").
  // A server component renders once per request: this is the request's time, not a render's.
  // eslint-disable-next-line react-hooks/purity
  const nowMs = Date.now();
  const defaultQuery = getSources().suggestedQuery;
  const plan = chartPlan(
    (typeof query === "string" && query) || defaultQuery,
    typeof from === "string" ? from : DEFAULT_FROM,
    typeof to === "string" ? to : DEFAULT_TO,
    nowMs,
    // Without `hist`, the browser picks the form once it knows the histogram's: classic first.
    hist === "native" ? "native" : "classic",
  );
  if (plan) preloadChartData(plan);
  const traceId = typeof trace === "string" ? normalizeTraceId(trace) : undefined;
  let tracePreview: ReactNode = null;
  let chartPreview: ReactNode = null;
  const chartToDraw = plan && !tooMuchDemoWork(plan) ? plan : undefined;
  if (typeof trace === "string" && traceId) {
    const selectedSpanId = typeof span === "string" ? normalizeSpanId(span) : undefined;
    const answer = traceAnswer(traceId);
    // A real Prometheus answers while the trace is fetched; the demo world computes on this
    // server's one thread, so its chart waits until the trace is in.
    const earlyChart = chartToDraw && !getSources().metricsIsDemo ? drawChartPreview(chartToDraw) : undefined;
    // A trace that is quick to get goes into the page itself: streamed in later, React would
    // reveal it only after its reveal throttle. A slow one streams, rather than hold the page.
    const quick = await Promise.race([
      answer.then(
        (answered) => ({ preview: answered.preview() }),
        () => ({ preview: undefined }),
      ),
      new Promise<undefined>((resolve) => setTimeout(resolve, WAIT_FOR_TRACE_MS)),
    ]);
    // The browser fetches the trace before any script runs; not one known to be missing (Chrome
    // does not reuse a preloaded error, so the panel would ask a second time to explain it).
    if (!quick || quick.preview)
      preload(traceInPartsApiPath(trace), { as: "fetch", crossOrigin: "anonymous" });
    tracePreview = quick ? (
      previewOf(quick.preview, selectedSpanId)
    ) : (
      <Suspense fallback={null}>
        <StreamedTracePreview answer={answer} selectedSpanId={selectedSpanId} />
      </Suspense>
    );
    // The trace's rows are what a link to it is for: its page does not wait for the chart (up to
    // 300 ms; the demo's is ~0.2 s of this server's one thread), which streams in behind them
    // (or is in the page already, when it was done by then).
    chartPreview = chartToDraw ? (
      <Suspense fallback={<Placeholder label="Loading chart" />}>
        <StreamedChartPreview preview={earlyChart ?? drawChartPreview(chartToDraw)} />
      </Suspense>
    ) : null;
  } else if (chartToDraw) {
    chartPreview = await drawChartPreview(chartToDraw);
  }
  // No Suspense boundary around the explorer: a boundary's content is streamed and revealed after
  // React's reveal throttle, which held the first paint of the whole page back by ~300 ms.
  // The default query is known here: the charts' requests need not wait for /api/health.
  const account = await currentAccount();
  return (
    <Explorer
      tracePreview={tracePreview}
      chartPreview={chartPreview}
      defaultQuery={defaultQuery}
      initialNowMs={nowMs}
      account={account ? <AccountMenu account={account} /> : null}
    />
  );
}

type ChartPlan = NonNullable<ReturnType<typeof planQueries>> & { startMs: number; endMs: number };

function chartPlan(
  query: string | undefined,
  from: string,
  to: string,
  nowMs: number,
  kind: HistogramKind,
): ChartPlan | undefined {
  const range = resolveRange(from, to, nowMs);
  const plan = query && range.ok ? planQueries(query, range.startMs, range.endMs, kind) : undefined;
  return plan && range.ok ? { ...plan, startMs: range.startMs, endMs: range.endMs } : undefined;
}

function preloadChartData(plan: ChartPlan) {
  const paths = [
    ...plan.lines.map((line) => rangeApiPath(line.query, plan.startSec, plan.endSec, plan.stepSec)),
    ...(plan.bucketRates ? [rangeApiPath(plan.bucketRates, plan.startSec, plan.endSec, plan.stepSec)] : []),
    exemplarsApiPath(plan.exemplars, plan.exemplarsStartSec, plan.exemplarsEndSec),
  ];
  for (const path of paths) preload(path, { as: "fetch", crossOrigin: "anonymous" });
}

/**
 * The demo world answers on the server's one thread, so a timeout cannot cut its work short: a
 * long range of many series (24 h of all of them is ~2.5 s of work here) would hold the page
 * back, not only lose the preview. Past about a second of work (6 h of every series, ~20,000
 * exemplars, is ~0.85 s) the page goes first, without it.
 */
const DEMO_PREVIEW_MAX_WORK = 30_000;

function tooMuchDemoWork(plan: ChartPlan): boolean {
  return (
    getSources().metricsIsDemo &&
    demoAnswerWork(plan.exemplars, plan.exemplarsStartSec, plan.exemplarsEndSec) > DEMO_PREVIEW_MAX_WORK
  );
}

/**
 * How long the page waits for the chart's data to draw its preview. Prometheus usually answers
 * these in tens of milliseconds; a slower one only loses the preview (the live chart follows).
 */
const WAIT_FOR_CHART_MS = 300;

/**
 * The latency chart with its exemplars, drawn into the page so that it is on screen before the
 * page's code has run (~2 s on a slow machine). The questions are the browser's own (shared
 * with its requests right after); nothing when they fail, are slow or draw nothing.
 */
async function drawChartPreview(plan: ChartPlan): Promise<ReactNode> {
  const answers = Promise.all([
    Promise.all(
      plan.lines.map((line) =>
        rangeAnswer({
          query: line.query,
          startSec: plan.startSec,
          endSec: plan.endSec,
          stepSec: plan.stepSec,
        }),
      ),
    ),
    exemplarsAnswer(plan.exemplars, plan.exemplarsStartSec, plan.exemplarsEndSec),
  ]);
  const answered = await Promise.race([
    answers.catch(() => undefined),
    new Promise<undefined>((resolve) => setTimeout(resolve, WAIT_FOR_CHART_MS)),
  ]);
  if (!answered) return null;
  const [lineData, exemplars] = answered;
  const chart = mergeLines(plan.lines.map((line, i) => ({ label: line.label, data: lineData[i]! })));
  if (chart.rows.length === 0) return null;
  const preview = chartPreviewData(chart, exemplarPoints(exemplars), plan.startMs, plan.endMs);
  return <LatencyChartPreview preview={preview} lineLabels={chart.lines.map((line) => line.label)} />;
}

/** A chart preview sent after the page's first rows; the placeholder when there is none. */
async function StreamedChartPreview(props: { preview: Promise<ReactNode> }) {
  return (await props.preview) ?? <Placeholder label="Loading chart" />;
}

/**
 * How long the page waits for a linked trace before it streams it instead. Streamed rows are
 * revealed only after React's reveal throttle; waiting for a 50,000-span trace (~1 s here) showed
 * its rows sooner (0.59× → 0.49× of Jaeger UI's time). A slow backend delays the page this long.
 */
const WAIT_FOR_TRACE_MS = 1200;

async function StreamedTracePreview(props: { answer: Promise<TraceAnswer>; selectedSpanId?: string }) {
  const answer = await props.answer.catch(() => undefined);
  return previewOf(answer?.preview(), props.selectedSpanId);
}

/** Not found, or the backend failed: no preview; the trace panel explains it once its code has run. */
function previewOf(preview: TracePreviewData | undefined, selectedSpanId: string | undefined): ReactNode {
  return preview ? <TracePreview preview={preview} selectedSpanId={selectedSpanId} /> : null;
}
