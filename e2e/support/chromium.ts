/**
 * Debian's Chromium (CHROMIUM_PATH overrides it), launched the way this machine needs: no
 * sandbox, no background traffic. Playwright never downloads a browser here.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};
