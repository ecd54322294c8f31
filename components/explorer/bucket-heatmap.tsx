"use client";

import { memo, useCallback, useMemo } from "react";
import {
  CartesianGrid,
  ComposedChart,
  XAxis,
  YAxis,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
} from "recharts";
import { type BucketGrid, bucketLabel, heatmapRow, labelledRows, maxRate } from "@/lib/explore/buckets";
import { type ExemplarPoint } from "@/lib/explore/chart-data";
import { formatDurationSec } from "@/lib/format/duration";
import { type ExemplarHover, ExemplarChartFigure, type PreviewProps } from "./exemplar-hover-card";
import { CHART_MARGIN, useTimeAxis } from "./chart-config";
import { ChartBox } from "./chart-box";
import { ExemplarLayer } from "./exemplar-layer";

interface Props {
  grid: BucketGrid;
  stepSec: number;
  exemplars: ExemplarPoint[];
  startMs: number;
  endMs: number;
  selectedBucket?: number;
  onSelectExemplar: (point: ExemplarPoint) => void;
}

/** Requests per second in each bucket over time, with each exemplar inside its bucket's cell. */
export const BucketHeatmap = memo(function BucketHeatmap(props: Omit<PlotProps, "onHover"> & PreviewProps) {
  const { onPreviewExemplar, ...plotProps } = props;
  const max = useMemo(() => maxRate(props.grid), [props.grid]);
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
        <span>Requests per second in each latency bucket</span>
        <span
          className="ml-auto flex items-center gap-1"
          role="img"
          aria-label={`Color scale: 0 to ${formatRate(max)}, square root`}
        >
          0
          <span
            className="inline-block h-2 w-20 rounded-sm"
            style={{ background: "linear-gradient(to right, rgb(14 165 233 / 0.06), rgb(14 165 233 / 0.9))" }}
          />
          {formatRate(max)}
        </span>
      </div>
      <ExemplarChartFigure
        className="h-64"
        testId="bucket-heatmap"
        label="Requests per latency bucket over time"
        onPreviewExemplar={onPreviewExemplar}
        renderPlot={(onHover) => <HeatmapPlot {...plotProps} onHover={onHover} />}
      />
    </div>
  );
});

/** Row labels that fit the chart's height at the tick font (an exponential histogram has up to 32 rows). */
const MAX_ROW_LABELS = 14;

interface PlotProps extends Props {
  onHover: (hover: ExemplarHover) => void;
}

/** The chart, memoized apart from the hover card so that hovering does not rebuild it. */
const HeatmapPlot = memo(function HeatmapPlot({
  grid,
  stepSec,
  exemplars,
  startMs,
  endMs,
  selectedBucket,
  onSelectExemplar,
  onHover,
}: PlotProps) {
  const rows = grid.bounds.length;
  const xAxis = useTimeAxis(startMs, endMs);
  const position = useCallback(
    (p: ExemplarPoint) => ({ x: p.timeMs, y: heatmapRow(p.value, grid.bounds) }),
    [grid.bounds],
  );
  const yAxis = useMemo(
    () => ({
      domain: [0, rows],
      ticks: labelledRows(rows, MAX_ROW_LABELS).map((row) => row + 0.5),
      tickFormatter: (v: number) => bucketLabel(grid.bounds, Math.floor(v), formatDurationSec),
    }),
    [grid.bounds, rows],
  );
  return (
    <ChartBox rechartsFollowsMouse={false}>
      {({ width, height }) => (
        <ComposedChart width={width} height={height} margin={CHART_MARGIN} accessibilityLayer={false}>
          <CartesianGrid
            vertical={false}
            strokeDasharray="2 4"
            className="stroke-zinc-200 dark:stroke-zinc-800"
          />
          <XAxis {...xAxis} />
          <YAxis
            type="number"
            {...yAxis}
            interval={0}
            tick={HEATMAP_TICK}
            stroke="currentColor"
            width={HEATMAP_AXIS_WIDTH}
            allowDataOverflow
          />
          <HeatmapCells grid={grid} stepSec={stepSec} selectedBucket={selectedBucket} />
          <ExemplarLayer
            points={exemplars}
            position={position}
            onSelect={onSelectExemplar}
            onHover={onHover}
            label="Exemplars in their buckets"
            focusable={false}
          />
        </ComposedChart>
      )}
    </ChartBox>
  );
});

const HEATMAP_TICK = { fontSize: 10 } as const;
/** Wide enough for "≤ 500 ms" on one line at that size. */
const HEATMAP_AXIS_WIDTH = 84;

/** "12.3/s", "0.05/s". */
function formatRate(perSec: number): string {
  return `${Number(perSec.toPrecision(3))}/s`;
}

/** Thousands of cells: memoized so that selecting an exemplar does not redraw them. */
const HeatmapCells = memo(function HeatmapCells({
  grid,
  stepSec,
  selectedBucket,
}: {
  grid: BucketGrid;
  stepSec: number;
  selectedBucket?: number;
}) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  const max = useMemo(() => maxRate(grid), [grid]);
  if (!xScale || !yScale || !plot || max === 0) return null;
  const stepMs = stepSec * 1000;
  return (
    <g className="pointer-events-none">
      {grid.rates.map((row, b) => {
        const top = yScale(b + 1) ?? 0;
        const bottom = yScale(b) ?? 0;
        return row.map((rate, i) => {
          if (!(rate > 0)) return null;
          const x0 = Math.max(xScale(grid.timesMs[i]! - stepMs) ?? 0, plot.x);
          const x1 = Math.min(xScale(grid.timesMs[i]!) ?? 0, plot.x + plot.width);
          if (x1 <= x0) return null;
          // Square root keeps rare slow buckets visible next to busy fast ones.
          const intensity = Math.sqrt(rate / max);
          return (
            <rect
              key={`${b}-${i}`}
              x={x0}
              y={top}
              width={x1 - x0 + 0.5}
              height={Math.max(bottom - top - 1, 1)}
              fill={selectedBucket === undefined || selectedBucket === b ? "#0ea5e9" : "#71717a"}
              fillOpacity={0.06 + 0.84 * intensity}
            />
          );
        });
      })}
    </g>
  );
});
