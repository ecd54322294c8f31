import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The waterfall: selection from a link, tree keyboard use, search, critical path, scale. */

const ORDERS =
  'http_server_request_duration_seconds_bucket{job="api-gateway",method="GET",route="/api/v1/orders"}';
const CHECKOUT =
  'http_server_request_duration_seconds_bucket{job="api-gateway",method="POST",route="/api/v1/orders",status_code="201"}';

/** The slowest exemplar of a selector whose trace was kept and passes `accept`. */
async function slowestKeptExemplar(
  request: APIRequestContext,
  query: string,
  accept: (spans: { name: string }[]) => boolean = () => true,
) {
  const now = Math.floor(Date.now() / 1000);
  const response = await request.get(
    `/api/exemplars?${new URLSearchParams({ query, start: String(now - 3600), end: String(now) })}`,
  );
  const { series } = (await response.json()) as {
    series: { exemplars: { traceId: string; spanId: string; value: number }[] }[];
  };
  const exemplars = series.flatMap((s) => s.exemplars).sort((a, b) => b.value - a.value);
  for (const e of exemplars) {
    const answer = await request.get(`/api/traces/${e.traceId}`);
    if (answer.ok() && accept(((await answer.json()) as { spans: { name: string }[] }).spans)) return e;
  }
  throw new Error(`no kept trace that fits among the exemplars of ${query}`);
}

/**
 * The slowest request of the regression (its N+1), not merely the slowest of the route: a failing
 * payment retried now and then is slower still, and has no N+1 to show.
 */
function regressionExemplar(request: APIRequestContext) {
  return slowestKeptExemplar(
    request,
    ORDERS,
    (spans) => spans.filter((span) => span.name.includes("order_items")).length >= 20,
  );
}

/** Opens an exemplar's trace by its deep link; returns the waterfall once the span is selected. */
async function openExemplarTrace(page: Page, exemplar: { traceId: string; spanId: string }) {
  await page.goto(`/explore?trace=${exemplar.traceId}&span=${exemplar.spanId}`);
  const tree = page.getByRole("tree", { name: "Trace waterfall" });
  await expect(tree.getByRole("treeitem", { selected: true })).toHaveAttribute(
    "data-span-id",
    exemplar.spanId,
  );
  return tree;
}

test("a deep link selects the exemplar's span in an ARIA tree, on the critical path with the slow query", async ({
  page,
  request,
}) => {
  const exemplar = await regressionExemplar(request);
  const tree = await openExemplarTrace(page, exemplar);
  const selected = tree.getByRole("treeitem", { selected: true });
  await expect(selected).toHaveAttribute("data-span-id", exemplar.spanId);
  await expect(selected).toHaveAttribute("aria-level", "3");
  await expect(selected).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("region", { name: "Span details" })).toContainText("GET /api/v1/orders");

  // The slow database span: the orders query, on the critical path (the whole N+1 chain is).
  const slowQuery = tree.getByRole("treeitem", { name: /SELECT orders/ });
  await expect(slowQuery).toBeVisible();
  await expect(slowQuery.getByTitle("On the critical path")).toBeVisible();
});

test("'Only critical path' hides the parallel work that did not decide the latency", async ({
  page,
  request,
}) => {
  // A checkout fetches the customer and reserves stock in parallel: one of the two waits on the other.
  const exemplar = await slowestKeptExemplar(request, CHECKOUT);
  const tree = await openExemplarTrace(page, exemplar);
  // aria-setsize is the number of rows shown, virtualized or not.
  const rowCount = async () => Number(await tree.getByRole("treeitem").first().getAttribute("aria-setsize"));
  const all = await rowCount();
  await page.getByRole("button", { name: "Only critical path" }).click();
  await expect.poll(rowCount).toBeLessThan(all);
  const parallel = tree.getByRole("treeitem", { name: /GET \/users\/\{id\}|POST \/reservations/ });
  expect(await parallel.count()).toBeLessThan(4);
  await page.getByRole("button", { name: "Only critical path" }).click();
  await expect.poll(rowCount).toBe(all);
});

test("the tree works from the keyboard: arrows move, left and right collapse and expand, / searches", async ({
  page,
  request,
}) => {
  const exemplar = await regressionExemplar(request);
  const tree = await openExemplarTrace(page, exemplar);
  await tree.focus();
  const before = await tree.getByRole("treeitem").count();
  await page.keyboard.press("ArrowLeft");
  await expect(tree.getByRole("treeitem", { selected: true })).toHaveAttribute("aria-expanded", "false");
  await expect.poll(() => tree.getByRole("treeitem").count()).toBeLessThan(before);
  await page.keyboard.press("ArrowRight");
  await expect(tree.getByRole("treeitem", { selected: true })).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("ArrowDown");
  await expect(tree.getByRole("treeitem", { selected: true })).toContainText("verify jwt");
  await expect(page).toHaveURL(/span=[0-9a-f]{16}/);
  await page.keyboard.press("ArrowLeft");
  await expect(tree.getByRole("treeitem", { selected: true })).toHaveAttribute(
    "data-span-id",
    exemplar.spanId,
  );

  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: "Search spans" })).toBeFocused();
  await page.keyboard.type("order_items");
  await expect(page.getByTestId("match-count")).toHaveText(/^1 of \d+$/);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("match-count")).toHaveText(/^2 of \d+$/);
  await expect(tree.getByRole("treeitem", { selected: true })).toContainText("SELECT order_items");
});

