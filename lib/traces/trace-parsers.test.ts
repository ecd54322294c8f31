import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import type { BackendTarget } from "../upstream/call-backend";
import { readFixture } from "../testing/fixtures";
import { normalizeJaegerV1Trace } from "./jaeger-v1";
import { jaegerV1Trace } from "./jaeger-v1-wire";
import { JaegerV1Source, JaegerV3Source } from "./jaeger-source";
import { normalizeOtlpId } from "./otlp";
import { TempoSource } from "./tempo-source";
import type { TraceSource } from "./trace-source";

/** Contract tests of every trace parser on recorded answers, and their behaviour on garbage. */

function answering(status: number, body: string, contentType = "application/json"): BackendTarget {
  return {
    displayName: "Backend",
    baseUrl: new URL("http://traces.test"),
    headers: {},
    fetch: async () => new Response(body, { status, headers: { "Content-Type": contentType } }),
    timeoutMs: 1000,
    maxResponseBytes: 10e6,
  };
}

const ID = "83a9efd15c1c98a977e0711cc93ee28b";

describe("Jaeger v1", () => {
  it("normalizes a whole recorded answer", async () => {
    const trace = await new JaegerV1Source(
      answering(200, readFixture("jaeger/v1-trace-otlp2jaeger.json")),
    ).getTrace(ID);
    expect(trace.traceId).toBe(ID);
    expect(trace.source).toBe("jaeger-v1");
    // The recording holds the same span twice (Jaeger's handler duplicates it), under a parent
    // that is not in the trace: both are kept, each with a warning.
    expect(trace.spans).toHaveLength(2);
    expect(trace.spans.every((s) => s.kind === "server" && s.parentSpanId === "909541b92cf05311")).toBe(true);
    expect(trace.warnings.join("\n")).toMatch(/e127af99e3b3e074 occurs more than once/);
    expect(trace.warnings.join("\n")).toMatch(/not in the trace; shown as a root/);
    expect(trace.services).toContain("telemetrygen");
    expect(trace.durationUs).toBeGreaterThan(0);
    for (const span of trace.spans) expect(span.resource).toBeDefined();
  });

  it("pads a 31-digit trace ID and keeps children that outlive their parent", () => {
    for (const name of [
      "ui-trace-spansAmongEachOther.json",
      "ui-trace-traceWithOverlappingChildren.json",
      "ui-trace-traceWithSingleChildLongerThanParentAndStartsAfterParent.json",
    ]) {
      const trace = normalizeJaegerV1Trace(jaegerV1Trace.parse(JSON.parse(readFixture(`jaeger/${name}`))));
      expect(trace.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(trace.spans.every((s) => /^[0-9a-f]{16}$/.test(s.spanId))).toBe(true);
    }
  });

  it("keeps FOLLOWS_FROM as a link, not a parent, and reads status and events from tags and logs", () => {
    const trace = normalizeJaegerV1Trace({
      traceID: "ab",
      processes: { p1: { serviceName: "svc", tags: [{ key: "host.name", type: "string", value: "h" }] } },
      spans: [
        {
          traceID: "ab",
          spanID: "1",
          operationName: "root",
          startTime: 10,
          duration: 100,
          processID: "p1",
          references: [],
          tags: [
            { key: "span.kind", type: "string", value: "server" },
            { key: "error", type: "bool", value: true },
          ],
          logs: [
            {
              timestamp: 20,
              fields: [
                { key: "event", type: "string", value: "exception" },
                { key: "exception.message", type: "string", value: "boom" },
              ],
            },
          ],
        },
        {
          traceID: "ab",
          spanID: "2",
          operationName: "later",
          startTime: 200,
          duration: 5,
          processID: "p1",
          references: [{ refType: "FOLLOWS_FROM", traceID: "ab", spanID: "1" }],
        },
        {
          traceID: "ab",
          spanID: "3",
          operationName: "orphan",
          startTime: 20,
          duration: 5,
          processID: "p1",
          references: [{ refType: "CHILD_OF", traceID: "ab", spanID: "99" }],
        },
        {
          traceID: "ab",
          spanID: "3",
          operationName: "duplicate",
          startTime: 30,
          duration: 5,
          processID: "p1",
        },
      ],
    });
    const [root, later] = trace.spans;
    expect(root).toMatchObject({
      kind: "server",
      status: "error",
      resource: { "host.name": "h" },
      events: [{ timeUs: 20, name: "exception", attributes: { "exception.message": "boom" } }],
    });
    expect(later!.parentSpanId).toBeUndefined();
    expect(later!.links).toEqual([
      { traceId: "0".repeat(30) + "ab", spanId: "0".repeat(15) + "1", kind: "follows_from", attributes: {} },
    ]);
    expect(trace.spans).toHaveLength(4);
    expect(trace.warnings.join("\n")).toMatch(/occurs more than once/);
    expect(trace.warnings.join("\n")).toMatch(/not in the trace; shown as a root/);
  });

  it("turns Jaeger's 404 (JSON labeled text/plain) into trace_not_found", async () => {
    const body =
      '{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]}';
    await expect(
      new JaegerV1Source(answering(404, body, "text/plain; charset=utf-8")).getTrace(ID),
    ).rejects.toMatchObject({ code: "trace_not_found", status: 404 });
  });
});

describe("Jaeger v3 (OTLP JSON)", () => {
  it("normalizes the recorded GetTrace answer: enum numbers, hex IDs", async () => {
    const trace = await new JaegerV3Source(answering(200, readFixture("jaeger/v3-GetTrace.json"))).getTrace(
      "1",
    );
    expect(trace.source).toBe("jaeger-v3");
    expect(trace.traceId).toBe("00000000000000000000000000000001");
    expect(trace.spans[0]).toMatchObject({
      spanId: "0000000000000002",
      name: "foobar",
      kind: "server",
      status: "error",
      serviceName: "unknown service",
    });
    expect(trace.warnings.join()).toMatch(/no start or end time/);
  });
});

describe("Tempo", () => {
  it("normalizes the recorded batches form: resource service name, nanosecond strings", async () => {
    const trace = await new TempoSource(answering(200, readFixture("tempo/v1-trace-batches.json"))).getTrace(
      "5b8efff798038103d269b633813fc60c",
    );
    expect(trace.source).toBe("tempo");
    expect(trace.traceId).toBe("5b8efff798038103d269b633813fc60c");
    const span = trace.spans[0]!;
    expect(span).toMatchObject({
      serviceName: "my.service",
      kind: "server",
      spanId: "eee19b7ec3c1b174",
      parentSpanId: "eee19b7ec3c1b173",
      startUs: 1544712660000000,
      durationUs: 1_000_000,
    });
    expect(span.attributes["my.span.attr"]).toBe("some value");
  });

  it("reads base64 IDs, kind names and keeps int64 beyond 2^53 exact", async () => {
    const body = JSON.stringify({
      batches: [
        {
          resource: { attributes: [{ key: "service.name", value: { stringValue: "api" } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: Buffer.from("0af7651916cd43dd8448eb211c80319c", "hex").toString("base64"),
                  spanId: Buffer.from("b7ad6b7169203331", "hex").toString("base64"),
                  name: "GET",
                  kind: "SPAN_KIND_CLIENT",
                  startTimeUnixNano: "1700000000123456789",
                  endTimeUnixNano: "1700000000223456789",
                  attributes: [
                    { key: "big", value: { intValue: "9007199254740993" } },
                    { key: "small", value: { intValue: "42" } },
                    {
                      key: "list",
                      value: { arrayValue: { values: [{ intValue: "1" }, { stringValue: "a" }] } },
                    },
                    { key: "bad", value: "not an AnyValue" },
                  ],
                  status: { code: "STATUS_CODE_ERROR", message: "boom" },
                },
              ],
            },
          ],
        },
      ],
    });
    const trace = await new TempoSource(answering(200, body)).getTrace("0af7651916cd43dd8448eb211c80319c");
    expect(trace.traceId).toBe("0af7651916cd43dd8448eb211c80319c");
    expect(trace.spans[0]).toMatchObject({
      spanId: "b7ad6b7169203331",
      kind: "client",
      status: "error",
      startUs: 1700000000123456,
      durationUs: 100000,
    });
    expect(trace.spans[0]!.attributes).toMatchObject({
      big: "9007199254740993",
      small: 42,
      list: [1, "a"],
      bad: null,
      "otel.status_description": "boom",
    });
  });

  it("normalizes IDs in either encoding", () => {
    expect(normalizeOtlpId("CvdlGRbNQ92ESOshHIAxnA==", 32)).toBe("0af7651916cd43dd8448eb211c80319c");
    expect(normalizeOtlpId("ABC", 16)).toBe("0000000000000abc");
    expect(normalizeOtlpId("not an id!", 16)).toBeUndefined();
  });
});

