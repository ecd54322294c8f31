import { describe, expect, it } from "vitest";
import { generateSyntheticTrace } from "../demo/synthetic-trace";
import type { Span } from "../model/trace";
import { normalizeJaegerV1Trace } from "../traces/jaeger-v1";
import { traceJsonStream } from "./trace-json-stream";

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
