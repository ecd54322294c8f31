import { AppError } from "../errors";

/**
 * The API's routes only read. Re-exported by each route for the other methods, so that a wrong
 * method answers the JSON error shape (Next.js alone answers 405 with an empty body).
 */
const methodNotAllowed = async (request: Request): Promise<Response> => {
  const response = new AppError(
    "method_not_allowed",
    `${request.method} is not supported here; the API only answers GET`,
  ).toResponse();
  response.headers.set("Allow", "GET, HEAD");
  return response;
};

export {
  methodNotAllowed as DELETE,
  methodNotAllowed as PATCH,
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
};
