import { AppError } from "../errors";
import { timeoutIgnoringOwnBusyness } from "./event-loop-lag";

/**
 * The one way server code calls a backend: a fixed base URL from config, an API path the
 * caller picks from a closed set, parameters as a query string, a timeout, and a size cap.
 * Errors name the backend by its kind ("Prometheus"), not its URL: an internal address is
 * nobody's business on a public deployment (the server log has it). Text a backend sends back
 * goes through `backendText`, which removes the configured header values (a backend that echoes
 * the Authorization header would otherwise hand its token to the browser).
 */

export type BackendFetch = (url: URL, init?: RequestInit) => Promise<Response>;

export interface BackendTarget {
  /** "Prometheus", "Jaeger", ... for messages. */
  displayName: string;
  /** `demo:` URLs are answered in-process by the demo world. */
  baseUrl: URL;
  headers: Record<string, string>;
  /** The server setting that holds `headers` (credentials, tenant), named when the backend refuses us. */
  headersSetting?: string;
  fetch: BackendFetch;
  timeoutMs: number;
  maxResponseBytes: number;
}

export interface BackendResponse {
  status: number;
  contentType: string;
  body: string;
}

export function isDemo(target: BackendTarget): boolean {
  return target.baseUrl.protocol === "demo:";
}

export function backendLabel(target: BackendTarget): string {
  return isDemo(target) ? `${target.displayName} (demo world)` : target.displayName;
}

const REDACTED = "[redacted]";

/**
 * A backend's own words, fit to show: whitespace folded, at most `maxChars`, and every configured
 * header value (and each long word of one, such as the token after "Bearer") replaced.
 */
export function backendText(target: BackendTarget, text: string, maxChars = 200): string {
  let safe = text;
  for (const value of Object.values(target.headers)) {
    for (const secret of [value, ...value.split(/\s+/)].filter((s) => s.length >= 6)) {
      safe = safe.replaceAll(secret, REDACTED);
    }
  }
  safe = safe.replace(/\s+/g, " ").trim();
  return safe.length > maxChars ? `${safe.slice(0, maxChars)}…` : safe;
}

/** The backend's address for the server log only, without query parameters. */
function logFailure(target: BackendTarget, url: URL, what: string) {
  if (!isDemo(target)) console.warn(`${target.displayName} at ${url.origin}${url.pathname}: ${what}`);
}

/** Joins a fixed API path onto the base URL, keeping the base's path prefix (Mimir, Thanos). */
export function backendUrl(baseUrl: URL, apiPath: string, params?: URLSearchParams): URL {
  const url = new URL(baseUrl.href);
  url.pathname = `${baseUrl.pathname.replace(/\/+$/, "")}${apiPath}`;
  if (params) url.search = params.toString();
  return url;
}

/**
 * `clientGone`: the signal of the request this call serves; when its client goes away, the
 * backend call stops too instead of running on for nobody.
 */
export async function callBackend(
  target: BackendTarget,
  apiPath: string,
  params?: URLSearchParams,
  clientGone?: AbortSignal,
): Promise<BackendResponse> {
  const url = backendUrl(target.baseUrl, apiPath, params);
  const deadline = timeoutIgnoringOwnBusyness(target.timeoutMs);
  const timeout = deadline.signal;
  const seconds = target.timeoutMs / 1000;
  const stopped = () =>
    clientGone?.aborted ? new AppError("client_closed", "the client went away before the answer") : undefined;
  let response: Response;
  try {
    response = await target.fetch(url, {
      headers: { Accept: "application/json", ...target.headers },
      signal: clientGone ? AbortSignal.any([timeout, clientGone]) : timeout,
      cache: "no-store",
      redirect: "error",
    });
  } catch (error) {
    const gone = stopped();
    if (gone) throw gone;
    logFailure(target, url, timeout.aborted ? "timed out" : describeNetworkError(error));
    if (timeout.aborted) {
      throw new AppError(
        "backend_timeout",
        `${backendLabel(target)} did not answer within ${seconds} s${busyNote(deadline.busyMs())}; check its load, or raise BACKEND_TIMEOUT_MS`,
      );
    }
    throw new AppError(
      "backend_unreachable",
      `${backendLabel(target)} is unreachable (${describeNetworkError(error)}); check that it runs and that its URL in the server's configuration is right`,
      { cause: error },
    );
  }
  let body: string;
  try {
    body = await readCapped(response, target.maxResponseBytes);
  } catch (error) {
    const gone = stopped();
    if (gone) throw gone;
    if (error instanceof AppError) {
      throw new AppError(error.code, `${backendLabel(target)}: ${error.message}`);
    }
    if (timeout.aborted) {
      throw new AppError(
        "backend_timeout",
        `${backendLabel(target)} did not finish its answer within ${seconds} s${busyNote(deadline.busyMs())}`,
      );
    }
    throw new AppError(
      "backend_unreachable",
      `${backendLabel(target)} broke off its answer (${describeNetworkError(error)})`,
    );
  }
  if (response.status === 401 || response.status === 403) throw refusal(target, response.status, body);
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", body };
}

/**
 * The backend wants credentials, or (Mimir: 401 "no org id") a tenant: say where they are set.
 * Its own words are kept, with any of our header values taken out.
 */
function refusal(target: BackendTarget, status: number, body: string): AppError {
  const words = backendText(target, body.replace(/<[^>]*>/g, " "), 200);
  const setting = target.headersSetting ?? "the server's *_HEADERS setting";
  return new AppError(
    "backend_error",
    `${backendLabel(target)} refused the explorer's request (${status}${words ? `: "${words}"` : ""}). ` +
      `It needs credentials or a tenant: set them in ${setting}, e.g. Authorization=Bearer <token>, or X-Scope-OrgID=<tenant> for Mimir.`,
  );
}

/** Says so when this server was busy for a good part of the wait (the time was not counted). */
function busyNote(busyMs: number): string {
  return busyMs >= 1000 ? ` (not counting ${(busyMs / 1000).toFixed(1)} s this server was busy)` : "";
}

/** Reads a body as text, refusing it as soon as it passes the cap rather than buffering it all. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length"));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(maxBytes);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  // Decoded once at the end: a string built by appending each chunk is a rope that JSON.parse
  // must first flatten (a 25 MB trace parsed in ~0.3 s rather than ~0.16 s).
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks, received));
}

function tooLarge(maxBytes: number): AppError {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new AppError(
    "response_too_large",
    `the answer is larger than ${mb} MB (MAX_BACKEND_RESPONSE_BYTES); narrow the query or raise the limit`,
  );
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = typeof cause === "object" && cause && "code" in cause ? String(cause.code) : "";
  const message = cause instanceof Error ? cause.message : String(cause);
  return code || message;
}

/**
 * Runs the reading of a backend's answer (schema, normalization). An answer nested so deep that
 * reading it overflows the stack is the backend's malformed answer, not our server error.
 */
export function readGuarded<T>(target: BackendTarget, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) {
      throw new AppError(
        "backend_malformed",
        `${backendLabel(target)} answered JSON nested too deeply to read`,
      );
    }
    throw error;
  }
}

/** Parses a JSON body, or names the backend that sent something else. */
export function parseJsonBody(target: BackendTarget, response: BackendResponse): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    const preview = backendText(target, response.body, 120);
    throw new AppError(
      "backend_malformed",
      `${backendLabel(target)} answered ${response.status} with something that is not JSON: "${preview}"`,
    );
  }
}
