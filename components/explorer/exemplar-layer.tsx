"use client";

import { memo, useLayoutEffect, useMemo, useRef, useState } from "react";
import { DefaultZIndexes, ZIndexLayer, usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import { type ExemplarPoint } from "@/lib/explore/chart-data";
import { formatDurationSec } from "@/lib/format/duration";
import { type MarkerGroup, groupByPixelCell } from "@/lib/explore/exemplar-groups";
import {
  MARKER_KEYS,
  inTimeOrder,
  markerOfTrace,
  nearestMarker,
  slowestMarker,
  stepMarker,
} from "@/lib/explore/marker-navigation";
import { type TimeZoneChoice, formatTimeOfDay } from "@/lib/format/time";
import { useTimeZone } from "../time-zone";
import { useSelectedTrace } from "./selected-trace";

/** Markers closer than this many pixels merge into one group marker with a count. */
const CELL_PX = 6;
const RADIUS_PX = 3.5;

interface Props {
  points: readonly ExemplarPoint[];
  /** Where in the data each point is drawn; the latency chart uses (time, value). */
  position?: (point: ExemplarPoint) => { x: number; y: number };
  /** The color of a point's series, when the chart tells series apart; else the neutral one. */
  colorOf?: (point: ExemplarPoint) => string | undefined;
  onSelect: (point: ExemplarPoint) => void;
  onHover: (hover: { group: MarkerGroup } | undefined) => void;
  label: string;
  /**
   * False where the same exemplars are already keyboard-reachable in another view: the markers
   * then answer the pointer only, so keyboard users do not meet them twice.
   */
  focusable?: boolean;
}

export function markerName(group: MarkerGroup, zone: TimeZoneChoice): string {
  const slowest = group.items[0]!;
  const when = formatTimeOfDay(slowest.timeMs, zone);
  const head =
    group.items.length > 1
      ? `${group.items.length} exemplars, slowest ${formatDurationSec(slowest.value)}`
      : `Exemplar ${formatDurationSec(slowest.value)}`;
  return `${head} at ${when}, trace ${slowest.traceId}`;
}

function radiusOf(group: MarkerGroup): number {
  return group.items.length > 1 ? Math.min(RADIUS_PX + Math.log2(group.items.length), 7) : RADIUS_PX;
}

/** Every group as a circle of one SVG path: thousands of markers are one element to lay out. */
function circlesPath(groups: readonly MarkerGroup[]): string {
  let d = "";
  for (const g of groups) {
    const r = radiusOf(g);
    d += `M${g.x - r},${g.y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return d;
}

/**
 * Every exemplar as a marker inside a recharts chart, grouped per pixel cell and drawn as one path
 * per color. The pointer is resolved to the nearest marker. For the keyboard the chart is one stop:
 * a single real button stands on the current marker (named with its value, time and trace ID);
 * the arrow keys move it in time order (up and down: to the nearest slower or faster marker),
 * Home and End to either end, Enter opens its (slowest) trace.
 */
export const ExemplarLayer = memo(function ExemplarLayer({
  points,
  position,
  colorOf,
  onSelect,
  onHover,
  label,
  focusable = true,
}: Props) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  const selectedTraceId = useSelectedTrace();
  const plotLeft = plot?.x;
  const plotRight = plot ? plot.x + plot.width : undefined;
  const toPixel = useMemo(() => {
    if (!xScale || !yScale) return undefined;
    return (p: ExemplarPoint) => {
      const at = position ? position(p) : { x: p.timeMs, y: p.value };
      return { x: xScale(at.x) ?? NaN, y: yScale(at.y) ?? NaN };
    };
  }, [position, xScale, yScale]);
  // recharts hands out new scale functions several times while it settles after new data, mostly
  // drawing the same: markers are regrouped only when the pixels of the outermost points move.
  const layout = toPixel ? layoutSignature(points, toPixel, plotLeft, plotRight) : "";
  const markers = useMemo(() => {
    if (!toPixel || plotLeft === undefined || plotRight === undefined) return [];
    const inside = groupByPixelCell(points, toPixel, CELL_PX).filter(
      (g) => g.x >= plotLeft - 1 && g.x <= plotRight + 1,
    );
    return inTimeOrder(inside);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `layout` stands for toPixel's result
  }, [points, position, layout]);
  const layers = useMemo(() => {
    const byColor = new Map<string | undefined, MarkerGroup[]>();
    for (const g of markers) {
      const color = colorOf?.(g.items[0]!);
      const same = byColor.get(color);
      if (same) same.push(g);
      else byColor.set(color, [g]);
    }
    return [...byColor].map(([color, groups]) => ({ color, d: circlesPath(groups) }));
  }, [markers, colorOf]);
  const selected = useMemo(
    () => markers[markerOfTrace(markers, selectedTraceId)],
    [markers, selectedTraceId],
  );
  const hovered = useRef<MarkerGroup | undefined>(undefined);
  if (!plot) return null;

  const markerAt = (event: React.MouseEvent<SVGGElement>) => {
    const box = event.currentTarget.ownerSVGElement!.getBoundingClientRect();
    return nearestMarker(markers, event.clientX - box.left, event.clientY - box.top, CELL_PX + RADIUS_PX);
  };
  // Above the axes (as recharts draws its own scatter points): a marker on the plot's edge sits
  // under the axis line, which would otherwise take its click or tap.
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.scatter}>
      <g
        role={focusable ? "group" : undefined}
        aria-label={focusable ? label : undefined}
        aria-hidden={focusable ? undefined : true}
        // How many markers and exemplars are drawn: the benchmarks (bench/) and UI tests read them.
        data-exemplar-markers={markers.length}
        data-exemplars={points.length}
        onClick={(event) => {
          const group = markerAt(event);
          if (group) onSelect(group.items[0]!);
        }}
        onPointerMove={(event) => {
          const group = markerAt(event);
          if (group !== hovered.current) {
            hovered.current = group;
            onHover(group ? { group } : undefined);
          }
        }}
        onPointerLeave={() => {
          hovered.current = undefined;
          onHover(undefined);
        }}
      >
        {layers.map(({ color, d }) => (
          <path
            key={color ?? ""}
            d={d}
            data-marker-fill={color ?? "neutral"}
            strokeWidth={1}
            className={
              color
                ? "cursor-pointer stroke-white/80 dark:stroke-zinc-950/80"
                : "cursor-pointer fill-zinc-800/60 stroke-white/80 dark:fill-zinc-200/70 dark:stroke-zinc-950/80"
            }
            style={color ? { fill: color, fillOpacity: 0.85 } : undefined}
          />
        ))}
        {selected ? (
          <circle
            cx={selected.x}
            cy={selected.y}
            r={6}
            strokeWidth={1}
            className="pointer-events-none fill-rose-500 stroke-white dark:stroke-zinc-950"
          />
        ) : null}
        {focusable && markers.length > 0 ? (
          <MarkerCursor
            markers={markers}
            selectedTraceId={selectedTraceId}
            onSelect={onSelect}
            onHover={onHover}
          />
        ) : null}
      </g>
    </ZIndexLayer>
  );
});

/**
 * Where the earliest, latest, slowest and fastest points land, and the plot's edges: the scales
 * are linear in time and (log) latency, so equal signatures mean every point lands where it did.
 */
function layoutSignature(
  points: readonly ExemplarPoint[],
  toPixel: (p: ExemplarPoint) => { x: number; y: number },
  plotLeft: number | undefined,
  plotRight: number | undefined,
): string {
  if (points.length === 0) return `${plotLeft},${plotRight}`;
  let earliest = points[0]!;
  let latest = earliest;
  let slowest = earliest;
  let fastest = earliest;
  for (const p of points) {
    if (p.timeMs < earliest.timeMs) earliest = p;
    if (p.timeMs > latest.timeMs) latest = p;
    if (p.value > slowest.value) slowest = p;
    if (p.value < fastest.value) fastest = p;
  }
  const pixels = [earliest, latest, slowest, fastest].map((p) => {
    const { x, y } = toPixel(p);
    return `${x.toFixed(2)},${y.toFixed(2)}`;
  });
  return `${plotLeft},${plotRight};${pixels.join(";")}`;
}

/**
 * The chart's one focusable element: a button on the current marker. It starts on the selected
 * exemplar's marker, else on the slowest; a new layout (the chart resized as a trace opened) keeps
 * it on the same trace, and keeps its focus.
 */
function MarkerCursor({
  markers,
  selectedTraceId,
  onSelect,
  onHover,
}: {
  markers: readonly MarkerGroup[];
  selectedTraceId?: string | null;
  onSelect: (point: ExemplarPoint) => void;
  onHover: (hover: { group: MarkerGroup } | undefined) => void;
}) {
  const zone = useTimeZone();
  // The trace the keyboard moved to; a newly selected exemplar moves it there too.
  const [cursor, setCursor] = useState<string | null>(null);
  const [lastSelected, setLastSelected] = useState(selectedTraceId);
  if (selectedTraceId !== lastSelected) {
    setLastSelected(selectedTraceId);
    if (selectedTraceId) setCursor(selectedTraceId);
  }
  const at = useMemo(() => {
    for (const traceId of [cursor, selectedTraceId]) {
      const i = markerOfTrace(markers, traceId);
      if (i >= 0) return i;
    }
    return slowestMarker(markers);
  }, [markers, cursor, selectedTraceId]);
  const current = markers[at]!;

  // Each move is a new element, so that a screen reader announces the marker it lands on.
  const [moves, setMoves] = useState(0);
  const button = useRef<SVGCircleElement>(null);
  const moving = useRef(false);
  useLayoutEffect(() => {
    if (!moving.current) return;
    moving.current = false;
    button.current?.focus();
  }, [moves]);

  return (
    <circle
      key={moves}
      ref={button}
      role="button"
      tabIndex={0}
      aria-label={markerName(current, zone)}
      aria-pressed={selectedTraceId ? current.items.some((p) => p.traceId === selectedTraceId) : false}
      aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Home End PageUp PageDown Enter"
      data-trace-id={current.items[0]!.traceId}
      cx={current.x}
      cy={current.y}
      r={radiusOf(current) + 1.5}
      strokeWidth={3}
      className="cursor-pointer fill-transparent stroke-transparent outline-none focus-visible:stroke-sky-500"
      onFocus={() => onHover({ group: current })}
      onBlur={() => {
        if (!moving.current) onHover(undefined);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          onSelect(current.items[0]!);
          return;
        }
        const step = MARKER_KEYS[event.key];
        if (!step) return;
        event.preventDefault();
        const next = markers[stepMarker(markers, at, step)]!;
        if (next === current) return;
        moving.current = true;
        setCursor(next.items[0]!.traceId);
        setMoves((n) => n + 1);
        onHover({ group: next });
      }}
    />
  );
}
