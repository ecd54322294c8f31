import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "@/lib/config/config";
import { AppError } from "@/lib/errors";
import { isAllowedHost } from "@/lib/server/allowed-host";

/**
 * Runs before every page and API route: a request for a host name this server does not answer
 * for is refused (DNS rebinding would otherwise let any web page read an explorer running on a
 * laptop, with its backends' credentials).
 */
export function proxy(request: NextRequest) {
  const { allowedHosts } = getConfig();
  if (isAllowedHost(request.headers.get("host"), allowedHosts)) return NextResponse.next();
  return new AppError(
    "misdirected_request",
    "this server does not answer for that host name; add it to EXPLORER_ALLOWED_HOSTS if it is this server's",
  ).toResponse();
}

export const config = {
  // Static files carry nothing of the backends.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
