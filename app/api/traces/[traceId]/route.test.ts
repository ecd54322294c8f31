import { describe, expect, it, vi } from "vitest";
import { getSources } from "@/lib/server/sources";
import { GET as getExemplars } from "../../exemplars/route";
import { GET } from "./route";

const getTrace = (traceId: string) =>
  GET(new Request(`http://localhost/api/traces/${traceId}`), { params: Promise.resolve({ traceId }) });

describe("GET /api/traces/{traceId}", () => {
  it("answers a normalized trace for a demo exemplar", async () => {
    const now = Math.floor(Date.now() / 1000);
    const query = 'http_server_request_duration_seconds_bucket{job="users"}';
    const exemplars = await (
      await getExemplars(
        new Request(
          `http://localhost/api/exemplars?${new URLSearchParams({ query, start: String(now - 900), end: String(now) })}`,
        ),
      )
    ).json();
    const ids: string[] = exemplars.series.flatMap((s: { exemplars: { traceId: string }[] }) =>
      s.exemplars.map((e) => e.traceId),
    );
    const responses = await Promise.all(ids.slice(0, 30).map(getTrace));
    const found = responses.filter((r) => r.status === 200);
    expect(found.length).toBeGreaterThan(20);
    const trace = await found[0]!.json();
    expect(trace).toMatchObject({
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      source: "jaeger-v1",
      services: expect.arrayContaining(["frontend", "users"]),
    });
    expect(found[0]!.headers.get("cache-control")).toMatch(/max-age/);
  });

  it("answers 404 trace_not_found naming sampling and retention", async () => {
    const response = await getTrace("00000000000000000000000000000abc");
    expect(response.status).toBe(404);
    const { error } = await response.json();
    expect(error.code).toBe("trace_not_found");
    expect(error.message).toMatch(/sampled out/);
    expect(error.message).toMatch(/retention/);
  });

  it("fetches a trace once for many concurrent requests of it, and again after a failure", async () => {
    const getTraceFromSource = vi.spyOn(getSources().traces, "getTrace");
    const synthetic = "5e5e5e5e000000000000000000000bb8"; // 3,000 spans
    const answers = await Promise.all(Array.from({ length: 10 }, () => getTrace(synthetic)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    const bodies = await Promise.all(answers.map((a) => a.text()));
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!).spans).toHaveLength(3000);
    expect(getTraceFromSource).toHaveBeenCalledTimes(1);

    const missing = "00000000000000000000000000000abd";
    expect((await getTrace(missing)).status).toBe(404);
    expect((await getTrace(missing)).status).toBe(404);
    expect(getTraceFromSource).toHaveBeenCalledTimes(3);
    getTraceFromSource.mockRestore();
  });

  it("sends a trace of several MB in chunks, as it is serialized, saying first how many spans come", async () => {
    const response = await getTrace("5e5e5e5e000000000000000000004e20"); // 20,000 spans
    expect(response.status).toBe(200);
    expect(response.headers.get("x-span-count")).toBe("20000");
    const reader = response.body!.getReader();
    let chunks = 0;
    let bytes = 0;
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      chunks++;
      bytes += part.value.byteLength;
    }
    expect(bytes).toBeGreaterThan(5_000_000);
    expect(chunks).toBeGreaterThanOrEqual(10);
  });

  it.each(["xyz", "0".repeat(33), "..%2f..%2fetc", "abc@evil.example", "a\r\nb"])(
    "refuses %j with 400",
    async (id) => {
      const response = await getTrace(id);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    },
  );

  it("answers NDJSON when asked (?format=ndjson or Accept), the JSON contract to everyone else", async () => {
    const synthetic = "5e5e5e5e000000000000000000000bb8"; // 3,000 spans
    const ndjson = await GET(
      new Request(`http://localhost/api/traces/${synthetic}`, {
        headers: { Accept: "application/x-ndjson, application/json;q=0.9" },
      }),
      { params: Promise.resolve({ traceId: synthetic }) },
    );
    expect(ndjson.headers.get("content-type")).toBe("application/x-ndjson");
    expect(ndjson.headers.get("vary")).toBe("Accept");
    const [head, ...batches] = (await ndjson.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(head).toMatchObject({ traceId: synthetic, spanCount: 3000 });
    expect(batches.flat()).toHaveLength(3000);
    const byParameter = await GET(new Request(`http://localhost/api/traces/${synthetic}?format=ndjson`), {
      params: Promise.resolve({ traceId: synthetic }),
    });
    expect(byParameter.headers.get("content-type")).toBe("application/x-ndjson");

    const json = await getTrace(synthetic);
    expect(json.headers.get("content-type")).toBe("application/json");
    expect(json.headers.get("vary")).toBe("Accept");
    expect((await json.json()).spans).toHaveLength(3000);
  });
});
