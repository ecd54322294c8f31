import { seededRandom } from "./random";
import { demoSpanId } from "./request-ids";
import { type DraftSpan, TraceDraft, failSpan, toJaegerV1Trace } from "./trace-draft";

/**
 * Synthetic traces of any size, for the waterfall's scale tests and the benchmarks. In demo
 * mode, trace IDs `5e5e5e5e` + 24 hex digits holding the span count open one:
 * `5e5e5e5e00000000000000000000c350` is 50,000 spans, the largest: its Jaeger answer is ~25 MB
 * and takes about a second of one core to make, which a public demo server can afford now and
 * then (larger ones blocked it for tens of seconds and then failed the 64 MiB answer cap).
 */

export const SYNTHETIC_PREFIX = "5e5e5e5e";
export const MAX_SYNTHETIC_SPANS = 50_000;

export function syntheticTraceId(spanCount: number): string {
  return SYNTHETIC_PREFIX + spanCount.toString(16).padStart(24, "0");
}

/** The span count a synthetic trace ID asks for (maybe beyond the cap), or undefined for any other ID. */
export function syntheticSpanCount(traceId: string): number | undefined {
  if (!traceId.startsWith(SYNTHETIC_PREFIX)) return undefined;
  const count = parseInt(traceId.slice(SYNTHETIC_PREFIX.length), 16);
  return count >= 1 ? count : undefined;
}

const SERVICES = [
  "frontend",
  "api-gateway",
  "users",
  "orders",
  "payments",
  "inventory",
  "search",
  "recommendations",
  "notifications",
  "billing",
];
const OPERATIONS = [
  "GET /items/{id}",
  "POST /batch",
  "SELECT rows",
  "cache GET",
  "publish event",
  "render",
  "resolve",
  "authorize",
];

/** A deterministic trace of `spanCount` spans: a wide, fairly deep tree with errors and events. */
export function generateSyntheticTrace(spanCount: number, startUs = 1_700_000_000_000_000, seed = 42) {
  const traceId = syntheticTraceId(spanCount);
  const rng = seededRandom(seed + spanCount);
  const draft = new TraceDraft(rng);
  const durationUs = 2_000_000 + spanCount * 40;
  const root = draft.add({
    number: 0,
    service: SERVICES[0]!,
    name: "GET /synthetic",
    kind: "server",
    startUs,
    durationUs,
  });
  const queue: DraftSpan[] = [root];
  let created = 1;
  while (created < spanCount && queue.length > 0) {
    const parent = queue.shift()!;
    // Wide near the top, narrower deeper down, so traces are both wide and deep.
    const children = Math.min(spanCount - created, rng.int(1, parent === root ? 12 : 6));
    let cursor = parent.startUs + parent.durationUs * 0.02;
    for (let c = 0; c < children; c++) {
      const parallel = rng.chance(0.3);
      const span = draft.add({
        service: rng.chance(0.7) ? parent.service : rng.pick(SERVICES),
        name: `${rng.pick(OPERATIONS)} #${created}`,
        kind: rng.chance(0.5) ? "client" : "internal",
        startUs: parallel ? parent.startUs + parent.durationUs * rng.between(0.02, 0.5) : cursor,
        durationUs: Math.max(1, parent.durationUs * rng.between(0.05, parallel ? 0.45 : 0.9 / children)),
        parent,
        tags: { "synthetic.index": created, "peer.service": rng.pick(SERVICES) },
      });
      if (!parallel)
        cursor = Math.min(span.startUs + span.durationUs + 5, parent.startUs + parent.durationUs);
      if (rng.chance(0.01)) failSpan(span, "SyntheticError", `synthetic failure in span ${created}`);
      else if (rng.chance(0.02))
        span.logs.push({ timeUs: span.startUs + 1, fields: { event: "cache.miss" } });
      queue.push(span);
      created++;
    }
  }
  return toJaegerV1Trace(draft, traceId, (n) => demoSpanId(traceId, n));
}
