import {
  type Plan,
  type PlanContext,
  authenticate,
  cacheGet,
  call,
  dbQuery,
  inSequence,
  lastFailure,
} from "./span-builders";
import { failSpan } from "./trace-draft";
import { type DemoRouteKey, Scenario, demoRoute } from "./world";

/**
 * What each route of the demo shop does inside its server span: the calls, queries and cache
 * reads, their share of the time, and where the scenario (slow query, N+1, failure) shows.
 */

export const ROUTE_PLANS: Record<DemoRouteKey, Plan> = {
  gatewayUser: (ctx, s) =>
    inSequence(ctx, s, [
      { weight: 1, run: (t, d) => authenticate(ctx, s, t, d) },
      { weight: 12, run: (t, d) => call(ctx, s, demoRoute("usersGet"), t, d) },
    ]),
  gatewayOrders: (ctx, s) =>
    inSequence(ctx, s, [
      { weight: 1, run: (t, d) => authenticate(ctx, s, t, d) },
      { weight: 14, run: (t, d) => call(ctx, s, demoRoute("ordersList"), t, d) },
    ]),
  gatewayCheckout: (ctx, s) => {
    const retried = ctx.draft.rng.chance(0.25) && !ctx.failing;
    // When the checkout fails, it is the payment that failed; the other calls went through.
    const fine: PlanContext = { ...ctx, failing: false };
    inSequence(ctx, s, [
      { weight: 1, run: (t, d) => authenticate(ctx, s, t, d) },
      {
        // Customer and stock are fetched in parallel.
        weight: 5,
        run: (t, d) => {
          call(fine, s, demoRoute("usersGet"), t, d * ctx.draft.rng.between(0.5, 0.8));
          call(fine, s, demoRoute("inventoryReserve"), t + 120, d - 120);
        },
      },
      {
        weight: 9,
        run: (t, d) => {
          if (!retried) return void call(ctx, s, demoRoute("paymentsCharge"), t, d);
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
          const retry = call(ctx, s, demoRoute("paymentsCharge"), t + d * 0.25, d * 0.75);
          retry.tags["http.request.resend_count"] = 1;
        },
      },
      { weight: 4, run: (t, d) => void (ctx.failing || call(fine, s, demoRoute("ordersCreate"), t, d)) },
    ]);
  },
  gatewayProduct: (ctx, s) =>
    inSequence(ctx, s, [
      { weight: 1, run: (t, d) => authenticate(ctx, s, t, d) },
      { weight: 10, run: (t, d) => call(ctx, s, demoRoute("inventoryStock"), t, d) },
    ]),
  usersGet: (ctx, s) => {
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
  ordersList: (ctx, s) => {
    const { rng } = ctx.draft;
    if (ctx.scenario === Scenario.NPlusOne) {
      // The regression: one query per order instead of one query for all of them.
      const orders = rng.int(28, 45);
      inSequence(ctx, s, [
        {
          // The orders query also waits on a lock held by the batch job: the slow database span.
          weight: 16,
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
                each * rng.between(0.92, 0.98),
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
  ordersCreate: (ctx, s) =>
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
  paymentsCharge: (ctx, s) =>
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
  inventoryStock: (ctx, s) => {
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
  inventoryReserve: (ctx, s) =>
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
