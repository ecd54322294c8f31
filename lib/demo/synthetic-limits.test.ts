import { beforeEach, describe, expect, it } from "vitest";
import { createDemoJaeger } from "./jaeger-api";
import { MAX_SYNTHETIC_SPANS, syntheticTraceId } from "./synthetic-trace";

/** Synthetic traces cost the server far more than the request: their size and rate are bounded. */

const NOW = Date.parse("2026-11-24T12:00:00Z");
let nowMs = NOW;
let jaeger: (traceId: string) => Promise<Response>;

const BUDGET = 3_000;

beforeEach(() => {
  const fetch = createDemoJaeger({ seed: 1 }, () => nowMs, BUDGET);
  jaeger = (traceId) => fetch(new URL(`demo://jaeger/api/traces/${traceId}`));
  nowMs = NOW;
});

describe("synthetic traces", () => {
  it("refuse more than the advertised cap, saying what it is", async () => {
    const response = await jaeger(syntheticTraceId(MAX_SYNTHETIC_SPANS + 1));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("at most 50,000 spans");
  });

  it("are made at most so many spans a minute; kept answers still come, and the budget refills", async () => {
    for (const size of [1_000, 999, 998]) expect((await jaeger(syntheticTraceId(size))).status).toBe(200);

    const refused = await jaeger(syntheticTraceId(900));
    expect(refused.status).toBe(503);
    expect(await refused.text()).toMatch(/at most 3,000 synthetic spans a minute; try again in \d+ s/);
    // One already made is kept, and costs nothing.
    expect((await jaeger(syntheticTraceId(1_000))).status).toBe(200);

    nowMs += 30_000;
    expect((await jaeger(syntheticTraceId(900))).status).toBe(200);
  });

  it("make the advertised largest one within the default budget", async () => {
    const fetch = createDemoJaeger({ seed: 1 }, () => nowMs);
    const answer = await fetch(new URL(`demo://jaeger/api/traces/${syntheticTraceId(MAX_SYNTHETIC_SPANS)}`));
    expect(answer.status).toBe(200);
    // Well under the 64 MiB answer cap of the backend client.
    expect((await answer.text()).length).toBeLessThan(40 * 1024 * 1024);
  }, 30_000);
});
