import { describe, expect, it } from "vitest";
import { chooseResolution, resolveRange, resolveTime, toAbsolute } from "./time-range";

const now = Date.parse("2026-11-24T12:00:00Z");

describe("resolveTime", () => {
  it("reads relative and RFC 3339 times", () => {
    expect(resolveTime("now", now)).toBe(now);
    expect(resolveTime("now-1h", now)).toBe(now - 3600_000);
    expect(resolveTime("now-7d", now)).toBe(now - 7 * 86_400_000);
    expect(resolveTime("2026-11-24T10:00:00Z", now)).toBe(Date.parse("2026-11-24T10:00:00Z"));
    expect(resolveTime("2026-11-24T10:00:00+01:00", now)).toBe(Date.parse("2026-11-24T09:00:00Z"));
  });

  it("refuses anything else", () => {
    for (const bad of ["yesterday", "now-1x", "now+1h", "2026-11-24", "1732000000", ""]) {
      expect(resolveTime(bad, now)).toBeUndefined();
    }
  });
});

describe("resolveRange", () => {
  it("explains a bad or inverted range", () => {
    expect(resolveRange("now-1h", "now", now)).toEqual({ ok: true, startMs: now - 3600_000, endMs: now });
    expect(resolveRange("now", "now-1h", now)).toMatchObject({ ok: false, error: /ends before it starts/ });
    expect(resolveRange("soon", "now", now)).toMatchObject({ ok: false, error: /"from" is not a time/ });
    expect(resolveRange("now-30d", "now", now)).toMatchObject({ ok: false, error: /longer than 8 days/ });
  });
});

describe("toAbsolute", () => {
  it("pins relative times and keeps absolute ones", () => {
    expect(toAbsolute("now-1h", now)).toBe("2026-11-24T11:00:00Z");
    expect(toAbsolute("2026-11-20T08:00:00Z", now)).toBe("2026-11-20T08:00:00Z");
  });
});

describe("chooseResolution", () => {
  it("never goes below the scrape interval and keeps four scrapes in the rate window", () => {
    expect(chooseResolution(15 * 60_000)).toEqual({ stepSec: 15, rateWindowSec: 60 });
    expect(chooseResolution(3600_000)).toEqual({ stepSec: 15, rateWindowSec: 60 });
    expect(chooseResolution(86_400_000)).toEqual({ stepSec: 600, rateWindowSec: 600 });
    const week = chooseResolution(7 * 86_400_000);
    expect((7 * 86_400) / week.stepSec).toBeLessThanOrEqual(240);
  });
});
