import { describe, expect, it } from "vitest";
import { normalizeSpanId, normalizeTraceId } from "./ids";

describe("normalizeTraceId", () => {
  it("lowercases and left-pads to 32 hex digits", () => {
    expect(normalizeTraceId("ABCDEF0123456789")).toBe("0000000000000000abcdef0123456789");
    expect(normalizeTraceId("0414e2460045d6e0b3824349e2eb66b6")).toBe("0414e2460045d6e0b3824349e2eb66b6");
  });

  it("rejects what is not 1 to 32 hex digits", () => {
    for (const bad of ["", "xyz", "0".repeat(33), "12 34", "../etc"]) {
      expect(normalizeTraceId(bad)).toBeUndefined();
    }
  });
});

describe("normalizeSpanId", () => {
  it("left-pads to 16 hex digits", () => {
    expect(normalizeSpanId("1a")).toBe("000000000000001a");
    expect(normalizeSpanId("0".repeat(17))).toBeUndefined();
  });
});
