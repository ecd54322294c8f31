"use client";

import { memo } from "react";
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { type ChartLine, type ExemplarPoint, type LineRow, formatSeconds } from "@/lib/explore/chart-data";
import { formatClock, timeTicks } from "@/lib/explore/format-time";

const LINE_COLORS = ["#0ea5e9", "#a855f7", "#f59e0b", "#10b981", "#ec4899", "#6366f1"];

interface Props {
  rows: LineRow[];
  lines: ChartLine[];
  exemplars: ExemplarPoint[];
  startMs: number;
  endMs: number;
  selectedTraceId?: string | null;
  onSelectExemplar: (point: ExemplarPoint) => void;
}

/** Latency lines over time with every exemplar as a marker; markers are keyboard buttons. */
export const LatencyChart = memo(function LatencyChart({
  rows,
  lines,
  exemplars,
  startMs,
  endMs,
  selectedTraceId,
  onSelectExemplar,
}: Props) {
  const values = [
    ...exemplars.map((e) => e.value),
    ...rows.flatMap((r) => lines.map((l) => r[l.key]).filter((v): v is number => v !== undefined)),
  ].filter((v) => v > 0);
  const low = values.length ? Math.min(...values) : 0.001;
  const high = values.length ? Math.max(...values) : 1;
  return (
    <div className="h-80 w-full" data-testid="latency-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
          <XAxis
            dataKey="timeMs"
            type="number"
            scale="time"
            domain={[startMs, endMs]}
            ticks={timeTicks(startMs, endMs)}
            tickFormatter={(ms: number) => formatClock(ms, endMs - startMs)}
            tick={{ fontSize: 11 }}
            stroke="currentColor"
            allowDataOverflow
          />
          <YAxis
            dataKey="value"
            type="number"
            scale="log"
            domain={[low / 1.5, high * 1.5]}
            tickFormatter={(v: number) => formatSeconds(v)}
            tick={{ fontSize: 11 }}
            stroke="currentColor"
            width={72}
            allowDataOverflow
          />
          <Tooltip
            labelFormatter={(ms) => new Date(Number(ms)).toLocaleString()}
            formatter={(v) => formatSeconds(Number(v))}
            contentStyle={{ fontSize: 12 }}
          />
          {lines.map((line, i) => (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.label}
              type="monotone"
              dot={false}
              isAnimationActive={false}
              stroke={LINE_COLORS[i % LINE_COLORS.length]}
              strokeWidth={line.label === "p99" ? 2 : 1.5}
              connectNulls={false}
            />
          ))}
          <Scatter
            data={exemplars}
            dataKey="value"
            name="exemplars"
            isAnimationActive={false}
            shape={(props: unknown) => (
              <ExemplarMarker
                {...(props as MarkerProps)}
                selectedTraceId={selectedTraceId}
                onSelect={onSelectExemplar}
              />
            )}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});

interface MarkerProps {
  cx?: number;
  cy?: number;
  payload?: ExemplarPoint;
}

function ExemplarMarker({
  cx,
  cy,
  payload,
  selectedTraceId,
  onSelect,
}: MarkerProps & { selectedTraceId?: string | null; onSelect: (p: ExemplarPoint) => void }) {
  if (cx === undefined || cy === undefined || !payload) return null;
  const selected = payload.traceId === selectedTraceId;
  const label = `Exemplar ${formatSeconds(payload.value)} at ${new Date(payload.timeMs).toLocaleTimeString()}, trace ${payload.traceId}`;
  return (
    <g
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      data-trace-id={payload.traceId}
      className="cursor-pointer outline-none [&:focus-visible>circle]:stroke-sky-500 [&:focus-visible>circle]:stroke-[3]"
      onClick={() => onSelect(payload)}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          onSelect(payload);
        }
      }}
    >
      <title>{label}</title>
      <circle
        cx={cx}
        cy={cy}
        r={selected ? 6 : 3.5}
        className={
          selected
            ? "fill-rose-500 stroke-white dark:stroke-zinc-950"
            : "fill-zinc-900/60 stroke-white/80 dark:fill-zinc-100/70 dark:stroke-zinc-950/80"
        }
        strokeWidth={1}
      />
    </g>
  );
}
