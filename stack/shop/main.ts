import { startTracing } from "./telemetry";
import { type Route, callService, query, startService } from "./service";

/**
 * The instrumented shop of the real stack, one process per service:
 *   gateway 18080 → users 18081, orders 18082 (each with a simulated database).
 * `tsx stack/shop/main.ts <gateway|users|orders>`
 */

export const SHOP_PORTS = { gateway: 18080, users: 18081, orders: 18082 } as const;
type ServiceName = keyof typeof SHOP_PORTS;

const name = process.argv[2] as ServiceName;
if (!(name in SHOP_PORTS)) {
  console.error(`usage: main.ts <${Object.keys(SHOP_PORTS).join("|")}>`);
  process.exit(2);
}

const { tracer, shutdown } = startTracing(name);
const rand = (min: number, max: number) => min + Math.random() * (max - min);
// In a container each service has its own host name: SHOP_USERS_URL, SHOP_ORDERS_URL.
const upstreamBase: Record<ServiceName, string> = {
  gateway: process.env.SHOP_GATEWAY_URL ?? `http://127.0.0.1:${SHOP_PORTS.gateway}`,
  users: process.env.SHOP_USERS_URL ?? `http://127.0.0.1:${SHOP_PORTS.users}`,
  orders: process.env.SHOP_ORDERS_URL ?? `http://127.0.0.1:${SHOP_PORTS.orders}`,
};
const upstream = (service: ServiceName, path: string) => `${upstreamBase[service]}${path}`;

const routes: Record<ServiceName, Route[]> = {
  gateway: [
    {
      method: "GET",
      route: "/api/users/{id}",
      handler: async ({ params }) => callService(tracer, "GET", upstream("users", `/users/${params.id}`)),
    },
    {
      method: "GET",
      route: "/api/orders",
      handler: async ({ url, customerTier }) =>
        callService(tracer, "GET", upstream("orders", `/orders${url.search}`), customerTier),
    },
    {
      method: "POST",
      route: "/api/checkout",
      handler: async ({ url }) => {
        const user = await callService(tracer, "GET", upstream("users", "/users/42"));
        if (user.status >= 500) return user;
        return callService(tracer, "POST", upstream("orders", `/orders${url.search}`));
      },
    },
  ],
  users: [
    {
      method: "GET",
      route: "/users/{id}",
      handler: async ({ params }) => {
        await query(tracer, "SELECT id, email FROM users WHERE id = $1", rand(2, 12));
        return { status: 200, body: { id: params.id } };
      },
    },
  ],
  orders: [
    {
      method: "GET",
      route: "/orders",
      handler: async ({ customerTier }) => {
        await query(tracer, "SELECT id FROM orders WHERE user_id = $1", rand(3, 15));
        // Enterprise customers have many orders, and their items are fetched one order at a time:
        // an N+1 that nothing in the URL shows; comparing slow requests with typical ones does
        // (customer.tier).
        const items = customerTier === "enterprise" ? 20 : 1;
        for (let i = 0; i < items; i++)
          await query(tracer, "SELECT * FROM order_items WHERE order_id = $1", rand(4, 9));
        return { status: 200, body: { orders: items } };
      },
    },
    {
      method: "POST",
      route: "/orders",
      handler: async ({ url }) => {
        try {
          await query(
            tracer,
            "INSERT INTO orders (user_id) VALUES ($1)",
            rand(5, 20),
            url.searchParams.has("fail"),
          );
        } catch {
          return { status: 500, body: { error: "deadlock detected" } };
        }
        return { status: 201, body: { ok: true } };
      },
    },
  ],
};

const server = startService({ name, port: SHOP_PORTS[name], tracer, routes: routes[name] });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void shutdown().finally(() => process.exit(0));
  });
}
