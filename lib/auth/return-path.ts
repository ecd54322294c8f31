/**
 * Where to send someone after they sign in: the page they asked for, so that a deep link pasted
 * into a chat survives the round trip through the provider. Only a path on this server is taken;
 * anything else (another site, `//evil.example`, `/\evil.example`, a scheme) goes to /explore.
 */
export function safeReturnPath(requested: string | null | undefined): string {
  const fallback = "/explore";
  if (!requested || requested.length > 8192) return fallback;
  // Browsers read a backslash as a slash, and ignore tabs and newlines inside URLs.
  if (!requested.startsWith("/") || /^\/[/\\]/.test(requested) || /[\\\u0000-\u001f]/.test(requested)) {
    return fallback;
  }
  const url = new URL(requested, "http://explorer.invalid");
  if (url.origin !== "http://explorer.invalid" || url.pathname.startsWith("/auth/")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
