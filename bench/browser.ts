import { gzipSync } from "node:zlib";
import { type Browser, type Page, chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/support/chromium";
import { isSampledOut } from "../lib/demo/request-ids";
import { syntheticTraceId } from "../lib/demo/synthetic-trace";
import { SAMPLED_OUT_RATIO } from "../lib/demo/world";
import { median, percentile } from "./stats";

/**
 * Browser benchmarks in headless Chromium against a running explorer (demo world): the waterfall
 * on synthetic traces, exemplars drawn and clicked, scrolling a 50,000-span trace, and the
 * first-load JavaScript of /explore.
 */

export function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

async function firstMark(page: Page, name: string): Promise<number> {
  return page.evaluate((mark) => performance.getEntriesByName(mark, "mark")[0]!.startTime, name);
}

async function markTime(page: Page, name: string, timeoutMs = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark, "mark").at(-1)?.startTime,
    name,
    { timeout: timeoutMs, polling: 16 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * A deep link to a synthetic trace: navigation → the live waterfall's first rows (a large trace's
 * first part), and the whole trace read → its whole waterfall, next to JSON.parse of the same
 * payload in the same page.
 */
export async function benchWaterfall(
  browser: Browser,
  baseUrl: string,
  sizes = [1_000, 10_000, 50_000],
  runs = 5,
) {
  const results: Record<string, unknown> = {};
  for (const spans of sizes) {
    const traceId = syntheticTraceId(spans);
    const toInteractive: number[] = [];
    const parse: number[] = [];
    const firstRows: number[] = [];
    let payloadMB = 0;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      await page.goto(
        `${baseUrl}/explore?trace=${traceId}&query=${encodeURIComponent('http_server_request_duration_seconds{job="users"}')}`,
      );
      // The panel draws a large trace's first rows before the rest is read: the first
      // `waterfall:interactive` is those rows, the one after `trace:received` the whole trace.
      const received = await markTime(page, "trace:received");
      const interactive = await page.waitForFunction(
        (after) =>
          performance.getEntriesByName("waterfall:interactive", "mark").find((m) => m.startTime >= after)
            ?.startTime,
        received,
        { timeout: 30_000, polling: 16 },
      );
      toInteractive.push(((await interactive.jsonValue()) as number) - received);
      firstRows.push(
        await markTime(page, "waterfall:interactive").then(() => firstMark(page, "waterfall:interactive")),
      );
      const measured = await page.evaluate(async (id) => {
        const text = await (await fetch(`/api/traces/${id}`)).text();
        const t0 = performance.now();
        JSON.parse(text);
        return { parseMs: performance.now() - t0, bytes: text.length };
      }, traceId);
      parse.push(measured.parseMs);
      payloadMB = measured.bytes / 1024 / 1024;
      await context.close();
    }
    const interactiveMs = median(toInteractive);
    const parseMs = median(parse);
    results[String(spans)] = {
      payloadMB: round(payloadMB),
      receivedToInteractiveMs: round(interactiveMs),
      jsonParseMs: round(parseMs),
      ratio: round(interactiveMs / parseMs),
      navigationToRowsMs: round(median(firstRows)),
    };
  }
  return results;
}

/**
 * A link to two 10,000-span traces held against each other (`trace` + `compare`): navigation →
 * the aligned rows on screen, the time aligning them took on the main thread (no Web Worker),
 * and the longest task that blocked the page meanwhile (whatever it was: charts, parsing).
 */
export async function benchTraceDiff(browser: Browser, baseUrl: string, spans = 10_000, runs = 5) {
  const toRows: number[] = [];
  const align: number[] = [];
  const longest: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: "longtask", buffered: true });
    });
    await page.goto(
      `${baseUrl}/explore?trace=${syntheticTraceId(spans)}&compare=${syntheticTraceId(spans - 1)}`,
    );
    await page
      .getByRole("table", { name: "Trace comparison" })
      .getByRole("row")
      .nth(1)
      .waitFor({ timeout: 60_000 });
    const measured = await page.evaluate(() => ({
      nowMs: performance.now(),
      alignMs: performance.getEntriesByName("trace-diff:aligned", "measure").at(-1)?.duration ?? NaN,
      longestTaskMs: Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks),
    }));
    toRows.push(measured.nowMs);
    align.push(measured.alignMs);
    longest.push(measured.longestTaskMs);
    await context.close();
  }
  return {
    [`${spans.toLocaleString("en")} vs ${(spans - 1).toLocaleString("en")} spans`]: {
      navigationToRowsMs: round(median(toRows)),
      alignMs: round(median(align)),
      longestTaskMs: round(median(longest)),
    },
  };
}

