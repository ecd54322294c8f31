import { AppError, isErrorCode } from "../errors";

/**
 * Fetches one of the app's own routes; an error body comes back as the AppError it was.
 * With `markAs`, it leaves `<markAs>:received` and `<markAs>:parsed` performance marks, which
 * the benchmarks read (bench/).
 */
export async function fetchJson<T>(path: string, signal?: AbortSignal, markAs?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { Accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new AppError(
      "backend_unreachable",
      "The Exemplar Explorer server did not answer; check your connection",
    );
  }
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
      throw new AppError(error.code, error.message);
    }
    throw new AppError("internal", `The server answered ${response.status} ${response.statusText}`);
  }
  if (body === undefined) throw new AppError("internal", "The server answered something that is not JSON");
  return body as T;
}
