import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { type FixtureServer, startFixtureServer } from "../testing/fixture-server";
import { type BackendTarget, backendText, backendUrl, callBackend, parseJsonBody } from "./call-backend";

/** The one HTTP path to backends: timeouts, dead hosts, oversized and garbage answers. */

const SECRET = "Bearer s3cret-token";
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer({
    "/slow": { delayMs: 2000, body: "{}" },
    "/in-time": { delayMs: 200, body: "{}" },
    "/dribble": { body: "x".repeat(10_000), chunks: 50, delayMs: 100 },
    "/huge": { body: "x".repeat(200_000) },
    "/huge-chunked": { body: "x".repeat(200_000), chunks: 20 },
    // Multi-byte characters cut across chunks, behind a byte order mark.
    "/utf8-split": {
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"é ✓ 😀"}')]),
      chunks: 9,
      delayMs: 5,
    },
    "/garbage": { status: 200, body: "<html>Bad Gateway</html>" },
    "/redirect": { status: 302, body: "" },
    // A backend that echoes the request's credentials in its error text.
    "/echo": (request) => ({ status: 200, body: `<html>denied: ${request.headers.authorization}</html>` }),
  });
});
afterAll(() => server.close());

function target(base: string, overrides: Partial<BackendTarget> = {}): BackendTarget {
  return {
    displayName: "Prometheus",
    baseUrl: new URL(base),
    headers: { Authorization: SECRET },
    fetch: (url, init) => fetch(url, init),
    timeoutMs: 300,
    maxResponseBytes: 100_000,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).message).not.toContain("s3cret");
  return error as AppError;
}

describe("callBackend", () => {
  it("keeps the base URL's path prefix and never lets the API path change host", () => {
    expect(backendUrl(new URL("https://mimir.example/prometheus"), "/api/v1/query_range").href).toBe(
      "https://mimir.example/prometheus/api/v1/query_range",
    );
    expect(
      backendUrl(new URL("http://j:16686"), `/api/traces/${encodeURIComponent("..%2f@evil")}`).host,
    ).toBe("j:16686");
  });

  it("answers 504 at the timeout, naming the backend", async () => {
    const error = await failure(callBackend(target(server.url), "/slow"));
    expect(error.code).toBe("backend_timeout");
    expect(error.status).toBe(504);
    expect(error.message).toMatch(/^Prometheus did not answer within 0\.3 s/);
  });

  it("does not blame a backend for the time this server itself was blocked", async () => {
    const call = callBackend(target(server.url, { timeoutMs: 500 }), "/in-time");
    // The server is busy (say, normalizing another large trace) past the whole timeout, while
    // the backend's answer, sent after 200 ms, waits to be read.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const busyUntil = performance.now() + 900;
    while (performance.now() < busyUntil);
    const response = await call;
    expect(response.status).toBe(200);
  });

  it("stops the backend call when the client that asked goes away", async () => {
    const client = new AbortController();
    const started = Date.now();
    setTimeout(() => client.abort(), 50);
    const error = await failure(
      callBackend(target(server.url, { timeoutMs: 5_000 }), "/slow", undefined, client.signal),
    );
    expect(error.code).toBe("client_closed");
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("also times out an answer that trickles in too slowly", async () => {
    const error = await failure(callBackend(target(server.url), "/dribble"));
    expect(error.code).toBe("backend_timeout");
  });

  it("answers 502 for a backend that is not there", async () => {
    const dead = await startFixtureServer({});
    const url = dead.url;
    await dead.close();
    const error = await failure(callBackend(target(url), "/api/v1/query"));
    expect(error.code).toBe("backend_unreachable");
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/is unreachable \(ECONNREFUSED\)/);
    // Where the backend lives is not the browser's business: the server log has it.
    expect(error.message).not.toContain("127.0.0.1");
  });

  it("removes configured header values from a backend's text, the token after Bearer too", async () => {
    const t = target(server.url);
    const response = await callBackend(t, "/echo");
    expect(response.body).toContain("s3cret-token");
    const error = await failure(Promise.resolve().then(() => parseJsonBody(t, response)));
    expect(error.message).toContain("denied: [redacted]");
    expect(backendText(t, "token s3cret-token leaked")).toBe("token [redacted] leaked");
    expect(backendText(t, `${"x".repeat(300)}`)).toHaveLength(201);
  });

  it.each(["/huge", "/huge-chunked"])(
    "refuses an answer over the size cap (%s) without reading it all",
    async (path) => {
      const error = await failure(callBackend(target(server.url), path));
      expect(error.code).toBe("response_too_large");
      expect(error.message).toMatch(/larger than 0\.1 MB \(MAX_BACKEND_RESPONSE_BYTES\)/);
    },
  );

  it("reads characters cut across chunks whole, and a byte order mark as nothing", async () => {
    const response = await callBackend(target(server.url), "/utf8-split");
    expect(parseJsonBody(target(server.url), response)).toEqual({ name: "é ✓ 😀" });
  });

  it("names the backend when it answers something that is not JSON", async () => {
    const t = target(server.url);
    const response = await callBackend(t, "/garbage");
    const error = await failure(Promise.resolve().then(() => parseJsonBody(t, response)));
    expect(error.code).toBe("backend_malformed");
    expect(error.message).toContain(
      'answered 200 with something that is not JSON: "<html>Bad Gateway</html>"',
    );
  });

  it("does not follow redirects to somewhere else", async () => {
    const error = await failure(callBackend(target(server.url), "/redirect"));
    expect(error.status).toBe(502);
  });

  it("sends the configured headers to the backend only", async () => {
    await callBackend(target(server.url, { timeoutMs: 2000 }), "/garbage");
    expect(server.requests.at(-1)!.headers.authorization).toBe(SECRET);
  });
});
