import { describe, expect, it } from "vitest";
import { rulerTicks } from "./ruler";

describe("rulerTicks", () => {
  it("gives round steps covering the span", () => {
    expect(rulerTicks(1000, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(rulerTicks(900_000, 6)).toEqual([0, 200_000, 400_000, 600_000, 800_000]);
    expect(rulerTicks(0)).toEqual([0]);
  });
});
