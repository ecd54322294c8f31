import type { Trace } from "../model/trace";
import { ERROR_SPAN_COLOR } from "./span-colors";

/** One color's rectangles, flattened as x, y, width, height (CSS pixels). */
export interface MinimapLayer {
  color: string;
  rects: number[];
}

/**
 * The trace overview as rectangles to fill: rows in waterfall order stacked into at most one band
 * per CSS pixel of height, and each band's spans merged per color into runs of device-pixel
 * columns. A 50,000-span trace becomes a few thousand rectangles instead of 50,000 overlapping
 * ones (the strip is 44 px tall: ~1,100 rows share each band), and looks the same: a column is
 * filled in a band and color exactly when a span of that band and color reaches into it.
 */
export function minimapLayers(
  trace: Trace,
  order: ArrayLike<number>,
  size: { width: number; height: number; pixelRatio: number },
  colorOf: (serviceName: string) => string,
): MinimapLayer[] {
  const rows = order.length;
  const columns = Math.max(1, Math.round(size.width * size.pixelRatio));
  if (rows === 0 || size.width <= 0) return [];
  const bands = Math.max(1, Math.min(rows, Math.floor(size.height)));
  const bandHeight = size.height / bands;
  const total = Math.max(trace.durationUs, 1);
  // Per color and band, a difference array over the columns: +1 where a span starts covering,
  // -1 past where it stops; a running sum above zero is a filled column.
  const coverage = new Map<string, Int32Array>();
  for (let row = 0; row < rows; row++) {
    const span = trace.spans[order[row]!]!;
    const color = span.status === "error" ? ERROR_SPAN_COLOR : colorOf(span.serviceName);
    let counts = coverage.get(color);
    if (!counts) coverage.set(color, (counts = new Int32Array(bands * (columns + 1))));
    const x0 = ((span.startUs - trace.startUs) / total) * columns;
    const x1 = ((span.startUs + span.durationUs - trace.startUs) / total) * columns;
    const first = clamp(Math.floor(x0), 0, columns - 1);
    // Every span shows, however short: at least the column it starts in.
    const past = clamp(Math.max(Math.ceil(x1), first + 1), 1, columns);
    const band = Math.floor((row * bands) / rows) * (columns + 1);
    counts[band + first]!++;
    counts[band + past]!--;
  }
  const layers: MinimapLayer[] = [];
  for (const [color, counts] of coverage) {
    const rects: number[] = [];
    for (let band = 0; band < bands; band++) {
      const base = band * (columns + 1);
      let depth = 0;
      let runStart = -1;
      for (let column = 0; column <= columns; column++) {
        depth += column < columns ? counts[base + column]! : 0;
        const filled = column < columns && depth > 0;
        if (filled && runStart < 0) runStart = column;
        if (!filled && runStart >= 0) {
          rects.push(
            runStart / size.pixelRatio,
            band * bandHeight,
            (column - runStart) / size.pixelRatio,
            bandHeight,
          );
          runStart = -1;
        }
      }
    }
    layers.push({ color, rects });
  }
  return layers;
}

const clamp = (x: number, min: number, max: number) => Math.min(Math.max(x, min), max);
