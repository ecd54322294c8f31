import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDurationSec, formatDurationUs } from "./duration";

describe("formatDurationUs", () => {
  it("picks a readable unit, three significant digits, no trailing zeros", () => {
    expect(formatDurationUs(0)).toBe("0 µs");
    expect(formatDurationUs(850)).toBe("850 µs");
    expect(formatDurationUs(5_000)).toBe("5 ms");
    expect(formatDurationUs(12_345)).toBe("12.3 ms");
    expect(formatDurationUs(250_000)).toBe("250 ms");
    expect(formatDurationUs(1_240_000)).toBe("1.24 s");
    expect(formatDurationUs(2_500_000)).toBe("2.5 s");
    expect(formatDurationUs(125_000_000)).toBe("2 min 5 s");
    expect(formatDurationUs(Number.NaN)).toBe("–");
  });

  it("never writes exponents or more than three significant digits below a minute", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 59_999_999, noNaN: true }), (us) => {
        const text = formatDurationUs(us);
        expect(text).toMatch(/^\d+(\.\d+)? (µs|ms|s)$/);
        expect(text.replace(/\D/g, "").replace(/^0+/, "").length).toBeLessThanOrEqual(4);
      }),
    );
  });
});

describe("formatDurationSec", () => {
  it("reads the same as the microsecond formatter for the same latency", () => {
    expect(formatDurationSec(0.00085)).toBe("850 µs");
    expect(formatDurationSec(0.0123)).toBe(formatDurationUs(12_300));
    expect(formatDurationSec(0.25)).toBe("250 ms");
    expect(formatDurationSec(1.2449)).toBe("1.24 s");
  });
});
