import { normalizeTraceId } from "../model/ids";
import type { BackendFetch } from "../upstream/call-backend";
import { decodeDemoTraceId, isSampledOut } from "./request-ids";
import { HOSTILE_TRACE_ID, generateHostileTrace } from "./hostile-trace";
import { MAX_SYNTHETIC_SPANS, generateSyntheticTrace, syntheticSpanCount } from "./synthetic-trace";
import { generateDemoTrace } from "./trace-generator";
import { requestEndMs } from "./traffic";
import { DEMO_ROUTES, SAMPLED_OUT_RATIO, type WorldClock } from "./world";

/**
 * The demo world behind Jaeger's query API (`GET /api/traces/{id}`, v1 JSON), including its
 * quirk of answering errors as JSON labeled text/plain (fixtures/jaeger).
 */

export function createDemoJaeger(
  clock: WorldClock,
  now: () => number = Date.now,
  syntheticSpansPerMinute = SYNTHETIC_SPANS_PER_MINUTE,
): BackendFetch {
  const synthetic = syntheticTraces(syntheticSpansPerMinute);
  return async (url) => {
    const traceMatch = /\/api\/traces\/([^/]+)$/.exec(url.pathname);
    if (traceMatch) {
      const traceId = normalizeTraceId(decodeURIComponent(traceMatch[1]!));
      if (!traceId) return jaegerError(400, `malformed trace ID`);
      if (traceId === HOSTILE_TRACE_ID) {
        return Response.json({ data: [generateHostileTrace((now() - 600_000) * 1000)], errors: null });
      }
      const syntheticSpans = syntheticSpanCount(traceId);
      if (syntheticSpans) return synthetic(syntheticSpans, now());
      const request = decodeDemoTraceId(traceId, clock.seed);
      if (!request || requestEndMs(request) > now() || isSampledOut(traceId, SAMPLED_OUT_RATIO)) {
        return jaegerError(404, "trace not found");
      }
      return Response.json({
        data: [generateDemoTrace(traceId, request)],
        total: 0,
        limit: 0,
        offset: 0,
        errors: null,
      });
    }
    if (url.pathname.endsWith("/api/services")) {
      const services = ["frontend", ...new Set(DEMO_ROUTES.map((r) => r.service))];
      return Response.json({ data: services, total: services.length, limit: 0, offset: 0, errors: null });
    }
    return jaegerError(404, "404 page not found");
  };
}

/**
 * Synthetic traces as Jaeger would answer them, kept for a while like a trace store keeps them:
 * generating 50,000 spans takes longer than storing them, and the benchmarks and scale tests
 * measure the explorer, not the generator. Bounded by size; the oldest answer goes first.
 */
const syntheticAnswers = new Map<number, { json: string; madeAtMs: number }>();
const SYNTHETIC_CACHE_CHARS = 64 * 1024 * 1024;
const SYNTHETIC_CACHE_MS = 10 * 60_000;

/**
 * What the generator may spend: spans made per minute, for all callers together (a kept answer
 * costs nothing). Without it, a few large IDs in parallel kept a demo server busy for a minute.
 */
const SYNTHETIC_SPANS_PER_MINUTE = 300_000;

function syntheticTraces(spansPerMinute: number) {
  const budget = { spans: spansPerMinute, atMs: 0 };
  return (spanCount: number, nowMs: number): Response => {
    if (spanCount > MAX_SYNTHETIC_SPANS) {
      return jaegerError(
        400,
        `synthetic traces have at most ${MAX_SYNTHETIC_SPANS.toLocaleString("en")} spans (asked for ${spanCount.toLocaleString("en")})`,
      );
    }
    const cached = syntheticAnswers.get(spanCount);
    if (cached && nowMs - cached.madeAtMs < SYNTHETIC_CACHE_MS) return jsonAnswer(cached.json);
    const refill = (Math.max(0, nowMs - budget.atMs) / 60_000) * spansPerMinute;
    budget.spans = Math.min(spansPerMinute, budget.spans + refill);
    budget.atMs = nowMs;
    if (budget.spans < spanCount) {
      const waitSec = Math.ceil(((spanCount - budget.spans) / spansPerMinute) * 60);
      return jaegerError(
        503,
        `this demo server makes at most ${spansPerMinute.toLocaleString("en")} synthetic spans a minute; try again in ${waitSec} s`,
      );
    }
    budget.spans -= spanCount;
    return jsonAnswer(syntheticAnswer(spanCount, nowMs));
  };
}

const jsonAnswer = (json: string) => new Response(json, { headers: { "Content-Type": "application/json" } });

function syntheticAnswer(spanCount: number, nowMs: number): string {
  const trace = generateSyntheticTrace(spanCount, (nowMs - 3600_000) * 1000);
  const json = JSON.stringify({ data: [trace], total: 0, limit: 0, offset: 0, errors: null });
  syntheticAnswers.delete(spanCount);
  syntheticAnswers.set(spanCount, { json, madeAtMs: nowMs });
  let total = 0;
  for (const [count, answer] of [...syntheticAnswers].reverse()) {
    total += answer.json.length;
    if (total > SYNTHETIC_CACHE_CHARS && count !== spanCount) syntheticAnswers.delete(count);
  }
  return json;
}

function jaegerError(code: number, msg: string): Response {
  return new Response(
    JSON.stringify({ data: null, total: 0, limit: 0, offset: 0, errors: [{ code, msg }] }),
    {
      status: code,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    },
  );
}
