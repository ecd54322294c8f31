import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-background-networking","--disable-component-update","--disable-sync"] });
for (let i = 0; i < 4; i++) {
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const page = await ctx.newPage();
const t0 = Date.now();
await page.goto("http://127.0.0.1:3300/explore", { waitUntil: "commit" });
await page.locator("[data-trace-id]").first().waitFor({ timeout: 30000 });
console.log("markers after", Date.now() - t0, "ms");
await ctx.close();
}
await browser.close();
