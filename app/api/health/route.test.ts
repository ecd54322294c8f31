import { describe, expect, it } from "vitest";
import { GET } from "./route";

describe("GET /api/health", () => {
  it("reports demo mode with exemplar storage on", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      mode: "demo",
      metrics: { demo: true, reachable: true, exemplarStorage: true },
      traces: { demo: true, reachable: true },
      suggestedQuery: expect.stringContaining("http_server_request_duration_seconds"),
    });
  });
});
