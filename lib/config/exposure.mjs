// Plain JavaScript, so that `npm start` (scripts/start-standalone.mjs) can ask before it binds,
// and the server's start-up check (instrumentation.ts) asks again for `node server.js` and Vercel.

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;
const BACKENDS = ["PROMETHEUS_URL", "JAEGER_URL", "TEMPO_URL"];

/**
 * Why this server must not start as configured, or undefined when it may: an explorer with real
 * backends, listening beyond this machine (or on Vercel), would run anyone's PromQL and show
 * anyone the traces with its credentials, unless people sign in (OIDC_ISSUER), an authenticating
 * proxy names them (EXPLORER_TRUSTED_HEADER), or the operator says that it is meant
 * (EXPLORER_ALLOW_ANONYMOUS=true: behind some other gate, such as Vercel's deployment protection).
 *
 * `bindAddress`: where the server listens; Next.js's standalone server listens on HOSTNAME, or
 * on every interface when it is unset.
 *
 * @param {Record<string, string | undefined>} env
 * @param {string | undefined} bindAddress
 * @returns {string | undefined}
 */
export function anonymousExposureError(env, bindAddress) {
  if (env.EXPLORER_ALLOW_ANONYMOUS === "true" || env.OIDC_ISSUER || env.EXPLORER_TRUSTED_HEADER)
    return undefined;
  const backends = BACKENDS.filter((name) => env[name]);
  if (backends.length === 0) return undefined;
  const where = env.VERCEL === "1" ? "a Vercel deployment" : bindAddress || "0.0.0.0";
  if (env.VERCEL !== "1" && LOOPBACK.test(where)) return undefined;
  return (
    `Refusing to start: ${backends.join(" and ")} would be open to anyone who reaches ${where}. ` +
    "Listen on 127.0.0.1, or turn on sign-in (OIDC_ISSUER), or name the user header of an " +
    "authenticating proxy (EXPLORER_TRUSTED_HEADER), or set EXPLORER_ALLOW_ANONYMOUS=true to say " +
    "that open access is meant (behind Vercel's deployment protection, say)."
  );
}
