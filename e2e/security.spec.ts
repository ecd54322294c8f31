import { expect, test } from "./fixtures";
import { PORTS } from "../playwright.config";
import { readPrometheusData } from "../lib/testing/fixtures";

/** Hostile trace content and labels render as inert text; the security headers are set. */

const HOSTILE_TRACE = "bad0bad0bad0bad0bad0bad0bad0bad0";

/**
 * The replayed Prometheus answers with the times it was recorded at: open the minutes around its
 * exemplars, not a range relative to now (which the recording falls out of a few hours later).
 */
function recordedRange(): string {
  const recorded = readPrometheusData("query_exemplars_bucket.json") as {
    exemplars: { timestamp: number }[];
  }[];
  const times = recorded.flatMap((series) => series.exemplars.map((e) => e.timestamp * 1000));
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const from = iso(Math.min(...times) - 5 * 60_000);
  const to = iso(Math.max(...times) + 5 * 60_000);
  return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}

test("hostile strings in a trace render as text: no script runs, no link to javascript:, the layout holds", async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/explore?trace=${HOSTILE_TRACE}`);
  const panel = page.getByRole("region", { name: "Trace" });
  const tree = panel.getByRole("tree", { name: "Trace waterfall" });
  await expect(tree.getByRole("treeitem").first()).toBeVisible();

  // The markup is shown as the characters it is made of.
  await expect(
    panel.getByText('GET <img src=x onerror="window.__xss=1">', { exact: false }).first(),
  ).toBeVisible();
  const details = page.getByRole("region", { name: "Span details" });
  await expect(details.getByText("javascript:window.__xss=3")).toBeVisible();
  expect(await details.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(await panel.locator("img, script, svg[onload]").count()).toBe(0);

  await tree.focus();
  await page.keyboard.press("ArrowDown");
  // The child: control characters in its exception message are shown, not interpreted.
  await expect(details).toContainText("line1");

  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // Long values and right-to-left overrides stay inside the panel.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

test("hostile exemplar labels render as text in the list and hover cards", async ({ page }) => {
  await page.goto(
    `http://127.0.0.1:${PORTS.hostile}/explore?query=${encodeURIComponent("http_server_request_duration_seconds")}&${recordedRange()}`,
  );
  const rows = page.getByTestId("exemplar-rows");
  await expect(rows.getByRole("button").first()).toBeVisible({ timeout: 15_000 });
  // The hover card shows every series label, markup and right-to-left override included.
  await page
    .getByRole("button", { name: /^(Exemplar |\d+ exemplars).*, trace / })
    .first()
    .focus();
  await expect(page.getByRole("tooltip")).toContainText('route="<img src=x onerror="window.__xss=5">"');
  await expect(page.getByRole("tooltip")).toContainText("\u202Eyrtemoeg\u202C");
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

test("a partial answer's warnings are shown above the charts, in the backend's words, as text", async ({
  page,
}) => {
  await page.goto(
    `http://127.0.0.1:${PORTS.hostile}/explore?query=${encodeURIComponent("http_server_request_duration_seconds")}&${recordedRange()}`,
  );
  const warning = page.getByRole("status").filter({ hasText: "may be incomplete" });
  await expect(warning).toBeVisible({ timeout: 15_000 });
  const list = warning.getByRole("list", { name: "Backend warnings" });
  // Thanos's two (series and exemplars, one replica down) and the markup one, each once
  // although every answer of the page carried them.
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await expect(list).toContainText("receive series from Addr: 127.0.0.1:10911");
  await expect(list).toContainText('<img src=x onerror="window.__xss=6">');
  // The charts still draw what did answer.
  await expect(page.getByRole("group", { name: "Exemplars on the latency chart" })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
});

test("pages and API answers carry the security headers, with no unsafe-eval in production", async ({
  request,
}) => {
  for (const path of ["/explore", "/api/health"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"]!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["x-powered-by"]).toBeUndefined();
  }
});