/** Scrolls the 50,000-span waterfall from top to bottom and records frame times. */
export async function benchScroll(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/explore?trace=${syntheticTraceId(50_000)}`);
  await markTime(page, "waterfall:interactive");
  const frames = await page.evaluate(async () => {
    const tree = document.querySelector<HTMLElement>("[role=tree]")!;
    const times: number[] = [];
    const steps = 180;
    const stride = (tree.scrollHeight - tree.clientHeight) / steps;
    let last = performance.now();
    for (let i = 1; i <= steps; i++) {
      tree.scrollTop = stride * i;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return { times, rowsInDom: tree.querySelectorAll("[role=treeitem]").length };
  });
  await context.close();
  const budget = 1000 / 60;
  return {
    frames: frames.times.length,
    medianFrameMs: round(median(frames.times)),
    p95FrameMs: round(percentile(frames.times, 95)),
    framesOver2xBudget: frames.times.filter((t) => t > 2 * budget).length,
    rowsInDom: frames.rowsInDom,
  };
}

/**
 * Exemplars on screen (navigation → the first markers, whether the server's preview or the live
 * chart's: what a person waits for), drawn by the live chart (from the moment both its exemplars'
 * answer and its code are in the browser → markers in the DOM, and navigation → the same),
 * hovered, and a marker click → the trace panel's rows.
 */
export async function benchExemplars(
  browser: Browser,
  baseUrl: string,
  cases: { label: string; query: string; from: string }[],
  runs = 3,
) {
  const results: Record<string, unknown> = {};
  for (const c of cases) {
    const drawn: number[] = [];
    const clicked: number[] = [];
    const hovered: number[] = [];
    const navigated: number[] = [];
    const onScreen: number[] = [];
    let count = 0;
    let markers = 0;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      await page.addInitScript(watchFirstMarkers, FIRST_MARKERS);
      await page.goto(`${baseUrl}/explore?query=${encodeURIComponent(c.query)}&from=${c.from}`);
      onScreen.push(await firstMarkersOnScreen(page));
      // Drawing starts once both the answer and the charts' code are in the browser.
      const received = Math.max(
        await markTime(page, "exemplars:received", 120_000),
        await markTime(page, "charts:loaded", 120_000),
      );
      const drawnAt = await page.waitForFunction(
        () => (document.querySelector("[data-testid=latency-chart] [data-trace-id]") ? performance.now() : 0),
        undefined,
        { timeout: 120_000, polling: 16 },
      );
      const drawnMs = (await drawnAt.jsonValue()) as number;
      drawn.push(drawnMs - received);
      navigated.push(drawnMs);
      // The list below follows in a deferred render: hover and click are timed once it has.
      const listed = await page.waitForFunction(
        () =>
          Number(document.querySelector("[aria-label=Exemplars] h2")?.textContent?.replace(/\D/g, "") ?? 0),
        undefined,
        { timeout: 120_000, polling: 16 },
      );
      count = (await listed.jsonValue()) as number;
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
      markers = Number(
        await page
          .locator("[data-testid=latency-chart] [data-exemplar-markers]")
          .getAttribute("data-exemplar-markers"),
      );
      hovered.push(await hoverToTooltipMs(page));
      clicked.push(await clickToTraceRowsMs(page));
      await context.close();
    }
    const redrawn: number[] = [];
    for (let run = 0; run < runs; run++) redrawn.push(await redrawMs(browser, baseUrl, c));
    results[c.label] = {
      exemplars: count,
      markersAfterGrouping: markers,
      navigationToMarkersOnScreenMs: round(median(onScreen)),
      responseToDrawnMs: round(median(drawn)),
      settledResponseToDrawnMs: round(median(redrawn)),
      navigationToDrawnMs: round(median(navigated)),
      hoverToTooltipMs: round(median(hovered)),
      clickToTraceRowsMs: round(median(clicked)),
    };
  }
  return results;
}

/**
 * The same exemplars drawn into a page that has settled (open on the last 15 minutes, then a
 * click on the case's range): their answer → the latency chart's markers, with nothing else of the
 * page's start-up competing for the main thread.
 */
async function redrawMs(browser: Browser, baseUrl: string, c: { query: string; from: string }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/explore?query=${encodeURIComponent(c.query)}&from=now-15m`);
    const layer = page.locator("[data-testid=latency-chart] [data-exemplars]");
    await layer.waitFor({ timeout: 120_000 });
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
    const before = await layer.getAttribute("data-exemplars");
    const answersBefore = await page.evaluate(
      () => performance.getEntriesByName("exemplars:received").length,
    );
    await page.getByRole("button", { name: c.from.replace("now-", ""), exact: true }).click();
    // The new answer's markers: another count, and not the empty chart shown while it loads.
    const drawnAt = await page.waitForFunction(
      (before) => {
        const count = document
          .querySelector("[data-testid=latency-chart] [data-exemplars]")
          ?.getAttribute("data-exemplars");
        return count && count !== before && count !== "0" ? performance.now() : 0;
      },
      before,
      { timeout: 120_000, polling: 16 },
    );
    const answeredAt = await page.evaluate(
      (n) => performance.getEntriesByName("exemplars:received")[n]!.startTime,
      answersBefore,
    );
    return ((await drawnAt.jsonValue()) as number) - answeredAt;
  } finally {
    await context.close();
  }
}

