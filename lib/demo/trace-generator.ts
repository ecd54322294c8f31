import { hash32, seededRandom } from "./random";
import { type DemoRequest, demoSpanId } from "./request-ids";
import { type DraftSpan, TraceDraft, failSpan, markFailed, toJaegerV1Trace } from "./trace-draft";
import { requestEndMs } from "./traffic";
import { DEMO_ROUTES, DEMO_SERIES, type DemoRoute, Scenario } from "./world";

/**
 * Rebuilds the trace of a demo request. The span that recorded the observation (span number 0)
 * has exactly the request's duration; the work inside it is laid out by the route's plan, and
 * the callers around it (gateway, frontend) are wrapped outside it.
 */

interface PlanContext {
  draft: TraceDraft;
  scenario: Scenario;
  /** The request failed: the plan marks the span where it broke. */
  failing: boolean;
}

type Plan = (ctx: PlanContext, server: DraftSpan) => void;

const route = (id: number): DemoRoute => DEMO_ROUTES[id]!;

/** Which gateway route calls an internal route, for the wrapping callers. */
const CALLER_OF: Record<number, number> = { 4: 0, 5: 1, 6: 2, 7: 2, 8: 3, 9: 2 };
const FRONTEND_PAGE: Record<number, string> = {
  0: "GET /account",
  1: "GET /account/orders",
  2: "POST /checkout",
  3: "GET /products/:slug",
};

export function generateDemoTrace(traceId: string, request: DemoRequest) {
  const series = DEMO_SERIES[request.seriesIndex];
  if (!series) throw new RangeError(`no demo series ${request.seriesIndex}`);
  const draft = new TraceDraft(seededRandom(hash32(...traceId.match(/.{8}/g)!.map((h) => parseInt(h, 16)))));
  const ctx: PlanContext = {
    draft,
    scenario: request.scenario,
    failing: request.scenario === Scenario.Error,
  };
  const endUs = requestEndMs(request) * 1000;
  const startUs = endUs - request.durationUs;
  const parent = wrapCallers(ctx, series.route, startUs, request.durationUs);
  serve(ctx, series.route, parent, startUs, request.durationUs, 0);
  return toJaegerV1Trace(draft, traceId, (n) => demoSpanId(traceId, n));
}

/** Creates the frontend (and gateway) spans around the recorded span; returns its parent. */
function wrapCallers(ctx: PlanContext, recorded: DemoRoute, startUs: number, durationUs: number): DraftSpan {
  const { rng } = ctx.draft;
  const gatewayRoute = recorded.service === "api-gateway" ? recorded : route(CALLER_OF[recorded.id]!);
  // Sizes from the inside out: network hops, then each caller's own work before and after.
  const innerNet = recorded === gatewayRoute ? 0 : rng.between(250, 900);
  const gatewayPre = recorded === gatewayRoute ? 0 : rng.between(900, 2500);
  const gatewayPost = recorded === gatewayRoute ? 0 : rng.between(150, 600);
  const gatewayStart = startUs - innerNet / 2 - gatewayPre;
  const gatewayDur = gatewayPre + durationUs + innerNet + gatewayPost;
  const outerNet = rng.between(400, 1500);
  const renderPre = rng.between(800, 3000);
  const renderPost = rng.between(1500, 6000);
  const rootStart = gatewayStart - outerNet / 2 - renderPre;

  const root = ctx.draft.add({
    service: "frontend",
    name: FRONTEND_PAGE[gatewayRoute.id]!,
    kind: "server",
    startUs: rootStart,
    durationUs: renderPre + outerNet + gatewayDur + renderPost,
    tags: {
      "http.request.method": gatewayRoute.method,
      "http.route": FRONTEND_PAGE[gatewayRoute.id]!.split(" ")[1]!,
      "http.response.status_code": ctx.failing ? 500 : 200,
    },
  });
  const toGateway = clientSpan(ctx, root, gatewayRoute, gatewayStart - outerNet / 2, gatewayDur + outerNet);
  if (ctx.failing) {
    failSpan(root, "HTTPError", `api-gateway answered ${500}`);
    markFailed(toGateway);
  }
  if (recorded === gatewayRoute) return toGateway;

  const gateway = serverSpan(ctx, gatewayRoute, toGateway, gatewayStart, gatewayDur);
  authenticate(ctx, gateway, gatewayStart + rng.between(50, 200), gatewayPre * 0.6);
  if (ctx.failing) failSpan(gateway, "UpstreamError", `${recorded.service} answered 500`);
  return clientSpan(ctx, gateway, recorded, startUs - innerNet / 2, durationUs + innerNet);
}

function serverSpan(
  ctx: PlanContext,
  target: DemoRoute,
  parent: DraftSpan,
  startUs: number,
  durationUs: number,
  number?: number,
): DraftSpan {
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
}

