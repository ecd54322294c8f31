/**
 * The host name of a `Host` header, lowercase and without its port: `Explorer.example:443` →
 * `explorer.example`, `[::1]:3000` → `[::1]`. Undefined for an absent or malformed header.
 */
export function hostName(header: string | null | undefined): string | undefined {
  const value = header?.trim().toLowerCase();
  if (!value) return undefined;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/.exec(value);
  return match?.[1];
}

/**
 * Whether a request's `Host` is one this server answers for. A page on another site that points
 * its own name at this machine (DNS rebinding) sends its own name: it gets nothing.
 */
export function isAllowedHost(header: string | null | undefined, allowed: readonly string[]): boolean {
  const name = hostName(header);
  return name !== undefined && allowed.includes(name);
}
