import { AppError, isErrorCode } from "../errors";

/**
 * Fetches one of the app's own routes; an error body comes back as the AppError it was.
 * With `markAs`, it leaves `<markAs>:received` and `<markAs>:parsed` performance marks, which
 * the benchmarks read (bench/).
 */
export async function fetchJson<T>(path: string, signal?: AbortSignal, markAs?: string): Promise<T> {
  return readJsonAnswer<T>(await fetchAnswer(path, signal, "application/json"), markAs);
}

/** One of the app's own routes, answered: its headers are here, its body may still be coming. */
export async function fetchAnswer(path: string, signal: AbortSignal | undefined, accept: string) {
  try {
    return await fetch(path, { signal, headers: { Accept: accept } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new AppError(
      "backend_unreachable",
      "The Exemplar Explorer server did not answer; check your connection",
    );
  }
}

/** A JSON answer's body, or the AppError its error body names. */
export async function readJsonAnswer<T>(response: Response, markAs?: string): Promise<T> {
  const text = await response.text();
  if (markAs) performance.mark(`${markAs}:received`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (markAs) performance.mark(`${markAs}:parsed`);
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (error && isErrorCode(error.code) && typeof error.message === "string") {
      if (error.code === "session_ended") signInAgain();
      throw new AppError(error.code, error.message);
    }
    throw new AppError("internal", `The server answered ${response.status} ${response.statusText}`);
  }
  if (body === undefined) throw new AppError("internal", "The server answered something that is not JSON");
  return body as T;
}

/**
 * The session ended while the page was open: sign in again and come back to this very view (all
 * of it is in the URL). Once a minute at most, so that a provider that keeps failing cannot loop.
 */
function signInAgain() {
  const key = "exemplar-explorer:signed-in-again-at";
  try {
    const last = Number(sessionStorage.getItem(key) ?? 0);
    if (Date.now() - last < 60_000) return;
    sessionStorage.setItem(key, String(Date.now()));
  } catch {
    return;
  }
  const next = `${window.location.pathname}${window.location.search}`;
  // A whole-page navigation: sign-in is a route that redirects to the provider, not a page.
  window.location.assign(
    new URL(`/auth/sign-in?${new URLSearchParams({ next }).toString()}`, window.location.origin),
  );
}
