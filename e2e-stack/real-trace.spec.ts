import { expect, test } from "../e2e/fixtures";

test("on real Prometheus and Jaeger, the slowest exemplar opens its real trace as a waterfall", async ({
  page,
  explorer,
}) => {
  await explorer.goto(
    `?query=${encodeURIComponent('http_server_request_duration_seconds{service="gateway"}')}&from=now-15m`,
  );
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
