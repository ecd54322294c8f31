import { describe, expect, it } from "vitest";
import type { Span } from "../model/trace";
import { histogramQueryForSpan, traceUiLink } from "./histogram-link";

const span = (attributes: Span["attributes"]): Span => ({
  spanId: "1",
  serviceName: "orders",
  name: "GET /orders",
  startUs: 0,
  durationUs: 1,
  status: "ok",
  attributes,
  resource: {},
  events: [],
  links: [],
});
const families = [
  {
    name: "http_server_request_duration_seconds",
    help: "",
    labelNames: ["job", "method", "route", "status_code"],
  },
];

describe("histogramQueryForSpan", () => {
  it("links a server span to its service and route's histogram", () => {
    expect(
      histogramQueryForSpan(span({ "http.route": "/orders", "http.request.method": "GET" }), families),
    ).toBe('http_server_request_duration_seconds{job="orders",method="GET",route="/orders"}');
  });

  it("offers nothing without a route or a fitting histogram", () => {
    expect(histogramQueryForSpan(span({}), families)).toBeUndefined();
    expect(
      histogramQueryForSpan(span({ "http.route": "/x" }), [{ name: "h", help: "", labelNames: ["le"] }]),
    ).toBeUndefined();
  });
});

describe("traceUiLink", () => {
  it("fills a {traceId} placeholder or appends Jaeger's /trace/ path", () => {
    expect(traceUiLink("https://grafana/explore?traceId={traceId}", "ab")).toBe(
      "https://grafana/explore?traceId=ab",
    );
    expect(traceUiLink("https://jaeger.example/", "ab")).toBe("https://jaeger.example/trace/ab");
  });
});
