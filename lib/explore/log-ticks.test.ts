import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { logTicks } from "./log-ticks";

describe("logTicks", () => {
  it("takes 1, 2 and 5 of each decade when they fit", () => {
    expect(logTicks(0.004, 3, 10)).toEqual([0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2]);
    // One more than allowed: 1 and 3.
    expect(logTicks(0.004, 3, 8)).toEqual([0.01, 0.03, 0.1, 0.3, 1, 3]);
  });

  it("goes finer inside one decade, coarser across many", () => {
    expect(logTicks(0.12, 0.75)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(logTicks(0.0001, 100)).toEqual([0.0001, 0.001, 0.01, 0.1, 1, 10, 100]);
    expect(logTicks(1e-9, 1e9, 5)).toEqual([1e-9, 1e-5, 1e-1, 1e3, 1e7]);
  });

  it("answers nothing for a range a log axis cannot draw", () => {
    expect(logTicks(0, 1)).toEqual([]);
    expect(logTicks(2, 1)).toEqual([]);
    expect(logTicks(1, Infinity)).toEqual([]);
  });

  it("stays inside the range, ascending, and within the count", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e4, noNaN: true }),
        fc.double({ min: 1.01, max: 1e6, noNaN: true }),
        fc.integer({ min: 2, max: 12 }),
        (low, factor, maxTicks) => {
          const high = low * factor;
          const ticks = logTicks(low, high, maxTicks);
          expect(ticks.length).toBeLessThanOrEqual(maxTicks);
          for (const [i, t] of ticks.entries()) {
            expect(t).toBeGreaterThanOrEqual(low);
            expect(t).toBeLessThanOrEqual(high);
            if (i > 0) expect(t).toBeGreaterThan(ticks[i - 1]!);
          }
        },
      ),
    );
  });
});
