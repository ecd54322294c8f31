import { describe, expect, it } from "vitest";
import { GET } from "./route";

const call = (params: Record<string, string>) =>
  GET(new Request(`http://localhost/api/metrics/query_range?${new URLSearchParams(params)}`));
const now = Math.floor(Date.now() / 1000);

describe("GET /api/metrics/query_range", () => {
  it("answers a Prometheus matrix", async () => {
    const response = await call({
      query:
        'histogram_quantile(0.9, sum by (le) (rate(http_server_request_duration_seconds_bucket{job="users"}[1m])))',
      start: String(now - 600),
      end: String(now),
      step: "60",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toMatch(/^no-store(, no-transform)?$/);
    const body = await response.json();
    expect(body.resultType).toBe("matrix");
    expect(body.result[0].values.length).toBeGreaterThan(5);
  });

  it.each([
    [{ start: "0", end: "1", step: "1" }, /parameter "query": is required/],
    [{ query: "x", start: "soon", end: "1", step: "1" }, /parameter "start"/],
    [{ query: "x", start: "10", end: "5", step: "1" }, /parameter "end": must not be before start/],
    [{ query: "x", start: "0", end: "100000", step: "1" }, /more than 11,000 points/],
    [{ query: "x", start: "0", end: "10", step: "-5" }, /parameter "step"/],
    [{ query: "x".repeat(5000), start: "0", end: "10", step: "1" }, /longer than 4096/],
  ])("refuses %j with 400 before calling Prometheus", async (params, message) => {
    const response = await call(params);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toMatch(message);
  });

  it("passes Prometheus's parse error through with its position", async () => {
    const response = await call({
      query: "sum by (le (rate(x[5m])",
      start: String(now - 60),
      end: String(now),
      step: "15",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: "invalid_query",
      message: /1:11: parse error/,
    });
  });
});
