import { describe, expect, it } from "vitest";
import { exemplarsApiPath, rangeApiPath } from "../model/api-paths";
import { asksTheSame, planQueries } from "./query-plan";

describe("planQueries", () => {
  const query = 'http_server_request_duration_seconds{job="api-gateway"}';
  const endMs = Date.parse("2026-11-24T12:00:07.300Z");
  const startMs = endMs - 3_600_000;

  it("aligns the range to the step and asks for quantile lines, bucket rates and exemplars", () => {
    const plan = planQueries(query, startMs, endMs)!;
    expect(plan.startSec % plan.stepSec).toBe(0);
    expect(plan.endSec % plan.stepSec).toBe(0);
    expect(plan.startSec * 1000).toBeLessThanOrEqual(startMs);
    expect(plan.endSec * 1000).toBeGreaterThanOrEqual(endMs);
    expect(plan.lines.map((l) => l.label)).toEqual(["p50", "p90", "p99"]);
    expect(plan.bucketRates).toContain("_bucket");
    expect([plan.exemplarsStartSec, plan.exemplarsEndSec]).toEqual([
      Math.floor(startMs / 1000),
      Math.ceil(endMs / 1000),
    ]);
  });

  it("gives the same URLs for the same moment, so a preloaded answer is the one asked for", () => {
    const urls = (plan: ReturnType<typeof planQueries>) => [
      ...plan!.lines.map((l) => rangeApiPath(l.query, plan!.startSec, plan!.endSec, plan!.stepSec)),
      exemplarsApiPath(plan!.exemplars, plan!.exemplarsStartSec, plan!.exemplarsEndSec),
    ];
    expect(urls(planQueries(query, startMs, endMs))).toEqual(urls(planQueries(query, startMs, endMs)));
    expect(urls(planQueries(query, startMs, endMs))[0]).toMatch(/^\/api\/metrics\/query_range\?query=/);
  });

  it("plans nothing without a query or a valid range", () => {
    expect(planQueries("", startMs, endMs)).toBeUndefined();
    expect(planQueries(query, Number.NaN, endMs)).toBeUndefined();
  });
});

describe("asksTheSame", () => {
  const query = 'http_server_request_duration_seconds{job="api-gateway"}';
  const endMs = Date.parse("2026-11-24T12:00:07.300Z");
  const plan = (end: number, q = query, kind: "classic" | "native" = "classic") =>
    planQueries(q, end - 1_800_000, end, kind);

  it("is true for the same range renewed within the same second, and for the same absolute range", () => {
    expect(asksTheSame(plan(endMs), plan(endMs + 600))).toBe(true);
    expect(asksTheSame(plan(endMs), plan(endMs))).toBe(true);
  });

  it("is false once a second has passed (the exemplars' range moves), or the query or kind differs", () => {
    expect(asksTheSame(plan(endMs), plan(endMs + 1_000))).toBe(false);
    expect(asksTheSame(plan(endMs), plan(endMs, "other_seconds"))).toBe(false);
    expect(asksTheSame(plan(endMs), plan(endMs, query, "native"))).toBe(false);
    expect(asksTheSame(plan(endMs), undefined)).toBe(false);
  });
});
