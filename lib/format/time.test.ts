import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  formatClock,
  formatDateTime,
  formatInputValue,
  formatRfc3339,
  formatTimeOfDay,
  parseInputValue,
  timeTicks,
  zoneLabel,
} from "./time";

describe("timeTicks", () => {
  const start = Date.parse("2026-11-24T10:03:00Z");

  it("puts ticks on round times inside the range", () => {
    const ticks = timeTicks(start, start + 3600_000, 8, 0);
    expect(ticks[0]).toBe(Date.parse("2026-11-24T10:10:00Z"));
    expect(ticks.every((t, i) => i === 0 || t - ticks[i - 1]! === 600_000)).toBe(true);
    expect(ticks.length).toBeLessThanOrEqual(8);
  });

  it("aligns to the viewer's time zone", () => {
    // UTC+05:30: local hours fall on :30 UTC.
    const ticks = timeTicks(start, start + 24 * 3600_000, 8, -330);
    expect(new Date(ticks[0]!).getUTCMinutes()).toBe(30);
  });
});

describe("formatRfc3339", () => {
  it("writes whole seconds in UTC, rounded down", () => {
    expect(formatRfc3339(Date.parse("2026-11-24T10:00:00.999Z"))).toBe("2026-11-24T10:00:00Z");
    expect(formatRfc3339(Date.parse("2026-11-24T10:00:01Z"))).toBe("2026-11-24T10:00:01Z");
  });
});

describe("times for people", () => {
  const at = Date.parse("2026-11-26T07:04:09Z");

  it("write a moment one way, 24-hour, in UTC when asked", () => {
    expect(formatTimeOfDay(at, "utc")).toBe("07:04:09");
    expect(formatDateTime(at, "utc")).toBe("2026-11-26 07:04:09");
    expect(formatClock(at, 3600_000, "utc")).toBe("07:04");
    expect(formatClock(at, 3 * 86_400_000, "utc")).toBe("Thu 07:04");
    expect(zoneLabel(at, "utc")).toBe("UTC");
  });

  it("write the viewer's own zone as its offset", () => {
    const offset = -new Date(at).getTimezoneOffset();
    expect(zoneLabel(at, "local")).toMatch(/^UTC[+−]\d{2}:\d{2}$/);
    expect(formatDateTime(at, "local")).toBe(formatDateTime(at + offset * 60_000, "utc"));
  });

  it("read a datetime-local field back in the same zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.constantFrom("local" as const, "utc" as const),
        (ms, zone) => {
          const whole = Math.floor(ms / 1000) * 1000;
          expect(parseInputValue(formatInputValue(whole, zone), zone)).toBe(whole);
        },
      ),
    );
    expect(parseInputValue("yesterday", "utc")).toBeNaN();
  });
});
