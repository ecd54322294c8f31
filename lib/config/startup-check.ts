import { ConfigError, getConfig } from "./config";

/**
 * A bad configuration stops the server at start-up with one line naming the variable, instead
 * of surfacing later inside a request.
 */
export function checkConfigAtStartup(): void {
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
