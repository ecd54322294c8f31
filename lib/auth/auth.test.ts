import { describe, expect, it } from "vitest";
import { type AuthConfig } from "../config/auth-config";
import { parseConfig } from "../config/config";
import { decideAccess, emailDomain } from "./access-rule";
import { gate, type GateRequest } from "./gate";
import { identityFrom } from "./oidc-flow";
import { safeReturnPath } from "./return-path";
import { seal, unseal } from "./sealed";
import { sessionCookie } from "./session";

const SECRET = "a-session-secret-for-tests-only-0123456789";
const OIDC_ENV = {
  OIDC_ISSUER: "https://accounts.example.com",
  OIDC_CLIENT_ID: "explorer",
  EXPLORER_PUBLIC_URL: "https://explorer.example.com",
  EXPLORER_SESSION_SECRET: SECRET,
  EXPLORER_ALLOWED_EMAIL_DOMAINS: "Example.com",
};

describe("decideAccess", () => {
  const rule = { emailDomains: ["example.com"], groups: ["oncall"] };

  it("lets in a verified address at an allowed domain, or a member of an allowed group", () => {
    expect(
      decideAccess({ name: "a", email: "Alice@EXAMPLE.com", emailVerified: true, groups: [] }, rule),
    ).toEqual({
      allowed: true,
    });
    expect(
      decideAccess({ name: "bob", email: "bob@contractor.test", groups: ["oncall"] }, rule).allowed,
    ).toBe(true);
    expect(decideAccess({ name: "x", groups: [] }, { emailDomains: ["*"], groups: [] }).allowed).toBe(true);
  });

  it("refuses others, and an unverified address at an allowed domain, saying what is needed", () => {
    expect(decideAccess({ name: "m", email: "m@elsewhere.test", groups: ["dev"] }, rule)).toEqual({
      allowed: false,
      reason:
        "m@elsewhere.test may not use this explorer: it needs an e-mail address at example.com or membership of oncall.",
    });
    const unverified = decideAccess(
      { name: "e", email: "eve@example.com", emailVerified: false, groups: [] },
      rule,
    );
    expect(unverified).toMatchObject({
      allowed: false,
      reason: expect.stringContaining("not a verified address"),
    });
    // A look-alike domain is another domain.
    expect(decideAccess({ name: "e", email: "eve@notexample.com", groups: [] }, rule).allowed).toBe(false);
    expect(decideAccess({ name: "e", email: "eve@example.com.evil.test", groups: [] }, rule).allowed).toBe(
      false,
    );
  });

  it("reads the domain after the last @", () => {
    expect(emailDomain('"a@b"@Example.com')).toBe("example.com");
    expect(emailDomain("no-at-sign")).toBeUndefined();
    expect(emailDomain("trailing@")).toBeUndefined();
  });
});

describe("safeReturnPath", () => {
  it("keeps a path on this server with its query and fragment", () => {
    expect(safeReturnPath("/explore?trace=abc&tz=utc#x")).toBe("/explore?trace=abc&tz=utc#x");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "explore",
    "/auth/sign-in?next=/explore",
    "",
    null,
  ])("sends %j to /explore instead", (requested) => {
    expect(safeReturnPath(requested)).toBe("/explore");
  });
});

describe("sealed tokens", () => {
  it("open with the same secret and purpose, before they expire, and not otherwise", async () => {
    const token = await seal(
      { name: "alice" },
      { secret: SECRET, purpose: "session", ttlSec: 60, nowSec: 1_000 },
    );
    expect(await unseal(token, { secret: SECRET, purpose: "session", nowSec: 1_030 })).toMatchObject({
      name: "alice",
    });
    expect(await unseal(token, { secret: SECRET, purpose: "session", nowSec: 1_061 })).toBeUndefined();
    expect(await unseal(token, { secret: SECRET, purpose: "sign-in", nowSec: 1_030 })).toBeUndefined();
    expect(await unseal(token, { secret: `${SECRET}x`, purpose: "session", nowSec: 1_030 })).toBeUndefined();
    const altered = `${token.slice(0, -2)}${token.endsWith("A") ? "B" : "A"}${token.slice(-1)}`;
    expect(await unseal(altered, { secret: SECRET, purpose: "session", nowSec: 1_030 })).toBeUndefined();
    expect(await unseal("not.a.token", { secret: SECRET, purpose: "session" })).toBeUndefined();
  });
});

