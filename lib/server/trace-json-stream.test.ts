import { describe, expect, it } from "vitest";
import { generateSyntheticTrace } from "../demo/synthetic-trace";
import type { Span } from "../model/trace";
import { normalizeJaegerV1Trace } from "../traces/jaeger-v1";
import { buildSpanTree } from "../trace-view/span-tree";
import { traceJsonStream, traceNdjsonStream } from "./trace-json-stream";

const trace = normalizeJaegerV1Trace(generateSyntheticTrace(5_000));

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), chunks };
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
}

describe("traceJsonStream", () => {
  it("writes the trace as JSON equal to it, in several chunks", async () => {
    const { text, chunks } = await readAll(traceJsonStream(trace, 1_000));
    expect(JSON.parse(text)).toEqual(trace);
    expect(chunks).toBeGreaterThanOrEqual(6);
  });

  it("sends its first bytes before the last span is serialized", async () => {
    let lastSerialized = false;
    const last = trace.spans.at(-1)!;
    const watched = {
      ...trace,
      spans: [
        ...trace.spans.slice(0, -1),
        {
          ...last,
          toJSON() {
            lastSerialized = true;
            return { ...last };
          },
        } as Span,
      ],
    };
    const reader = traceJsonStream(watched, 1_000).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toMatch(/^\{"traceId":"[0-9a-f]{32}",.*"spans":\[$/);
    await reader.read();
    expect(lastSerialized).toBe(false);
    await reader.cancel();
  });

  it("writes an empty span list and a single batch correctly", async () => {
    expect(JSON.parse((await readAll(traceJsonStream({ ...trace, spans: [] }))).text)).toEqual({
      ...trace,
      spans: [],
    });
    const small = { ...trace, spans: trace.spans.slice(0, 3) };
    expect(JSON.parse((await readAll(traceJsonStream(small))).text)).toEqual(small);
  });
});

describe("traceNdjsonStream", () => {
  const lines = (text: string) =>
    text
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));

  it("writes the summary with its span count, then every span once, parents before their children", async () => {
    const { text, chunks } = await readAll(traceNdjsonStream(trace, undefined, 1_000, 200));
    const [head, ...batches] = lines(text);
    const { spans, ...summary } = trace;
    expect(head).toEqual({ ...summary, spanCount: spans.length });
    expect(batches.map((b: unknown[]) => b.length)).toEqual([200, 1_000, 1_000, 1_000, 1_000, 800]);
    expect(chunks).toBe(7);
    const sent: Span[] = batches.flat();
    expect(new Set(sent.map((s) => s.spanId))).toEqual(new Set(spans.map((s) => s.spanId)));
    expect(sent).toHaveLength(spans.length);
    // In the waterfall's row order: any prefix holds each of its spans' parents.
    const seen = new Set<string>();
    for (const span of sent) {
      if (span.parentSpanId) expect(seen.has(span.parentSpanId)).toBe(true);
      seen.add(span.spanId);
    }
    expect(sent.map((s) => s.spanId)).toEqual(
      Array.from(buildSpanTree(trace).order, (i) => spans[i]!.spanId),
    );
  });

  it("sends the first rows before the last span is serialized", async () => {
    let lastSerialized = false;
    const last = trace.spans.at(-1)!;
    const watched = {
      ...trace,
      spans: trace.spans.map((span) =>
        span === last
          ? ({
              ...last,
              toJSON() {
                lastSerialized = true;
                return { ...last };
              },
            } as Span)
          : span,
      ),
    };
    const reader = traceNdjsonStream(watched, undefined, 1_000, 100).getReader();
    const decoder = new TextDecoder();
    const head = decoder.decode((await reader.read()).value);
    expect(JSON.parse(head)).toMatchObject({ spanCount: trace.spans.length });
    const firstRows = JSON.parse(decoder.decode((await reader.read()).value));
    expect(firstRows).toHaveLength(100);
    expect(lastSerialized).toBe(false);
    await reader.cancel();
  });

  it("writes a trace without spans as its summary alone", async () => {
    const { text } = await readAll(traceNdjsonStream({ ...trace, spans: [] }));
    const { spans: _spans, ...summary } = trace;
    expect(lines(text)).toEqual([{ ...summary, spanCount: 0 }]);
  });
});
