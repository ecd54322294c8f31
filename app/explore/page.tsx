import type { Metadata } from "next";
import { type ReactNode, Suspense } from "react";
import { preload } from "react-dom";
import { TracePreview } from "@/components/waterfall/trace-preview";
import { traceApiPath } from "@/lib/model/api-paths";
import { normalizeSpanId, normalizeTraceId } from "@/lib/model/ids";
import type { Trace } from "@/lib/model/trace";
import { traceAnswer } from "@/lib/server/trace-answers";
import { Explorer } from "./explorer";

export const metadata: Metadata = { title: "Explore · Exemplar Explorer" };

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A link to a trace is opened for the trace: the page tells the browser to fetch it at once
 * (before any script has run), and puts the trace's first rows into the HTML (or streams them in
 * as soon as the server has the trace), so they are on screen before the page's code has loaded.
 */
export default async function ExplorePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { trace, span } = await searchParams;
  const traceId = typeof trace === "string" ? normalizeTraceId(trace) : undefined;
  let tracePreview: ReactNode = null;
  if (typeof trace === "string" && traceId) {
    preload(traceApiPath(trace), { as: "fetch", crossOrigin: "anonymous" });
    const selectedSpanId = typeof span === "string" ? normalizeSpanId(span) : undefined;
    const answer = traceAnswer(traceId);
    // A trace that is quick to get goes into the page itself: streamed in later, React would
    // reveal it only after its reveal throttle. A slow one streams, rather than hold the page.
    const quick = await Promise.race([
      answer.then(
        (json) => ({ json }),
        () => ({ json: undefined }),
      ),
      new Promise<undefined>((resolve) => setTimeout(resolve, WAIT_FOR_TRACE_MS)),
    ]);
    tracePreview = quick ? (
      previewOf(quick.json, selectedSpanId)
    ) : (
      <Suspense fallback={null}>
        <StreamedTracePreview answer={answer} selectedSpanId={selectedSpanId} />
      </Suspense>
    );
  }
  // No Suspense boundary around the explorer: a boundary's content is streamed and revealed after
  // React's reveal throttle, which held the first paint of the whole page back by ~300 ms.
  return <Explorer tracePreview={tracePreview} />;
}

/** How long the page waits for a linked trace before it streams it instead. */
const WAIT_FOR_TRACE_MS = 250;

async function StreamedTracePreview(props: { answer: Promise<string>; selectedSpanId?: string }) {
  const json = await props.answer.catch(() => undefined);
  return previewOf(json, props.selectedSpanId);
}

/** Not found, or the backend failed: no preview; the trace panel explains it once its code has run. */
function previewOf(json: string | undefined, selectedSpanId: string | undefined): ReactNode {
  if (json === undefined) return null;
  return <TracePreview trace={JSON.parse(json) as Trace} selectedSpanId={selectedSpanId} />;
}
