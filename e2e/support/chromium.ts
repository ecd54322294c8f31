/**
 * Debian's Chromium (CHROMIUM_PATH overrides it), launched the way this machine needs: no
 * sandbox, no background traffic. Playwright never downloads a browser here.
 */

/**
 * Every new browser window loads the address bar's popup (a web page of its own, hundreds of
 * chrome:// scripts) while its first page opens; a headless run opens a window per context, so
 * that work lands on every measured page load (Puppeteer turns these off by default for the same
 * reason). Chromium keeps only the last `--disable-features` it is given and Playwright passes its
 * own list, so ours repeats Playwright's (1.65; e2e/chromium-flags.spec.ts fails when they part).
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AimEnabled",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsFirstBalancedModeAutoEnable",
  "HttpsUpgrades",
  "LensOverlay",
  "MediaRouter",
  "NetworkTimeServiceQuerying",
  "OptimizationHints",
  "PaintHolding",
  "PreconnectToSearch",
  "TcpPortRandomizationWin",
  "ThirdPartyStoragePartitioning",
  "msEdgeUpdateLaunchServicesPreferredVersion",
  "msForceBrowserSignIn",
];
const ADDRESS_BAR_POPUP_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...ADDRESS_BAR_POPUP_FEATURES].join(",")}`,
  ],
};
