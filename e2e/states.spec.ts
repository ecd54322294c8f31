import { expect, test } from "./fixtures";
import { PORTS } from "../playwright.config";

/** The states a user meets when something is missing or broken: each explained, with a way on. */

const at = (port: number, path: string) => `http://127.0.0.1:${port}${path}`;

test("a trace that was not kept is explained once, asked for once, not shown as an error page", async ({
  page,
}) => {
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/traces/")) asked.push(request.url());
  });
  await page.goto("/explore?trace=00000000000000000000000000000abc");
  await expect(page.getByText("This exemplar's trace is not in the trace store")).toHaveCount(1);
  await expect(page.getByText(/sampled out/).first()).toBeVisible();
  await expect(page.getByTestId("latency-chart")).toBeVisible();
  expect(asked).toHaveLength(1);
});

test("a bad query shows Prometheus's message with its position, once", async ({ page }) => {
  await page.goto(`/explore?query=${encodeURIComponent("sum by (le (rate(x[5m])")}`);
  const alert = page.getByRole("alert").filter({ hasText: "Prometheus rejected the query" });
  await expect(alert).toContainText(/1:\d+: parse error/);
  await expect(page.getByRole("alert").filter({ hasText: "parse error" })).toHaveCount(1);
});

test("PromQL the demo does not evaluate says which forms it does", async ({ page }) => {
  await page.goto(`/explore?query=${encodeURIComponent("max(up)")}`);
  await expect(page.getByRole("alert").filter({ hasText: "Prometheus rejected the query" })).toContainText(
    "demo mode evaluates histogram_quantile",
  );
});

test("an unreachable Prometheus is named, with a retry", async ({ page }) => {
  await page.goto(at(PORTS.unreachable, `/explore?query=${encodeURIComponent('lat{job="a"}')}`));
  const alert = page.getByRole("alert").filter({ hasText: "Could not load the latency data" });
  await expect(alert).toContainText("Prometheus is unreachable", { timeout: 15_000 });
  await expect(alert.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("an unreachable Prometheus on first load says why there is no metric list", async ({ page }) => {
  await page.goto(at(PORTS.unreachable, "/explore"));
  await expect(
    page.getByRole("alert").filter({ hasText: "Could not list the histogram metrics" }),
  ).toContainText("unreachable", { timeout: 15_000 });
});

test("exemplar storage off is told apart from no exemplars", async ({ page }) => {
  await page.goto(at(PORTS.storageOff, "/explore"));
  await expect(page.getByText("Exemplar storage is off in Prometheus")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("--enable-feature=exemplar-storage")).toBeVisible();
  await expect(page.getByText("Demo data")).toHaveCount(0);
});

test("a Prometheus slower than the timeout gives a timeout message", async ({ page }) => {
  await page.goto(at(PORTS.slow, `/explore?query=${encodeURIComponent('lat{job="a"}')}`));
  await expect(page.getByRole("alert").filter({ hasText: "Could not load the latency data" })).toContainText(
    "did not answer within 1 s",
    {
      timeout: 20_000,
    },
  );
});

test("a range that ends before it starts is explained", async ({ page }) => {
  await page.goto("/explore?from=now&to=now-1h");
  await expect(page.getByRole("alert").filter({ hasText: "The time range is not valid" })).toContainText(
    "ends before it starts",
  );
});

test("a range older than the exemplar storage keeps explains why there are no exemplars", async ({
  page,
}) => {
  await page.goto("/explore?from=now-3d&to=now-2d");
  await expect(page.getByTestId("latency-chart")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("No exemplars in this range")).toBeVisible();
  // The usual reasons, the storage's size among them.
  await expect(page.getByText("storage.exemplars.max_exemplars")).toBeVisible();
  await expect(page.getByText(/OpenMetrics or\s+protobuf exposition/)).toBeVisible();
});

test("a metric without samples says so instead of drawing an empty chart", async ({ page }) => {
  await page.goto(
    `/explore?query=${encodeURIComponent('http_server_request_duration_seconds{job="no-such-job"}')}`,
  );
  await expect(page.getByText("No data for this query in this range")).toBeVisible({ timeout: 15_000 });
});

for (const query of ["nonexistent_metric_seconds", "up"]) {
  test(`every placeholder ends, in one explanation, for a query without histogram buckets (${query})`, async ({
    page,
  }) => {
    await page.goto(`/explore?query=${encodeURIComponent(query)}`);
    const explanation = page.getByRole("status").filter({ hasText: "No data for this query in this range" });
    await expect(explanation).toContainText(`${query}_bucket`, { timeout: 15_000 });
    for (const label of ["Loading buckets", "Loading chart", "Loading exemplars"]) {
      await expect(page.getByLabel(label)).toHaveCount(0);
    }
    // Not three messages saying the same: the buckets and exemplars add nothing to it.
    await expect(page.getByRole("status")).toHaveCount(1);
    // A native histogram has no _bucket series: one click reads it as one, and back.
    await explanation.getByRole("button", { name: "Read it as a native histogram" }).click();
    await expect(page).toHaveURL(/hist=native/);
    await expect(explanation).toContainText("as a native histogram");
    await expect(explanation.getByRole("button", { name: "Read its classic buckets" })).toBeVisible();
  });
}

test("when the charts' code does not download, the chart area says so and the exemplar list still works", async ({
  page,
}) => {
  // The charts' chunk is the one that carries recharts; every other script loads as usual.
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    if ((await response.text()).includes("recharts-surface")) return route.abort("connectionreset");
    return route.fulfill({ response });
  });
  await page.goto("/explore");
  await expect(page.getByRole("alert").filter({ hasText: "The charts could not load" })).toContainText(
    "the exemplar list below works without them",
    { timeout: 15_000 },
  );
  // No chart waits for code that will not come: the bucket charts add nothing, the list is there.
  await expect(page.getByLabel("Loading buckets")).toHaveCount(0);
  await expect(page.getByLabel("Loading chart")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Exemplars" }).getByRole("row").nth(1)).toBeVisible();
});
