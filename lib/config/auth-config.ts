import { BlockList, isIP } from "node:net";
import { z } from "zod";

/**
 * Who may use the explorer (README, "Security"): nobody is asked (on this machine, or behind a
 * proxy the operator vouches for with EXPLORER_ALLOW_ANONYMOUS), people who sign in with an
 * OpenID Connect provider, or the user an authenticating proxy names in a request header.
 */
export type AuthConfig =
  | { mode: "none" }
  | {
      mode: "oidc";
      issuer: URL;
      clientId: string;
      /** Absent: a public client, proven by PKCE alone. */
      clientSecret?: string;
      scopes: string;
      groupsClaim: string;
      /** Where people reach the explorer: the provider sends them back to its /auth/callback. */
      publicUrl: URL;
      sessionSecret: string;
      sessionHours: number;
      allow: AccessRule;
    }
  | {
      mode: "trusted-header";
      /** Lowercase header name, e.g. `x-forwarded-email`. */
      header: string;
      groupsHeader?: string;
      /** Addresses and networks of the proxy: the header is believed only from them. */
      proxies: BlockList;
      proxiesText: string;
      allow: AccessRule;
    };

/** Who may come in once identified: e-mail domains (lowercase; `*` is anyone) and groups. */
export interface AccessRule {
  emailDomains: string[];
  groups: string[];
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const list = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const headerName = z
  .string()
  .trim()
  .refine((value) => HEADER_NAME.test(value), { message: "must be a header name" })
  .transform((value) => value.toLowerCase());

const authEnv = z.object({
  OIDC_ISSUER: z
    .string()
    .trim()
    // Kept exactly as written: the provider's `issuer` must match it, trailing slash and all.
    .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), {
      message: "must be an http(s) URL",
    })
    .transform((value) => new URL(value))
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_SCOPES: z.string().trim().default("openid email profile"),
  OIDC_GROUPS_CLAIM: z.string().trim().default("groups"),
  EXPLORER_PUBLIC_URL: z
    .string()
    .trim()
    .refine((value) => /^https?:\/\/[^/]+\/?$/.test(value) && URL.canParse(value), {
      message: "must be the http(s) origin people reach the explorer at, e.g. https://explorer.example.com",
    })
    .transform((value) => new URL(value))
    .optional(),
  EXPLORER_SESSION_SECRET: z
    .string()
    .min(32, { message: "must be at least 32 characters (e.g. `openssl rand -base64 32`)" })
    .optional(),
  EXPLORER_SESSION_HOURS: z.coerce
    .number()
    .positive("must be positive")
    .max(24 * 30)
    .default(12),
  EXPLORER_ALLOWED_EMAIL_DOMAINS: list.transform((domains) => domains.map((domain) => domain.toLowerCase())),
  EXPLORER_ALLOWED_GROUPS: list,
  EXPLORER_TRUSTED_HEADER: headerName.optional(),
  EXPLORER_TRUSTED_GROUPS_HEADER: headerName.optional(),
  EXPLORER_TRUSTED_PROXIES: list,
  VERCEL: z.string().optional(),
  VERCEL_PROJECT_PRODUCTION_URL: z.string().optional(),
});

