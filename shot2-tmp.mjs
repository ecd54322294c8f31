import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: process.argv[4] ?? "light" });
await page.goto("http://127.0.0.1:3999" + process.argv[2]);
await page.waitForTimeout(4500);
await page.screenshot({ path: process.argv[3] });
await browser.close();