const FIRST_MARKERS =
  "[data-testid=latency-chart-preview] [data-exemplar-markers], [data-testid=latency-chart] [data-trace-id]";

/**
 * Runs in the page before its own code: notes when the first markers (the server's drawing or the
 * live chart's) enter the DOM, and the next animation frame after that.
 */
function watchFirstMarkers(selector: string) {
  const marks = window as unknown as { markersInDom?: number; markersFrame?: number };
  new MutationObserver((_, observer) => {
    if (!document.querySelector(selector)) return;
    marks.markersInDom = performance.now();
    requestAnimationFrame(() => (marks.markersFrame = performance.now()));
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Navigation → the first markers on screen: the first contentful paint when they were already in
 * the DOM by then (the server's drawing is in the page's HTML), else the first frame after they
 * entered it. Timed in the page, so that a busy main thread after the paint does not count.
 */
async function firstMarkersOnScreen(page: Page): Promise<number> {
  await page.waitForSelector(FIRST_MARKERS, { timeout: 120_000 });
  const frame = await page.waitForFunction(
    () => (window as unknown as { markersFrame?: number }).markersFrame,
    undefined,
    { timeout: 30_000 },
  );
  const frameMs = (await frame.jsonValue()) as number;
  return page.evaluate((frameMs) => {
    const inDom = (window as unknown as { markersInDom: number }).markersInDom;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
    return fcp !== undefined && fcp >= inDom ? fcp : frameMs;
  }, frameMs);
}

/**
 * A 1,000-span trace opened in a settled explorer page (the link's `trace` set, as a click sets
 * it, but without the click's early fetch): the URL change → the first frame holding its rows.
 * The demo world has no exemplar whose trace is that large, hence no marker to click.
 */
export async function benchOpenTrace(browser: Browser, baseUrl: string, spans = 1_000, runs = 5) {
  const opened: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(
      `${baseUrl}/explore?query=${encodeURIComponent('http_server_request_duration_seconds{job="api-gateway"}')}&from=now-1h`,
    );
    await page.waitForSelector("[data-testid=latency-chart] [data-trace-id]", { timeout: 60_000 });
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
    await page.waitForTimeout(1000);
    const ms = await page.evaluate(
      (traceId) =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          const observer = new MutationObserver(() => {
            if (!document.querySelector("[aria-label=Trace] [role=treeitem]")) return;
            observer.disconnect();
            requestAnimationFrame((frameMs) => resolve(frameMs - start));
          });
          observer.observe(document.body, { childList: true, subtree: true });
          const url = new URL(window.location.href);
          url.searchParams.set("trace", traceId);
          // Next.js's router follows pushState, and the explorer's URL state with it.
          window.history.pushState(null, "", url);
        }),
      syntheticTraceId(spans),
    );
    opened.push(ms);
    await context.close();
  }
  return { spans, openToRowsMs: round(median(opened)) };
}

