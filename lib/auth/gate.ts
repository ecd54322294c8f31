import type { AuthConfig } from "../config/auth-config";
import { AppError } from "../errors";
import { decideAccess, type Identity } from "./access-rule";
import { peerAddress } from "./peer-address";
import { sessionCookieName, sessionIdentity } from "./session";

/**
 * The door every page and API route goes through (proxy.ts): who is asking, and whether they may.
 * Signing in and out, and a liveness probe for load balancers, are open to all.
 */

export interface GateRequest {
  pathname: string;
  search: string;
  method: string;
  headers: Headers;
  cookie: (name: string) => string | undefined;
}

export type GateResult =
  /** Let it through; `identity` is who asked (absent when nobody is asked). */
  { pass: true; identity?: Identity } | { pass: false; response: Response };

const OPEN_PATHS = /^\/(auth(\/.*)?|api\/live|icon\.svg|favicon\.ico|robots\.txt)$/;

export async function gate(request: GateRequest, auth: AuthConfig): Promise<GateResult> {
  if (auth.mode === "none" || OPEN_PATHS.test(request.pathname)) return { pass: true };
  const identity =
    auth.mode === "oidc"
      ? await sessionIdentity(request.cookie(sessionCookieName(auth)), auth)
      : proxiedIdentity(request.headers, auth);
  const isApi = request.pathname.startsWith("/api/");
  if (identity) {
    const decision = decideAccess(identity, auth.allow);
    if (decision.allowed) return { pass: true, identity };
    return { pass: false, response: new AppError("forbidden", decision.reason).toResponse() };
  }
  if (auth.mode === "oidc" && !isApi && request.method === "GET") {
    const next = `${request.pathname}${request.search}`;
    // Absolute, at the address people use: Next.js's proxy refuses a relative Location.
    const location = new URL(`/auth/sign-in?${new URLSearchParams({ next }).toString()}`, auth.publicUrl);
    return {
      pass: false,
      response: new Response(null, {
        status: 307,
        headers: { Location: location.href, "Cache-Control": "no-store" },
      }),
    };
  }
  const refusal =
    auth.mode === "oidc"
      ? new AppError("session_ended", "not signed in, or the session has ended: sign in again")
      : new AppError(
          "unauthorized",
          "this explorer answers only requests that come through its authenticating proxy",
        );
  return { pass: false, response: refusal.toResponse() };
}

/** The user an authenticating proxy names, believed only when the request comes from that proxy. */
function proxiedIdentity(
  headers: Headers,
  auth: Extract<AuthConfig, { mode: "trusted-header" }>,
): Identity | undefined {
  const peer = peerAddress(headers);
  if (!peer || !auth.proxies.check(peer, peer.includes(":") ? "ipv6" : "ipv4")) return undefined;
  const name = headers.get(auth.header)?.trim();
  if (!name) return undefined;
  const groups = auth.groupsHeader
    ? (headers.get(auth.groupsHeader) ?? "")
        .split(",")
        .map((group) => group.trim())
        .filter(Boolean)
    : [];
  // The proxy vouches for the address it names.
  return { name, email: name.includes("@") ? name : undefined, emailVerified: true, groups };
}
