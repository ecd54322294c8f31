import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Span, Trace } from "../model/trace";
import { minimapLayers } from "./minimap";
import { ERROR_SPAN_COLOR } from "./span-colors";

const colorOf = (service: string) => `color-of-${service}`;

function traceOf(spans: { startUs: number; durationUs: number; service: string; error?: boolean }[]): Trace {
  const startUs = Math.min(...spans.map((s) => s.startUs));
  const endUs = Math.max(...spans.map((s) => s.startUs + s.durationUs));
  return {
    traceId: "0".repeat(32),
    startUs,
    durationUs: endUs - startUs,
    services: [...new Set(spans.map((s) => s.service))],
    warnings: [],
    source: "jaeger-v1",
    spans: spans.map((s, i): Span => ({
      spanId: i.toString(16).padStart(16, "0"),
      serviceName: s.service,
      name: "op",
      startUs: s.startUs,
      durationUs: s.durationUs,
      status: s.error ? "error" : "unset",
      attributes: {},
      resource: {},
      events: [],
      links: [],
    })),
  };
}

/** The cells (color, band, column) the layers fill. */
function filledCells(layers: ReturnType<typeof minimapLayers>, bandHeight: number, ratio: number) {
  const cells = new Set<string>();
  for (const { color, rects } of layers) {
    for (let i = 0; i < rects.length; i += 4) {
      const band = Math.round(rects[i + 1]! / bandHeight);
      const from = Math.round(rects[i]! * ratio);
      const to = Math.round((rects[i]! + rects[i + 2]!) * ratio);
      for (let column = from; column < to; column++) cells.add(`${color}/${band}/${column}`);
    }
  }
  return cells;
}

describe("minimapLayers", () => {
  it("fills exactly the cells a span-by-span drawing would, in far fewer rectangles", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            startUs: fc.integer({ min: 0, max: 1_000_000 }),
            durationUs: fc.integer({ min: 0, max: 500_000 }),
            service: fc.constantFrom("a", "b", "c"),
            error: fc.boolean(),
          }),
          { minLength: 1, maxLength: 300 },
        ),
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(1, 2),
        (spans, width, pixelRatio) => {
          const trace = traceOf(spans);
          const order = spans.map((_, i) => i);
          const height = 44;
          const layers = minimapLayers(trace, order, { width, height, pixelRatio }, colorOf);
          const bands = Math.min(spans.length, height);
          const columns = width * pixelRatio;
          const expected = new Set<string>();
          order.forEach((index, row) => {
            const span = trace.spans[index]!;
            const color = span.status === "error" ? ERROR_SPAN_COLOR : colorOf(span.serviceName);
            const x0 = ((span.startUs - trace.startUs) / Math.max(trace.durationUs, 1)) * columns;
            const x1 = x0 + (span.durationUs / Math.max(trace.durationUs, 1)) * columns;
            const first = Math.min(Math.floor(x0), columns - 1);
            const past = Math.min(Math.max(Math.ceil(x1), first + 1), columns);
            for (let column = first; column < past; column++)
              expected.add(`${color}/${Math.floor((row * bands) / spans.length)}/${column}`);
          });
          expect(filledCells(layers, height / bands, pixelRatio)).toEqual(expected);
          const rectangles = layers.reduce((n, layer) => n + layer.rects.length / 4, 0);
          expect(rectangles).toBeLessThanOrEqual(expected.size);
        },
      ),
    );
  });

  it("draws 50,000 rows into a few thousand rectangles at most", () => {
    const spans = Array.from({ length: 50_000 }, (_, i) => ({
      startUs: (i * 37) % 1_000_000,
      durationUs: (i * 101) % 20_000,
      service: ["a", "b", "c", "d"][i % 4]!,
      error: i % 97 === 0,
    }));
    const trace = traceOf(spans);
    const layers = minimapLayers(
      trace,
      spans.map((_, i) => i),
      { width: 500, height: 44, pixelRatio: 2 },
      colorOf,
    );
    const rectangles = layers.reduce((n, layer) => n + layer.rects.length / 4, 0);
    expect(rectangles).toBeGreaterThan(0);
    expect(rectangles).toBeLessThan(5 * 44 * 100);
    expect(layers.map((layer) => layer.color).sort()).toEqual(
      [ERROR_SPAN_COLOR, ...["a", "b", "c", "d"].map(colorOf)].sort(),
    );
  });

  it("draws nothing for no rows or no width", () => {
    const trace = traceOf([{ startUs: 0, durationUs: 10, service: "a" }]);
    expect(minimapLayers(trace, [], { width: 100, height: 44, pixelRatio: 1 }, colorOf)).toEqual([]);
    expect(minimapLayers(trace, [0], { width: 0, height: 44, pixelRatio: 1 }, colorOf)).toEqual([]);
  });
});