describe("the auth settings", () => {
  it("are off by default, and read for OpenID Connect and for a trusted proxy", () => {
    expect(parseConfig({}).auth).toEqual({ mode: "none" });
    const oidc = parseConfig(OIDC_ENV);
    expect(oidc.auth).toMatchObject({ mode: "oidc", scopes: "openid email profile", sessionHours: 12 });
    expect(oidc.auth.mode === "oidc" && oidc.auth.allow).toEqual({
      emailDomains: ["example.com"],
      groups: [],
    });
    // People reach it at its public name: that name is answered for.
    expect(oidc.allowedHosts).toContain("explorer.example.com");
    const proxied = parseConfig({
      EXPLORER_TRUSTED_HEADER: "X-Forwarded-Email",
      EXPLORER_TRUSTED_PROXIES: "10.0.0.0/8, fd00::1",
    });
    expect(proxied.auth).toMatchObject({
      mode: "trusted-header",
      header: "x-forwarded-email",
      allow: { emailDomains: ["*"] },
    });
    const proxies = proxied.auth.mode === "trusted-header" ? proxied.auth.proxies : undefined;
    expect(proxies?.check("10.1.2.3", "ipv4")).toBe(true);
    expect(proxies?.check("::ffff:10.1.2.3", "ipv6")).toBe(true);
    expect(proxies?.check("11.0.0.1", "ipv4")).toBe(false);
  });

  it.each([
    [{ ...OIDC_ENV, OIDC_CLIENT_ID: "" }, /OIDC_CLIENT_ID is needed/],
    [{ ...OIDC_ENV, EXPLORER_SESSION_SECRET: "short" }, /EXPLORER_SESSION_SECRET must be at least 32/],
    [{ ...OIDC_ENV, EXPLORER_PUBLIC_URL: "" }, /EXPLORER_PUBLIC_URL is needed/],
    [
      { ...OIDC_ENV, EXPLORER_PUBLIC_URL: "https://explorer.example.com/app" },
      /EXPLORER_PUBLIC_URL must be the http\(s\) origin/,
    ],
    [
      { ...OIDC_ENV, EXPLORER_ALLOWED_EMAIL_DOMAINS: "" },
      /EXPLORER_ALLOWED_EMAIL_DOMAINS or EXPLORER_ALLOWED_GROUPS is needed/,
    ],
    [{ ...OIDC_ENV, OIDC_ISSUER: "http://accounts.example.com" }, /OIDC_ISSUER must use https/],
    [{ ...OIDC_ENV, EXPLORER_TRUSTED_HEADER: "X-User" }, /choose sign-in or a trusted proxy/],
    [{ EXPLORER_TRUSTED_HEADER: "X-User" }, /EXPLORER_TRUSTED_PROXIES is needed/],
    [
      { EXPLORER_TRUSTED_HEADER: "X-User", EXPLORER_TRUSTED_PROXIES: "proxy.internal" },
      /"proxy.internal" is not one/,
    ],
    [{ EXPLORER_TRUSTED_HEADER: "X-User", EXPLORER_TRUSTED_PROXIES: "10.0.0.0/33" }, /is not one/],
    [
      { EXPLORER_TRUSTED_HEADER: "X-User", EXPLORER_TRUSTED_PROXIES: "10.0.0.1", VERCEL: "1" },
      /does not work on Vercel/,
    ],
  ])("refuse %j in one line naming the variable", (env, message) => {
    expect(() => parseConfig(env)).toThrow(message);
  });

  it("never prints the session secret or the client secret", () => {
    expect(() => parseConfig({ ...OIDC_ENV, EXPLORER_SESSION_SECRET: "s3cret" })).toThrow(/^(?!.*s3cret).*$/);
  });
});

