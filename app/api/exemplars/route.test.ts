import { describe, expect, it, vi } from "vitest";
import { exemplarsAnswer } from "@/lib/server/metric-answers";
import { getSources } from "@/lib/server/sources";
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

  it("asks the backend once for the page's preview and the browser's requests of the same range", async () => {
    const askBackend = vi.spyOn(getSources().metrics, "exemplars");
    const now = Math.floor(Date.now() / 1000);
    const query = 'http_server_request_duration_seconds_bucket{job="users"}';
    const url = `http://localhost/api/exemplars?${new URLSearchParams({ query, start: String(now - 600), end: String(now) })}`;
    // The page asks first (for its preview), then three browsers ask the same URL.
    const [preview, ...answers] = await Promise.all([
      exemplarsAnswer(query, now - 600, now),
      ...Array.from({ length: 3 }, () => GET(new Request(url))),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await answers[0]!.json()).toEqual(JSON.parse(JSON.stringify(preview)));
    expect(askBackend).toHaveBeenCalledTimes(1);
    // Another range is another question.
    expect((await GET(new Request(url.replace(`end=${now}`, `end=${now + 1}`)))).status).toBe(200);
    expect(askBackend).toHaveBeenCalledTimes(2);
    askBackend.mockRestore();
  });
});
