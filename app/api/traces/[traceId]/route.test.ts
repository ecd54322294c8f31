import { describe, expect, it } from "vitest";
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

  it.each(["xyz", "0".repeat(33), "..%2f..%2fetc", "abc@evil.example", "a\r\nb"])(
    "refuses %j with 400",
    async (id) => {
      const response = await getTrace(id);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    },
  );
});
