import { AppError } from "../errors";
import { traceInPartsApiPath } from "../model/api-paths";
import type { Span, Trace } from "../model/trace";
import { fetchAnswer, readJsonAnswer } from "./fetch-json";
import type { TraceProgress } from "./trace-progress";

const NDJSON = "application/x-ndjson";

/**
 * The trace `traceId` from the explorer's server, as it arrives (see `traceInParts`); an error
 * answer throws the AppError it names. `onProgress`: how much has arrived, and of how many spans.
 */
export async function* fetchTraceInParts(
  traceId: string,
  signal: AbortSignal | undefined,
  onProgress?: (progress: TraceProgress) => void,
): AsyncGenerator<Trace> {
  const response = await fetchAnswer(
    traceInPartsApiPath(traceId),
    signal,
    `${NDJSON}, application/json;q=0.9`,
  );
  if (!response.ok || !response.body || !response.headers.get("content-type")?.startsWith(NDJSON)) {
    yield await readJsonAnswer<Trace>(response, "trace");
    return;
  }
  let spans: number | undefined;
  const lines = withBreaks(textLines(response.body, (bytes) => onProgress?.({ bytes, spans })));
  for await (const trace of traceInParts(lines, (count) => (spans = count))) {
    // For the benchmarks: the whole trace is here and read (its first part: `trace:first-part`).
    if (!trace.arriving) performance.mark("trace:received");
    yield trace;
    // The rest may all be here already (a preloaded answer): reading on at once would parse it
    // all before the page could draw the first rows. A frame for them first.
    if (trace.arriving) await afterNextPaint();
  }
}

/**
 * The items, with a break for the browser after each: the rest of a preloaded answer is all here
 * at once, and parsing its lines in one go held the page (frames, input) for ~0.1 s per 10,000
 * spans. A line is up to 2,000 spans, ~10 ms of parsing.
 */
async function* withBreaks<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const item of items) {
    yield item;
    await yieldToBrowser();
  }
}

/** `scheduler.yield()` where the browser has it (it resumes ahead of other tasks), else a task. */
function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

const afterNextPaint = () =>
  new Promise<void>((resolve) =>
    typeof requestAnimationFrame === "function"
      ? requestAnimationFrame(() => setTimeout(resolve, 0))
      : setTimeout(resolve, 0),
  );

/**
 * A trace answered as NDJSON (see lib/server/trace-json-stream.ts), as it arrives: its first rows
 * once the first line of spans is here, then the whole trace. Each trace yielded is a new object
 * that is never changed afterwards (React and the query cache compare by identity).
 */
export async function* traceInParts(
  lines: AsyncIterable<string>,
  onSpanCount?: (spans: number) => void,
): AsyncGenerator<Trace> {
  let summary: (Omit<Trace, "spans"> & { spanCount: number }) | undefined;
  const spans: Span[] = [];
  let shownFirstPart = false;
  for await (const line of lines) {
    if (line.trim() === "") continue;
    const parsed = parseLine(line, spans.length, summary?.spanCount);
    if (!summary) {
      summary = parsed as typeof summary;
      onSpanCount?.(summary!.spanCount);
      continue;
    }
    if (!Array.isArray(parsed))
      throw new AppError("internal", "The trace arrived in a form the explorer cannot read");
    for (const span of parsed as Span[]) spans.push(span);
    if (!shownFirstPart && spans.length < summary.spanCount) {
      shownFirstPart = true;
      performance.mark("trace:first-part");
      yield { ...withoutCount(summary), spans: spans.slice(), arriving: { totalSpans: summary.spanCount } };
    }
  }
  if (!summary) throw new AppError("internal", "The server's answer ended before the trace began");
  if (spans.length !== summary.spanCount) {
    throw new AppError(
      "backend_unreachable",
      `The trace's answer broke off after ${spans.length.toLocaleString("en")} of ${summary.spanCount.toLocaleString("en")} spans; try again`,
    );
  }
  yield { ...withoutCount(summary), spans };
}

/** A line of the answer; one cut short (the connection dropped mid-line) says how far it got. */
function parseLine(line: string, received: number, total: number | undefined): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new AppError(
      "backend_unreachable",
      total === undefined
        ? "The trace's answer broke off before its first spans; try again"
        : `The trace's answer broke off after ${received.toLocaleString("en")} of ${total.toLocaleString("en")} spans; try again`,
    );
  }
}

function withoutCount(summary: Omit<Trace, "spans"> & { spanCount: number }): Omit<Trace, "spans"> {
  const { spanCount: _count, ...rest } = summary;
  return rest;
}

/** The lines of a text stream as they complete (a line split across chunks is joined). */
export async function* textLines(
  body: ReadableStream<Uint8Array>,
  onBytes?: (received: number) => void,
): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // The line in progress: a line of 2,000 spans is ~1 MB, arriving in many chunks, and only each
  // new chunk is searched for its end. Appended with `+`, not joined from an array: JSON.parse
  // flattens the result at once (in Chromium, a 26 MB answer's lines took 255 ms to join and
  // parse, 175 ms this way).
  let line = "";
  let received = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      finished = done;
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (!done) {
        received += value.byteLength;
        onBytes?.(received);
      }
      let start = 0;
      for (let end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n", start)) {
        yield line + text.slice(start, end);
        line = "";
        start = end + 1;
      }
      if (start < text.length) line += text.slice(start);
      if (done) break;
    }
    if (line.length > 0) yield line;
  } finally {
    // Left early (the query was cancelled, or a line failed): the rest need not be downloaded.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
