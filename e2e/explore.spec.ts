import { expect, test } from "./fixtures";

test("the start page shows the demo's latency chart with exemplar markers", async ({ page, explorer }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/explore/);
  await expect(page.getByText("Demo data")).toBeVisible();
  await expect(explorer.markers.first()).toBeVisible({ timeout: 15_000 });
  expect(await explorer.markers.count()).toBeGreaterThan(50);
  await expect(page.getByRole("heading", { name: /exemplars/ })).toContainText("slowest first");
});

test("clicking the slowest exemplar opens its trace beside the chart with its span selected", async ({
  page,
  explorer,
}) => {
  await explorer.goto();
  const traceId = await explorer.openSlowestKeptTrace();
  const spanId = new URL(page.url()).searchParams.get("span");
  expect(spanId).toMatch(/^[0-9a-f]{16}$/);
  await expect(page.getByTestId("latency-chart")).toBeVisible();
  await expect(explorer.tracePanel.getByText(traceId)).toBeVisible();
  const selected = explorer.tracePanel.locator("[aria-current=true]");
  await expect(selected).toHaveCount(1);
  await expect(selected).toContainText("GET /api/v1/orders");
  await expect(page.locator(`[data-trace-id="${traceId}"][aria-pressed=true]`)).toHaveCount(1);
});

test("a marker opens its trace from the keyboard", async ({ page, explorer }) => {
  await explorer.goto();
  const marker = explorer.markers.first();
  await marker.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/trace=[0-9a-f]{32}/);
  await expect(explorer.tracePanel).toBeVisible();
});

test("a deep link restores the chart, the trace and the selected span", async ({
  page,
  browser,
  explorer,
}) => {
  await explorer.goto();
  await explorer.openSlowestKeptTrace();
  const link = page.url();
  const fresh = await browser.newPage();
  await fresh.goto(link);
  const panel = fresh.getByRole("region", { name: "Trace" });
  await expect(panel.getByTestId("span-list")).toBeVisible();
  await expect(panel.locator("[aria-current=true]")).toHaveCount(1);
  await expect(fresh.getByTestId("latency-chart")).toBeVisible();
  await fresh.close();
});

test("a trace that was not kept is explained, not shown as an error page", async ({ page }) => {
  await page.goto("/explore?trace=00000000000000000000000000000abc");
  await expect(page.getByText("This exemplar's trace is not in the trace store")).toBeVisible();
  await expect(page.getByText(/sampled out/).first()).toBeVisible();
});

test("a bad query shows Prometheus's message with its position", async ({ page }) => {
  await page.goto(`/explore?query=${encodeURIComponent("sum by (le (rate(x[5m])")}`);
  const alert = page.getByRole("alert").filter({ hasText: "Prometheus rejected the query" });
  await expect(alert).toContainText(/1:\d+: parse error/);
  // One message, not one per panel.
  await expect(page.getByRole("alert").filter({ hasText: "parse error" })).toHaveCount(1);
});
