import type { DemoRoute, Scenario } from "./world";
import { type DraftSpan, type TraceDraft, failSpan, markFailed } from "./trace-draft";

/**
 * The spans a demo trace is made of (HTTP server and client spans, database and cache calls,
 * authentication) and the helper that lays steps out in time. The route plans
 * (route-plans.ts) compose them; trace-generator.ts wraps the callers around them.
 */

export interface PlanContext {
  draft: TraceDraft;
  scenario: Scenario;
  /** The request failed: the plan marks the span where it broke. */
  failing: boolean;
  /** Serves `target` inside `parent`: its server span and everything its plan does. */
  serve: ServerSpanMaker;
}

/** Makes the server span of `target` inside `parent`; `number` 0 is the span that recorded the observation. */
export type ServerSpanMaker = (
  ctx: PlanContext,
  target: DemoRoute,
  parent: DraftSpan,
  startUs: number,
  durationUs: number,
  number?: number,
) => DraftSpan;

export type Plan = (ctx: PlanContext, server: DraftSpan) => void;

export const serverSpan: ServerSpanMaker = (ctx, target, parent, startUs, durationUs, number) => {
  const ok = target.method === "POST" ? 201 : 200;
  return ctx.draft.add({
    number,
    service: target.service,
    name: `${target.method} ${target.route}`,
    kind: "server",
    startUs,
    durationUs,
    parent,
    tags: {
      "http.request.method": target.method,
      "http.route": target.route,
      "url.path": concretePath(ctx, target.route),
      "http.response.status_code": ctx.failing ? 500 : ok,
      "server.address": `${target.service}:8080`,
    },
  });
};

/** A span in `parent` for an HTTP request to `target`. */
type OutgoingCall = (
  ctx: PlanContext,
  parent: DraftSpan,
  target: DemoRoute,
  startUs: number,
  durationUs: number,
) => DraftSpan;

/** The client span alone. */
export const clientSpan: OutgoingCall = (ctx, parent, target, startUs, durationUs) =>
  ctx.draft.add({
    service: parent.service,
    name: `${target.method} ${target.route}`,
    kind: "client",
    startUs,
    durationUs,
    parent,
    tags: {
      "http.request.method": target.method,
      "server.address": target.service,
      "server.port": 8080,
      "peer.service": target.service,
    },
  });

/** A whole HTTP call from inside `parent`: client span, network hop, the callee's server span. */
export const call: OutgoingCall = (ctx, parent, target, startUs, durationUs) => {
  const client = clientSpan(ctx, parent, target, startUs, durationUs);
  const net = Math.min(durationUs * 0.1, ctx.draft.rng.between(200, 800));
  ctx.serve(ctx, target, client, startUs + net / 2, durationUs - net);
  if (ctx.failing) markFailed(client);
  return client;
};

export function dbQuery(
  ctx: PlanContext,
  parent: DraftSpan,
  statement: string,
  startUs: number,
  durationUs: number,
  table: string,
): DraftSpan {
  return ctx.draft.add({
    service: parent.service,
    name: `${statement.split(" ")[0]} ${table}`,
    kind: "client",
    startUs,
    durationUs,
    parent,
    tags: {
      "db.system": "postgresql",
      "db.namespace": "shop",
      "db.query.text": statement,
      "db.collection.name": table,
      "server.address": "postgres",
      "peer.service": "postgres",
    },
  });
}

export function cacheGet(
  ctx: PlanContext,
  parent: DraftSpan,
  key: string,
  startUs: number,
  durationUs: number,
  hit: boolean,
): DraftSpan {
  return ctx.draft.add({
    service: parent.service,
    name: "GET",
    kind: "client",
    startUs,
    durationUs,
    parent,
    tags: {
      "db.system": "redis",
      "db.query.text": `GET ${key}`,
      "server.address": "redis",
      "peer.service": "redis",
      "cache.hit": hit,
    },
  });
}

export function authenticate(ctx: PlanContext, parent: DraftSpan, startUs: number, durationUs: number): void {
  const span = ctx.draft.add({
    service: parent.service,
    name: "verify jwt",
    kind: "internal",
    startUs,
    durationUs: durationUs * 0.4,
    parent,
    tags: { "auth.scheme": "bearer" },
  });
  cacheGet(
    ctx,
    parent,
    `session:${ctx.draft.rng.int(10000, 99999)}`,
    span.startUs + span.durationUs + 50,
    durationUs * 0.5,
    true,
  );
}

/**
 * Splits `[startUs, startUs + durationUs]` into consecutive slots by weight, after a little
 * of the parent's own time at the start and end, and runs one step in each slot.
 */
export function inSequence(
  ctx: PlanContext,
  parent: DraftSpan,
  steps: { weight: number; run: (startUs: number, durationUs: number) => void }[],
): void {
  const { rng } = ctx.draft;
  const selfShare = rng.between(0.04, 0.1);
  const available = parent.durationUs * (1 - selfShare);
  const gap = (parent.durationUs * selfShare) / (steps.length + 1);
  const totalWeight = steps.reduce((sum, s) => sum + s.weight, 0);
  let cursor = parent.startUs + gap;
  for (const step of steps) {
    const slot = (available * step.weight) / totalWeight;
    step.run(cursor, slot);
    cursor += slot + gap;
  }
}

export function concretePath(ctx: PlanContext, template: string): string {
  return template.replace("{id}", String(ctx.draft.rng.int(1000, 99999)));
}

export const lastFailure = (ctx: PlanContext, span: DraftSpan, type: string, message: string) => {
  if (ctx.failing) failSpan(span, type, message);
};
