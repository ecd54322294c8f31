import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { durationLabelPlace } from "./bar-label";

describe("durationLabelPlace", () => {
  it("puts the label after a bar with room, inside a long bar without, else before it", () => {
    expect(durationLabelPlace(10, 20)).toBe("right");
    expect(durationLabelPlace(0, 100)).toBe("inside");
    expect(durationLabelPlace(80, 15)).toBe("inside");
    expect(durationLabelPlace(92, 5)).toBe("left");
  });

  it("never puts a label past the right edge", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0.15, max: 100, noNaN: true }),
        (left, width) => {
          const w = Math.min(width, 100 - left);
          if (durationLabelPlace(left, w) === "right") expect(left + w).toBeLessThanOrEqual(88);
        },
      ),
    );
  });
});
