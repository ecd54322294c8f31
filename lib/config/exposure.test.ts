import { describe, expect, it } from "vitest";
import { anonymousExposureError } from "./exposure.mjs";

const live = { PROMETHEUS_URL: "http://prometheus:9090", JAEGER_URL: "http://jaeger:16686" };

describe("anonymousExposureError", () => {
  it("lets the server start on this machine, or with the demo world anywhere", () => {
    for (const bind of ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"]) {
      expect(anonymousExposureError(live, bind)).toBeUndefined();
    }
    expect(anonymousExposureError({}, "0.0.0.0")).toBeUndefined();
    expect(anonymousExposureError({ VERCEL: "1" }, undefined)).toBeUndefined();
  });

  it("refuses real backends on every interface, a public address, an unset address, and Vercel", () => {
    for (const bind of ["0.0.0.0", "::", "10.1.2.3", "explorer-host", undefined]) {
      expect(anonymousExposureError(live, bind)).toMatch(
        /^Refusing to start: PROMETHEUS_URL and JAEGER_URL would be open to anyone .*EXPLORER_ALLOW_ANONYMOUS=true/,
      );
    }
    expect(anonymousExposureError({ TEMPO_URL: "http://tempo:3200", VERCEL: "1" }, "127.0.0.1")).toContain(
      "a Vercel deployment",
    );
  });

  it("starts when the operator says anonymous access is meant", () => {
    expect(anonymousExposureError({ ...live, EXPLORER_ALLOW_ANONYMOUS: "true" }, "0.0.0.0")).toBeUndefined();
    // Only the exact word: "1" or "yes" could be a mistake.
    expect(anonymousExposureError({ ...live, EXPLORER_ALLOW_ANONYMOUS: "yes" }, "0.0.0.0")).toBeDefined();
  });

  it("starts when people sign in, or an authenticating proxy names them", () => {
    expect(
      anonymousExposureError({ ...live, OIDC_ISSUER: "https://accounts.example.com" }, "0.0.0.0"),
    ).toBeUndefined();
    expect(
      anonymousExposureError({ ...live, EXPLORER_TRUSTED_HEADER: "X-Forwarded-Email" }, "0.0.0.0"),
    ).toBeUndefined();
  });
});
