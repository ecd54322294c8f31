import { describe, expect, it } from "vitest";
import { COMPRESS_FROM_CHARS, jsonResponse } from "./handle-route";

describe("jsonResponse", () => {
  it("asks for no compression of a small answer, where gzip costs more than it saves", async () => {
    const response = jsonResponse({ spans: [1, 2, 3] }, "private, max-age=60");
    expect(response.headers.get("cache-control")).toBe("private, max-age=60, no-transform");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ spans: [1, 2, 3] });
  });

  it("leaves a large answer to be compressed", () => {
    const response = jsonResponse({ text: "x".repeat(COMPRESS_FROM_CHARS) });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
