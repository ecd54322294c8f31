import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  JAEGER_URL,
  PROMETHEUS_URL,
  type Routes,
  getExemplars,
  getTrace,
  loadRoutes,
  stack,
  tracesKeptSinceSec,
} from "./stack";

/**
 * Load and faults, bounded in time and on loopback only: 50 clients against the explorer of the
 * real stack; Jaeger and Prometheus stopped mid-run; backends that are slow, answer garbage, cut
 * their answer short, or send a 200 MB trace.
 */

const EXPLORER = `http://127.0.0.1:${stack.STACK_PORTS.explorer}`;
const BUCKETS = "http_server_request_duration_seconds_bucket";

/** Peak resident memory of a process so far, in MB (Linux). */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/** Trace IDs the explorer has been asked for already (its shared answers may hold them). */
const openedInExplorer = new Set<string>();

/** Up to `count` traces Jaeger holds, none of which the explorer has been asked for yet. */
async function keptTraceIds(routes: Routes, count: number): Promise<string[]> {
  const since = await tracesKeptSinceSec(15);
  const { series } = await getExemplars(routes, BUCKETS, 300);
  const ids: string[] = [];
  for (const e of series.flatMap((s) => s.exemplars)) {
    if (e.timestampSec < since || Date.now() / 1000 - e.timestampSec < 8) continue;
    if (openedInExplorer.has(e.traceId) || ids.includes(e.traceId)) continue;
    if ((await getTrace(routes, e.traceId)).status === 200) ids.push(e.traceId);
    if (ids.length === count) break;
  }
  for (const id of ids) openedInExplorer.add(id);
  return ids;
}

let routes: Routes;
beforeAll(async () => {
  routes = await loadRoutes({ PROMETHEUS_URL, JAEGER_URL, BACKEND_TIMEOUT_MS: "5000" });
});

describe("50 concurrent clients on the real stack", () => {
  it("get every answer right with bounded memory", async () => {
    const traceIds = await keptTraceIds(routes, 10);
    expect(traceIds.length).toBeGreaterThan(3);
    const now = Math.floor(Date.now() / 1000);
    const exemplarsPath = `/api/exemplars?${new URLSearchParams({ query: BUCKETS, start: String(now - 300), end: String(now) })}`;
    let i = 0;
    const result = await autocannon({
      url: EXPLORER,
      connections: 50,
      amount: 3000,
      timeout: 10,
      requests: [
        {
          // Alternate traces and exemplars, across several traces.
          setupRequest: (request) => ({
            ...request,
            path: i++ % 3 === 0 ? exemplarsPath : `/api/traces/${traceIds[i % traceIds.length]}`,
          }),
        },
      ],
    });
    const pid = stack.pidOf("explorer")!;
    const peak = peakRssMb(pid);
    console.log(
      `load: ${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}, explorer peak RSS ${peak.toFixed(0)} MB`,
    );
    expect(result.requests.total).toBe(3000);
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(peak).toBeLessThan(1024);
  });
});

