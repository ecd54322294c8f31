import { spawn } from "node:child_process";
import { createReadStream, existsSync, statSync } from "node:fs";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve } from "node:path";
import type { Browser } from "@playwright/test";
import { generateSyntheticTrace } from "../lib/demo/synthetic-trace";
import { median, waitUntilAnswers } from "./stats";

/**
 * A shared link against the viewer people already have: Exemplar Explorer's deep link
 * `/explore?trace=ID` and Jaeger UI's `/trace/ID`, timed in the same run, on the same answers
 * (one local server plays Jaeger's query API for both and serves the Jaeger UI build), from
 * navigation to the first rows on screen. Reported as a ratio: figures from other days or
 * machines do not compare.
 */

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".css": "text/css",
  ".html": "text/html",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** Jaeger's v1 trace API answered from memory, and the Jaeger UI build's files. */
async function startTraceServer(jaegerUiDir: string, answers: Map<string, string>): Promise<Server> {
  const root = resolve(jaegerUiDir);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const trace = /^\/api\/traces\/([0-9a-f]+)$/.exec(url.pathname);
    if (trace) {
      const body = answers.get(trace[1]!);
      response.writeHead(body ? 200 : 404, { "Content-Type": "application/json" });
      return response.end(body ?? '{"data":null,"errors":[{"code":404,"msg":"trace not found"}]}');
    }
    if (url.pathname.startsWith("/api/")) {
      response.writeHead(200, { "Content-Type": "application/json" });
      return response.end('{"data":[],"total":0,"limit":0,"offset":0,"errors":null}');
    }
    let file = join(root, url.pathname);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory())
      file = join(root, "index.html");
    response.writeHead(200, { "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return server;
}

/** Navigation → first rows on screen (after two frames), in a fresh context each time. */
async function timeToRows(browser: Browser, url: string, rowSelector: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  try {
    const started = Date.now();
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForSelector(rowSelector, { timeout: 180_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return Date.now() - started;
  } finally {
    await context.close();
  }
}

export async function benchViewers(
  browser: Browser,
  options: { jaegerUiDir: string; explorerPort: number; sizes?: number[]; runs?: number },
) {
  const sizes = options.sizes ?? [1_000, 10_000, 50_000];
  // Five: a run's figure moves by ±0.3–0.5 s on this 2-core machine; three let one slow run set the median.
  const runs = options.runs ?? 5;
  const answers = new Map<string, string>();
  const ids = new Map<number, string>();
  for (const spans of sizes) {
    const trace = generateSyntheticTrace(spans);
    ids.set(spans, trace.traceID);
    answers.set(
      trace.traceID,
      JSON.stringify({ data: [trace], total: 0, limit: 0, offset: 0, errors: null }),
    );
  }
  const traceServer = await startTraceServer(options.jaegerUiDir, answers);
  const jaegerUrl = `http://127.0.0.1:${(traceServer.address() as AddressInfo).port}`;
  const explorerUrl = `http://127.0.0.1:${options.explorerPort}`;
  const explorer = spawn(process.execPath, [".next/standalone/server.js"], {
    env: { ...process.env, PORT: String(options.explorerPort), HOSTNAME: "127.0.0.1", JAEGER_URL: jaegerUrl },
    stdio: "ignore",
  });
  try {
    await waitUntilAnswers(`${explorerUrl}/api/health`);
    // A server that has served a page before, as a deployed one has: Next.js loads a route's
    // code on its first request (Jaeger UI's side is static files, always warm).
    await fetch(`${explorerUrl}/explore`).then((r) => r.text());
    // The floor: a page with one element, by the same measure.
    const blank = `data:text/html,<div class=row>x</div>`;
    const floor: number[] = [];
    for (let run = 0; run < runs; run++) floor.push(await timeToRows(browser, blank, ".row"));
    const results: Record<string, Record<string, number>> = {};
    for (const spans of sizes) {
      const id = ids.get(spans)!;
      const jaegerUi: number[] = [];
      const ours: number[] = [];
      const timeJaegerUi = async () =>
        jaegerUi.push(await timeToRows(browser, `${jaegerUrl}/trace/${id}`, ".span-row"));
      const timeOurs = async () =>
        ours.push(await timeToRows(browser, `${explorerUrl}/explore?trace=${id}`, "[role=treeitem]"));
      // Interleaved, so that a busy moment of the machine falls on both alike, and in turns, so
      // that neither always opens right after the other's page has closed.
      for (let run = 0; run < runs; run++) {
        const [first, second] = run % 2 ? [timeOurs, timeJaegerUi] : [timeJaegerUi, timeOurs];
        await first();
        await second();
      }
      results[String(spans)] = {
        jaegerUiMs: median(jaegerUi),
        explorerMs: median(ours),
        // The first open is this server's first sight of the trace (fetched and normalized then);
        // the next ones share that answer, as the colleagues a pasted link reaches do.
        explorerFirstOpenMs: ours[0]!,
        ratio: Math.round((median(ours) / median(jaegerUi)) * 100) / 100,
      };
    }
    return { runs, blankPageMs: median(floor), results };
  } finally {
    explorer.kill("SIGTERM");
    traceServer.closeAllConnections();
    await new Promise((done) => traceServer.close(done));
  }
}
