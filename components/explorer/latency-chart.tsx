"use client";

import { memo, useMemo } from "react";
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { type ChartLine, type ExemplarPoint, type LineRow } from "@/lib/explore/chart-data";
import { formatDurationSec } from "@/lib/format/duration";
import type { Region } from "@/lib/explore/exemplar-groups";
import { type ExemplarHover, ExemplarChartFigure, type PreviewProps } from "./exemplar-hover-card";
import { AXIS_TICK, CHART_MARGIN, RESIZE_THROTTLE_MS, useTimeAxis } from "./chart-config";
import { ExemplarLayer } from "./exemplar-layer";
import { RegionSelector } from "./region-selector";

const LINE_COLORS = ["#0ea5e9", "#a855f7", "#f59e0b", "#10b981", "#ec4899", "#6366f1"];

interface Props {
  rows: LineRow[];
  lines: ChartLine[];
  exemplars: ExemplarPoint[];
  startMs: number;
  endMs: number;
  selectedTraceId?: string | null;
  region?: Region | null;
  onSelectExemplar: (point: ExemplarPoint) => void;
  onRegion: (region: Region | null) => void;
}

/** Latency lines over time with every exemplar on them; drag to select a region. */
export const LatencyChart = memo(function LatencyChart(props: Omit<PlotProps, "onHover"> & PreviewProps) {
  const { onPreviewExemplar, ...plotProps } = props;
  return (
    <ExemplarChartFigure
      className="h-80"
      testId="latency-chart"
      label="Latency over time with exemplars"
      onPreviewExemplar={onPreviewExemplar}
      renderPlot={(onHover) => <LatencyPlot {...plotProps} onHover={onHover} />}
    />
  );
});

interface PlotProps extends Props {
  onHover: (hover: ExemplarHover) => void;
}

/**
 * The chart itself, memoized apart from the hover card: hovering a marker must not hand recharts
 * new props, or it rebuilds its scales and every marker with them.
 */
const LatencyPlot = memo(function LatencyPlot({
  rows,
  lines,
  exemplars,
  startMs,
  endMs,
  selectedTraceId,
  region,
  onSelectExemplar,
  onRegion,
  onHover,
}: PlotProps) {
  const xAxis = useTimeAxis(startMs, endMs);
  const domain = useMemo(() => valueRange(rows, lines, exemplars), [rows, lines, exemplars]);
  return (
    <ResponsiveContainer width="100%" height="100%" debounce={RESIZE_THROTTLE_MS}>
      <ComposedChart data={rows} margin={CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
        <XAxis {...xAxis} />
        <YAxis
          type="number"
          scale="log"
          domain={domain}
          tickFormatter={formatDurationSec}
          tick={AXIS_TICK}
          stroke="currentColor"
          width={72}
          allowDataOverflow
        />
        <Legend verticalAlign="top" height={24} iconType="plainline" wrapperStyle={LEGEND_STYLE} />
        <RegionSelector region={region} onRegion={onRegion} />
        {lines.map((line, i) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.label}
            type="monotone"
            dot={false}
            activeDot={false}
            isAnimationActive={false}
            stroke={LINE_COLORS[i % LINE_COLORS.length]}
            strokeWidth={line.label === "p99" ? 2 : 1.5}
            className="pointer-events-none"
          />
        ))}
        <ExemplarLayer
          points={exemplars}
          selectedTraceId={selectedTraceId}
          onSelect={onSelectExemplar}
          onHover={onHover}
          label="Exemplars on the latency chart"
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

const LEGEND_STYLE = { fontSize: 12 } as const;

/** Log-axis bounds that hold every line and exemplar, with some air. */
function valueRange(rows: LineRow[], lines: ChartLine[], exemplars: ExemplarPoint[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  const take = (v: number | undefined) => {
    if (v !== undefined && v > 0 && Number.isFinite(v)) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  };
  for (const row of rows) for (const line of lines) take(row[line.key]);
  for (const e of exemplars) take(e.value);
  return low === Infinity ? [0.001, 1] : [low / 1.5, high * 1.5];
}
