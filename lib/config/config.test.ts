import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

describe("parseConfig", () => {
  it("means demo mode on both sides when no backend URL is set", () => {
    const config = parseConfig({});
    expect(config.prometheus).toBeUndefined();
    expect(config.traces).toBeUndefined();
    expect(config.exemplarTraceIdLabels).toEqual(["trace_id", "traceID", "traceId"]);
    expect(config.backendTimeoutMs).toBe(15_000);
  });

  it("reads backends, headers and label names", () => {
    const config = parseConfig({
      PROMETHEUS_URL: "https://mimir.example.com/prometheus/",
      PROMETHEUS_HEADERS: "Authorization=Bearer a=b, X-Scope-OrgID=team-a",
      TEMPO_URL: "http://tempo:3200",
      EXEMPLAR_TRACE_ID_LABELS: "traceID",
    });
    expect(config.prometheus?.baseUrl.href).toBe("https://mimir.example.com/prometheus");
    expect(config.prometheus?.headers).toEqual({
      Authorization: "Bearer a=b",
      "X-Scope-OrgID": "team-a",
    });
    expect(config.traces?.api).toBe("tempo");
    expect(config.exemplarTraceIdLabels).toEqual(["traceID"]);
  });

  it.each([
    [{ PROMETHEUS_URL: "not a url" }, /^Invalid configuration: PROMETHEUS_URL must be an http/],
    [{ JAEGER_URL: "ftp://x" }, /JAEGER_URL must use http or https/],
    [{ PROMETHEUS_URL: "http://user:pw@prom:9090" }, /PROMETHEUS_URL must not carry credentials/],
    [{ TRACE_HEADERS: "Authorization" }, /TRACE_HEADERS expects Name=value pairs/],
    [{ BACKEND_TIMEOUT_MS: "soon" }, /BACKEND_TIMEOUT_MS/],
    [{ JAEGER_URL: "http://j:16686", TEMPO_URL: "http://t:3200" }, /choose one trace source/],
    [{ EXEMPLAR_TRACE_ID_LABELS: "trace-id" }, /EXEMPLAR_TRACE_ID_LABELS/],
    [{ JAEGER_API: "v2" }, /JAEGER_API must be "v1" or "v3"/],
    [{ TRACE_UI_URL: "javascript:alert(1)" }, /TRACE_UI_URL must be an http\(s\) URL/],
  ])("rejects %j with one line naming the variable", (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it("keeps a trace UI URL template as written", () => {
    expect(
      parseConfig({ TRACE_UI_URL: "https://grafana.example/explore?traceId={traceId}" }).traceUiUrl,
    ).toBe("https://grafana.example/explore?traceId={traceId}");
  });

  it("picks Jaeger's v3 API when asked", () => {
    expect(parseConfig({ JAEGER_URL: "http://j:16686", JAEGER_API: "v3" }).traces?.api).toBe("jaeger-v3");
    expect(parseConfig({ JAEGER_URL: "http://j:16686" }).traces?.api).toBe("jaeger-v1");
  });

  it("never echoes a header value, which may be a secret", () => {
    expect(() => parseConfig({ PROMETHEUS_HEADERS: "Bad Name=s3cret-token" })).toThrow(/^(?!.*s3cret).*$/);
    // A token pasted without its name: not even its first characters are printed.
    expect(() => parseConfig({ PROMETHEUS_HEADERS: "X-Scope-OrgID=a,Bearer s3cret-token" })).toThrow(
      /^(?!.*(s3c|Bearer)).*entry 2 is not one/,
    );
  });
});