describe("every trace parser on hostile payloads", () => {
  const sources: [string, (t: BackendTarget) => TraceSource, string][] = [
    ["Jaeger v1", (t) => new JaegerV1Source(t), readFixture("jaeger/v1-trace-otlp2jaeger.json")],
    ["Jaeger v3", (t) => new JaegerV3Source(t), readFixture("jaeger/v3-GetTrace.json")],
    ["Tempo", (t) => new TempoSource(t), readFixture("tempo/v1-trace-batches.json")],
  ];

  it.each(sources)(
    "%s: random and truncated bodies give a typed error or a valid trace, never a crash",
    async (_name, make, recorded) => {
      const bodies = fc.oneof(
        fc.nat({ max: recorded.length }).map((n) => recorded.slice(0, n)),
        fc.json(),
        fc.string(),
        fc.jsonValue().map((v) => JSON.stringify({ data: [v], result: v, batches: [v] })),
      );
      await fc.assert(
        fc.asyncProperty(bodies, fc.constantFrom(200, 404, 500, 502), async (body, status) => {
          try {
            const trace = await make(answering(status, body)).getTrace(ID);
            expect(trace.spans.length).toBeGreaterThan(0);
            expect(Number.isFinite(trace.durationUs)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            expect(["trace_not_found", "backend_malformed", "backend_error"]).toContain(
              (error as AppError).code,
            );
          }
        }),
        { numRuns: 200 },
      );
    },
  );
});

describe("what a trace backend may not slip through", () => {
  const v1 = (traceID: string, tags: { key: string; type: string; value: unknown }[] = []) =>
    JSON.stringify({
      data: [
        {
          traceID,
          spans: [
            {
              traceID,
              spanID: "01",
              operationName: "op",
              startTime: 1,
              duration: 2,
              tags,
              references: [],
              processID: "p1",
            },
          ],
          processes: { p1: { serviceName: "svc", tags: [] } },
        },
      ],
      errors: null,
    });

  it("refuses an answer for another trace, or with an ID that is not hex, as malformed", async () => {
    for (const answered of ["ffff", "javascript:alert(1)"]) {
      await expect(new JaegerV1Source(answering(200, v1(answered))).getTrace(ID)).rejects.toMatchObject({
        code: "backend_malformed",
        message: expect.stringContaining(`answered another trace than ${ID}`),
      });
    }
    expect((await new JaegerV1Source(answering(200, v1(ID.toUpperCase()))).getTrace(ID)).traceId).toBe(ID);
  });

  it("keeps an attribute keyed __proto__ as text, on its own span only", async () => {
    const trace = await new JaegerV1Source(
      answering(200, v1(ID, [{ key: "__proto__", type: "string", value: "polluted" }])),
    ).getTrace(ID);
    const attributes = trace.spans[0]!.attributes;
    expect(Object.keys(attributes)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(attributes, "__proto__")?.value).toBe("polluted");
    expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(attributes))).toEqual(attributes);
  });

  it("answers an answer nested 200,000 deep as malformed, not as a server error", async () => {
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const body = v1(ID).replace('"tags":[]', `"tags":[{"key":"k","type":"string","value":${deep}}]`);
    await expect(new JaegerV1Source(answering(200, body)).getTrace(ID)).rejects.toMatchObject({
      code: "backend_malformed",
      message: expect.stringContaining("nested too deeply"),
    });
  });
});
