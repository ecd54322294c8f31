import type { AuthConfig } from "../config/auth-config";
import { seal, unseal } from "./sealed";
import { type CookieToSet, cookieOptions } from "./session";

/**
 * Why a sign-in did not let someone in, carried to the /auth page in a sealed cookie rather than
 * in its URL, so that nobody can craft a link that puts their own words on our page.
 */

type OidcAuth = Extract<AuthConfig, { mode: "oidc" }>;

export const SIGN_IN_PROBLEM_COOKIE = "explorer-sign-in-problem";

export async function signInProblemCookie(auth: OidcAuth, reason: string): Promise<CookieToSet> {
  const ttlSec = 5 * 60;
  const value = await seal({ reason }, { secret: auth.sessionSecret, purpose: "sign-in", ttlSec });
  return {
    name: SIGN_IN_PROBLEM_COOKIE,
    value,
    options: cookieOptions(auth, "/auth", ttlSec),
  };
}

export async function readSignInProblem(
  auth: OidcAuth,
  value: string | undefined,
): Promise<string | undefined> {
  const payload = await unseal(value, { secret: auth.sessionSecret, purpose: "sign-in" });
  return typeof payload?.reason === "string" ? payload.reason : undefined;
}
