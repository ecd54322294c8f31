import type { TraceSourceHealth } from "../model/health";
import type { Trace } from "../model/trace";
import { type BackendTarget, callBackend, readGuarded } from "../upstream/call-backend";
import { jaegerV1Envelope } from "./jaeger-v1-wire";
import { normalizeJaegerV1Trace } from "./jaeger-v1";
import { jaegerV3TraceEnvelope } from "./otlp-wire";
import {
  type TraceSource,
  checkReachable,
  fetchOtlpTrace,
  parseBackendJson,
  requireTraceId,
  traceNotFound,
  unexpectedStatus,
} from "./trace-source";

/** Jaeger's v1 query API: `GET /api/traces/{id}` (Jaeger 1.x and 2.x). */
export class JaegerV1Source implements TraceSource {
  constructor(readonly target: BackendTarget) {}

  async getTrace(traceId: string): Promise<Trace> {
    // traceId is validated hex by the route; encoding keeps it one path segment regardless.
    const response = await callBackend(this.target, `/api/traces/${encodeURIComponent(traceId)}`);
    if (response.status === 404) throw traceNotFound(this.target, traceId);
    const { data, errors } = readGuarded(this.target, () =>
      parseBackendJson(this.target, response, jaegerV1Envelope),
    );
    if (errors?.some((e) => e.code === 404)) throw traceNotFound(this.target, traceId);
    if (response.status >= 400 || (errors?.length && !data?.length)) {
      const message = errors?.map((e) => e.msg).join("; ");
      throw unexpectedStatus(this.target, { ...response, body: message || response.body });
    }
    const raw = data?.[0];
    if (!raw || raw.spans.length === 0) throw traceNotFound(this.target, traceId);
    return requireTraceId(
      this.target,
      traceId,
      readGuarded(this.target, () => normalizeJaegerV1Trace(raw)),
    );
  }

  health(): Promise<TraceSourceHealth> {
    return checkReachable(this.target, "/api/services");
  }
}

/** Jaeger's v3 API: `GET /api/v3/traces/{id}`, OTLP JSON. */
export class JaegerV3Source implements TraceSource {
  constructor(readonly target: BackendTarget) {}

  getTrace(traceId: string): Promise<Trace> {
    const path = `/api/v3/traces/${encodeURIComponent(traceId)}`;
    return fetchOtlpTrace(this.target, traceId, path, jaegerV3TraceEnvelope, "jaeger-v3");
  }

  health(): Promise<TraceSourceHealth> {
    return checkReachable(this.target, "/api/v3/services");
  }
}
