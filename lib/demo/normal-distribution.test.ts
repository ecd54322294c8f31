import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inverseNormalCdf, normalCdf } from "./normal-distribution";

describe("normal distribution", () => {
  it("matches known values", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232, 5);
  });

  it("inverts", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
        expect(normalCdf(inverseNormalCdf(p))).toBeCloseTo(p, 6);
      }),
    );
  });
});