test("clicking a caret collapses a subtree and the filters narrow the rows", async ({ page, request }) => {
  const exemplar = await regressionExemplar(request);
  const tree = await openExemplarTrace(page, exemplar);
  const orders = tree.getByRole("treeitem", { name: /^orders GET \/orders/ });
  await expect(orders).toHaveAttribute("aria-expanded", "true");
  const before = await tree.getByRole("treeitem").count();
  await orders.locator("button").click();
  await expect(orders).toHaveAttribute("aria-expanded", "false");
  await expect.poll(() => tree.getByRole("treeitem").count()).toBeLessThan(before);
  await page.getByRole("button", { name: "Expand all" }).click();
  await page.getByRole("combobox", { name: "Service" }).selectOption("frontend");
  await expect(tree.getByRole("treeitem")).toHaveCount(2);
});

test("a 50,000-span trace opens, renders only visible rows, and scrolls to its end", async ({ page }) => {
  await page.goto("/explore?trace=5e5e5e5e00000000000000000000c350");
  const tree = page.getByRole("tree", { name: "Trace waterfall" });
  await expect(tree.getByRole("treeitem").first()).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("50,000 spans")).toBeVisible();
  const rendered = await tree.getByRole("treeitem").count();
  expect(rendered).toBeLessThan(200);
  await expect(tree.getByRole("treeitem").first()).toHaveAttribute("aria-setsize", "50000");
  await tree.getByRole("treeitem").first().click();
  await tree.focus();
  await page.keyboard.press("End");
  await expect(tree.getByRole("treeitem", { selected: true })).toHaveAttribute("aria-posinset", "50000");
  await tree.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }));
  await expect(tree.getByRole("treeitem").first()).toBeVisible();
  expect(await tree.getByRole("treeitem").count()).toBeLessThan(200);
});

