import { expect, test } from "./fixtures";

test("the start page shows the demo's latency chart, heatmap and distribution with exemplars", async ({
  page,
  explorer,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/explore/);
  await expect(page.getByText("Demo data")).toBeVisible();
  await expect(explorer.markers.first()).toBeVisible({ timeout: 15_000 });
  expect(await explorer.markerCount()).toBeGreaterThan(50);
  await expect(page.getByTestId("bucket-heatmap")).toBeVisible();
  await expect(page.getByTestId("bucket-distribution")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /Latency/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  // Markers are drawn above the axes: one on the plot's edge would otherwise lie under the axis
  // line, which took its tap (seen on a phone, where the slowest marker fell on the left edge).
  await expect(page.locator("[data-exemplar-markers]")).toHaveCount(2);
  const markersUnderAnAxis = await page.evaluate(() =>
    [...document.querySelectorAll<SVGGElement>("[data-exemplar-markers]")].map(
      (layer) =>
        [...layer.ownerSVGElement!.querySelectorAll(".recharts-cartesian-axis")].filter(
          (axis) => !(axis.compareDocumentPosition(layer) & Node.DOCUMENT_POSITION_FOLLOWING),
        ).length,
    ),
  );
  expect(markersUnderAnAxis).toEqual([0, 0]);
});

test("picking a metric filter redraws the view, and Back restores the previous one", async ({
  page,
  explorer,
}) => {
  await explorer.goto();
  const before = new URL(page.url()).searchParams.get("query");
  await page.getByLabel("route").selectOption("/api/v1/users/{id}");
  await expect(page).toHaveURL(/users%2F%7Bid%7D|users\/\{id\}/);
  await expect(page.getByTestId("latency-chart")).toBeVisible();
  await expect(explorer.markers.first()).toBeVisible();
  const query = new URL(page.url()).searchParams.get("query")!;
  expect(query).toContain('route="/api/v1/users/{id}"');
  await page.goBack();
  await expect.poll(() => new URL(page.url()).searchParams.get("query")).toBe(before);
  await expect(page.getByLabel("route")).toHaveValue("/api/v1/orders");
});

test("the slowest exemplar in the regression window opens its trace with the N+1 pattern", async ({
  page,
  explorer,
}) => {
  await explorer.goto();
  // Select the regression: the slow band of the chart, the upper part of the latency axis.
  await explorer.dragOnChart([0.02, 0.0], [0.98, 0.25]);
  await expect(page.getByRole("button", { name: /In selection/ })).toBeVisible();
  const traceId = await explorer.openFirstKeptTrace();
  await expect(explorer.chart).toBeVisible();
  await expect(explorer.tracePanel.getByText(traceId)).toBeVisible();
  const selected = explorer.tracePanel.getByRole("treeitem", { selected: true });
  await expect(selected).toHaveCount(1);
  await expect(selected).toContainText("GET /api/v1/orders");
  await expect(
    explorer.tracePanel.getByRole("treeitem", { name: /SELECT order_items/ }).first(),
  ).toBeVisible();
  await expect(page.locator(`[data-trace-id="${traceId}"][aria-pressed=true]`)).toHaveCount(1);
});

test("a marker opens its trace from the keyboard", async ({ page, explorer }) => {
  await explorer.goto();
  await explorer.markers.first().focus();
  await expect(page.getByRole("tooltip")).toContainText("trace");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/trace=[0-9a-f]{32}/);
  await expect(explorer.tracePanel).toBeVisible();
});

test("the exemplar list sorts by time and filters by bucket, and both live in the URL", async ({
  page,
  explorer,
}) => {
  await explorer.goto();
  await page.getByRole("button", { name: /^Time/ }).click();
  await expect(page).toHaveURL(/sort=time/);
  await page.getByRole("combobox", { name: "Bucket" }).selectOption({ label: "≤ 1 s" });
  await expect(page).toHaveURL(/bucket=\d+/);
  const bucketCells = page.getByTestId("exemplar-rows").getByRole("row").locator("[role=cell]:nth-child(3)");
  await expect(bucketCells.first()).toHaveText("≤ 1 s");
  expect(new Set(await bucketCells.allTextContents())).toEqual(new Set(["≤ 1 s"]));
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Bucket" })).toHaveValue(/\d+/);
  await expect(page.getByRole("columnheader", { name: /Time/ })).toHaveAttribute("aria-sort", "descending");
});

