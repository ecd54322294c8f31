import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatSelector, parseSelector, withLabelValue } from "./selector";

describe("parseSelector", () => {
  it("reads metric names and all four matcher operators", () => {
    expect(parseSelector('lat_seconds_bucket{route="/a", job!="x",method=~"GET|POST", code!~"5.."}')).toEqual(
      {
        metric: "lat_seconds",
        matchers: [
          { name: "route", op: "=", value: "/a" },
          { name: "job", op: "!=", value: "x" },
          { name: "method", op: "=~", value: "GET|POST" },
          { name: "code", op: "!~", value: "5.." },
        ],
      },
    );
    expect(parseSelector("lat")).toEqual({ metric: "lat", matchers: [] });
    expect(parseSelector('lat{a="q\\"uote"}')!.matchers[0]!.value).toBe('q"uote');
  });

  it("leaves PromQL to the advanced mode", () => {
    for (const q of ["sum(rate(x[5m]))", "x + y", 'x{a="b"}[5m]', '{a="b"}', "x{a=b}", ""])
      expect(parseSelector(q)).toBeUndefined();
  });

  it("round-trips through formatSelector", () => {
    const label = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z_][a-z0-9_]{0,12}$/).filter((m) => !/_(bucket|count|sum)$/.test(m)),
        fc.uniqueArray(
          fc.record({ name: label, op: fc.constantFrom("=", "!=", "=~", "!~"), value: fc.string() }),
          { selector: (m) => m.name, maxLength: 4 },
        ),
        (metric, matchers) => {
          const selector = { metric, matchers };
          expect(parseSelector(formatSelector(selector))).toEqual(selector);
        },
      ),
    );
  });

  it("reads and writes UTF-8 metric and label names as Prometheus 3 quotes them", () => {
    const query = '{"http.server.request.duration_bucket", "service.name"="api", route="/a"}';
    const selector = parseSelector(query);
    expect(selector).toEqual({
      metric: "http.server.request.duration",
      matchers: [
        { name: "service.name", op: "=", value: "api" },
        { name: "route", op: "=", value: "/a" },
      ],
    });
    expect(formatSelector(selector!, "_bucket")).toBe(
      '{"http.server.request.duration_bucket","service.name"="api",route="/a"}',
    );
    expect(formatSelector({ metric: "http.server.duration", matchers: [] })).toBe('{"http.server.duration"}');
    expect(
      formatSelector({ metric: "legacy", matchers: [{ name: "k8s.pod", op: "=~", value: "a.*" }] }),
    ).toBe('legacy{"k8s.pod"=~"a.*"}');
  });

  it("round-trips any UTF-8 names", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }).filter((m) => !/_(bucket|count|sum)$/.test(m)),
        fc.uniqueArray(
          fc.record({
            name: fc.string({ minLength: 1, maxLength: 8 }),
            op: fc.constantFrom("=", "!=", "=~", "!~"),
            value: fc.string(),
          }),
          { selector: (m) => m.name, maxLength: 3 },
        ),
        (metric, matchers) => {
          const selector = { metric, matchers };
          expect(parseSelector(formatSelector(selector))).toEqual(selector);
        },
      ),
    );
  });
});

describe("withLabelValue", () => {
  it("sets and clears one label's equality matcher", () => {
    const s = withLabelValue(
      { metric: "m", matchers: [{ name: "job", op: "=", value: "a" }] },
      "route",
      "/x",
    );
    expect(formatSelector(s)).toBe('m{job="a",route="/x"}');
    expect(formatSelector(withLabelValue(s, "job", undefined), "_bucket")).toBe('m_bucket{route="/x"}');
  });
});