test("dragging on the overview zooms the rows into that time window; double-click shows it all", async ({
  page,
  request,
}) => {
  const exemplar = await regressionExemplar(request);
  await openExemplarTrace(page, exemplar);
  const minimap = page.getByTestId("minimap");
  await expect(minimap).toBeVisible();
  const ruler = page
    .getByRole("tree", { name: "Trace waterfall" })
    .locator("xpath=preceding-sibling::div[1]");
  await expect(ruler).toContainText("0 µs");
  const box = (await minimap.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  // The ruler now starts halfway into the trace, not at its start.
  await expect(ruler).not.toContainText("0 µs");
  await minimap.dblclick();
  await expect(ruler).toContainText("0 µs");
});

test("Statistics sums the trace per operation; a name shows its longest span in the waterfall", async ({
  page,
  request,
}) => {
  const exemplar = await regressionExemplar(request);
  await openExemplarTrace(page, exemplar);
  const panel = page.getByRole("region", { name: "Trace" });
  await panel.getByRole("tab", { name: "Statistics" }).click();
  const table = panel.getByRole("table", { name: "Trace statistics" });
  // Sorted by critical-path time: the N+1's queries decide this request's latency.
  const first = table.locator("tbody tr").first();
  await expect(first).toContainText("SELECT order_items");
  expect(Number(await first.locator("td").first().textContent())).toBeGreaterThan(20);
  await table.getByRole("button", { name: /SELECT orders$/ }).click();
  await expect(panel.getByRole("tab", { name: "Waterfall" })).toHaveAttribute("aria-selected", "true");
  await expect(panel.getByRole("treeitem", { selected: true })).toContainText("SELECT orders");
});

test("Compare holds the trace against a typical one, path by path, and the link keeps both", async ({
  page,
  browser,
  request,
}) => {
  test.slow();
  const exemplar = await regressionExemplar(request);
  await openExemplarTrace(page, exemplar);
  const panel = page.getByRole("region", { name: "Trace" });
  await panel.getByRole("tab", { name: "Compare" }).click();
  await panel.getByRole("button", { name: "Compare with a typical request" }).click();
  await expect(page).toHaveURL(/compare=[0-9a-f]{32}/);
  const diff = panel.getByRole("table", { name: "Trace comparison" });
  const itemsRow = diff.getByRole("row").filter({ hasText: "SELECT order_items" });
  // The typical pick may have been sampled out (5 % in the demo): then the next one is offered.
  const next = panel.getByRole("button", { name: "Try the next typical request" });
  await expect(itemsRow.or(next)).toBeVisible({ timeout: 15_000 });
  while (await next.isVisible()) {
    await next.click();
    await expect(itemsRow.or(next)).toBeVisible({ timeout: 15_000 });
  }
  // The N+1: some 30 calls in this trace against one in the typical request.
  const calls = (await itemsRow.getByRole("cell").nth(1).textContent())!
    .split("·")
    .map((n) => Number(n.trim()));
  expect(calls[0]).toBeGreaterThan(20);
  expect(calls[1]).toBe(1);
  await expect(itemsRow.getByRole("cell").nth(3)).toHaveText(/^\+/);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(page.url());
  await expect(
    fresh
      .getByRole("table", { name: "Trace comparison" })
      .getByRole("row")
      .filter({ hasText: "SELECT order_items" }),
  ).toBeVisible({ timeout: 15_000 });
  await fresh.context().close();
});

test("a shared link to a trace has its first rows, the linked span selected, in the page's HTML", async ({
  request,
}) => {
  const exemplar = await regressionExemplar(request);
  const html = await (await request.get(`/explore?trace=${exemplar.traceId}&span=${exemplar.spanId}`)).text();
  expect(html.match(/role="treeitem"/g)?.length).toBeGreaterThan(10);
  // The rows are markup only: no handlers, and the selected one is the exemplar's span.
  expect(html).toMatch(new RegExp(`aria-selected="true"[^>]*data-span-id="${exemplar.spanId}"`));
});

test("each service of a trace has its own color, none of them red, kept in the next trace", async ({
  page,
}) => {
  await page.goto(`/explore?trace=5e5e5e5e0000000000000000000003e8`);
  const legend = page.getByRole("list", { name: "Services" });
  await expect(legend.getByRole("listitem").first()).toBeVisible({ timeout: 20_000 });
  const colorsOf = async (): Promise<[string, string][]> =>
    legend
      .getByRole("listitem")
      .evaluateAll((items) =>
        items.map((item) => [
          item.textContent ?? "",
          getComputedStyle(item.querySelector("span")!).backgroundColor,
        ]),
      );
  const colors = await colorsOf();
  expect(colors.length).toBeGreaterThan(5);
  const oklab = (css: string) => {
    const [l, c, h] = /oklch\(([\d.]+) ([\d.]+) ([\d.]+)\)/.exec(css)!.slice(1).map(Number) as [
      number,
      number,
      number,
    ];
    return { l, a: c * Math.cos((h * Math.PI) / 180), b: c * Math.sin((h * Math.PI) / 180), h };
  };
  const points = colors.map(([, css]) => oklab(css));
  for (let i = 0; i < points.length; i++) {
    // Red is near 29° in OKLCH.
    expect(Math.min(Math.abs(points[i]!.h - 29), 360 - Math.abs(points[i]!.h - 29))).toBeGreaterThanOrEqual(
      30,
    );
    for (let j = i + 1; j < points.length; j++) {
      const [p, q] = [points[i]!, points[j]!];
      expect(
        Math.hypot(p.l - q.l, p.a - q.a, p.b - q.b),
        `${colors[i]![0]} vs ${colors[j]![0]}`,
      ).toBeGreaterThan(0.1);
    }
  }
  // Another trace with some of the same services: they keep their colors.
  await page.goto(`/explore?trace=5e5e5e5e0000000000000000000001f4`);
  await expect(legend.getByRole("listitem").first()).toBeVisible({ timeout: 20_000 });
  const next = new Map(await colorsOf());
  const shared = colors.filter(([service]) => next.has(service));
  expect(shared.length).toBeGreaterThan(0);
  for (const [service, css] of shared) expect(next.get(service)).toBe(css);
});

test("the critical path is a solid stripe on the bars, and every duration label stays inside the row", async ({
  page,
  request,
}) => {
  const exemplar = await regressionExemplar(request);
  const tree = await openExemplarTrace(page, exemplar);
  const root = tree.getByRole("treeitem").first();
  await expect(root.getByTitle("On the critical path").first()).toBeVisible();
  const rowBox = (await root.boundingBox())!;
  for (const item of await tree.getByRole("treeitem").all()) {
    const label = item.locator("span.tabular-nums").last();
    const box = (await label.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(rowBox.x + rowBox.width + 1);
  }
});

test("Collapse all collapses even around a deep selection, which moves up to the collapsed span", async ({
  page,
  request,
}) => {
  const exemplar = await regressionExemplar(request);
  const tree = await openExemplarTrace(page, exemplar);
  const before = await tree.getByRole("treeitem").count();
  await page.getByRole("button", { name: "Collapse all" }).click();
  await expect.poll(() => tree.getByRole("treeitem").count()).toBeLessThan(before);
  const selected = tree.getByRole("treeitem", { selected: true });
  await expect(selected).toHaveAttribute("aria-level", "2");
  await expect(selected).toHaveAttribute("aria-expanded", "false");
});

test("navigating to the explorer again asks only for the view's own queries", async ({ page }) => {
  await page.goto("/explore");
  await expect(page.getByTestId("latency-chart")).toBeVisible({ timeout: 15_000 });
  const asked: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/metrics/query_range")) asked.push(new URL(r.url()).searchParams.get("query")!);
  });
  await page.goto("/explore");
  await expect(page.getByTestId("latency-chart")).toBeVisible({ timeout: 15_000 });
  expect(asked.length).toBeGreaterThan(0);
  // Every one is for the suggested, filtered view: none for the bare metric while it is resolved.
  for (const query of asked) expect(query).toContain('job="api-gateway"');
});

