import { describe, expect, it } from "vitest";
import { formatRfc3339, timeTicks } from "./time";

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
