import type { z } from "zod";
import { AppError } from "../errors";
import type { TraceSourceHealth } from "../model/health";
import { normalizeTraceId } from "../model/ids";
import type { Trace, TraceSourceKind } from "../model/trace";
import { normalizeOtlpTrace } from "./otlp";
import type { OtlpResourceSpans } from "./otlp-wire";
import {
  type BackendResponse,
  type BackendTarget,
  backendLabel,
  backendText,
  callBackend,
  parseJsonBody,
  readGuarded,
} from "../upstream/call-backend";

/** What every trace backend offers the routes: one trace by ID, and a reachability check. */

export interface TraceSource {
  readonly target: BackendTarget;
  getTrace(traceId: string): Promise<Trace>;
  health(): Promise<TraceSourceHealth>;
}

export function traceNotFound(target: BackendTarget, traceId: string): AppError {
  return new AppError(
    "trace_not_found",
    `${backendLabel(target)} has no trace ${traceId}. The usual causes: the trace was sampled out ` +
      `(the exemplar was recorded, the trace was not kept) or it has expired from the trace store's retention.`,
  );
}

/**
 * The trace asked for, or an error: a backend that answers another trace (or one whose ID is not
 * hex) must not put that ID into links and the "Open in trace UI" URL.
 */
export function requireTraceId(target: BackendTarget, requested: string, trace: Trace): Trace {
  const wanted = normalizeTraceId(requested);
  if (wanted && trace.traceId === wanted) return trace;
  throw new AppError(
    "backend_malformed",
    `${backendLabel(target)} answered another trace than ${requested} (${JSON.stringify(trace.traceId.slice(0, 40))})`,
  );
}

/** Parses a backend answer with a schema, or names the backend and the first mismatch. */
export function parseBackendJson<T extends z.ZodType>(
  target: BackendTarget,
  response: BackendResponse,
  schema: T,
): z.infer<T> {
  const parsed = schema.safeParse(parseJsonBody(target, response));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "backend_malformed",
      `${backendLabel(target)} answered in an unexpected shape (${issue?.path.join(".") || "body"}: ${issue?.message})`,
    );
  }
  return parsed.data;
}

export function unexpectedStatus(target: BackendTarget, response: BackendResponse): AppError {
  const text = backendText(target, response.body);
  return new AppError(
    "backend_error",
    `${backendLabel(target)} answered ${response.status}${text ? `: ${text}` : ""}`,
  );
}

/** Reachability through a cheap read-only endpoint. */
export async function checkReachable(target: BackendTarget, apiPath: string): Promise<TraceSourceHealth> {
  try {
    const response = await callBackend(target, apiPath);
    if (response.status >= 400) return { reachable: true, error: unexpectedStatus(target, response).message };
    return { reachable: true };
  } catch (error) {
    return { reachable: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The shared path of the OTLP JSON sources (Jaeger v3, Tempo): fetch, parse, normalize. */
export async function fetchOtlpTrace(
  target: BackendTarget,
  traceId: string,
  apiPath: string,
  envelope: z.ZodType<OtlpResourceSpans[]>,
  source: TraceSourceKind,
): Promise<Trace> {
  const response = await callBackend(target, apiPath);
  if (response.status === 404) throw traceNotFound(target, traceId);
  if (response.status >= 400) throw unexpectedStatus(target, response);
  const trace = readGuarded(target, () =>
    normalizeOtlpTrace(traceId, parseBackendJson(target, response, envelope), source),
  );
  if (trace.spans.length === 0) throw traceNotFound(target, traceId);
  return requireTraceId(target, traceId, trace);
}