/**
 * A marker click → the trace panel's first rows (or its error) in a frame: from the pointer press
 * as the page received it (Playwright's own checks before it presses are not the page's time) to
 * the first animation frame that holds them. The marker clicked is the first whose trace the demo
 * world kept (one in twenty is sampled out, and which ones come first depends on the hour): the
 * chart's one marker button is moved along with the arrow keys until it holds one.
 */
export async function clickToTraceRowsMs(page: Page): Promise<number> {
  await page.evaluate(() => {
    const timing: { pressed?: number; shown?: number } = {};
    (window as unknown as { clickTiming: typeof timing }).clickTiming = timing;
    document.addEventListener("pointerdown", (event) => (timing.pressed ??= event.timeStamp), {
      capture: true,
      once: true,
    });
    const observer = new MutationObserver(() => {
      if (!document.querySelector("[aria-label=Trace] [role=treeitem], [aria-label=Trace] [role=alert]"))
        return;
      observer.disconnect();
      requestAnimationFrame((frameMs) => (timing.shown = frameMs));
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  const marker = page.locator("[data-testid=latency-chart] [role=button][data-trace-id]");
  for (let moves = 0; moves < 20; moves++) {
    const traceId = await marker.getAttribute("data-trace-id");
    if (traceId && !isSampledOut(traceId, SAMPLED_OUT_RATIO)) break;
    await marker.press("ArrowRight");
  }
  await marker.click();
  const shown = await page.waitForFunction(
    () => {
      const { pressed, shown } = (window as unknown as { clickTiming: { pressed?: number; shown?: number } })
        .clickTiming;
      return pressed !== undefined && shown !== undefined ? shown - pressed : 0;
    },
    undefined,
    { timeout: 30_000, polling: 16 },
  );
  return (await shown.jsonValue()) as number;
}

/**
 * Pointer onto a marker → its tooltip on screen, timed inside the page (a synthetic pointer move
 * onto the marker the keyboard button stands on, then the next frame that shows the tooltip) so
 * that Playwright's round trips do not count.
 */
async function hoverToTooltipMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const chart = "[data-testid=latency-chart]";
    const marker = document.querySelector(`${chart} [role=button][data-trace-id]`)!;
    const box = marker.getBoundingClientRect();
    const at = { bubbles: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
    const start = performance.now();
    marker.dispatchEvent(new PointerEvent("pointermove", at));
    while (!document.querySelector(`${chart} [role=tooltip]`)) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    const shown = performance.now() - start;
    marker.dispatchEvent(new PointerEvent("pointerout", { bubbles: true, relatedTarget: document.body }));
    return shown;
  });
}

/** The JavaScript /explore loads on first visit: every script its HTML makes a modern browser fetch, gzipped. */
export async function firstLoadJs(baseUrl: string) {
  const html = await (await fetch(`${baseUrl}/explore`)).text();
  // `noModule` scripts are the legacy browsers' polyfills: a modern browser never fetches them.
  const scripts = [...html.matchAll(/<script([^>]+)src="([^"]+\.js)"([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(m[1]! + m[3]!))
    .map((m) => m[2]!);
  let raw = 0;
  let gzip = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { scripts: new Set(scripts).size, rawKB: round(raw / 1024), gzipKB: round(gzip / 1024) };
}

const round = (x: number) => Math.round(x * 100) / 100;
