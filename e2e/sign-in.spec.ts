import type { Page } from "@playwright/test";
import { PORTS } from "../playwright.config";
import { expect, test } from "./fixtures";

/**
 * Sign-in through a real OpenID Connect provider on 127.0.0.1 (e2e/support/oidc-provider.ts),
 * with the explorer on the demo world allowing e-mail addresses at example.com and the group
 * "oncall". The provider's login form takes any password; the login is the e-mail address.
 */

const EXPLORER = `http://127.0.0.1:${PORTS.signIn}`;
const PROVIDER = `http://127.0.0.1:${PORTS.oidcProvider}`;
// A deep link as it would be pasted into a chat: a trace, its span, a range and the time zone.
const DEEP_LINK = "/explore?trace=5e5e5e5e0000000000000000000003e8&from=now-30m&to=now&tz=utc";

/** Signs in at the provider's own pages as `login`: its login form, then its consent page. */
async function signInAtProvider(page: Page, login: string) {
  await expect(page).toHaveURL(new RegExp(`^${PROVIDER}/interaction/`));
  await page.getByPlaceholder("Enter any login").fill(login);
  await page.getByPlaceholder("and password").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a deep link sends you to sign in, and back to that same view afterwards", async ({ page }) => {
  await page.goto(`${EXPLORER}${DEEP_LINK}`);
  await signInAtProvider(page, "alice@example.com");
  await expect(page).toHaveURL(`${EXPLORER}${DEEP_LINK}`);
  await expect(page.getByRole("tree", { name: "Trace waterfall" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("alice@example.com")).toBeVisible();
  // The page's own API calls carry the session.
  expect((await page.request.get(`${EXPLORER}/api/health`)).status()).toBe(200);
});

test("a session that ends while the page is open signs in again and comes back to the same view", async ({
  page,
  context,
}) => {
  await page.goto(`${EXPLORER}${DEEP_LINK}`);
  await signInAtProvider(page, "alice@example.com");
  await expect(page.getByRole("tree", { name: "Trace waterfall" })).toBeVisible({ timeout: 20_000 });
  // The session ends (expired, or the secret was rotated); the provider still knows the person.
  await context.clearCookies({ name: "explorer-session" });
  const signedInAgain = page.waitForResponse((response) =>
    response.url().startsWith(`${EXPLORER}/auth/callback`),
  );
  await page.getByRole("button", { name: "Refresh" }).click();
  await signedInAgain;
  await expect(page).toHaveURL(`${EXPLORER}${DEEP_LINK}`);
  await expect(page.getByRole("tree", { name: "Trace waterfall" })).toBeVisible({ timeout: 20_000 });
  expect((await page.request.get(`${EXPLORER}/api/health`)).status()).toBe(200);
});

test("an account outside the allowed domains and groups is refused, and says why", async ({ page }) => {
  await page.goto(`${EXPLORER}${DEEP_LINK}`);
  await signInAtProvider(page, "mallory@elsewhere.test");
  await expect(page.getByRole("heading", { name: "This account may not use the explorer" })).toBeVisible();
  await expect(page.getByText("mallory@elsewhere.test may not use this explorer")).toBeVisible();
  await expect(page.getByText(/example\.com or membership of oncall/)).toBeVisible();
  const refused = await page.request.get(`${EXPLORER}/api/health`);
  expect(refused.status()).toBe(401);
  // "Sign in again" keeps the link the person came for.
  await expect(page.getByRole("link", { name: "Sign in again" })).toHaveAttribute(
    "href",
    `/auth/sign-in?${new URLSearchParams({ next: DEEP_LINK }).toString()}`,
  );
});

test("membership of an allowed group lets in an address outside the allowed domains", async ({ page }) => {
  await page.goto(`${EXPLORER}/explore`);
  await signInAtProvider(page, "oncall-bob@contractor.test");
  await expect(page).toHaveURL(`${EXPLORER}/explore`);
  await expect(page.getByText("oncall-bob@contractor.test")).toBeVisible();
});

test("signing out ends the session; another site cannot sign you out", async ({ page }) => {
  await page.goto(`${EXPLORER}/explore`);
  await signInAtProvider(page, "alice@example.com");
  await expect(page.getByText("alice@example.com")).toBeVisible();
  // A form on another site, posting to sign-out: refused, and the session stays.
  const forgeries: Record<string, string>[] = [
    { "Sec-Fetch-Site": "cross-site" },
    { Origin: "http://evil.example" },
  ];
  for (const headers of forgeries) {
    const forged = await page.request.post(`${EXPLORER}/auth/sign-out`, { headers });
    expect(forged.status()).toBe(403);
  }
  expect((await page.request.get(`${EXPLORER}/api/health`)).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "You have signed out" })).toBeVisible();
  const after = await page.request.get(`${EXPLORER}/api/health`);
  expect(after.status()).toBe(401);
  expect((await after.json()).error.code).toBe("session_ended");
});

test("without a session, pages go to sign-in and the API answers 401; a forged cookie is no session", async ({
  request,
}) => {
  const pageAnswer = await request.get(`${EXPLORER}${DEEP_LINK}`, { maxRedirects: 0 });
  expect(pageAnswer.status()).toBe(307);
  // Next.js makes a same-origin Location relative; the browser resolves it against the page.
  expect(pageAnswer.headers().location).toBe(
    `/auth/sign-in?${new URLSearchParams({ next: DEEP_LINK }).toString()}`,
  );

  for (const path of [
    "/api/health",
    "/api/metrics/histograms",
    "/api/traces/5e5e5e5e0000000000000000000003e8",
  ]) {
    const answer = await request.get(`${EXPLORER}${path}`, {
      headers: { Cookie: "explorer-session=forged.token.value" },
    });
    expect(answer.status(), path).toBe(401);
    expect(await answer.json()).toEqual({
      error: { code: "session_ended", message: expect.stringContaining("sign in") },
    });
  }
  // A header that claims an account is not believed: only the server sets it.
  const claimed = await request.get(`${EXPLORER}/api/health`, {
    headers: { "x-explorer-account": encodeURIComponent(JSON.stringify({ name: "admin" })) },
  });
  expect(claimed.status()).toBe(401);
  // The load balancer's probe stays open.
  expect((await request.get(`${EXPLORER}/api/live`)).status()).toBe(200);
});

test("a return path that leaves the explorer is not followed after sign-in", async ({ page }) => {
  await page.goto(`${EXPLORER}/auth/sign-in?next=${encodeURIComponent("//evil.example/phish")}`);
  await signInAtProvider(page, "alice@example.com");
  await expect(page).toHaveURL(`${EXPLORER}/explore`);
});
