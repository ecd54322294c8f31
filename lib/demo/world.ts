import { normalCdf } from "./normal-distribution";

/**
 * The demo world's catalog and latency model: a small shop behind an API gateway. Every
 * number a chart shows comes from here, evaluated for any moment; nothing is stored.
 *
 * The story: from minute 10 to minute 30 of every hour (UTC), the deploy pipeline retries a canary
 * of the orders service (version 1.9.0, on its own pod) that takes up to 30% of the traffic, and
 * rolls it back; it has an N+1 query, which pushes p99 of `GET /api/v1/orders` into the 0.5–1 s
 * bucket. Only the traces' resource attributes tell which requests the canary served. Payments fail now and then and are retried; a few requests hit a
 * slow database query at any time.
 */

export const DEMO_METRIC = "http_server_request_duration_seconds";
export const DEMO_SUGGESTED_QUERY = `${DEMO_METRIC}{job="api-gateway",method="GET",route="/api/v1/orders"}`;
export const DEMO_METRIC_HELP = "Duration of HTTP server requests, by route.";
/** Prometheus client libraries' default latency buckets, in seconds. */
export const DEMO_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;
export const SCRAPE_INTERVAL_MS = 15_000;
/** How far back the world goes. */
export const HISTORY_MS = 7 * 24 * 3600_000;
/**
 * Like Prometheus's fixed-size exemplar storage, the demo keeps exemplars only this far back;
 * older ranges show latency but no exemplars, which the explorer has to explain.
 */
export const EXEMPLAR_RETENTION_MS = 24 * 3600_000;
/** Fraction of exemplars whose trace the demo's Jaeger does not have (sampled out). */
export const SAMPLED_OUT_RATIO = 0.05;

/** The orders service's deployment that brought the N+1 query (see the story above). */
export const ORDERS_CANARY = { "service.version": "1.9.0", "host.name": "orders-canary-5c8d7-q7wz1" };

export type ServiceName = "frontend" | "api-gateway" | "users" | "orders" | "payments" | "inventory";

/** The routes by name, so that the trace plans read without the table open. */
export type DemoRouteKey =
  | "gatewayUser"
  | "gatewayOrders"
  | "gatewayCheckout"
  | "gatewayProduct"
  | "usersGet"
  | "ordersList"
  | "ordersCreate"
  | "paymentsCharge"
  | "inventoryStock"
  | "inventoryReserve";

export interface DemoRoute {
  /** Position in DEMO_ROUTES; series indices (and so trace IDs) are built from it. */
  id: number;
  key: DemoRouteKey;
  /** For an internal route: the gateway route that calls it (wrapped around its traces). */
  calledBy?: DemoRouteKey;
  /** For a gateway route: the frontend page that calls it. */
  frontendPage?: string;
  service: ServiceName;
  method: "GET" | "POST";
  route: string;
  ratePerSec: number;
  medianSec: number;
  sigma: number;
  errorRatio: number;
  /** Part of the N+1 regression story. */
  regresses: boolean;
}

export const DEMO_ROUTES: readonly DemoRoute[] = [
  {
    id: 0,
    key: "gatewayUser",
    frontendPage: "GET /account",
    service: "api-gateway",
    method: "GET",
    route: "/api/v1/users/{id}",
    ratePerSec: 12,
    medianSec: 0.028,
    sigma: 0.45,
    errorRatio: 0.004,
    regresses: false,
  },
  {
    id: 1,
    key: "gatewayOrders",
    frontendPage: "GET /account/orders",
    service: "api-gateway",
    method: "GET",
    route: "/api/v1/orders",
    ratePerSec: 6,
    medianSec: 0.055,
    sigma: 0.45,
    errorRatio: 0.004,
    regresses: true,
  },
  {
    id: 2,
    key: "gatewayCheckout",
    frontendPage: "POST /checkout",
    service: "api-gateway",
    method: "POST",
    route: "/api/v1/orders",
    ratePerSec: 2,
    medianSec: 0.19,
    sigma: 0.4,
    errorRatio: 0.02,
    regresses: false,
  },
  {
    id: 3,
    key: "gatewayProduct",
    frontendPage: "GET /products/:slug",
    service: "api-gateway",
    method: "GET",
    route: "/api/v1/products/{id}",
    ratePerSec: 15,
    medianSec: 0.014,
    sigma: 0.55,
    errorRatio: 0.002,
    regresses: false,
  },
  {
    id: 4,
    key: "usersGet",
    calledBy: "gatewayUser",
    service: "users",
    method: "GET",
    route: "/users/{id}",
    ratePerSec: 14,
    medianSec: 0.016,
    sigma: 0.45,
    errorRatio: 0.004,
    regresses: false,
  },
  {
    id: 5,
    key: "ordersList",
    calledBy: "gatewayOrders",
    service: "orders",
    method: "GET",
    route: "/orders",
    ratePerSec: 6,
    medianSec: 0.042,
    sigma: 0.45,
    errorRatio: 0.004,
    regresses: true,
  },
  {
    id: 6,
    key: "ordersCreate",
    calledBy: "gatewayCheckout",
    service: "orders",
    method: "POST",
    route: "/orders",
    ratePerSec: 2,
    medianSec: 0.035,
    sigma: 0.4,
    errorRatio: 0.005,
    regresses: false,
  },
  {
    id: 7,
    key: "paymentsCharge",
    calledBy: "gatewayCheckout",
    service: "payments",
    method: "POST",
    route: "/charge",
    ratePerSec: 2,
    medianSec: 0.085,
    sigma: 0.45,
    errorRatio: 0.03,
    regresses: false,
  },
  {
    id: 8,
    key: "inventoryStock",
    calledBy: "gatewayProduct",
    service: "inventory",
    method: "GET",
    route: "/stock/{id}",
    ratePerSec: 15,
    medianSec: 0.007,
    sigma: 0.55,
    errorRatio: 0.002,
    regresses: false,
  },
  {
    id: 9,
    key: "inventoryReserve",
    calledBy: "gatewayCheckout",
    service: "inventory",
    method: "POST",
    route: "/reservations",
    ratePerSec: 2,
    medianSec: 0.018,
    sigma: 0.4,
    errorRatio: 0.005,
    regresses: false,
  },
];

