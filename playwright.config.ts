import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/support/chromium";
import { TEST_CLIENT } from "./e2e/support/oidc-test-client";

/**
 * End-to-end tests against the production build (`npm run build` first; `npm test` does). The
 * browser is Debian's Chromium (CHROMIUM_PATH overrides it); Playwright never downloads one.
 *
 * Servers, all on 127.0.0.1 and stopped by Playwright at the end:
 *   3100  the app on the demo world
 *   3101  the app with both backends pointing at a closed port (unreachable)
 *   3102  the app on recorded Prometheus answers with exemplar storage off
 *   3103  the app on a Prometheus that answers after its 1 s timeout
 *   3104  the app on exemplars with hostile labels (traces from the demo world)
 *   3105  the app on the demo world behind sign-in with the OpenID provider on 3191
 *   3190  the recorded Prometheus answers (e2e/support/recorded-prometheus.ts)
 *   3191  a real OpenID Connect provider (e2e/support/oidc-provider.ts)
 */
export const PORTS = {
  demo: 3100,
  unreachable: 3101,
  storageOff: 3102,
  slow: 3103,
  hostile: 3104,
  signIn: 3105,
  recorded: 3190,
  oidcProvider: 3191,
};
const CLOSED_PORT = "http://127.0.0.1:9";

function app(port: number, env: Record<string, string> = {}) {
  return {
    command: "node scripts/start-standalone.mjs",
    url: `http://127.0.0.1:${port}/api/live`,
    env: { PORT: String(port), BIND_ADDRESS: "127.0.0.1", ...env },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  // The browser and the servers already keep both cores busy: a second worker made tests wait on
  // each other past their timeouts (measured here: 1 worker 2.8 min and green, 2 workers 3.3 min).
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  // Six servers and a browser share two cores: give assertions room to wait.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORTS.demo}`,
    // Recording a trace for every test costs CPU the tests need; in CI, record the retry only.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1440, height: 1000 },
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      command: `node --import tsx e2e/support/recorded-prometheus.ts ${PORTS.recorded}`,
      url: `http://127.0.0.1:${PORTS.recorded}/storage-off/api/v1/status/buildinfo`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    app(PORTS.demo),
    app(PORTS.unreachable, { PROMETHEUS_URL: CLOSED_PORT, JAEGER_URL: CLOSED_PORT }),
    app(PORTS.storageOff, {
      PROMETHEUS_URL: `http://127.0.0.1:${PORTS.recorded}/storage-off`,
      JAEGER_URL: CLOSED_PORT,
    }),
    app(PORTS.hostile, { PROMETHEUS_URL: `http://127.0.0.1:${PORTS.recorded}/hostile` }),
    app(PORTS.slow, {
      PROMETHEUS_URL: `http://127.0.0.1:${PORTS.recorded}/slow`,
      JAEGER_URL: CLOSED_PORT,
      BACKEND_TIMEOUT_MS: "1000",
    }),
    {
      command: `node --import tsx e2e/support/oidc-provider.ts ${PORTS.oidcProvider} http://127.0.0.1:${PORTS.signIn}/auth/callback`,
      url: `http://127.0.0.1:${PORTS.oidcProvider}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    app(PORTS.signIn, {
      OIDC_ISSUER: `http://127.0.0.1:${PORTS.oidcProvider}`,
      OIDC_CLIENT_ID: TEST_CLIENT.id,
      OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
      OIDC_SCOPES: "openid email profile groups",
      EXPLORER_PUBLIC_URL: `http://127.0.0.1:${PORTS.signIn}`,
      EXPLORER_SESSION_SECRET: "a-session-secret-for-tests-only-0123456789",
      EXPLORER_ALLOWED_EMAIL_DOMAINS: "example.com",
      EXPLORER_ALLOWED_GROUPS: "oncall",
    }),
  ],
});
