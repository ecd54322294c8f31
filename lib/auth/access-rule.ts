import type { AccessRule } from "../config/auth-config";

/**
 * Who may use the explorer once a provider (or an authenticating proxy) has said who they are:
 * an allow-list of e-mail domains and of groups. Pure, so that it is tested without a provider.
 */

export interface Identity {
  /** What the UI shows: the e-mail when there is one, else the provider's user name or subject. */
  name: string;
  email?: string;
  /** False when the provider says the address is not verified: its domain proves nothing then. */
  emailVerified?: boolean;
  groups: string[];
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

/** Whether `identity` may come in: its verified e-mail's domain, or one of its groups, is listed. */
export function decideAccess(identity: Identity, rule: AccessRule): AccessDecision {
  if (rule.emailDomains.includes("*")) return { allowed: true };
  const domain = emailDomain(identity.email);
  if (domain && identity.emailVerified !== false && rule.emailDomains.includes(domain))
    return { allowed: true };
  if (identity.groups.some((group) => rule.groups.includes(group))) return { allowed: true };
  return { allowed: false, reason: refusalReason(identity, rule, domain) };
}

function refusalReason(identity: Identity, rule: AccessRule, domain: string | undefined): string {
  const wanted = [
    rule.emailDomains.length > 0 ? `an e-mail address at ${rule.emailDomains.join(", ")}` : undefined,
    rule.groups.length > 0 ? `membership of ${rule.groups.join(", ")}` : undefined,
  ]
    .filter(Boolean)
    .join(" or ");
  const who = identity.email ?? identity.name;
  if (domain && identity.emailVerified === false && rule.emailDomains.includes(domain)) {
    return `${who} is not a verified address at the provider; this explorer needs ${wanted}.`;
  }
  return `${who} may not use this explorer: it needs ${wanted}.`;
}

/** `Alice@Example.COM` → `example.com`; undefined for anything that is not an address. */
export function emailDomain(email: string | undefined): string | undefined {
  const at = email?.lastIndexOf("@") ?? -1;
  if (!email || at <= 0 || at === email.length - 1) return undefined;
  return email.slice(at + 1).toLowerCase();
}