export function demoRoute(key: DemoRouteKey): DemoRoute {
  return DEMO_ROUTES.find((r) => r.key === key)!;
}

/** Why a request took the time it did; it decides the shape of the request's trace. */
export enum Scenario {
  Normal = 0,
  SlowQuery = 1,
  NPlusOne = 2,
  Error = 3,
}

export interface DemoSeries {
  index: number;
  route: DemoRoute;
  statusCode: string;
  isError: boolean;
  labels: Record<string, string>;
}

/** One series per route and outcome, labeled as an OpenTelemetry-instrumented service would be. */
export const DEMO_SERIES: readonly DemoSeries[] = DEMO_ROUTES.flatMap((route) =>
  [false, true].map((isError) => {
    const statusCode = isError ? "500" : route.method === "POST" ? "201" : "200";
    return {
      index: route.id * 2 + (isError ? 1 : 0),
      route,
      statusCode,
      isError,
      labels: {
        job: route.service,
        instance: `${route.service}:8080`,
        method: route.method,
        route: route.route,
        status_code: statusCode,
      },
    };
  }),
);

/**
 * What the world depends on besides the moment asked about: only its seed. Every instance of the
 * explorer (replicas, serverless functions started at any time) tells the same story, so a link
 * made on one shows the same on another.
 */
export interface WorldClock {
  seed: number;
}

/** The canary's schedule, on the wall clock: minute 10 to 30 of every hour. */
const EPISODE_PERIOD_MS = 60 * 60_000;
const EPISODE_OFFSET_MS = 10 * 60_000;
const EPISODE_LENGTH_MS = 20 * 60_000;

export interface LatencyComponent {
  weight: number;
  medianSec: number;
  sigma: number;
  scenario: Scenario;
}

/** The regression episode that began last at or before `timeMs` (it may still be going on). */
export function regressionEpisode(timeMs: number): { startMs: number; endMs: number } {
  const startMs =
    Math.floor((timeMs - EPISODE_OFFSET_MS) / EPISODE_PERIOD_MS) * EPISODE_PERIOD_MS + EPISODE_OFFSET_MS;
  return { startMs, endMs: startMs + EPISODE_LENGTH_MS };
}

/** The last regression episode that is over by `timeMs`. */
export function lastEndedRegressionEpisode(timeMs: number): { startMs: number; endMs: number } {
  const episode = regressionEpisode(timeMs);
  return episode.endMs <= timeMs ? episode : regressionEpisode(episode.startMs - 1);
}

/** 0 outside an episode, rising to 1 within two minutes and falling back after the rollback. */
export function regressionIntensity(timeMs: number): number {
  const { startMs, endMs } = regressionEpisode(timeMs);
  if (timeMs <= startMs || timeMs >= endMs) return 0;
  const ramp = 2 * 60_000;
  return Math.min(1, (timeMs - startMs) / ramp, (endMs - timeMs) / ramp);
}

/** Traffic follows the day: quieter at night (UTC), busier in the afternoon. */
export function loadFactor(timeMs: number): number {
  const hour = (timeMs / 3600_000) % 24;
  return 1 + 0.35 * Math.sin(((hour - 9) / 24) * 2 * Math.PI);
}

/** The latency mixture of one series at one moment. Weights sum to 1. */
export function latencyMixture(series: DemoSeries, timeMs: number): LatencyComponent[] {
  const { route } = series;
  const busy = 1 + 0.12 * (loadFactor(timeMs) - 1);
  if (series.isError) {
    return [{ weight: 1, medianSec: route.medianSec * 1.6 * busy, sigma: 0.8, scenario: Scenario.Error }];
  }
  const slowQuery = 0.004;
  const regression = route.regresses ? 0.3 * regressionIntensity(timeMs) : 0;
  const components: LatencyComponent[] = [
    {
      weight: 1 - slowQuery - regression,
      medianSec: route.medianSec * busy,
      sigma: route.sigma,
      scenario: Scenario.Normal,
    },
    { weight: slowQuery, medianSec: route.medianSec * 4, sigma: 0.35, scenario: Scenario.SlowQuery },
  ];
  if (regression > 0) {
    // The gateway's span wraps the orders service's, so it is a little slower.
    const medianSec = route.service === "api-gateway" ? 0.74 : 0.7;
    components.push({ weight: regression, medianSec, sigma: 0.1, scenario: Scenario.NPlusOne });
  }
  return components;
}

/** P(latency ≤ x) for a mixture. */
export function mixtureCdf(components: readonly LatencyComponent[], xSec: number): number {
  if (xSec <= 0) return 0;
  if (xSec === Infinity) return 1;
  let p = 0;
  for (const c of components) p += c.weight * normalCdf((Math.log(xSec) - Math.log(c.medianSec)) / c.sigma);
  return p;
}

/** Requests per second of a series at a moment. */
export function requestRate(series: DemoSeries, timeMs: number): number {
  const share = series.isError ? series.route.errorRatio : 1 - series.route.errorRatio;
  return series.route.ratePerSec * share * loadFactor(timeMs);
}
