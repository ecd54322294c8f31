import { describe, expect, it } from "vitest";
import { idFromBase64, normalizeSpanId, normalizeTraceId } from "./ids";

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

describe("idFromBase64", () => {
  it("reads an OTLP ID's bytes written in base64 (standard or URL-safe, padded or not)", () => {
    const hex = "0af7651916cd43dd8448eb211c80319c";
    const base64 = Buffer.from(hex, "hex").toString("base64");
    expect(idFromBase64(base64, 16)).toBe(hex);
    expect(idFromBase64(base64.replace(/=+$/, ""), 16)).toBe(hex);
    expect(idFromBase64(Buffer.from(hex, "hex").toString("base64url"), 16)).toBe(hex);
    expect(idFromBase64(Buffer.from("b7ad6b7169203331", "hex").toString("base64"), 8)).toBe(
      "b7ad6b7169203331",
    );
  });

  it("refuses what is not an ID of that many bytes", () => {
    expect(idFromBase64(Buffer.from("b7ad6b7169203331", "hex").toString("base64"), 16)).toBeUndefined();
    for (const bad of ["", "not base64!", "%%%%", "a"]) expect(idFromBase64(bad, 16)).toBeUndefined();
  });
});
