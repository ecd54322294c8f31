import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/exemplars", () => {
  it("answers normalized exemplars per series", async () => {
    const now = Math.floor(Date.now() / 1000);
    const query = 'http_server_request_duration_seconds_bucket{job="api-gateway"}';
    const response = await GET(
      new Request(
        `http://localhost/api/exemplars?${new URLSearchParams({ query, start: String(now - 900), end: String(now) })}`,
      ),
    );
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.series.length).toBeGreaterThan(0);
    const exemplar = body.series[0].exemplars[0];
    expect(exemplar).toMatchObject({
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
      value: expect.any(Number),
      timestampSec: expect.any(Number),
    });
  });
});
