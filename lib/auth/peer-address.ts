import { Server } from "node:http";

/**
 * The address a request came from, for trusted-header mode: the header naming the user is
 * believed only from the authenticating proxy's address. Next.js does not tell route code the
 * peer's address (its `x-forwarded-for` keeps whatever a client sent), so the server stamps every
 * request it receives with the socket's own address, replacing any header of that name a client
 * sent, before Next.js sees it. The proxy (proxy.ts) runs in the same process and reads it.
 */

export const PEER_ADDRESS_HEADER = "x-explorer-peer-address";
const INSTALLED = Symbol.for("exemplar-explorer.peer-address-stamp");

type Stamped = typeof globalThis & { [INSTALLED]?: true };

/** Stamps each incoming request of every HTTP server in this process (once per process). */
export function installPeerAddressStamp(): void {
  const global = globalThis as Stamped;
  if (global[INSTALLED]) return;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function stampedEmit(this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as { headers: Record<string, unknown>; socket?: { remoteAddress?: string } };
      request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof Server.prototype.emit;
  global[INSTALLED] = true;
}

/** The stamped peer address, or undefined when this process does not stamp (then nothing is believed). */
export function peerAddress(headers: Headers): string | undefined {
  if (!(globalThis as Stamped)[INSTALLED]) return undefined;
  return headers.get(PEER_ADDRESS_HEADER) || undefined;
}
