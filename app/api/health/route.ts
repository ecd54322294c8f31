import { getConfig } from "@/lib/config/config";
import { handleRoute, jsonResponse } from "@/lib/server/handle-route";
import { checkHealth } from "@/lib/server/health";
import { getSources } from "@/lib/server/sources";

export const dynamic = "force-dynamic";

/** Reachability, version and exemplar storage of each backend, so the UI can explain empty views. */
export function GET(): Promise<Response> {
  return handleRoute(async () => jsonResponse(await checkHealth(getSources(), getConfig().traceUiUrl)));
}

export { DELETE, PATCH, POST, PUT } from "@/lib/server/refuse-methods";
