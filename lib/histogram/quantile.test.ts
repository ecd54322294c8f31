import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { histogramQuantile, parseLe } from "./quantile";

const buckets = [
  { le: 0.1, count: 50 },
  { le: 0.5, count: 90 },
  { le: 1, count: 99 },
  { le: Infinity, count: 100 },
];

describe("parseLe", () => {
  it("reads Prometheus 2 and 3 spellings", () => {
    expect(parseLe("+Inf")).toBe(Infinity);
    expect(parseLe("1")).toBe(1);
    expect(parseLe("1.0")).toBe(1);
    expect(parseLe("0.005")).toBe(0.005);
    expect(parseLe("")).toBeNaN();
    expect(parseLe("abc")).toBeNaN();
  });
});

describe("histogramQuantile", () => {
  it("interpolates inside the bucket like Prometheus", () => {
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1);
    expect(histogramQuantile(0.7, buckets)).toBeCloseTo(0.3);
    expect(histogramQuantile(0.25, buckets)).toBeCloseTo(0.05);
  });

  it("answers the highest finite bound when the rank falls in +Inf", () => {
    expect(histogramQuantile(0.995, buckets)).toBe(1);
  });

  it("does not depend on bucket order", () => {
    expect(histogramQuantile(0.9, [...buckets].reverse())).toBeCloseTo(0.5);
  });

  it("is NaN without observations or without +Inf", () => {
    expect(
      histogramQuantile(0.5, [
        { le: 1, count: 0 },
        { le: Infinity, count: 0 },
      ]),
    ).toBeNaN();
    expect(histogramQuantile(0.5, [{ le: 1, count: 3 }])).toBeNaN();
  });

  it("is monotone in q", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1000), { minLength: 3, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (increments, q1, q2) => {
          let cumulative = 0;
          const bs = increments.map((inc, i) => ({
            le: i === increments.length - 1 ? Infinity : (i + 1) * 0.1,
            count: (cumulative += inc),
          }));
          if (cumulative === 0) return;
          const [lo, hi] = q1 <= q2 ? [q1, q2] : [q2, q1];
          expect(histogramQuantile(lo, bs)).toBeLessThanOrEqual(histogramQuantile(hi, bs));
        },
      ),
    );
  });
});
