import type { Trace } from "../model/trace";
import type { BackendTarget } from "../upstream/call-backend";
import { tempoTraceEnvelope } from "./otlp-wire";
import type { TraceSourceHealth } from "../model/health";
import { type TraceSource, checkReachable, fetchOtlpTrace } from "./trace-source";

/** Tempo's `GET /api/traces/{id}` (OTLP JSON `batches`; IDs in base64 or hex). */
export class TempoSource implements TraceSource {
  constructor(readonly target: BackendTarget) {}

  getTrace(traceId: string): Promise<Trace> {
    return fetchOtlpTrace(
      this.target,
      traceId,
      `/api/traces/${encodeURIComponent(traceId)}`,
      tempoTraceEnvelope,
      "tempo",
    );
  }

  health(): Promise<TraceSourceHealth> {
    return checkReachable(this.target, "/api/echo");
  }
}
