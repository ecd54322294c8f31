export const dynamic = "force-dynamic";

/**
 * Liveness for load balancers and the container's health check: open without sign-in, and says
 * nothing about the backends (/api/health does, to those signed in).
 */
export function GET(): Response {
  return Response.json({ status: "up" }, { headers: { "Cache-Control": "no-store" } });
}

export { DELETE, PATCH, POST, PUT } from "@/lib/server/refuse-methods";