describe("a backend stopped mid-run", () => {
  afterAll(async () => {
    if (!stack.pidOf("jaeger")) {
      stack.startJaeger();
      await stack.waitForJaeger();
    }
    if (!stack.pidOf("prometheus")) {
      stack.startPrometheus();
      await stack.waitForPrometheus();
    }
  });

  /**
   * Requests `path` every 50 ms while a backend is stopped and started again; returns the
   * answers seen while it was down and those after it was back.
   */
  async function throughOutage(
    path: string | (() => string),
    stop: () => Promise<unknown>,
    start: () => Promise<void>,
  ) {
    const seen: { status: number; ms: number; at: number; body: string }[] = [];
    let running = true;
    const polling = (async () => {
      while (running) {
        const started = Date.now();
        const response = await fetch(`${EXPLORER}${typeof path === "string" ? path : path()}`);
        seen.push({
          status: response.status,
          ms: Date.now() - started,
          at: started,
          body: await response.text(),
        });
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await vi.waitFor(() => expect(seen.length).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 50 });
    await stop();
    const downAt = Date.now();
    // The outage itself: the backend stays down this long while the requests go on.
    await new Promise((r) => setTimeout(r, 1500));
    await start();
    const upAt = Date.now();
    await vi.waitFor(() => expect(seen.filter((s) => s.at > upAt + 100).length).toBeGreaterThan(3), {
      timeout: 15_000,
      interval: 50,
    });
    running = false;
    await polling;
    const whileDown = seen.filter((s) => s.at > downAt + 100 && s.at + s.ms < upAt - 500);
    const after = seen.filter((s) => s.at > upAt + 100);
    expect(whileDown.length).toBeGreaterThan(3);
    expect(after.length).toBeGreaterThan(3);
    return { whileDown, after };
  }

  it("Jaeger: fast 502s naming it while down, clean answers again once back", async () => {
    // Not one of the load test's traces: the explorer may share an answer to those that is about
    // to expire, and this test needs one kept from the moment it asks.
    const [kept] = await keptTraceIds(routes, 1);
    expect(kept).toBeDefined();
    // A trace the store does not have: failures are never shared, so each request asks Jaeger.
    const missing = "00000000000000000000000000c0ffee";
    let keptWhileDown: number | undefined;
    const { whileDown, after } = await throughOutage(
      `/api/traces/${missing}`,
      async () => {
        expect((await fetch(`${EXPLORER}/api/traces/${kept}`)).status).toBe(200);
        await stack.stopProcess("jaeger");
        keptWhileDown = (await fetch(`${EXPLORER}/api/traces/${kept}`)).status;
      },
      async () => {
        stack.startJaeger();
        await stack.waitForJaeger();
      },
    );
    // A trace opened a moment before is still answered: concurrent and close-together requests
    // share one answer for 15 s.
    expect(keptWhileDown).toBe(200);
    for (const s of whileDown) {
      expect(s.status).toBe(502);
      expect(s.body).toContain("Jaeger is unreachable");
      expect(s.ms).toBeLessThan(1000);
    }
    for (const s of after) expect(s.status).toBe(404);
  });

  it("Prometheus: fast 502s naming it while down, 200 again once back", async () => {
    const now = Math.floor(Date.now() / 1000);
    // A new question each time (the range's end moves by a second): the explorer shares an answer
    // to the same question for a few seconds, and this test is about asking Prometheus.
    let asked = 0;
    const { whileDown, after } = await throughOutage(
      () =>
        `/api/exemplars?${new URLSearchParams({ query: BUCKETS, start: String(now - 60), end: String(now + 600 + asked++) })}`,
      () => stack.stopProcess("prometheus"),
      async () => {
        stack.startPrometheus();
        await stack.waitForPrometheus();
      },
    );
    for (const s of whileDown) {
      expect(s.status).toBe(502);
      expect(s.body).toContain("Prometheus is unreachable");
      expect(s.ms).toBeLessThan(1000);
    }
    for (const s of after) expect(s.status).toBe(200);
  });
});

describe("backends that misbehave", () => {
  let server: Server;
  let base: string;
  const TRACE = "0af7651916cd43dd8448eb211c80319c";

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = request.url ?? "";
      if (path.startsWith("/slow/")) {
        setTimeout(() => response.end("{}"), 4000);
      } else if (path.startsWith("/garbage/")) {
        response
          .writeHead(200, { "Content-Type": "application/json" })
          .end("<html><body>502 Bad Gateway</body></html>");
      } else if (path.startsWith("/truncated/")) {
        response.writeHead(200, { "Content-Type": "application/json" });
        response.write(`{"data":[{"traceID":"${TRACE}","spans":[{"traceID":"${TRACE}","spanID":"b7ad6b71`);
        setTimeout(() => response.destroy(), 100);
      } else if (path.startsWith("/huge/")) {
        // 200 MB of one trace, streamed: the size cap must stop reading it long before the end.
        response.writeHead(200, { "Content-Type": "application/json" });
        const span = (i: number) =>
          `{"traceID":"${TRACE}","spanID":"${i.toString(16).padStart(16, "0")}","operationName":"op","startTime":1,"duration":1,"tags":[{"key":"pad","type":"string","value":"${"x".repeat(900)}"}]},`;
        let sent = 0;
        response.write(`{"data":[{"traceID":"${TRACE}","spans":[`);
        const pump = () => {
          while (sent < 200 * 1024 * 1024 && !response.destroyed) {
            const chunk = Array.from({ length: 100 }, (_, k) => span(sent + k)).join("");
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once("drain", pump);
          }
          response.end("]}]}");
        };
        pump();
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  );

  const traceFrom = async (prefix: string, env: Record<string, string> = {}) => {
    const r = await loadRoutes({ PROMETHEUS_URL, JAEGER_URL: `${base}/${prefix}`, ...env });
    return getTrace(r, TRACE);
  };

  it("a slow one: 504 at the configured timeout", async () => {
    const started = Date.now();
    const { status, body } = await traceFrom("slow", { BACKEND_TIMEOUT_MS: "1000" });
    expect(status).toBe(504);
    expect(body.error.message).toMatch(/did not answer within 1 s/);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it("garbage: 502 naming the backend", async () => {
    const { status, body } = await traceFrom("garbage");
    expect(status).toBe(502);
    expect(body.error).toMatchObject({
      code: "backend_malformed",
      message: expect.stringContaining("Jaeger answered 200 with something that is not JSON"),
    });
    // Where the backend lives stays on the server.
    expect(body.error.message).not.toContain(base);
  });

  it("a truncated answer: 502 naming the backend", async () => {
    const { status, body } = await traceFrom("truncated");
    expect(status).toBe(502);
    expect(body.error.message).toMatch(/^Jaeger broke off its answer/);
    expect(body.error.message).not.toContain(base);
  });

  it("a 200 MB trace: refused by the size cap without running out of memory", async () => {
    const before = process.memoryUsage().rss;
    const { status, body } = await traceFrom("huge", {
      MAX_BACKEND_RESPONSE_BYTES: String(64 * 1024 * 1024),
      BACKEND_TIMEOUT_MS: "30000",
    });
    expect(status).toBe(502);
    expect(body.error).toMatchObject({
      code: "response_too_large",
      message: expect.stringContaining("larger than 64 MB"),
    });
    const grewMb = (process.memoryUsage().rss - before) / 1024 / 1024;
    console.log(`200 MB trace refused; test process grew by ${grewMb.toFixed(0)} MB`);
    expect(grewMb).toBeLessThan(400);
  });
});
