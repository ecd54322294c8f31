import { createLoader } from "nuqs/server";
import { describe, expect, it } from "vitest";
import {
  type ExplorerView,
  explorerHref,
  explorerParams,
  queryHref,
  roundRegion,
  shareHref,
} from "./search-params";

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
  region: { startMs: 1764138660_000, endMs: 1764139860_000, minValue: 0.45, maxValue: 2 },
  baseline: "before",
  op: "orders/SELECT order_items",
  compare: "4bf92f3577b34da6a3ce929d0e0e4736",
  tz: "utc",
  hist: "native",
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
    expect(next).toEqual({
      ...view,
      query: 'x{job="a"}',
      trace: null,
      span: null,
      bucket: null,
      region: null,
      baseline: null,
      op: null,
      compare: null,
      // Another metric may be stored only one way: its own default form applies.
      hist: null,
    });
  });

  it("write a region short and readable, rounded outward to whole seconds", () => {
    const drawn = { startMs: 1764138660_400, endMs: 1764139859_200, minValue: 0.45123, maxValue: 2.0049 };
    expect(roundRegion(drawn)).toEqual({
      startMs: 1764138660_000,
      endMs: 1764139860_000,
      minValue: 0.451,
      maxValue: 2,
    });
    expect(explorerHref({ query: "up", region: drawn })).toBe(
      "/explore?query=up&region=1764138660..1764139860,0.451..2",
    );
  });

  it("ignore a region that does not read as one", () => {
    for (const bad of ["1..2", "5..4,0.1..1", "1..2,1..0.5", "a..b,c..d", "1..2,0.1..x"]) {
      expect(load(new URL(`/explore?region=${bad}`, "http://x").searchParams).region).toBeNull();
    }
  });
});
