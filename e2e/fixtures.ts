import { type Locator, type Page, test as base, expect } from "@playwright/test";

/** The explorer as a person sees it: the chart's markers, the exemplar list, the trace panel. */
export class ExplorerPage {
  readonly markers: Locator;
  readonly exemplarRows: Locator;
  readonly tracePanel: Locator;
  readonly chart: Locator;

  constructor(readonly page: Page) {
    this.markers = page.getByRole("button", { name: /^(Exemplar|\d+ exemplars).* trace [0-9a-f]{32}$/ });
    this.exemplarRows = page.getByTestId("exemplar-rows").getByRole("button");
    this.tracePanel = page.getByRole("region", { name: "Trace" });
    this.chart = page.getByTestId("latency-chart");
  }

  async goto(query = "") {
    await this.page.goto(`/explore${query}`);
    await expect(this.markers.first()).toBeVisible({ timeout: 15_000 });
  }

  /** How many markers the latency chart draws (exemplars a few pixels apart share one). */
  async markerCount(): Promise<number> {
    return Number(await this.chart.locator("[data-exemplar-markers]").getAttribute("data-exemplar-markers"));
  }

  /** Opens listed exemplars from the top until one whose trace was kept; returns its trace ID. */
  async openFirstKeptTrace(): Promise<string> {
    // The list follows the chart's markers in a deferred render.
    await expect(this.exemplarRows.first()).toBeVisible();
    const count = Math.min(await this.exemplarRows.count(), 10);
    for (let i = 0; i < count; i++) {
      await this.exemplarRows.nth(i).click();
      const spans = this.tracePanel.getByRole("tree", { name: "Trace waterfall" });
      const missing = this.tracePanel.getByText("not in the trace store");
      await expect(spans.or(missing)).toBeVisible();
      if (await spans.isVisible()) return new URL(this.page.url()).searchParams.get("trace")!;
    }
    throw new Error("none of the first exemplars has a kept trace");
  }

  /**
   * Switches a histogram stored both ways to its native form, and checks that the charts now ask
   * for the native series (no `by (le)`).
   */
  async readNativeHistogram() {
    const choice = this.page.getByRole("radiogroup", { name: "Histogram form" });
    await expect(choice.getByRole("radio", { name: "Classic buckets" })).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await choice.getByRole("radio", { name: "Native" }).click();
    await expect(this.page).toHaveURL(/hist=native/);
    await this.page.getByText("PromQL of these charts").click();
    await expect(
      this.page.getByText(/^histogram_quantile\(0\.99, sum\(rate\(http_server_request_duration_seconds\{/),
    ).toBeVisible();
  }

  /** Drags a rectangle across the latency chart, in fractions of its plot box. */
  async dragOnChart(from: [number, number], to: [number, number]) {
    const box = (await this.page.getByTestId("region-selector").boundingBox())!;
    await this.page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 8 });
    await this.page.mouse.up();
  }
}

export const test = base.extend<{ explorer: ExplorerPage }>({
  // Playwright's fixture callback is named `use` by convention; it is not a React hook.
  explorer: async ({ page }, provide) => provide(new ExplorerPage(page)),
});
export { expect };