/** The auth settings of an environment map; a problem is thrown as one line naming the variable. */
export function parseAuthConfig(
  env: Record<string, string | undefined>,
  fail: (message: string) => never,
): AuthConfig {
  const result = authEnv.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    return fail(`${String(issue?.path[0] ?? "environment")} ${issue?.message ?? "is invalid"}`);
  }
  const e = result.data;
  const allow: AccessRule = {
    emailDomains: e.EXPLORER_ALLOWED_EMAIL_DOMAINS,
    groups: e.EXPLORER_ALLOWED_GROUPS,
  };
  if (e.OIDC_ISSUER && e.EXPLORER_TRUSTED_HEADER) {
    return fail("OIDC_ISSUER and EXPLORER_TRUSTED_HEADER are both set; choose sign-in or a trusted proxy");
  }
  if (e.OIDC_ISSUER) {
    if (!e.OIDC_CLIENT_ID) return fail("OIDC_CLIENT_ID is needed with OIDC_ISSUER");
    if (!e.EXPLORER_SESSION_SECRET) {
      return fail("EXPLORER_SESSION_SECRET is needed with OIDC_ISSUER (at least 32 random characters)");
    }
    if (e.OIDC_ISSUER.protocol === "http:" && !isLoopback(e.OIDC_ISSUER.hostname)) {
      return fail("OIDC_ISSUER must use https (plain http only for a provider on this machine)");
    }
    // On Vercel the production domain is known; elsewhere the operator says where people come from.
    const publicUrl =
      e.EXPLORER_PUBLIC_URL ??
      (e.VERCEL === "1" && e.VERCEL_PROJECT_PRODUCTION_URL
        ? new URL(`https://${e.VERCEL_PROJECT_PRODUCTION_URL}`)
        : undefined);
    if (!publicUrl)
      return fail("EXPLORER_PUBLIC_URL is needed with OIDC_ISSUER (where people reach the explorer)");
    if (allow.emailDomains.length === 0 && allow.groups.length === 0) {
      return fail(
        "EXPLORER_ALLOWED_EMAIL_DOMAINS or EXPLORER_ALLOWED_GROUPS is needed with OIDC_ISSUER " +
          '(or EXPLORER_ALLOWED_EMAIL_DOMAINS="*" for anyone the provider signs in)',
      );
    }
    return {
      mode: "oidc",
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      scopes: e.OIDC_SCOPES,
      groupsClaim: e.OIDC_GROUPS_CLAIM,
      publicUrl: new URL(publicUrl.origin),
      sessionSecret: e.EXPLORER_SESSION_SECRET,
      sessionHours: e.EXPLORER_SESSION_HOURS,
      allow,
    };
  }
  if (e.EXPLORER_TRUSTED_HEADER) {
    if (e.VERCEL === "1") {
      return fail(
        "EXPLORER_TRUSTED_HEADER does not work on Vercel (no proxy of yours stands in front); use OIDC_ISSUER",
      );
    }
    if (e.EXPLORER_TRUSTED_PROXIES.length === 0) {
      return fail(
        "EXPLORER_TRUSTED_PROXIES is needed with EXPLORER_TRUSTED_HEADER: the addresses the proxy connects from",
      );
    }
    const proxies = new BlockList();
    for (const entry of e.EXPLORER_TRUSTED_PROXIES) {
      if (!addAddressOrNetwork(proxies, entry)) {
        return fail(
          `EXPLORER_TRUSTED_PROXIES expects addresses or networks (10.0.0.0/8); "${entry.slice(0, 60)}" is not one`,
        );
      }
    }
    return {
      mode: "trusted-header",
      header: e.EXPLORER_TRUSTED_HEADER,
      groupsHeader: e.EXPLORER_TRUSTED_GROUPS_HEADER,
      proxies,
      proxiesText: e.EXPLORER_TRUSTED_PROXIES.join(", "),
      // Without a list, the proxy decides who comes in.
      allow:
        allow.emailDomains.length === 0 && allow.groups.length === 0
          ? { emailDomains: ["*"], groups: [] }
          : allow,
    };
  }
  return { mode: "none" };
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Adds `10.1.2.3`, `10.0.0.0/8` or `fd00::/8` to `list`; false when it is none of these. */
function addAddressOrNetwork(list: BlockList, entry: string): boolean {
  const [address = "", prefixText] = entry.split("/");
  const family = isIP(address);
  if (family === 0) return false;
  const type = family === 4 ? "ipv4" : "ipv6";
  if (prefixText === undefined) {
    list.addAddress(address, type);
    return true;
  }
  const prefix = Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText) || prefix > (family === 4 ? 32 : 128)) return false;
  list.addSubnet(address, prefix, type);
  return true;
}
