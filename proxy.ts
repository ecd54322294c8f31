import { type NextRequest, NextResponse } from "next/server";
import { ACCOUNT_HEADER, encodeAccount } from "@/lib/model/account";
import { gate } from "@/lib/auth/gate";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/peer-address";
import { getConfig } from "@/lib/config/config";
import { AppError } from "@/lib/errors";
import { isAllowedHost } from "@/lib/server/allowed-host";

/**
 * Runs before every page and API route: a request for a host name this server does not answer
 * for is refused (DNS rebinding would otherwise let any web page read an explorer running on a
 * laptop, with its backends' credentials); then, when sign-in or a trusted proxy is configured,
 * a request from nobody known is sent to sign in (pages) or refused (API).
 */
export async function proxy(request: NextRequest) {
  const { allowedHosts, auth } = getConfig();
  if (!isAllowedHost(request.headers.get("host"), allowedHosts)) {
    return new AppError(
      "misdirected_request",
      "this server does not answer for that host name; add it to EXPLORER_ALLOWED_HOSTS if it is this server's",
    ).toResponse();
  }
  const verdict = await gate(
    {
      pathname: request.nextUrl.pathname,
      search: request.nextUrl.search,
      method: request.method,
      headers: request.headers,
      cookie: (name) => request.cookies.get(name)?.value,
    },
    auth,
  );
  if (!verdict.pass) return verdict.response;
  // Most requests carry neither header and name nobody: nothing to rewrite.
  if (
    !verdict.identity &&
    !request.headers.has(ACCOUNT_HEADER) &&
    !request.headers.has(PEER_ADDRESS_HEADER)
  ) {
    return NextResponse.next();
  }
  // Pages learn who is signed in from this header, set here only: a client's own is dropped.
  const headers = new Headers(request.headers);
  headers.delete(ACCOUNT_HEADER);
  headers.delete(PEER_ADDRESS_HEADER);
  if (verdict.identity)
    headers.set(
      ACCOUNT_HEADER,
      encodeAccount({ name: verdict.identity.name, canSignOut: auth.mode === "oidc" }),
    );
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Static files carry nothing of the backends.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
