import type { NextRequest } from "next/server";
import { completeSignIn, expiredFlowCookie } from "@/lib/auth/oidc-flow";
import { authPage, redirectSeeOther } from "@/lib/auth/redirect";
import { sessionCookie } from "@/lib/auth/session";
import { signInProblemCookie } from "@/lib/auth/sign-in-problem";
import { getConfig } from "@/lib/config/config";

export const dynamic = "force-dynamic";

/** Where the provider sends the browser back: a session and the page asked for, or why not. */
export async function GET(request: NextRequest): Promise<Response> {
  const { auth, backendTimeoutMs } = getConfig();
  if (auth.mode !== "oidc") return redirectSeeOther("/explore", request.nextUrl);
  const { result, clearCookie } = await completeSignIn(
    auth,
    request.nextUrl.searchParams,
    (name) => request.cookies.get(name)?.value,
    backendTimeoutMs,
  );
  const cleared = clearCookie ? [expiredFlowCookie(auth, clearCookie)] : [];
  switch (result.outcome) {
    case "signed-in":
      return redirectSeeOther(result.returnTo, auth.publicUrl, [
        ...cleared,
        await sessionCookie(result.identity, auth),
      ]);
    case "expired":
      return redirectSeeOther(authPage("expired"), auth.publicUrl);
    case "refused":
    case "failed":
      return redirectSeeOther(authPage(result.outcome, result.returnTo), auth.publicUrl, [
        ...cleared,
        await signInProblemCookie(auth, result.reason),
      ]);
  }
}
