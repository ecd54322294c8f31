import { type AppConfig, ConfigError, getConfig } from "./config";
import { anonymousExposureError } from "./exposure.mjs";

/**
 * A bad configuration stops the server at start-up with one line naming the variable, instead
 * of surfacing later inside a request; so does real backends open to anyone (a production server
 * listening beyond this machine, or on Vercel, without EXPLORER_ALLOW_ANONYMOUS=true).
 */
export function checkConfigAtStartup(): AppConfig {
  let config: AppConfig;
  try {
    config = getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  // `next dev` listens where its --hostname says; the production server on HOSTNAME.
  if (process.env.NODE_ENV !== "production") return config;
  const refusal = anonymousExposureError(process.env, process.env.HOSTNAME);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  return config;
}
