import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PORTS } from "../playwright.config";

/**
 * Single requests that once stopped a public demo server: each must be answered quickly, and the
 * server must keep answering /api/health while it is being handled. Sent to the production build.
 */

const METRIC = "http_server_request_duration_seconds_bucket";
const nowSec = () => Math.floor(Date.now() / 1000);

/** Sends `path` and, while it runs, asks for /api/health; returns both answers and their times. */
async function withHealthAlongside(request: APIRequestContext, path: string) {
  const started = Date.now();
  const hostile = request.get(path, { timeout: 20_000 }).then(async (response) => ({
    status: response.status(),
    body: await response.text(),
    ms: Date.now() - started,
  }));
  const health = request.get("/api/health", { timeout: 20_000 }).then((response) => ({
    status: response.status(),
    ms: Date.now() - started,
  }));
  return { hostile: await hostile, health: await health };
}

const rangeQuery = (params: Record<string, string>) =>
  `/api/metrics/query_range?${new URLSearchParams(params)}`;

test("a step below the float resolution of a far-future start is answered at once", async ({ request }) => {
  const { hostile, health } = await withHealthAlongside(
    request,
    rangeQuery({
      query: `rate(${METRIC}[5m])`,
      start: "100000000000000000",
      end: "100000000000000000",
      step: "1",
    }),
  );
  expect(hostile.status).toBe(200);
  expect(JSON.parse(hostile.body)).toMatchObject({ resultType: "matrix" });
  expect(hostile.ms).toBeLessThan(5_000);
  expect(health.status).toBe(200);
  expect(health.ms).toBeLessThan(5_000);
});

test("a step of 0.0000001 s at today's time is answered at once", async ({ request }) => {
  const now = String(nowSec());
  const { hostile, health } = await withHealthAlongside(
    request,
    rangeQuery({ query: `rate(${METRIC}[5m])`, start: now, end: now, step: "0.0000001" }),
  );
  expect(hostile.status).toBe(200);
  expect(hostile.ms).toBeLessThan(5_000);
  expect(health.status).toBe(200);
  expect(health.ms).toBeLessThan(5_000);
});

test("a label regex that is catastrophic for a backtracking engine runs in linear time", async ({
  request,
}) => {
  const query = `rate(${METRIC}{route=~"(.*.*)*X"}[5m])`;
  const { hostile, health } = await withHealthAlongside(
    request,
    rangeQuery({ query, start: String(nowSec() - 3600), end: String(nowSec()), step: "15" }),
  );
  expect(hostile.status).toBe(200);
  expect(JSON.parse(hostile.body)).toEqual({ resultType: "matrix", result: [] });
  expect(hostile.ms).toBeLessThan(5_000);
  expect(health.status).toBe(200);
  expect(health.ms).toBeLessThan(5_000);

  const exemplars = await withHealthAlongside(
    request,
    `/api/exemplars?${new URLSearchParams({ query, start: String(nowSec() - 3600), end: String(nowSec()) })}`,
  );
  expect(exemplars.hostile.status).toBe(200);
  expect(exemplars.hostile.ms).toBeLessThan(5_000);
  expect(exemplars.health.status).toBe(200);
});

test("unknown API paths and wrong methods answer the JSON error shape", async ({ request }) => {
  const unknown = await request.get("/api/nope");
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });

  const deep = await request.get("/api/metrics/unknown");
  expect(deep.status()).toBe(404);
  expect((await deep.json()).error.message).toContain("there is no API route /api/metrics/unknown");

  for (const [method, path] of [
    ["post", "/api/health"],
    ["delete", "/api/traces/abc"],
    ["put", "/api/metrics/query_range"],
  ] as const) {
    const response = await request[method](path);
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()["allow"]).toBe("GET, HEAD");
    expect(await response.json()).toMatchObject({ error: { code: "method_not_allowed" } });
  }
});

test("a request for another host name is refused, pages and API alike (DNS rebinding)", async ({
  request,
}) => {
  for (const path of ["/api/health", "/explore", "/api/traces/bad0bad0bad0bad0bad0bad0bad0bad0"]) {
    const rebound = await request.get(path, { headers: { host: `rebind.attacker.example:${PORTS.demo}` } });
    expect(rebound.status(), path).toBe(421);
    expect(await rebound.json()).toMatchObject({ error: { code: "misdirected_request" } });
  }
  expect((await request.get("/api/health", { headers: { host: `localhost:${PORTS.demo}` } })).status()).toBe(
    200,
  );
});
