import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import type { Tracer } from "@opentelemetry/api";
import { Histogram, type LabelValues, type OpenMetricsContentType, Registry } from "prom-client";
import { SpanKind, SpanStatusCode, context, exemplarLabelsOf, propagation, trace } from "./telemetry";

/**
 * A tiny HTTP service framework for the shop: each request gets a server span (continuing the
 * caller's W3C trace context) and one observation in `http_server_request_duration_seconds`,
 * with the span's trace and span IDs as the exemplar. The span's start and end are set from the
 * same clock readings as the observation, so the exemplar value is the span's duration.
 */

export type Handler = (request: {
  params: Record<string, string>;
  url: URL;
  /** Who the request is for, as the gateway's authentication would know it (`x-customer-tier`). */
  customerTier?: string;
}) => Promise<{ status: number; body: unknown }>;

/** Carries the customer's tier from the gateway to the services behind it. */
const TIER_HEADER = "x-customer-tier";

export interface Route {
  method: "GET" | "POST";
  /** e.g. `/users/{id}` */
  route: string;
  handler: Handler;
}

const nowMs = () => performance.timeOrigin + performance.now();

export function startService(options: { name: string; port: number; tracer: Tracer; routes: Route[] }) {
  const registry = new Registry<OpenMetricsContentType>();
  registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  const histogram = new Histogram({
    name: "http_server_request_duration_seconds",
    help: "Duration of HTTP server requests.",
    labelNames: ["method", "route", "status_code"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    enableExemplars: true,
    registers: [registry],
  });
  const matchers = options.routes.map((r) => ({
    ...r,
    pattern: new RegExp(`^${r.route.replace(/\{(\w+)\}/g, "(?<$1>[^/]+)")}$`),
  }));

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${options.port}`);
    if (url.pathname === "/metrics") {
      res.writeHead(200, { "Content-Type": registry.contentType }).end(await registry.metrics());
      return;
    }
    const match = matchers.find((m) => m.method === req.method && m.pattern.test(url.pathname));
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const parent = propagation.extract(context.active(), req.headers);
    const tierHeader = req.headers[TIER_HEADER];
    const customerTier = typeof tierHeader === "string" ? tierHeader : undefined;
    const startMs = nowMs();
    const span = options.tracer.startSpan(
      `${match.method} ${match.route}`,
      {
        kind: SpanKind.SERVER,
        startTime: startMs,
        attributes: {
          "http.request.method": match.method,
          "http.route": match.route,
          "url.path": url.pathname,
          ...(customerTier ? { "customer.tier": customerTier } : {}),
        },
      },
      parent,
    );
    let status = 500;
    let body: unknown = { error: "internal error" };
    try {
      const params = match.pattern.exec(url.pathname)?.groups ?? {};
      ({ status, body } = await context.with(trace.setSpan(parent, span), () =>
        match.handler({ params, url, customerTier }),
      ));
    } catch (error) {
      span.recordException(error as Error);
    }
    const endMs = nowMs();
    span.setAttribute("http.response.status_code", status);
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: `HTTP ${status}` });
    span.end(endMs);
    histogram.observe({
      labels: { method: match.method, route: match.route, status_code: String(status) },
      value: (endMs - startMs) / 1000,
      // prom-client types exemplar labels as the metric's own label names; they are free-form.
      exemplarLabels: exemplarLabelsOf(span) as LabelValues<string> | undefined,
    });
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  });
  // Loopback unless a container needs the service reachable from its network (SHOP_BIND=0.0.0.0).
  server.listen(options.port, process.env.SHOP_BIND ?? "127.0.0.1");
  return server;
}

/** An HTTP call to another shop service inside a client span, passing the trace context on. */
export async function callService(
  tracer: Tracer,
  method: "GET" | "POST",
  url: string,
  customerTier?: string,
): Promise<{ status: number; body: unknown }> {
  return tracer.startActiveSpan(
    `${method}`,
    { kind: SpanKind.CLIENT, attributes: { "http.request.method": method, "url.full": url } },
    async (span) => {
      const headers: Record<string, string> = customerTier ? { [TIER_HEADER]: customerTier } : {};
      propagation.inject(context.active(), headers);
      try {
        const response = await fetch(url, { method, headers });
        span.setAttribute("http.response.status_code", response.status);
        if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        return { status: response.status, body: await response.json().catch(() => null) };
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        return { status: 502, body: { error: String(error) } };
      } finally {
        span.end();
      }
    },
  );
}

/** A simulated database statement: a client span that takes `ms`. */
export async function query(tracer: Tracer, statement: string, ms: number, fail = false): Promise<void> {
  await tracer.startActiveSpan(
    statement.split(" ").slice(0, 3).join(" "),
    {
      kind: SpanKind.CLIENT,
      attributes: { "db.system": "postgresql", "db.query.text": statement, "server.address": "127.0.0.1" },
    },
    async (span) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (fail) {
        span.recordException(new Error("deadlock detected"));
        span.setStatus({ code: SpanStatusCode.ERROR, message: "deadlock detected" });
      }
      span.end();
    },
  );
  if (fail) throw new Error("deadlock detected");
}
