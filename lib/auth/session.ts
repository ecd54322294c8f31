import type { AuthConfig } from "../config/auth-config";
import type { Identity } from "./access-rule";
import { seal, unseal } from "./sealed";

type OidcAuth = Extract<AuthConfig, { mode: "oidc" }>;

export interface CookieToSet {
  name: string;
  value: string;
  options: {
    httpOnly: true;
    secure: boolean;
    sameSite: "lax";
    path: string;
    maxAge: number;
  };
}

/**
 * The session cookie's name: `__Host-` on https, which browsers accept only from this exact
 * origin, secure and for the whole site (no subdomain can plant or read it).
 */
export function sessionCookieName(auth: OidcAuth): string {
  return isSecure(auth) ? "__Host-explorer-session" : "explorer-session";
}

export function isSecure(auth: OidcAuth): boolean {
  return auth.publicUrl.protocol === "https:";
}

/**
 * How every cookie of ours is set: HttpOnly, Secure on https, and Lax (sent on the top-level
 * navigation of a link pasted into a chat, not on other sites' requests); `maxAge` 0 removes it.
 */
export function cookieOptions(auth: OidcAuth, path: string, maxAge: number): CookieToSet["options"] {
  return { httpOnly: true, secure: isSecure(auth), sameSite: "lax", path, maxAge };
}

/** A cookie that holds who signed in, sealed, for the configured number of hours. */
export async function sessionCookie(identity: Identity, auth: OidcAuth): Promise<CookieToSet> {
  const ttlSec = Math.round(auth.sessionHours * 3600);
  const value = await seal(
    { name: identity.name, email: identity.email, ev: identity.emailVerified, groups: identity.groups },
    { secret: auth.sessionSecret, purpose: "session", ttlSec },
  );
  return {
    name: sessionCookieName(auth),
    value,
    options: cookieOptions(auth, "/", ttlSec),
  };
}

/** Who the session cookie says signed in; undefined when it is absent, expired or not ours. */
export async function sessionIdentity(
  value: string | undefined,
  auth: OidcAuth,
): Promise<Identity | undefined> {
  const payload = await unseal(value, { secret: auth.sessionSecret, purpose: "session" });
  if (!payload || typeof payload.name !== "string") return undefined;
  return {
    name: payload.name,
    email: typeof payload.email === "string" ? payload.email : undefined,
    emailVerified: typeof payload.ev === "boolean" ? payload.ev : undefined,
    groups: Array.isArray(payload.groups)
      ? payload.groups.filter((g): g is string => typeof g === "string")
      : [],
  };
}

/** The session cookie, removed (sign-out). */
export function endedSessionCookie(auth: OidcAuth): CookieToSet {
  return { name: sessionCookieName(auth), value: "", options: cookieOptions(auth, "/", 0) };
}
