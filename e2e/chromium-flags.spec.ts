import { chromium, expect, test } from "@playwright/test";
import { chromiumLaunchOptions } from "./support/chromium";

/**
 * The features Chromium runs without, as its own version page reports them: Chromium keeps only
 * the last `--disable-features`, so ours must still carry every one Playwright turns off.
 */
async function disabledFeatures(page: import("@playwright/test").Page): Promise<string[]> {
  await page.goto("chrome://version/?show-variations-cmd");
  const variations = await page.locator("#variations-cmd").innerText();
  const list = /--disable-features="([^"]*)"/.exec(variations)?.[1];
  expect(list, `no --disable-features in: ${variations}`).toBeDefined();
  return list!.split(",");
}

test("the browser runs without the address bar's popup and without what Playwright turns off", async ({
  page,
}) => {
  const ours = await disabledFeatures(page);
  expect(ours).toEqual(expect.arrayContaining(["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"]));

  const playwrightDefault = await chromium.launch({
    executablePath: chromiumLaunchOptions.executablePath,
    args: chromiumLaunchOptions.args.filter((arg) => !arg.startsWith("--disable-features=")),
  });
  try {
    const theirs = await disabledFeatures(await playwrightDefault.newPage());
    expect(theirs.length).toBeGreaterThan(5);
    expect(ours).toEqual(expect.arrayContaining(theirs));
  } finally {
    await playwrightDefault.close();
  }
});
