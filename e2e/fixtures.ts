import { type Locator, type Page, test as base, expect } from "@playwright/test";

/** The explorer as a person sees it: the chart's markers, the exemplar list, the trace panel. */
export class ExplorerPage {
  readonly markers: Locator;
  readonly exemplarList: Locator;
  readonly tracePanel: Locator;

  constructor(readonly page: Page) {
    this.markers = page.getByRole("button", { name: /^Exemplar .* trace [0-9a-f]{32}$/ });
    this.exemplarList = page.getByRole("region", { name: "Slowest exemplars" }).getByRole("button");
    this.tracePanel = page.getByRole("region", { name: "Trace" });
  }

  async goto(query = "") {
    await this.page.goto(`/explore${query}`);
    await expect(this.markers.first()).toBeVisible({ timeout: 15_000 });
  }

  /** Opens list exemplars from the slowest until one whose trace was kept; returns its trace ID. */
  async openSlowestKeptTrace(): Promise<string> {
    const count = await this.exemplarList.count();
    for (let i = 0; i < count; i++) {
      await this.exemplarList.nth(i).click();
      const spans = this.tracePanel.getByTestId("span-list");
      const missing = this.tracePanel.getByText("not in the trace store");
      await expect(spans.or(missing)).toBeVisible();
      if (await spans.isVisible()) return new URL(this.page.url()).searchParams.get("trace")!;
    }
    throw new Error("none of the slowest exemplars has a kept trace");
  }
}

export const test = base.extend<{ explorer: ExplorerPage }>({
  // Playwright's fixture callback is named `use` by convention; it is not a React hook.
  explorer: async ({ page }, provide) => provide(new ExplorerPage(page)),
});
export { expect };