describe("the gate", () => {
  const oidc = parseConfig(OIDC_ENV).auth as Extract<AuthConfig, { mode: "oidc" }>;
  const request = (path: string, cookies: Record<string, string> = {}, method = "GET"): GateRequest => {
    const url = new URL(path, "https://explorer.example.com");
    return {
      pathname: url.pathname,
      search: url.search,
      method,
      headers: new Headers(),
      cookie: (name) => cookies[name],
    };
  };

  it("lets everything through when nobody is asked", async () => {
    expect(await gate(request("/api/health"), { mode: "none" })).toEqual({ pass: true });
  });

  it("sends a page to sign-in with its whole link, and refuses the API with 401", async () => {
    const page = await gate(request("/explore?trace=abc&tz=utc"), oidc);
    expect(page.pass).toBe(false);
    const response = page.pass ? undefined : page.response;
    expect(response?.status).toBe(307);
    expect(response?.headers.get("location")).toBe(
      "https://explorer.example.com/auth/sign-in?next=%2Fexplore%3Ftrace%3Dabc%26tz%3Dutc",
    );
    const api = await gate(request("/api/traces/abc"), oidc);
    expect(api.pass ? undefined : api.response.status).toBe(401);
  });

  it("lets in a session, re-checking the allow-list on every request", async () => {
    const cookie = await sessionCookie(
      { name: "alice@example.com", email: "alice@example.com", groups: [] },
      oidc,
    );
    const cookies = { [cookie.name]: cookie.value };
    expect(cookie.name).toBe("__Host-explorer-session");
    expect(await gate(request("/api/health", cookies), oidc)).toMatchObject({
      pass: true,
      identity: { name: "alice@example.com" },
    });
    const narrowed = { ...oidc, allow: { emailDomains: ["other.example"], groups: [] } };
    const refused = await gate(request("/api/health", cookies), narrowed);
    expect(refused.pass ? undefined : refused.response.status).toBe(403);
  });

  it("keeps sign-in, liveness and robots.txt open", async () => {
    for (const path of ["/auth", "/auth/sign-in", "/auth/callback", "/api/live", "/robots.txt"]) {
      expect((await gate(request(path), oidc)).pass, path).toBe(true);
    }
    expect((await gate(request("/authx"), oidc)).pass).toBe(false);
    expect((await gate(request("/api/live/x"), oidc)).pass).toBe(false);
  });

  it("believes no user header in a process that does not stamp the peer's address", async () => {
    const proxied = parseConfig({
      EXPLORER_TRUSTED_HEADER: "X-Forwarded-Email",
      EXPLORER_TRUSTED_PROXIES: "127.0.0.1",
    }).auth;
    const headers = new Headers({
      "x-forwarded-email": "alice@example.com",
      "x-explorer-peer-address": "127.0.0.1",
    });
    const verdict = await gate({ ...request("/api/health"), headers }, proxied);
    expect(verdict.pass ? undefined : verdict.response.status).toBe(401);
  });
});

describe("identityFrom", () => {
  it("shows the e-mail, else the user name, and reads groups from the configured claim", () => {
    expect(
      identityFrom({ sub: "1", email: "a@example.com", email_verified: true, roles: ["sre"] }, "roles"),
    ).toEqual({
      name: "a@example.com",
      email: "a@example.com",
      emailVerified: true,
      groups: ["sre"],
    });
    expect(identityFrom({ sub: "1", preferred_username: "alice", groups: "oncall" }, "groups")).toMatchObject(
      {
        name: "alice",
        groups: ["oncall"],
      },
    );
    expect(identityFrom({ sub: "42" }, "groups")).toMatchObject({ name: "42", groups: [] });
  });
});
