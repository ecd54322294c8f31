import type { ExemplarPoint } from "./chart-data";

/**
 * Every exemplar is drawn; where several land in the same few pixels they become one marker
 * that says how many it holds, so tens of thousands stay drawable and each stays reachable.
 */

export interface MarkerGroup {
  /** Pixel position of the group's slowest exemplar, which represents it. */
  x: number;
  y: number;
  /** Slowest first. */
  items: ExemplarPoint[];
}

/**
 * Groups points per square cell of `cellPx` pixels. Input order is kept inside a group, so
 * with the input slowest first, each group's first item is its slowest.
 */
export function groupByPixelCell(
  points: readonly ExemplarPoint[],
  toPixel: (point: ExemplarPoint) => { x: number; y: number },
  cellPx: number,
): MarkerGroup[] {
  const cells = new Map<number, MarkerGroup>();
  for (const point of points) {
    const { x, y } = toPixel(point);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    // One number per cell (a chart is far less than 2²⁰ cells high): cheaper than a string key.
    const key = Math.floor(x / cellPx) * 1_048_576 + Math.floor(y / cellPx);
    const group = cells.get(key);
    if (group) group.items.push(point);
    else cells.set(key, { x, y, items: [point] });
  }
  return [...cells.values()];
}

export interface Region {
  startMs: number;
  endMs: number;
  /** Latency bounds in seconds; the order of the two does not matter. */
  minValue: number;
  maxValue: number;
}

/** The exemplars inside a time × latency rectangle, slowest first. */
export function exemplarsInRegion(points: readonly ExemplarPoint[], region: Region): ExemplarPoint[] {
  const [t0, t1] = [Math.min(region.startMs, region.endMs), Math.max(region.startMs, region.endMs)];
  const [v0, v1] = [Math.min(region.minValue, region.maxValue), Math.max(region.minValue, region.maxValue)];
  return points
    .filter((p) => p.timeMs >= t0 && p.timeMs <= t1 && p.value >= v0 && p.value <= v1)
    .sort((a, b) => b.value - a.value || a.timeMs - b.timeMs);
}
