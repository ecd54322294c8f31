import { hash32, seededRandom } from "./random";
import { type DemoRequest, demoSpanId } from "./request-ids";
import { ROUTE_PLANS } from "./route-plans";
import {
  type PlanContext,
  type ServerSpanMaker,
  authenticate,
  clientSpan,
  serverSpan,
} from "./span-builders";
import { type DraftSpan, TraceDraft, failSpan, markFailed, toJaegerV1Trace } from "./trace-draft";
import { requestEndMs } from "./traffic";
import { DEMO_SERIES, type DemoRoute, ORDERS_CANARY, Scenario, demoRoute } from "./world";

/**
 * Rebuilds the trace of a demo request. The span that recorded the observation (span number 0)
 * has exactly the request's duration; the work inside it is laid out by the route's plan
 * (route-plans.ts), and the callers around it (gateway, frontend) are wrapped outside it.
 */

export function generateDemoTrace(traceId: string, request: DemoRequest) {
  const series = DEMO_SERIES[request.seriesIndex];
  if (!series) throw new RangeError(`no demo series ${request.seriesIndex}`);
  const draft = new TraceDraft(seededRandom(hash32(...traceId.match(/.{8}/g)!.map((h) => parseInt(h, 16)))));
  const ctx: PlanContext = {
    draft,
    scenario: request.scenario,
    failing: request.scenario === Scenario.Error,
    serve,
  };
  const endUs = requestEndMs(request) * 1000;
  const startUs = endUs - request.durationUs;
  // Every request of the regression was served by the orders canary (world.ts).
  if (request.scenario === Scenario.NPlusOne) draft.resources.set("orders", ORDERS_CANARY);
  const parent = wrapCallers(ctx, series.route, startUs, request.durationUs);
  serve(ctx, series.route, parent, startUs, request.durationUs, 0);
  return toJaegerV1Trace(draft, traceId, (n) => demoSpanId(traceId, n));
}

/** A server span for `target` and everything its plan does inside it. */
const serve: ServerSpanMaker = (ctx, target, parent, startUs, durationUs, number) => {
  const server = serverSpan(ctx, target, parent, startUs, durationUs, number);
  ROUTE_PLANS[target.key](ctx, server);
  if (ctx.failing && !server.error) failSpan(server, "InternalServerError", "request failed downstream");
  return server;
};

/** Creates the frontend (and gateway) spans around the recorded span; returns its parent. */
function wrapCallers(ctx: PlanContext, recorded: DemoRoute, startUs: number, durationUs: number): DraftSpan {
  const { rng } = ctx.draft;
  const gatewayRoute = recorded.calledBy ? demoRoute(recorded.calledBy) : recorded;
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

  const page = gatewayRoute.frontendPage!;
  const root = ctx.draft.add({
    service: "frontend",
    name: page,
    kind: "server",
    startUs: rootStart,
    durationUs: renderPre + outerNet + gatewayDur + renderPost,
    tags: {
      "http.request.method": gatewayRoute.method,
      "http.route": page.split(" ")[1]!,
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
