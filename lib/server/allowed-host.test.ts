import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/config";
import { hostName, isAllowedHost } from "./allowed-host";

describe("allowed hosts", () => {
  it("reads the host name of a Host header, without port, lowercase", () => {
    expect(hostName("Explorer.Example:443")).toBe("explorer.example");
    expect(hostName("[::1]:3000")).toBe("[::1]");
    expect(hostName("127.0.0.1")).toBe("127.0.0.1");
    for (const bad of [undefined, null, "", "a b", "evil.example@127.0.0.1", "host:port"]) {
      expect(hostName(bad)).toBeUndefined();
    }
  });

  it("answers this machine's names by default, and nothing else", () => {
    const { allowedHosts } = parseConfig({});
    for (const host of ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST"]) {
      expect(isAllowedHost(host, allowedHosts)).toBe(true);
    }
    // DNS rebinding: the attacker's name resolving to 127.0.0.1.
    for (const host of ["rebind.attacker.example:3000", "localhost.attacker.example", undefined]) {
      expect(isAllowedHost(host, allowedHosts)).toBe(false);
    }
  });

  it("adds the configured names and a Vercel deployment's own", () => {
    const { allowedHosts } = parseConfig({
      EXPLORER_ALLOWED_HOSTS: "explorer.example.com, Explorer.Internal",
      VERCEL_URL: "exemplar-explorer-abc123.vercel.app",
    });
    expect(isAllowedHost("explorer.example.com", allowedHosts)).toBe(true);
    expect(isAllowedHost("explorer.internal:8080", allowedHosts)).toBe(true);
    expect(isAllowedHost("exemplar-explorer-abc123.vercel.app", allowedHosts)).toBe(true);
    expect(isAllowedHost("other.vercel.app", allowedHosts)).toBe(false);
  });

  it("refuses a configured name with a scheme or port, naming the variable", () => {
    expect(() => parseConfig({ EXPLORER_ALLOWED_HOSTS: "https://explorer.example.com" })).toThrow(
      /EXPLORER_ALLOWED_HOSTS expects host names/,
    );
  });
});
