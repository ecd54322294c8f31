import { createLoader } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { type ExplorerView, explorerHref, explorerParams, queryHref, shareHref } from "./search-params";

const load = createLoader(explorerParams);
const view: ExplorerView = {
  query: 'http_server_request_duration_seconds{route="/api/v1/orders"}',
  from: "now-1h",
  to: "now",
  trace: "0af7651916cd43dd8448eb211c80319c",
  span: "b7ad6b7169203331",
  bucket: 7,
  sort: "time",
  refresh: 30,
};
const NOW = Date.parse("2026-11-24T12:00:00Z");

describe("explorer links", () => {
  it("read back as the view they were written from", () => {
    const href = explorerHref(view);
    expect(href.startsWith("/explore?")).toBe(true);
    expect(load(new URL(href, "http://x").searchParams)).toEqual(view);
  });

  it("leave defaults out, so links stay short", () => {
    expect(explorerHref({ query: "up", from: "now-1h", to: "now", sort: "value", refresh: 0 })).toBe(
      "/explore?query=up",
    );
  });

  it("for sharing, pin relative times to the moment and drop auto-refresh, keeping trace and span", () => {
    const shared = load(new URL(shareHref(view, NOW), "http://x").searchParams);
    expect(shared).toEqual({ ...view, from: "2026-11-24T11:00:00Z", to: "2026-11-24T12:00:00Z", refresh: 0 });
  });

  it("for another query, keep the range and close the trace, span and bucket filter", () => {
    const next = load(new URL(queryHref(view, 'x{job="a"}'), "http://x").searchParams);
    expect(next).toEqual({ ...view, query: 'x{job="a"}', trace: null, span: null, bucket: null });
  });
});
