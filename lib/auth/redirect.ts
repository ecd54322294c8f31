import { NextResponse } from "next/server";
import type { CookieToSet } from "./session";

/**
 * A 303 to `location` (a path on this server, resolved against `base`, or the provider's URL),
 * setting `cookies`; never cached.
 */
export function redirectSeeOther(location: string, base: URL, cookies: CookieToSet[] = []): NextResponse {
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: new URL(location, base).href, "Cache-Control": "no-store" },
  });
  for (const cookie of cookies) response.cookies.set(cookie.name, cookie.value, cookie.options);
  return response;
}

/** The /auth page in `state`, with the page to go back to. */
export function authPage(state: string, returnTo?: string): string {
  const params = new URLSearchParams({ state });
  if (returnTo) params.set("next", returnTo);
  return `/auth?${params.toString()}`;
}