test("Share copies a link with absolute times that reopens the same view, trace and span", async ({
  page,
  browser,
  explorer,
  context,
}) => {
  // Two pages, each loading the charts and a trace: more than the default 30 s on a busy machine.
  test.slow();
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await explorer.goto();
  await explorer.openFirstKeptTrace();
  const spanId = new URL(page.url()).searchParams.get("span");
  await page.getByRole("button", { name: "Share" }).click();
  await expect(page.getByRole("button", { name: "Link copied" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(link);
  expect(url.searchParams.get("from")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  expect(url.searchParams.get("to")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  expect(url.searchParams.get("span")).toBe(spanId);

  const freshContext = await browser.newContext();
  const fresh = await freshContext.newPage();
  await fresh.goto(link);
  const panel = fresh.getByRole("region", { name: "Trace" });
  await expect(panel.getByRole("treeitem", { selected: true })).toHaveAttribute("data-span-id", spanId!);
  await expect(fresh.getByTestId("latency-chart")).toBeVisible();
  await expect(fresh.getByRole("button", { name: "Custom" })).toHaveAttribute("aria-pressed", "true");
  await freshContext.close();
});

test("dragging a region and zooming to it pins an absolute range", async ({ page, explorer }) => {
  await explorer.goto();
  const openedAtMs = Date.now();
  // The default range is the last hour: 30 % to 60 % of the plot's width is about 18 minutes of it.
  await explorer.dragOnChart([0.3, 0.05], [0.6, 0.95]);
  await page.getByRole("button", { name: "Zoom to selection" }).click();
  await expect(page).toHaveURL(/from=\d{4}-/);
  const url = new URL(page.url());
  const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
  expect(url.searchParams.get("from")).toMatch(RFC3339);
  expect(url.searchParams.get("to")).toMatch(RFC3339);
  const fromMs = Date.parse(url.searchParams.get("from")!);
  const toMs = Date.parse(url.searchParams.get("to")!);
  expect((toMs - fromMs) / 60_000).toBeGreaterThan(14);
  expect((toMs - fromMs) / 60_000).toBeLessThan(22);
  expect(fromMs).toBeGreaterThan(openedAtMs - 60 * 60_000);
  expect(toMs).toBeLessThan(openedAtMs);
  // The zoomed view draws that range: its exemplars are on the chart again.
  await expect(explorer.markers.first()).toBeVisible();
});

test("comparing the regression's slow requests with typical ones names the N+1, the lock wait and the canary, in a link that reopens it", async ({
  page,
  browser,
  explorer,
}) => {
  test.slow();
  await explorer.goto();
  // The slow band of the chart: the regression's markers (as in the test above).
  await explorer.dragOnChart([0.02, 0.0], [0.98, 0.25]);
  await page.getByRole("button", { name: "Compare with typical" }).click();
  await expect(page).toHaveURL(/baseline=typical/);
  const comparison = page.getByRole("region", { name: /Slow vs typical/ });
  const operations = comparison.getByRole("table", { name: /Operations/ });
  await expect(operations).toBeVisible({ timeout: 20_000 });
  await expect(comparison.getByTestId("comparison-counts")).toContainText(/\d+ of \d+ slow traces kept/);
  const topOperations = await operations
    .locator("tbody tr th")
    .evaluateAll((cells) => cells.slice(0, 2).map((cell) => cell.textContent ?? ""));
  expect(topOperations[0]).toContain("SELECT order_items");
  expect(topOperations[1]).toContain("SELECT orders");
  const attributes = comparison.getByRole("table", { name: /Attribute values/ });
  await expect(attributes.locator("tbody tr").first()).toContainText(/host\.name|service\.version/);
  await expect(attributes).toContainText("1.9.0");

  // A row opens the slow trace that spent longest in it, with that span selected.
  await operations
    .getByRole("button", { name: /SELECT order_items/ })
    .first()
    .click();
  await expect(explorer.tracePanel.getByRole("treeitem", { selected: true })).toContainText(
    "SELECT order_items",
  );
  await expect(operations.locator("tr[aria-selected=true]")).toContainText("SELECT order_items");

  // The link reopens the same comparison in a fresh browser.
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(page.url());
  const reopened = fresh.getByRole("region", { name: /Slow vs typical/ });
  await expect(
    reopened.getByRole("table", { name: /Operations/ }).locator("tr[aria-selected=true]"),
  ).toContainText("SELECT order_items", { timeout: 20_000 });
  await expect(reopened.getByTestId("comparison-counts")).toHaveText(
    (await comparison.getByTestId("comparison-counts").textContent())!,
  );
  await fresh.context().close();
});

test("the comparison shows its progress, stops on Cancel with what arrived, and switches baseline", async ({
  page,
  explorer,
}) => {
  test.slow();
  await explorer.goto();
  // Slow trace answers, so that there is time to cancel.
  await page.route("**/api/traces/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await explorer.dragOnChart([0.02, 0.0], [0.98, 0.25]);
  await page.getByRole("button", { name: "Compare with typical" }).click();
  const comparison = page.getByRole("region", { name: /Slow vs typical/ });
  await expect(comparison.getByRole("progressbar", { name: /Fetching/ })).toBeVisible();
  await comparison.getByRole("button", { name: "Cancel" }).click();
  await expect(comparison.getByText(/stopped; comparing what arrived/)).toBeVisible();
  await comparison.getByRole("button", { name: "Fetch the rest" }).click();
  await expect(comparison.getByTestId("comparison-counts")).toContainText(/slow traces kept/, {
    timeout: 30_000,
  });
  await page.unroute("**/api/traces/**");

  await comparison.getByRole("combobox", { name: "Baseline" }).selectOption("before");
  await expect(page).toHaveURL(/baseline=before/);
  const before = page.getByRole("region", { name: /Slow vs earlier/ });
  await expect(before.getByText(/recorded before/)).toBeVisible();
  await expect(before.getByRole("table", { name: /Operations/ }).or(before.getByRole("status"))).toBeVisible({
    timeout: 20_000,
  });
  await before.getByRole("button", { name: "Close the comparison" }).click();
  await expect(page).not.toHaveURL(/baseline=/);
  await expect(page.getByRole("button", { name: "Compare with typical" })).toBeVisible();
});

test("opening a trace from the keyboard moves focus to it, closes the card, and Escape goes back to the marker", async ({
  page,
  explorer,
}) => {
  await explorer.goto();
  const marker = explorer.markers.first();
  await marker.focus();
  await expect(page.getByRole("tooltip")).toBeVisible();
  await page.keyboard.press("Enter");
  const traceId = await marker.getAttribute("data-trace-id");
  await expect(page).toHaveURL(new RegExp(`trace=${traceId}`));
  await expect(page.getByRole("heading", { name: "Trace" })).toBeFocused();
  await expect(page.getByRole("tooltip")).toHaveCount(0);
  // The next Tab stays in the panel, not back at the first marker.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[aria-label="Trace"]')))).toBe(
    true,
  );
  await page.keyboard.press("Escape");
  await expect(page.locator(`[data-testid="latency-chart"] [data-trace-id="${traceId}"]`)).toBeFocused();
});

test("the chart is one stop for the keyboard: arrow keys walk its markers in time order, Enter opens one", async ({
  page,
  explorer,
}) => {
  await explorer.goto();
  const marker = explorer.markers;
  await expect(marker).toHaveCount(1);
  await marker.focus();
  const tooltip = page.getByRole("tooltip");
  // It starts on the slowest marker: the one a person mid-incident wants first.
  const slowest = await marker.getAttribute("data-trace-id");
  await expect(tooltip).toContainText(slowest!);
  // The card's date and time: they sort as text.
  const timeOf = async () => (await tooltip.textContent())!.match(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/)![0];

  await page.keyboard.press("Home");
  const first = await timeOf();
  await page.keyboard.press("ArrowRight");
  await expect(marker).toBeFocused();
  const second = await timeOf();
  expect(second >= first).toBe(true);
  await expect(tooltip).toContainText((await marker.getAttribute("data-trace-id"))!);
  await page.keyboard.press("End");
  expect((await timeOf()) >= second).toBe(true);
  await page.keyboard.press("ArrowUp");
  await expect(marker).toBeFocused();

  // One Tab leaves the chart, and no empty stop of the charts' drawing holds the keyboard.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).not.toBe("g");
  expect(
    await page.evaluate(() => document.activeElement?.closest("[data-testid=latency-chart]")),
  ).toBeNull();
  await page.keyboard.press("Shift+Tab");
  await expect(marker).toBeFocused();
  const chosen = await marker.getAttribute("data-trace-id");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`trace=${chosen}`));
});

test("the exemplar list is one stop for the keyboard: arrows and End walk its rows, Enter opens one", async ({
  page,
  explorer,
}) => {
  await explorer.goto();
  const rows = explorer.exemplarRows;
  await expect(rows.first()).toBeVisible();
  // Of the rows drawn (a few dozen of thousands), one takes Tab: the first, slowest.
  await expect(page.getByTestId("exemplar-rows").locator('button[tabindex="0"]')).toHaveCount(1);
  await rows.first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(rows.first()).toBeFocused();
  // The last row is far below what is drawn: the list scrolls to it and focuses it.
  await page.keyboard.press("End");
  const count =
    Number((await page.getByRole("table", { name: "Exemplars" }).getAttribute("aria-rowcount"))!) - 1;
  await expect(page.locator(`[data-row-index="${count - 1}"]`)).toBeFocused();
  // Tab leaves the list from any row; Shift+Tab comes back to the same row.
  await page.keyboard.press("Tab");
  expect(
    await page.evaluate(() => document.activeElement?.closest("[data-testid=exemplar-rows]")),
  ).toBeNull();
  await page.keyboard.press("Shift+Tab");
  const row = page.locator(`[data-row-index="${count - 1}"]`);
  await expect(row).toBeFocused();
  const traceId = await row.getAttribute("data-trace-id");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`trace=${traceId}`));
});

test("Escape clears the chart's selection", async ({ page, explorer }) => {
  await explorer.goto();
  await explorer.dragOnChart([0.3, 0.05], [0.6, 0.95]);
  await expect(page).toHaveURL(/region=/);
  await page.keyboard.press("Escape");
  await expect(page).not.toHaveURL(/region=/);
  await expect(page.getByRole("button", { name: "Zoom to selection" })).toHaveCount(0);
});

test.describe("on a phone (390 × 844)", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("nothing scrolls sideways, and a tapped marker opens its trace as a full-screen sheet with a way back", async ({
    page,
    explorer,
  }) => {
    test.slow();
    await explorer.goto();
    // Everything below the chart has loaded and laid out: the markers stay where they are.
    await expect(explorer.exemplarRows.first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await explorer.markers.first().tap();
    await expect(page).toHaveURL(/trace=[0-9a-f]{32}/);
    const sheet = explorer.tracePanel;
    await expect(
      sheet.getByRole("tree", { name: "Trace waterfall" }).or(sheet.getByText(/not in the trace store/)),
    ).toBeVisible();
    const box = (await sheet.boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBe(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await sheet.getByRole("button", { name: "← Chart" }).tap();
    await expect(page).not.toHaveURL(/trace=/);
    await expect(explorer.chart).toBeInViewport();
  });
});

test("Refresh asks the backend again, also where the view's requests stay the same (an absolute range)", async ({
  page,
  explorer,
}) => {
  const end = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000);
  const start = new Date(end.getTime() - 30 * 60_000);
  await explorer.goto(`?from=${start.toISOString()}&to=${end.toISOString()}`);
  const askedAgain = ["/api/exemplars", "/api/metrics/query_range"].map((path) =>
    page.waitForRequest((request) => new URL(request.url()).pathname === path),
  );
  await page.getByRole("button", { name: "Refresh" }).click();
  await Promise.all(askedAgain);
  await expect(explorer.markers.first()).toBeVisible();
});

test("times are written one way, in the zone shown, and UTC is a choice kept in the link", async ({
  page,
  explorer,
}) => {
  await explorer.goto();
  const zone = page.getByRole("combobox", { name: "Time zone" });
  await expect(zone).toHaveValue("local");
  await zone.selectOption("utc");
  await expect(page).toHaveURL(/tz=utc/);
  await expect(page.getByRole("columnheader", { name: /Time \(UTC\)/ })).toBeVisible();
  const firstTime = page.getByTestId("exemplar-rows").getByRole("row").first().getByRole("cell").nth(1);
  await expect(firstTime).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  // The marker's name and card say the same time as the list, with the zone.
  // The time axis: 24-hour clock labels.
  const ticks = (await explorer.chart.locator("svg text").allTextContents()).filter((t) => t.includes(":"));
  expect(ticks.length).toBeGreaterThan(2);
  for (const tick of ticks) expect(tick).toMatch(/^\d{2}:\d{2}$/);
  await explorer.markers.first().hover();
  await expect(page.getByRole("tooltip")).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
  await page.reload();
  await expect(zone).toHaveValue("utc");
});

test("the charts name their axes and scales, the legend hides a line or the exemplars, and the PromQL is there to copy", async ({
  page,
  explorer,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await explorer.goto();
  await expect(page.getByText(/Latency \(log scale\) over time \(UTC/)).toBeVisible();
  await expect(page.getByText("Requests per second in each latency bucket")).toBeVisible();
  await expect(page.getByRole("img", { name: /Color scale: 0 to [\d.]+\/s/ })).toBeVisible();
  const legend = page.getByRole("group", { name: "Legend" });
  const p99 = legend.getByRole("button", { name: "p99" });
  const lines = explorer.chart.locator(".recharts-line");
  const before = await lines.count();
  await p99.click();
  await expect(p99).toHaveAttribute("aria-pressed", "false");
  await expect(lines).toHaveCount(before - 1);
  const dots = legend.getByRole("button", { name: /^Exemplars \(\d+\)$/ });
  await dots.click();
  await expect(explorer.chart.locator("[data-trace-id]")).toHaveCount(0);
  await dots.click();
  await expect(explorer.chart.locator("[data-trace-id]").first()).toBeVisible();

  // Heatmap bucket labels stay on one line each.
  const labelHeights = await page
    .getByTestId("bucket-heatmap")
    .locator("svg text")
    .filter({ hasText: /^[≤>]/ })
    .evaluateAll((texts) => texts.map((t) => t.querySelectorAll("tspan").length));
  expect(labelHeights.length).toBeGreaterThan(5);
  expect(Math.max(...labelHeights)).toBe(1);

  await page.getByText("PromQL of these charts").click();
  await page.getByRole("button", { name: "Copy the p99 query" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /^histogram_quantile\(0\.99, sum by \(le\)/,
  );
});

test("in PromQL mode with a line per route, each exemplar takes its route's color, and hides with it", async ({
  page,
  explorer,
}) => {
  const query =
    'histogram_quantile(0.99, sum by (le, route) (rate(http_server_request_duration_seconds_bucket{job="api-gateway"}[5m])))';
  await explorer.goto(`?query=${encodeURIComponent(query)}`);
  const legend = page.getByRole("group", { name: "Legend" });
  const lineToggles = legend.getByRole("button", { name: /route=/ });
  await expect(lineToggles.first()).toBeVisible();
  const lineColors = await lineToggles.evaluateAll((buttons) =>
    buttons.map((b) => getComputedStyle(b.querySelector("span")!).backgroundColor),
  );
  const markerFills = () =>
    explorer.chart
      .locator("path[data-marker-fill]")
      .evaluateAll((paths) => [...new Set(paths.map((m) => getComputedStyle(m).fill))]);
  const fills = await markerFills();
  expect(fills.length).toBeGreaterThan(1);
  for (const fill of fills) expect(lineColors).toContain(fill);

  // Hiding a route's line hides its exemplars.
  const first = lineToggles.first();
  await first.click();
  await expect.poll(async () => (await markerFills()).includes(lineColors[0]!)).toBe(false);
  await first.click();
  await expect.poll(async () => (await markerFills()).includes(lineColors[0]!)).toBe(true);
});

test("a histogram stored both ways (as Prometheus 3 converts one) can be read in its native form, kept in the link", async ({
  page,
  explorer,
}) => {
  await explorer.goto();
  const heatmapRows = async () =>
    page
      .getByRole("figure", { name: "Requests per latency bucket over time" })
      .locator("svg text")
      .filter({ hasText: /^[≤>]/ })
      .allTextContents();
  await expect.poll(async () => (await heatmapRows()).length).toBeGreaterThan(5);
  const classicRows = await heatmapRows();

  await explorer.readNativeHistogram();
  await expect(explorer.markers.first()).toBeVisible();
  // The native samples' buckets: the same bounds (those with requests), the same exemplars.
  await expect.poll(async () => (await heatmapRows()).length).toBeGreaterThan(5);
  expect(classicRows).toEqual(expect.arrayContaining(await heatmapRows()));

  // The link opens the native form again.
  await page.goto(page.url());
  await expect(page.getByRole("radio", { name: "Native" })).toHaveAttribute("aria-checked", "true");
});

test("a trace that takes long says it is loading, with a Cancel that closes it", async ({
  page,
  explorer,
}) => {
  await explorer.goto();
  await page.route("**/api/traces/**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await route.continue().catch(() => undefined);
  });
  await explorer.exemplarRows.first().click();
  await expect(page).toHaveURL(/trace=/);
  const loading = explorer.tracePanel.getByRole("status").filter({ hasText: "Loading trace…" });
  await expect(loading).toBeVisible();
  await loading.getByRole("button", { name: "Cancel" }).click();
  await expect(page).not.toHaveURL(/trace=/);
  await expect(explorer.tracePanel).toHaveCount(0);
});

test.describe("before any script has run", () => {
  test.use({ javaScriptEnabled: false });

  test("a link already shows its latency lines and every exemplar, drawn by the server", async ({ page }) => {
    await page.goto("/explore");
    const preview = page.getByTestId("latency-chart-preview");
    await expect(preview).toBeVisible();
    const markers = Number(
      await preview.locator("[data-exemplar-markers]").getAttribute("data-exemplar-markers"),
    );
    expect(markers).toBeGreaterThan(50);
    // The regression's p99 line, and the latency axis labelled.
    await expect(preview.locator("path[fill=none][stroke]")).toHaveCount(3);
    await expect(preview.getByText("1 s", { exact: true })).toBeVisible();
    await expect(page.getByText(/^Exemplars \(\d+\)$/)).toBeVisible();
  });
});

test("the live chart takes the server's drawing's place, and a new view never shows the old drawing", async ({
  page,
  explorer,
}) => {
  await explorer.goto();
  await expect(page.getByTestId("latency-chart-preview")).toHaveCount(0);
  // The same number of exemplars in the live legend as the server counted.
  await expect(page.getByRole("button", { name: /^Exemplars \(\d+\)$/ })).toBeVisible();
  // The next view's lines take a while: meanwhile a placeholder, not the first view's drawing.
  await page.route("**/api/metrics/query_range**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByRole("button", { name: "6h" }).click();
  await expect(page).toHaveURL(/from=now-6h/);
  await expect(page.getByLabel("Loading chart")).toBeVisible();
  await expect(page.getByTestId("latency-chart-preview")).toHaveCount(0);
  await expect(explorer.markers).toHaveCount(1);
});
