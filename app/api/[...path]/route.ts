import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** Any other path under /api: the JSON error shape, not Next.js's HTML 404 page. */
const notFound = async (request: Request): Promise<Response> =>
  new AppError(
    "not_found",
    `there is no API route ${new URL(request.url).pathname.slice(0, 100)}; see the README's "HTTP API" section`,
  ).toResponse();

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