test("focus rings show for the keyboard, not after a click", async ({ page, request }) => {
  const exemplar = await regressionExemplar(request);
  const tree = await openExemplarTrace(page, exemplar);
  await tree.getByRole("treeitem").first().click();
  const ring = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { outline: style.outlineStyle, shadow: style.boxShadow };
    });
  expect(await ring()).toEqual({ outline: "none", shadow: "none" });
  await page.keyboard.press("ArrowDown");
  expect((await ring()).shadow).not.toBe("none");
  // The charts are not one big focusable box: their markers are the stops.
  await page.getByTestId("latency-chart").click({ position: { x: 200, y: 150 } });
  expect(await page.evaluate(() => document.activeElement?.closest("svg") === null)).toBe(true);
});

test.describe("room for the trace (1440 × 900)", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test("the split, the name column and the details' place can be changed, and are remembered", async ({
    page,
    request,
  }) => {
    const exemplar = await regressionExemplar(request);
    const tree = await openExemplarTrace(page, exemplar);
    const panel = page.getByRole("region", { name: "Trace" });
    const widthOf = async (locator: typeof panel) => (await locator.boundingBox())!.width;

    // Drag the split 200 px to the left: the trace gets 200 px wider.
    const split = page.getByRole("separator", { name: "Width of the trace panel" });
    const before = await widthOf(panel);
    const box = (await split.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 100);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + 100, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => widthOf(panel)).toBeGreaterThan(before + 150);

    // The name column, from the keyboard.
    const nameCell = () => tree.getByRole("treeitem").first().locator("> div").first();
    const nameBefore = await widthOf(nameCell());
    await page.getByRole("separator", { name: "Width of the span name column" }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => widthOf(nameCell())).toBeGreaterThan(nameBefore + 40);

    // Details beside the rows give the rows the panel's height.
    const rowsHeight = (await tree.boundingBox())!.height;
    await page.getByRole("button", { name: "Details beside" }).click();
    await expect.poll(async () => (await tree.boundingBox())!.height).toBeGreaterThan(rowsHeight + 100);
    const details = page.getByRole("region", { name: "Span details" });
    expect((await details.boundingBox())!.x).toBeGreaterThan((await tree.boundingBox())!.x + 100);

    await page.reload();
    await expect(tree.getByRole("treeitem", { selected: true })).toBeVisible();
    await expect.poll(() => widthOf(panel)).toBeGreaterThan(before + 150);
    await expect(page.getByRole("button", { name: "Details below" })).toBeVisible();

    // The whole window for the trace, and back.
    await panel.getByRole("button", { name: "Give the trace the whole window" }).click();
    await expect(page.getByTestId("latency-chart")).toBeHidden();
    expect(await widthOf(panel)).toBeGreaterThan(1300);
    await panel.getByRole("button", { name: "Show the charts beside the trace" }).click();
    await expect(page.getByTestId("latency-chart")).toBeVisible();
  });
});

test("repeated calls fold into one row that says how many and how long, and unfold on a click", async ({
  page,
  request,
}) => {
  const exemplar = await regressionExemplar(request);
  const tree = await openExemplarTrace(page, exemplar);
  const items = tree.getByRole("treeitem", { name: /SELECT order_items/ });
  await expect(items).toHaveCount(1);
  await expect(items).toHaveAccessibleName(/first of \d+ calls, .* in all/);
  const badge = items.getByRole("button", { name: /^× \d+ · / });
  const count = Number(/× (\d+)/.exec((await badge.textContent())!)![1]);
  expect(count).toBeGreaterThan(20);
  await badge.click();
  // Unfolded: every call has its row (only those on screen are in the DOM).
  await expect(items.first().getByRole("button", { name: `fold ${count}` })).toBeVisible();
  await expect
    .poll(() => tree.getByRole("treeitem", { name: /SELECT order_items/ }).count())
    .toBeGreaterThan(10);
});
