import { describe, expect, it } from "vitest";
import { formatDurationUs, rulerTicks } from "./format";

describe("formatDurationUs", () => {
  it("picks a readable unit", () => {
    expect(formatDurationUs(850)).toBe("850µs");
    expect(formatDurationUs(12_345)).toBe("12.3ms");
    expect(formatDurationUs(1_240_000)).toBe("1.24s");
    expect(formatDurationUs(125_000_000)).toBe("2m 5s");
  });
});

describe("rulerTicks", () => {
  it("gives round steps covering the span", () => {
    expect(rulerTicks(1000, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(rulerTicks(900_000, 6)).toEqual([0, 200_000, 400_000, 600_000, 800_000]);
    expect(rulerTicks(0)).toEqual([0]);
  });
});
