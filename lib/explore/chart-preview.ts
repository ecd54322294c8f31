import { type ChartLine, type ExemplarPoint, type LineRow, latencyRange } from "./chart-data";
import { groupByPixelCell } from "./exemplar-groups";
import { logTicks } from "./log-ticks";

/**
 * The latency chart as the server draws it into the page, before any script has run: lines and
 * exemplar markers in a fixed box that the browser stretches to the plot's size. Pure, and small:
 * markers a few pixels apart share a dot, so 20,000 exemplars are a few thousand dots.
 */

/** The box the preview is drawn in: about a desktop plot's size (the browser stretches it). */
export const PREVIEW_WIDTH = 1000;
export const PREVIEW_HEIGHT = 282;
/** Markers closer than this (in box units) share a dot, as on the live chart. */
const CELL = 6;

export interface ChartPreviewData {
  startMs: number;
  endMs: number;
  /** One SVG path per line, in the box's units; a gap in the samples breaks the line. */
  lines: { key: string; d: string }[];
  /** Every marker as a zero-length segment (a dot once drawn with round caps). */
  markers: string;
  markerCount: number;
  exemplarCount: number;
  /** Latency ticks: the value and where it is, from the top (0) to the bottom (1). */
  yTicks: { value: number; at: number }[];
}

export function chartPreviewData(
  chart: { rows: readonly LineRow[]; lines: readonly ChartLine[] },
  points: readonly ExemplarPoint[],
  startMs: number,
  endMs: number,
): ChartPreviewData {
  const [low, high] = latencyRange(chart.rows, chart.lines, points);
  const logLow = Math.log(low);
  const logSpan = Math.log(high) - logLow;
  const y = (value: number) => PREVIEW_HEIGHT * (1 - (Math.log(value) - logLow) / logSpan);
  const x = (timeMs: number) => (PREVIEW_WIDTH * (timeMs - startMs)) / (endMs - startMs);
  const round = (n: number) => Math.round(n * 10) / 10;

  const lines = chart.lines.map((line) => {
    let d = "";
    let drawing = false;
    for (const row of chart.rows) {
      const value = row[line.key];
      if (value === undefined || !(value > 0) || row.timeMs < startMs || row.timeMs > endMs) {
        drawing = false;
        continue;
      }
      d += `${drawing ? "L" : "M"}${round(x(row.timeMs))} ${round(y(value))}`;
      drawing = true;
    }
    return { key: line.key, d };
  });

  const inside = points.filter((p) => p.timeMs >= startMs && p.timeMs <= endMs && p.value > 0);
  const groups = groupByPixelCell(inside, (p) => ({ x: x(p.timeMs), y: y(p.value) }), CELL);
  let markers = "";
  for (const g of groups) markers += `M${round(g.x)} ${round(g.y)}h0`;

  return {
    startMs,
    endMs,
    lines,
    markers,
    markerCount: groups.length,
    exemplarCount: inside.length,
    yTicks: logTicks(low, high).map((value) => ({ value, at: y(value) / PREVIEW_HEIGHT })),
  };
}
