import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
await page.goto("http://127.0.0.1:3999" + process.argv[2]);
await page.waitForTimeout(4000);
console.log("scrollWidth", await page.evaluate(() => document.documentElement.scrollWidth));
await page.screenshot({ path: process.argv[3], fullPage: process.argv[4] === "full" });
await browser.close();
