/**
 * Paths of the app's own API that more than one side builds: the client fetches them, and the
 * server page preloads them; built in one place so that the two are the same URL.
 */
export function traceApiPath(traceId: string): string {
  return `/api/traces/${encodeURIComponent(traceId)}`;
}
