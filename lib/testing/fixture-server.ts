import { type IncomingMessage, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local HTTP server that answers recorded backend responses (read with lib/testing/fixtures.ts)
 * by path, for contract tests. It is a replay of real answers, not a Prometheus or Jaeger: tests that need
 * the real servers run against the real stack.
 */

export interface FixtureAnswer {
  status?: number;
  contentType?: string;
  body?: string | Buffer;
  /** Wait before answering (timeouts), or between body chunks with `chunks`. */
  delayMs?: number;
  /** Send the body in this many chunks, `delayMs` apart (slow or endless answers). */
  chunks?: number;
}

export type FixtureRoutes = Record<
  string,
  FixtureAnswer | ((request: IncomingMessage, url: URL) => FixtureAnswer)
>;

export interface FixtureServer {
  url: string;
  /** Requests received, for asserting what the client sent. */
  requests: { method: string; url: string; headers: IncomingMessage["headers"] }[];
  close(): Promise<void>;
}

export async function startFixtureServer(routes: FixtureRoutes): Promise<FixtureServer> {
  const requests: FixtureServer["requests"] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push({
      method: request.method ?? "GET",
      url: url.pathname + url.search,
      headers: request.headers,
    });
    const route = routes[url.pathname];
    const answer = typeof route === "function" ? route(request, url) : route;
    if (!answer) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("404 page not found\n");
      return;
    }
    const send = async () => {
      const body = answer.body ?? "";
      response.writeHead(answer.status ?? 200, { "Content-Type": answer.contentType ?? "application/json" });
      const chunks = answer.chunks ?? 1;
      const size = Math.ceil(body.length / chunks);
      for (let i = 0; i < chunks && !response.destroyed; i++) {
        if (i > 0 && answer.delayMs) await sleep(answer.delayMs);
        response.write(body.slice(i * size, (i + 1) * size));
      }
      response.end();
    };
    setTimeout(() => void send(), answer.chunks ? 0 : (answer.delayMs ?? 0));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