function clientSpan(
  ctx: PlanContext,
  parent: DraftSpan,
  target: DemoRoute,
  startUs: number,
  durationUs: number,
): DraftSpan {
  return ctx.draft.add({
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
}

/** A server span for `target` and everything its plan does inside it. */
function serve(
  ctx: PlanContext,
  target: DemoRoute,
  parent: DraftSpan,
  startUs: number,
  durationUs: number,
  number?: number,
): DraftSpan {
  const server = serverSpan(ctx, target, parent, startUs, durationUs, number);
  PLANS[target.id]!(ctx, server);
  if (ctx.failing && !server.error) failSpan(server, "InternalServerError", "request failed downstream");
  return server;
}

/** An HTTP call from inside `parent`: client span, network hop, the callee's server span. */
function call(
  ctx: PlanContext,
  parent: DraftSpan,
  target: DemoRoute,
  startUs: number,
  durationUs: number,
): DraftSpan {
  const client = clientSpan(ctx, parent, target, startUs, durationUs);
  const net = Math.min(durationUs * 0.1, ctx.draft.rng.between(200, 800));
  serve(ctx, target, client, startUs + net / 2, durationUs - net);
  if (ctx.failing) markFailed(client);
  return client;
}

function dbQuery(
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

function cacheGet(
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

function authenticate(ctx: PlanContext, parent: DraftSpan, startUs: number, durationUs: number): void {
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
function inSequence(
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

function concretePath(ctx: PlanContext, template: string): string {
  return template.replace("{id}", String(ctx.draft.rng.int(1000, 99999)));
}

const lastFailure = (ctx: PlanContext, span: DraftSpan, type: string, message: string) => {
  if (ctx.failing) failSpan(span, type, message);
};

const PLANS: Record<number, Plan> = {
  0: (ctx, s) =>
    inSequence(ctx, s, [
      { weight: 1, run: (t, d) => authenticate(ctx, s, t, d) },
      { weight: 12, run: (t, d) => call(ctx, s, route(4), t, d) },
    ]),
  1: (ctx, s) =>
    inSequence(ctx, s, [
      { weight: 1, run: (t, d) => authenticate(ctx, s, t, d) },
      { weight: 14, run: (t, d) => call(ctx, s, route(5), t, d) },
    ]),
  2: (ctx, s) => {
    const retried = ctx.draft.rng.chance(0.25) && !ctx.failing;
    // When the checkout fails, it is the payment that failed; the other calls went through.
    const fine: PlanContext = { ...ctx, failing: false };
    inSequence(ctx, s, [
      { weight: 1, run: (t, d) => authenticate(ctx, s, t, d) },
      {
        // Customer and stock are fetched in parallel.
        weight: 5,
        run: (t, d) => {
          call(fine, s, route(4), t, d * ctx.draft.rng.between(0.5, 0.8));
          call(fine, s, route(9), t + 120, d - 120);
        },
      },
      {
        weight: 9,
        run: (t, d) => {
          if (!retried) return void call(ctx, s, route(7), t, d);
          // The payment provider hiccups: the first attempt fails fast and is retried.
          const first = ctx.draft.add({
            service: s.service,
            name: "POST /charge",
            kind: "client",
            startUs: t,
            durationUs: d * 0.18,
            parent: s,
            tags: {
              "http.request.method": "POST",
              "peer.service": "payments",
              "http.response.status_code": 503,
              "http.request.resend_count": 0,
            },
          });
          failSpan(first, "ServiceUnavailable", "payments answered 503: provider connection reset");
          s.logs.push({
            timeUs: first.startUs + first.durationUs + 10,
            fields: { event: "retry", "retry.attempt": 1, "retry.backoff_ms": Math.round((d * 0.07) / 1000) },
          });
          const retry = call(ctx, s, route(7), t + d * 0.25, d * 0.75);
          retry.tags["http.request.resend_count"] = 1;
        },
      },
      { weight: 4, run: (t, d) => void (ctx.failing || call(fine, s, route(6), t, d)) },
    ]);
  },
  3: (ctx, s) =>
    inSequence(ctx, s, [
      { weight: 1, run: (t, d) => authenticate(ctx, s, t, d) },
      { weight: 10, run: (t, d) => call(ctx, s, route(8), t, d) },
    ]),
  4: (ctx, s) => {
    const miss = ctx.scenario === Scenario.SlowQuery || ctx.draft.rng.chance(0.4);
    const userId = ctx.draft.rng.int(1000, 99999);
    inSequence(ctx, s, [
      { weight: miss ? 1 : 8, run: (t, d) => cacheGet(ctx, s, `user:${userId}`, t, d, !miss) },
      ...(miss
        ? [
            {
              weight: ctx.scenario === Scenario.SlowQuery ? 30 : 6,
              run: (t: number, d: number) =>
                lastFailure(
                  ctx,
                  dbQuery(ctx, s, "SELECT id, email, name FROM users WHERE id = $1", t, d, "users"),
                  "QueryCanceled",
                  "canceling statement due to statement timeout",
                ),
            },
          ]
        : []),
    ]);
  },
  5: (ctx, s) => {
    const { rng } = ctx.draft;
    if (ctx.scenario === Scenario.NPlusOne) {
      // The regression: one query per order instead of one query for all of them.
      const orders = rng.int(28, 45);
      inSequence(ctx, s, [
        {
          // The orders query also waits on a lock held by the batch job: the slow database span.
          weight: 10,
          run: (t, d) =>
            void dbQuery(
              ctx,
              s,
              "SELECT id, total FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 50",
              t,
              d,
              "orders",
            ),
        },
        {
          weight: 40,
          run: (t, d) => {
            const each = d / orders;
            for (let i = 0; i < orders; i++) {
              const q = dbQuery(
                ctx,
                s,
                "SELECT * FROM order_items WHERE order_id = $1",
                t + i * each,
                each * rng.between(0.82, 0.95),
                "order_items",
              );
              q.tags["db.operation.batch.size"] = 1;
            }
          },
        },
      ]);
      s.tags["app.orders.count"] = orders;
      return;
    }
    const slow = ctx.scenario === Scenario.SlowQuery;
    inSequence(ctx, s, [
      {
        weight: slow ? 20 : 5,
        run: (t, d) =>
          lastFailure(
            ctx,
            dbQuery(
              ctx,
              s,
              "SELECT id, total FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 50",
              t,
              d,
              "orders",
            ),
            "QueryCanceled",
            "canceling statement due to statement timeout",
          ),
      },
      {
        weight: 4,
        run: (t, d) =>
          void dbQuery(ctx, s, "SELECT * FROM order_items WHERE order_id = ANY($1)", t, d, "order_items"),
      },
    ]);
  },
  6: (ctx, s) =>
    inSequence(ctx, s, [
      { weight: 1, run: (t, d) => void dbQuery(ctx, s, "BEGIN", t, d, "orders") },
      {
        weight: 5,
        run: (t, d) =>
          void dbQuery(
            ctx,
            s,
            "INSERT INTO orders (user_id, total) VALUES ($1, $2) RETURNING id",
            t,
            d,
            "orders",
          ),
      },
      {
        weight: 5,
        run: (t, d) =>
          lastFailure(
            ctx,
            dbQuery(
              ctx,
              s,
              "INSERT INTO order_items (order_id, sku, qty) VALUES ($1, $2, $3)",
              t,
              d,
              "order_items",
            ),
            "DeadlockDetected",
            "deadlock detected",
          ),
      },
      { weight: 2, run: (t, d) => void dbQuery(ctx, s, "COMMIT", t, d, "orders") },
    ]),
  7: (ctx, s) =>
    inSequence(ctx, s, [
      {
        weight: 1,
        run: (t, d) =>
          void ctx.draft.add({
            service: s.service,
            name: "fraud score",
            kind: "internal",
            startUs: t,
            durationUs: d,
            parent: s,
            tags: { "fraud.score": Math.round(ctx.draft.rng.between(1, 40)) },
          }),
      },
      {
        weight: 8,
        run: (t, d) => {
          const provider = ctx.draft.add({
            service: s.service,
            name: "POST",
            kind: "client",
            startUs: t,
            durationUs: d,
            parent: s,
            tags: {
              "http.request.method": "POST",
              "url.full": "https://api.payments-provider.example/v1/charges",
              "server.address": "api.payments-provider.example",
              "http.response.status_code": ctx.failing ? 502 : 200,
            },
          });
          lastFailure(ctx, provider, "BadGateway", "payment provider answered 502 Bad Gateway");
        },
      },
    ]),
  8: (ctx, s) => {
    const miss = ctx.scenario === Scenario.SlowQuery || ctx.draft.rng.chance(0.2);
    const sku = ctx.draft.rng.int(100, 9999);
    inSequence(ctx, s, [
      { weight: miss ? 1 : 6, run: (t, d) => cacheGet(ctx, s, `stock:sku-${sku}`, t, d, !miss) },
      ...(miss
        ? [
            {
              weight: 6,
              run: (t: number, d: number) =>
                lastFailure(
                  ctx,
                  dbQuery(ctx, s, "SELECT available FROM stock WHERE sku = $1", t, d, "stock"),
                  "ConnectionError",
                  "connection to postgres lost",
                ),
            },
          ]
        : []),
    ]);
  },
  9: (ctx, s) =>
    inSequence(ctx, s, [
      {
        weight: 1,
        run: (t, d) =>
          lastFailure(
            ctx,
            dbQuery(
              ctx,
              s,
              "UPDATE stock SET reserved = reserved + $2 WHERE sku = $1 AND available >= $2",
              t,
              d,
              "stock",
            ),
            "DeadlockDetected",
            "deadlock detected",
          ),
      },
    ]),
};
