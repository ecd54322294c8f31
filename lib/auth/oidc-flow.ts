import * as oidc from "openid-client";
import type { AuthConfig } from "../config/auth-config";
import { decideAccess, type Identity } from "./access-rule";
import { safeReturnPath } from "./return-path";
import { seal, unseal } from "./sealed";
import { type CookieToSet, cookieOptions } from "./session";

/**
 * Sign-in with an OpenID Connect provider: the authorization code flow with PKCE, a state and a
 * nonce (openid-client does the protocol and its checks). What a sign-in in progress must
 * remember (its checks and the page to return to) travels in a sealed cookie named after its
 * state, so that several links opened at once while signed out each come back to their own page.
 */

type OidcAuth = Extract<AuthConfig, { mode: "oidc" }>;

const SIGN_IN_TTL_SEC = 10 * 60;
const FLOW_COOKIE_PREFIX = "explorer-sign-in-";
export const CALLBACK_PATH = "/auth/callback";

let discovered: { key: string; config: Promise<oidc.Configuration> } | undefined;

/** The provider's configuration, discovered once per process (again after a failure). */
function providerConfig(auth: OidcAuth, timeoutMs: number): Promise<oidc.Configuration> {
  const key = `${auth.issuer.href} ${auth.clientId}`;
  if (discovered?.key !== key) {
    const config = oidc
      .discovery(
        auth.issuer,
        auth.clientId,
        auth.clientSecret,
        auth.clientSecret ? oidc.ClientSecretPost(auth.clientSecret) : oidc.None(),
        {
          timeout: Math.ceil(timeoutMs / 1000),
          // Plain http is accepted for a provider on this machine only (checked in the config).
          execute: auth.issuer.protocol === "http:" ? [oidc.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    discovered = { key, config };
  }
  return discovered.config;
}

/** Where to send the browser to sign in, and the cookie that remembers this sign-in. */
export async function startSignIn(
  auth: OidcAuth,
  requestedReturn: string | null,
  timeoutMs: number,
): Promise<{ redirectTo: URL; cookie: CookieToSet }> {
  const config = await providerConfig(auth, timeoutMs);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const redirectTo = oidc.buildAuthorizationUrl(config, {
    redirect_uri: new URL(CALLBACK_PATH, auth.publicUrl).href,
    scope: auth.scopes,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  const value = await seal(
    { verifier, state, nonce, returnTo: safeReturnPath(requestedReturn) },
    { secret: auth.sessionSecret, purpose: "sign-in", ttlSec: SIGN_IN_TTL_SEC },
  );
  return {
    redirectTo,
    cookie: { name: flowCookieName(state), value, options: flowCookieOptions(auth, SIGN_IN_TTL_SEC) },
  };
}

export type SignInResult =
  | { outcome: "signed-in"; identity: Identity; returnTo: string }
  | { outcome: "refused"; reason: string; returnTo: string }
  /** No sign-in of this browser matches (too old, or started elsewhere): start again. */
  | { outcome: "expired" }
  /** The provider said no, or its answer did not pass the checks. */
  | { outcome: "failed"; reason: string; returnTo: string };

/**
 * Completes the sign-in the provider sent the browser back from: `search` is the callback's
 * query, `cookies` reads this browser's cookies. Returns who signed in and where to go.
 */
export async function completeSignIn(
  auth: OidcAuth,
  search: URLSearchParams,
  cookies: (name: string) => string | undefined,
  timeoutMs: number,
): Promise<{ result: SignInResult; clearCookie?: string }> {
  const state = search.get("state") ?? "";
  const cookieName = flowCookieName(state);
  const flow = await unseal(cookies(cookieName), { secret: auth.sessionSecret, purpose: "sign-in" });
  if (!flow || flow.state !== state || typeof flow.verifier !== "string" || typeof flow.nonce !== "string") {
    return { result: { outcome: "expired" } };
  }
  const returnTo = safeReturnPath(typeof flow.returnTo === "string" ? flow.returnTo : undefined);
  const done = (result: SignInResult) => ({ result, clearCookie: cookieName });
  let identity: Identity;
  try {
    const config = await providerConfig(auth, timeoutMs);
    const tokens = await oidc.authorizationCodeGrant(
      config,
      // The URL the provider sent the browser to, as the provider knows it (not as a proxy forwarded it).
      new URL(`${CALLBACK_PATH}?${search.toString()}`, auth.publicUrl),
      {
        pkceCodeVerifier: flow.verifier,
        expectedState: state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      },
    );
    const claims: Record<string, unknown> = tokens.claims() ?? {};
    // Many providers put the e-mail and groups only in the user info, not in the ID token.
    const info: Record<string, unknown> =
      claims.email === undefined
        ? await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub))
        : claims;
    identity = identityFrom({ ...claims, ...info }, auth.groupsClaim);
  } catch (error) {
    return done({ outcome: "failed", reason: signInFailure(error), returnTo });
  }
  const decision = decideAccess(identity, auth.allow);
  if (!decision.allowed) return done({ outcome: "refused", reason: decision.reason, returnTo });
  // Only the groups that let people in are kept: some providers list hundreds, and cookies are small.
  const groups = identity.groups.filter((group) => auth.allow.groups.includes(group));
  return done({ outcome: "signed-in", identity: { ...identity, groups }, returnTo });
}

/** The cookie of a sign-in in progress, on the callback's path only. */
function flowCookieName(state: string): string {
  return `${FLOW_COOKIE_PREFIX}${state.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 16)}`;
}

function flowCookieOptions(auth: OidcAuth, maxAge: number): CookieToSet["options"] {
  return cookieOptions(auth, CALLBACK_PATH, maxAge);
}

export function expiredFlowCookie(auth: OidcAuth, name: string): CookieToSet {
  return { name, value: "", options: flowCookieOptions(auth, 0) };
}

/** The identity in a provider's claims: e-mail, a name to show, and groups. */
export function identityFrom(claims: Record<string, unknown>, groupsClaim: string): Identity {
  const email = typeof claims.email === "string" ? claims.email : undefined;
  const name =
    email ??
    (typeof claims.preferred_username === "string" ? claims.preferred_username : undefined) ??
    (typeof claims.name === "string" ? claims.name : undefined) ??
    String(claims.sub);
  const rawGroups = claims[groupsClaim];
  const groups = Array.isArray(rawGroups)
    ? rawGroups.filter((g): g is string => typeof g === "string")
    : typeof rawGroups === "string"
      ? [rawGroups]
      : [];
  return {
    name,
    email,
    emailVerified: typeof claims.email_verified === "boolean" ? claims.email_verified : undefined,
    groups,
  };
}

/** What went wrong, in words that are safe to show: never the provider's free text. */
function signInFailure(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError) {
    const known: Record<string, string> = {
      access_denied: "the provider did not grant access (sign-in was cancelled or refused there)",
      login_required: "the provider needs you to sign in again",
      consent_required: "the provider needs your consent first",
      temporarily_unavailable: "the provider is temporarily unavailable",
      server_error: "the provider had an internal error",
    };
    return (
      known[error.error] ?? `the provider answered "${error.error.replace(/[^a-z_]/g, "").slice(0, 40)}"`
    );
  }
  if (error instanceof oidc.ResponseBodyError) return "the provider refused the sign-in code";
  if (error instanceof Error && /timed? ?out|abort/i.test(`${error.name} ${error.message}`)) {
    return "the provider did not answer in time";
  }
  if (error instanceof TypeError) return "the provider could not be reached";
  return "the provider's answer did not pass the sign-in checks";
}
