import type { NextRequest } from "next/server";
import { startSignIn } from "@/lib/auth/oidc-flow";
import { authPage, redirectSeeOther } from "@/lib/auth/redirect";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getConfig } from "@/lib/config/config";

export const dynamic = "force-dynamic";

/** Sends the browser to the provider to sign in, remembering the page it came for (`next`). */
export async function GET(request: NextRequest): Promise<Response> {
  const { auth, backendTimeoutMs } = getConfig();
  const next = request.nextUrl.searchParams.get("next");
  if (auth.mode !== "oidc") return redirectSeeOther(safeReturnPath(next), request.nextUrl);
  try {
    const { redirectTo, cookie } = await startSignIn(auth, next, backendTimeoutMs);
    return redirectSeeOther(redirectTo.href, auth.publicUrl, [cookie]);
  } catch (error) {
    console.error(`Sign-in: the provider at ${auth.issuer.href} could not be used: ${String(error)}`);
    return redirectSeeOther(authPage("provider-unreachable", safeReturnPath(next)), auth.publicUrl);
  }
}
