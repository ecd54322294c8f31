import { type ExplorerPage, expect, test } from "../e2e/fixtures";

const GATEWAY_LAST_15_MIN = `?query=${encodeURIComponent('http_server_request_duration_seconds{service="gateway"}')}&from=now-15m`;

/** Opens the first exemplar whose trace Jaeger kept (it drops some); the waterfall's selected row. */
async function openKeptTraceSelectedRow(explorer: ExplorerPage) {
  await expect(explorer.markers.first()).toBeVisible();
  const traceId = await explorer.openFirstKeptTrace();
  await expect(explorer.tracePanel.getByText(traceId)).toBeVisible();
  return explorer.tracePanel
    .getByRole("tree", { name: "Trace waterfall" })
    .getByRole("treeitem", { selected: true });
}

/** A test of the Prometheus 3 round (scripts/test-integration.mjs); on Prometheus 2, skipped with why. */
function onlyOnPrometheus3(why: string) {
  test.skip(process.env.STACK_PROMETHEUS !== "3", `${why}; this runs in the Prometheus 3 round`);
}

test("on real Prometheus and Jaeger, the slowest exemplar opens its real trace as a waterfall", async ({
  page,
  explorer,
}) => {
  await explorer.goto(GATEWAY_LAST_15_MIN);
  await expect(page.getByText("Demo data")).toHaveCount(0);
  const traceId = await explorer.openFirstKeptTrace();
  const tree = explorer.tracePanel.getByRole("tree", { name: "Trace waterfall" });
  const selected = tree.getByRole("treeitem", { selected: true });
  await expect(selected).toHaveAttribute("data-span-id", /^[0-9a-f]{16}$/);
  await expect(selected).toContainText("gateway");
  // The gateway's span has the downstream services under it, over real W3C propagation.
  await expect(explorer.tracePanel.getByRole("list", { name: "Services" })).toContainText(/users|orders/);
  await expect(explorer.tracePanel.getByText(traceId)).toBeVisible();
});

test("on Prometheus 3, the histogram's native form draws quantiles, heatmap and exemplars that open real traces", async ({
  page,
  explorer,
}) => {
  onlyOnPrometheus3("Prometheus 2 has no native histograms");
  await explorer.goto(GATEWAY_LAST_15_MIN);
  // Stored both ways (NHCB conversion keeps the classic buckets): the person picks.
  await explorer.readNativeHistogram();
  // The heatmap's rows are the native histogram's buckets (its custom bounds, from the shop's histogram).
  const heatmap = page.getByRole("figure", { name: "Requests per latency bucket over time" });
  await expect(heatmap).toContainText("≤ 250 ms");
  await expect(page.getByRole("img", { name: /^Color scale: 0 to [\d.]+\/s/ })).toBeVisible();
  await expect(await openKeptTraceSelectedRow(explorer)).toContainText("gateway");
});

test("on Prometheus 3, Jaeger's span metrics (an exponential histogram over OTLP) are listed, drawn, and their exemplars open real traces", async ({
  page,
  explorer,
}) => {
  onlyOnPrometheus3("Prometheus 2.42 has no OTLP receiver");
  await explorer.goto(GATEWAY_LAST_15_MIN);
  // Picked from the metric list (a listed name applies as it is entered, without Enter), although
  // Prometheus has no metadata to call it a histogram.
  await page.getByLabel("Histogram", { exact: true }).fill("traces_span_metrics_duration_seconds");
  await expect(page).toHaveURL(/traces_span_metrics_duration_seconds/);
  // Native only: no choice to offer, and the heatmap's rows are merged exponential buckets.
  await expect(page.getByRole("button", { name: "Classic buckets" })).toHaveCount(0);
  await expect(page.getByRole("figure", { name: "Requests per latency bucket over time" })).toBeVisible();
  await expect(await openKeptTraceSelectedRow(explorer)).toHaveAttribute("data-span-id", /^[0-9a-f]{16}$/);
});
