import { AppError } from "../errors";
import type { Trace } from "../model/trace";
import { type BackendTarget, backendLabel, callBackend, parseJsonBody } from "../backends/http";
import { jaegerV1Envelope } from "./jaeger-v1-wire";
import { normalizeJaegerV1Trace } from "./jaeger-v1";

export interface TraceSourceHealth {
  reachable: boolean;
  error?: string;
}

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

/** Jaeger's v1 query API: `GET /api/traces/{id}`. */
export class JaegerV1Source implements TraceSource {
  constructor(readonly target: BackendTarget) {}

  async getTrace(traceId: string): Promise<Trace> {
    // traceId is validated hex by the caller; encoding keeps it a single path segment regardless.
    const response = await callBackend(this.target, `/api/traces/${encodeURIComponent(traceId)}`);
    if (response.status === 404) throw traceNotFound(this.target, traceId);
    const envelope = jaegerV1Envelope.safeParse(parseJsonBody(this.target, response));
    if (!envelope.success) {
      const issue = envelope.error.issues[0];
      throw new AppError(
        "backend_malformed",
        `${backendLabel(this.target)} answered in an unexpected shape (${issue?.path.join(".")}: ${issue?.message})`,
      );
    }
    const { data, errors } = envelope.data;
    if (errors?.some((e) => e.code === 404)) throw traceNotFound(this.target, traceId);
    if (response.status >= 400 || (errors && errors.length > 0 && !data?.length)) {
      const message = errors?.map((e) => e.msg).join("; ") || `status ${response.status}`;
      throw new AppError(
        "backend_error",
        `${backendLabel(this.target)} answered ${response.status}: ${message}`,
      );
    }
    const raw = data?.[0];
    if (!raw || raw.spans.length === 0) throw traceNotFound(this.target, traceId);
    return normalizeJaegerV1Trace(raw);
  }

  async health(): Promise<TraceSourceHealth> {
    try {
      const response = await callBackend(this.target, "/api/services");
      if (response.status >= 400) {
        return {
          reachable: true,
          error: `${backendLabel(this.target)} answered ${response.status} to /api/services`,
        };
      }
      return { reachable: true };
    } catch (error) {
      return { reachable: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
