/**
 * One error type for the whole app. Server routes turn it into the JSON error shape of
 * docs/architecture.md ("Routes") with `toResponse()`; the client fetcher rebuilds it from that body, so a
 * component can branch on `code` without parsing messages.
 */

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_query: 400,
  unauthorized: 401,
  // Signed in with the explorer's own sign-in, and the session has ended (or never was).
  session_ended: 401,
  forbidden: 403,
  unsupported_query: 400,
  trace_not_found: 404,
  not_found: 404,
  method_not_allowed: 405,
  misdirected_request: 421,
  // The client went away before the answer (nginx's code); nobody reads it.
  client_closed: 499,
  response_too_large: 502,
  backend_error: 502,
  backend_unreachable: 502,
  backend_malformed: 502,
  backend_timeout: 504,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }

  toResponse(): Response {
    return Response.json(this.toBody(), {
      status: this.status,
      headers: { "Cache-Control": "no-store" },
    });
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_STATUS, value);
}
