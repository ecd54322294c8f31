import type { NextRequest } from "next/server";
import { authPage, redirectSeeOther } from "@/lib/auth/redirect";
import { endedSessionCookie } from "@/lib/auth/session";
import { getConfig } from "@/lib/config/config";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * Ends the session. A POST from this site's own page only: another site's form cannot sign people
 * out. The browser's Sec-Fetch-Site says where the request comes from (Origin is "null" on a form
 * post from a page with `Referrer-Policy: no-referrer`, as ours); Origin for older browsers.
 */
export function POST(request: NextRequest): Response {
  const { auth } = getConfig();
  if (auth.mode !== "oidc") return redirectSeeOther("/explore", request.nextUrl);
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const sameOrigin = site ? site === "same-origin" : origin === auth.publicUrl.origin;
  if (!sameOrigin) {
    return new AppError("forbidden", "sign-out is accepted only from the explorer's own page").toResponse();
  }
  return redirectSeeOther(authPage("signed-out"), auth.publicUrl, [endedSessionCookie(auth)]);
}

export function GET(): Response {
  return new AppError("method_not_allowed", "sign out with the Sign out button (a POST)").toResponse();
}
