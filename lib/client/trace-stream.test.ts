import { afterEach, describe, expect, it, vi } from "vitest";
import { generateSyntheticTrace } from "../demo/synthetic-trace";
import { AppError } from "../errors";
import type { Trace } from "../model/trace";
import { traceNdjsonStream } from "../server/trace-json-stream";
import { normalizeJaegerV1Trace } from "../traces/jaeger-v1";
import { fetchTraceInParts, textLines, traceInParts } from "./trace-stream";

const trace = normalizeJaegerV1Trace(generateSyntheticTrace(3_000));
const sameSpans = (a: Trace, b: Trace) =>
  expect([...a.spans].sort(bySpanId)).toEqual([...b.spans].sort(bySpanId));
const bySpanId = (x: { spanId: string }, y: { spanId: string }) => (x.spanId < y.spanId ? -1 : 1);

/** A body whose chunks the test hands over one by one, to see what is read before the rest. */
function controlledBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    body,
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

describe("textLines", () => {
  it("yields each line once it is complete, joining lines split across chunks and characters split across bytes", async () => {
    const bytes = new TextEncoder().encode('{"a":"é"}\n[1,2]\nlast');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // Split inside the two-byte "é" and inside the second line.
        for (const [from, to] of [
          [0, 7],
          [7, 13],
          [13, bytes.length],
        ])
          controller.enqueue(bytes.slice(from, to));
        controller.close();
      },
    });
    const received: number[] = [];
    const lines: string[] = [];
    for await (const line of textLines(body, (n) => received.push(n))) lines.push(line);
    expect(lines).toEqual(['{"a":"é"}', "[1,2]", "last"]);
    expect(received.at(-1)).toBe(bytes.length);
  });
});

describe("traceInParts", () => {
  it("gives the first rows before the rest has arrived, then the whole trace", async () => {
    const { body, send, end } = controlledBody();
    const serverLines = (await new Response(traceNdjsonStream(trace, undefined, 1_000, 200)).text()).split(
      "\n",
    );
    const parts = traceInParts(textLines(body));
    send(`${serverLines[0]}\n${serverLines[1]}\n`);
    const first = await parts.next();
    // Only the summary and the first line have been sent: the rest is not here yet.
    expect(first.value).toMatchObject({ arriving: { totalSpans: 3_000 }, durationUs: trace.durationUs });
    expect((first.value as Trace).spans).toHaveLength(200);
    expect((first.value as Trace).spans[0]!.parentSpanId).toBeUndefined();
    send(serverLines.slice(2).join("\n"));
    end();
    const whole = (await parts.next()).value as Trace;
    expect(whole.arriving).toBeUndefined();
    sameSpans(whole, trace);
    expect({ ...whole, spans: [] }).toEqual({ ...trace, spans: [] });
    expect((await parts.next()).done).toBe(true);
    // The first part was not changed by what came after it.
    expect((first.value as Trace).spans).toHaveLength(200);
  });

  it("gives a small trace whole, once", async () => {
    const small = { ...trace, spans: trace.spans.slice(0, 50) };
    const yielded: Trace[] = [];
    for await (const t of traceInParts(textLines(traceNdjsonStream(small)))) yielded.push(t);
    expect(yielded).toHaveLength(1);
    expect(yielded[0]!.arriving).toBeUndefined();
    expect(yielded[0]!.spans).toHaveLength(50);
  });

  it("fails the same way when the answer breaks off in the middle of a line", async () => {
    const serverLines = (await new Response(traceNdjsonStream(trace, undefined, 1_000, 200)).text()).split(
      "\n",
    );
    const { body, send, end } = controlledBody();
    send(`${serverLines[0]}\n${serverLines[1]}\n${serverLines[2]!.slice(0, 5_000)}`);
    end();
    const parts = traceInParts(textLines(body));
    await parts.next();
    await expect(parts.next()).rejects.toEqual(
      new AppError("backend_unreachable", "The trace's answer broke off after 200 of 3,000 spans; try again"),
    );
  });

  it("fails, saying how far it got, when the answer breaks off", async () => {
    const serverLines = (await new Response(traceNdjsonStream(trace, undefined, 1_000, 200)).text()).split(
      "\n",
    );
    const { body, send, end } = controlledBody();
    send(serverLines.slice(0, 3).join("\n") + "\n");
    end();
    const parts = traceInParts(textLines(body));
    await parts.next();
    await expect(parts.next()).rejects.toEqual(
      new AppError(
        "backend_unreachable",
        "The trace's answer broke off after 1,200 of 3,000 spans; try again",
      ),
    );
  });
});

describe("fetchTraceInParts", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lets the page run between the lines of an answer that is all here already (a preloaded one)", async () => {
    // The route's own stream: a first part of 200 spans, then lines of 500.
    vi.stubGlobal(
      "fetch",
      async () =>
        new Response(traceNdjsonStream(trace, undefined, 500, 200), {
          headers: { "Content-Type": "application/x-ndjson" },
        }),
    );
    let tasks = 0;
    let reading = true;
    const countTasks = () => {
      tasks++;
      if (reading) setTimeout(countTasks, 0);
    };
    const parts: Trace[] = [];
    for await (const part of fetchTraceInParts(trace.traceId, undefined)) {
      if (parts.length === 0) setTimeout(countTasks, 0);
      parts.push(part);
    }
    reading = false;
    expect(parts.map((part) => part.spans.length)).toEqual([200, 3_000]);
    // Six lines of spans after the first part: a break after each, not one long task.
    expect(tasks).toBeGreaterThanOrEqual(6);
  });
});
