import type { Trace } from "../model/trace";
import { type BackendTarget, callBackend } from "../backends/http";
import { tempoTraceEnvelope } from "./otlp-wire";
import { normalizeOtlpTrace } from "./otlp";
import {
  type TraceSource,
  type TraceSourceHealth,
  checkReachable,
  parseBackendJson,
  traceNotFound,
  unexpectedStatus,
} from "./trace-source";

/** Tempo's `GET /api/traces/{id}` (OTLP JSON `batches`; IDs in base64 or hex). */
export class TempoSource implements TraceSource {
  constructor(readonly target: BackendTarget) {}

  async getTrace(traceId: string): Promise<Trace> {
    const response = await callBackend(this.target, `/api/traces/${encodeURIComponent(traceId)}`);
    if (response.status === 404) throw traceNotFound(this.target, traceId);
    if (response.status >= 400) throw unexpectedStatus(this.target, response);
    const envelope = parseBackendJson(this.target, response, tempoTraceEnvelope);
    const resourceSpans =
      "batches" in envelope
        ? envelope.batches
        : "trace" in envelope
          ? (envelope.trace.resourceSpans ?? [])
          : envelope.resourceSpans;
    const trace = normalizeOtlpTrace(traceId, resourceSpans, "tempo");
    if (trace.spans.length === 0) throw traceNotFound(this.target, traceId);
    return trace;
  }

  health(): Promise<TraceSourceHealth> {
    return checkReachable(this.target, "/api/echo");
  }
}
