import { EncryptJWT, type JWTPayload, jwtDecrypt } from "jose";

/**
 * Small encrypted, expiring tokens for cookies (the session, a sign-in in progress), sealed with
 * EXPLORER_SESSION_SECRET: nothing to store on the server, so any number of explorer instances
 * that share the secret accept each other's sessions. Each purpose has its own key, derived from
 * the secret (HKDF), so a token made for one purpose is refused for another.
 */

export type Purpose = "session" | "sign-in";

const keys = new Map<string, Promise<Uint8Array>>();

function keyFor(secret: string, purpose: Purpose): Promise<Uint8Array> {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = (async () => {
      const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, [
        "deriveBits",
      ]);
      const bits = await crypto.subtle.deriveBits(
        {
          name: "HKDF",
          hash: "SHA-256",
          salt: new TextEncoder().encode("exemplar-explorer"),
          info: new TextEncoder().encode(purpose),
        },
        material,
        256,
      );
      return new Uint8Array(bits);
    })();
    keys.set(id, key);
  }
  return key;
}

/** `payload`, encrypted and authenticated, valid for `ttlSec` from `nowSec`. */
export async function seal(
  payload: JWTPayload,
  options: { secret: string; purpose: Purpose; ttlSec: number; nowSec?: number },
): Promise<string> {
  const now = options.nowSec ?? Math.floor(Date.now() / 1000);
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + options.ttlSec)
    .encrypt(await keyFor(options.secret, options.purpose));
}

/** The payload of a token sealed for `purpose`; undefined when it is expired, altered or not ours. */
export async function unseal(
  token: string | undefined,
  options: { secret: string; purpose: Purpose; nowSec?: number },
): Promise<JWTPayload | undefined> {
  if (!token || token.length > 16_384) return undefined;
  try {
    const { payload } = await jwtDecrypt(token, await keyFor(options.secret, options.purpose), {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      currentDate: options.nowSec === undefined ? undefined : new Date(options.nowSec * 1000),
    });
    return payload;
  } catch {
    return undefined;
  }
}
