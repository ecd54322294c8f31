"use client";

import { type ReactNode, memo, useCallback, useMemo, useState } from "react";
import { CartesianGrid, ComposedChart, Line, XAxis, YAxis } from "recharts";
import {
  type ChartLine,
  type ExemplarPoint,
  type LineRow,
  latencyRange,
  lineOfExemplar,
} from "@/lib/explore/chart-data";
import { formatDurationSec } from "@/lib/format/duration";
import { zoneLabel } from "@/lib/format/time";
import { useTimeZone } from "../time-zone";
import type { Region } from "@/lib/explore/exemplar-groups";
import { logTicks } from "@/lib/explore/log-ticks";
import { type ExemplarHover, ExemplarChartFigure, type PreviewProps } from "./exemplar-hover-card";
import { AXIS_TICK, CHART_MARGIN, useTimeAxis } from "./chart-config";
import { ChartBox } from "./chart-box";
import { LINE_COLORS } from "./line-colors";
import { ExemplarLayer } from "./exemplar-layer";
import { RegionSelector } from "./region-selector";

interface Props {
  rows: LineRow[];
  lines: ChartLine[];
  exemplars: ExemplarPoint[];
  startMs: number;
  endMs: number;
  region?: Region | null;
  onSelectExemplar: (point: ExemplarPoint) => void;
  onRegion: (region: Region | null) => void;
}

/**
 * Latency lines over time with every exemplar on them; drag to select a region. The legend names
 * the axis, each line and the exemplar dots, and hides or shows any of them on a click.
 */
export const LatencyChart = memo(function LatencyChart(
  props: Omit<PlotProps, "onHover" | "hidden"> & PreviewProps,
) {
  const { onPreviewExemplar, ...plotProps } = props;
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const zone = useTimeZone();
  const toggle = (key: string) => {
    const next = new Set(hidden);
    if (!next.delete(key)) next.add(key);
    setHidden(next);
  };
  return (
    <div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs" role="group" aria-label="Legend">
        <span className="text-zinc-500">
          Latency (log scale) over time ({zoneLabel(props.startMs, zone)})
        </span>
        <span className="ml-auto" />
        {props.lines.map((line, i) =>
          line.label ? (
            <LegendToggle
              key={line.key}
              label={line.label}
              hidden={hidden.has(line.key)}
              onToggle={() => toggle(line.key)}
            >
              <span
                className="inline-block h-0.5 w-4"
                style={{ backgroundColor: LINE_COLORS[i % LINE_COLORS.length] }}
              />
            </LegendToggle>
          ) : null,
        )}
        <LegendToggle
          label={`Exemplars (${props.exemplars.length.toLocaleString()})`}
          hidden={hidden.has(EXEMPLARS_KEY)}
          onToggle={() => toggle(EXEMPLARS_KEY)}
        >
          <span className="inline-block h-2 w-2 rounded-full bg-zinc-800/60 dark:bg-zinc-200/70" />
        </LegendToggle>
      </div>
      <ExemplarChartFigure
        className="h-80"
        testId="latency-chart"
        label="Latency over time with exemplars"
        onPreviewExemplar={onPreviewExemplar}
        renderPlot={(onHover) => <LatencyPlot {...plotProps} hidden={hidden} onHover={onHover} />}
      />
    </div>
  );
});

const EXEMPLARS_KEY = "\u0000exemplars";

function LegendToggle(props: { label: string; hidden: boolean; onToggle: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={!props.hidden}
      title={props.hidden ? `Show ${props.label}` : `Hide ${props.label}`}
      onClick={props.onToggle}
      className="flex items-center gap-1 rounded px-1 hover:bg-zinc-100 aria-[pressed=false]:opacity-40 dark:hover:bg-zinc-900"
    >
      {props.children}
      {props.label}
    </button>
  );
}

interface PlotProps extends Props {
  /** Keys of the lines (and the exemplars) the legend has hidden. */
  hidden: ReadonlySet<string>;
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
  region,
  onSelectExemplar,
  onRegion,
  hidden,
  onHover,
}: PlotProps) {
  const xAxis = useTimeAxis(startMs, endMs);
  const domain = useMemo(() => latencyRange(rows, lines, exemplars), [rows, lines, exemplars]);
  const yTicks = useMemo(() => logTicks(domain[0], domain[1]), [domain]);
  const lineOf = useMemo(() => exemplarLines(exemplars, lines), [exemplars, lines]);
  // A hidden line hides its exemplars too.
  const shown = useMemo(() => {
    if (hidden.has(EXEMPLARS_KEY)) return NO_POINTS;
    if (!lineOf) return exemplars;
    return exemplars.filter((e) => {
      const line = lineOf.get(e.seriesLabels);
      return line === undefined || !hidden.has(lines[line]!.key);
    });
  }, [exemplars, hidden, lineOf, lines]);
  const colorOf = useCallback(
    (point: ExemplarPoint) => {
      const line = lineOf?.get(point.seriesLabels);
      return line === undefined ? undefined : LINE_COLORS[line % LINE_COLORS.length];
    },
    [lineOf],
  );
  return (
    <ChartBox rechartsFollowsMouse={false}>
      {({ width, height }) => (
        <ComposedChart
          width={width}
          height={height}
          data={rows}
          margin={CHART_MARGIN}
          accessibilityLayer={false}
        >
          <CartesianGrid strokeDasharray="3 3" className="stroke-zinc-200 dark:stroke-zinc-800" />
          <XAxis {...xAxis} />
          <YAxis
            type="number"
            scale="log"
            domain={domain}
            ticks={yTicks}
            interval={0}
            tickFormatter={formatDurationSec}
            tick={AXIS_TICK}
            stroke="currentColor"
            width={72}
            allowDataOverflow
          />
          <RegionSelector region={region} onRegion={onRegion} />
          {lines.map((line, i) => (
            <Line
              key={line.key}
              dataKey={line.key}
              name={line.label}
              hide={hidden.has(line.key)}
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
            points={shown}
            colorOf={colorOf}
            onSelect={onSelectExemplar}
            onHover={onHover}
            label="Exemplars on the latency chart"
          />
        </ComposedChart>
      )}
    </ChartBox>
  );
});

const NO_POINTS: ExemplarPoint[] = [];

/**
 * Which line each exemplar's series belongs to, when the query draws several labelled series
 * (one lookup per series, not per exemplar); undefined when there is nothing to tell apart.
 */
function exemplarLines(exemplars: ExemplarPoint[], lines: ChartLine[]) {
  if (!lines.some((line) => line.labels)) return undefined;
  const lineOf = new Map<ExemplarPoint["seriesLabels"], number | undefined>();
  for (const e of exemplars) {
    if (!lineOf.has(e.seriesLabels)) lineOf.set(e.seriesLabels, lineOfExemplar(e.seriesLabels, lines));
  }
  return lineOf;
}
