"use client";

import { memo, useState } from "react";
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { type ChartLine, type ExemplarPoint, type LineRow, formatSeconds } from "@/lib/explore/chart-data";
import type { MarkerGroup, Region } from "@/lib/explore/exemplar-groups";
import { ExemplarHoverCard } from "./exemplar-hover-card";
import { timeAxis } from "./time-axis";
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
export const LatencyChart = memo(function LatencyChart(props: Props) {
  const { rows, lines, exemplars, startMs, endMs, selectedTraceId, region, onSelectExemplar, onRegion } =
    props;
  const [hover, setHover] = useState<{ group: MarkerGroup } | undefined>();
  const [low, high] = valueRange(rows, lines, exemplars);
  return (
    <figure
      className="relative h-80 w-full"
      data-testid="latency-chart"
      aria-label="Latency over time with exemplars"
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
          <XAxis {...timeAxis(startMs, endMs)} />
          <YAxis
            type="number"
            scale="log"
            domain={[low, high]}
            tickFormatter={(v: number) => formatSeconds(v)}
            tick={{ fontSize: 11 }}
            stroke="currentColor"
            width={72}
            allowDataOverflow
          />
          <Legend verticalAlign="top" height={24} iconType="plainline" wrapperStyle={{ fontSize: 12 }} />
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
            onHover={setHover}
            label="Exemplars on the latency chart"
          />
        </ComposedChart>
      </ResponsiveContainer>
      {hover ? <ExemplarHoverCard group={hover.group} /> : null}
    </figure>
  );
});

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
