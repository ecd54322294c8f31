/** Runs once when the server starts (Next.js instrumentation hook). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigAtStartup } = await import("./lib/config/startup-check");
    const config = checkConfigAtStartup();
    if (config.auth.mode === "trusted-header") {
      // The user header is believed only from the proxy's address, which only the socket knows.
      const { installPeerAddressStamp } = await import("./lib/auth/peer-address");
      installPeerAddressStamp();
    }
  }
}
