import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stepTimes } from "./promql-eval";
import { PromqlError, matches } from "./promql-subset";

/** Requests that once took a demo server down (see issue "Safe to put on the internet"). */

describe("stepTimes", () => {
  it("ends when the step is below the float resolution of the start", () => {
    // t += step never advanced here: the loop grew an array until the process died.
    expect(stepTimes({ startSec: 1e17, endSec: 1e17, stepSec: 1 })).toEqual([1e17]);
    const now = 1_795_000_000;
    expect(stepTimes({ startSec: now, endSec: now, stepSec: 1e-7 })).toEqual([now]);
  });

  it("gives one time per step, never more than Prometheus's 11,000 points, whatever the numbers", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e18, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
        (startSec, lengthSec, stepSec) => {
          const range = { startSec, endSec: startSec + lengthSec, stepSec };
          let times: number[];
          try {
            times = stepTimes(range);
          } catch (error) {
            expect(error).toBeInstanceOf(PromqlError);
            return;
          }
          expect(times.length).toBeGreaterThanOrEqual(1);
          expect(times.length).toBeLessThanOrEqual(11_001);
          expect(times[0]).toBe(startSec);
        },
      ),
    );
  });
});

describe("label regex matchers", () => {
  it("run in linear time: a catastrophic pattern for a backtracking engine answers at once", () => {
    const labels = { route: "/api/v1/orders/".repeat(4) + "a".repeat(40) };
    const started = performance.now();
    expect(matches(labels, [{ name: "route", op: "=~", value: "(.*.*)*X" }])).toBe(false);
    expect(matches(labels, [{ name: "route", op: "=~", value: "(a|a)*b" }])).toBe(false);
    // V8's backtracking engine needs minutes for these; RE2 a millisecond or so.
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("are anchored at both ends, as in Prometheus", () => {
    const labels = { route: "/api/v1/orders" };
    expect(matches(labels, [{ name: "route", op: "=~", value: "/api/v1/.*" }])).toBe(true);
    expect(matches(labels, [{ name: "route", op: "=~", value: "v1" }])).toBe(false);
    expect(matches(labels, [{ name: "route", op: "!~", value: "/api/v1/orders|/health" }])).toBe(false);
    expect(matches({}, [{ name: "route", op: "=~", value: "" }])).toBe(true);
  });

  it("refuses a pattern RE2 does not accept, naming it", () => {
    expect(() => matches({ route: "x" }, [{ name: "route", op: "=~", value: "(a" }])).toThrow(PromqlError);
    // Backreferences are not RE2 (nor PromQL).
    expect(() => matches({ route: "x" }, [{ name: "route", op: "=~", value: "(a)\\1" }])).toThrow(
      /invalid regular expression/,
    );
  });
});
