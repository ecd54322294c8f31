/** Who is signed in, as a page shows it. */
export interface Account {
  name: string;
  /** Signed in here (OpenID Connect), so "Sign out" means something; not behind a proxy. */
  canSignOut: boolean;
}

/** Set by proxy.ts on the requests it lets through; a client's own header of this name is dropped. */
export const ACCOUNT_HEADER = "x-explorer-account";

export function encodeAccount(account: Account): string {
  return encodeURIComponent(JSON.stringify(account));
}

/** The account in a header set by proxy.ts; undefined when absent or not ours. */
export function decodeAccount(value: string | null): Account | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(decodeURIComponent(value)) as Partial<Account>;
    return typeof parsed.name === "string"
      ? { name: parsed.name, canSignOut: parsed.canSignOut === true }
      : undefined;
  } catch {
    return undefined;
  }
}
