"use client";

import { memo, useMemo } from "react";
import { usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import { type ExemplarPoint, formatSeconds } from "@/lib/explore/chart-data";
import { type MarkerGroup, groupByPixelCell } from "@/lib/explore/exemplar-groups";
import { formatTimeOfDay } from "@/lib/explore/format-time";

/** Markers closer than this many pixels merge into one group marker with a count. */
const CELL_PX = 6;

interface Props {
  points: readonly ExemplarPoint[];
  /** Where in the data each point is drawn; the latency chart uses (time, value). */
  position?: (point: ExemplarPoint) => { x: number; y: number };
  selectedTraceId?: string | null;
  onSelect: (point: ExemplarPoint) => void;
  onHover: (hover: { group: MarkerGroup } | undefined) => void;
  label: string;
  /**
   * False where the same exemplars are already keyboard-reachable in another view: markers
   * then answer the pointer only, so keyboard users do not tab through them twice.
   */
  focusable?: boolean;
}

export function markerName(group: MarkerGroup): string {
  const slowest = group.items[0]!;
  const when = formatTimeOfDay(slowest.timeMs);
  const head =
    group.items.length > 1
      ? `${group.items.length} exemplars, slowest ${formatSeconds(slowest.value)}`
      : `Exemplar ${formatSeconds(slowest.value)}`;
  return `${head} at ${when}, trace ${slowest.traceId}`;
}

/**
 * Every exemplar as a marker inside a recharts chart, grouped per pixel cell. Each marker is a
 * keyboard button named with its trace ID and value; Enter or a click opens its (slowest) trace.
 */
export const ExemplarLayer = memo(function ExemplarLayer({
  points,
  position,
  selectedTraceId,
  onSelect,
  onHover,
  label,
  focusable = true,
}: Props) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  const groups = useMemo(() => {
    if (!xScale || !yScale) return [];
    const toPixel = (p: ExemplarPoint) => {
      const at = position ? position(p) : { x: p.timeMs, y: p.value };
      return { x: xScale(at.x) ?? NaN, y: yScale(at.y) ?? NaN };
    };
    return groupByPixelCell(points, toPixel, CELL_PX);
  }, [points, position, xScale, yScale]);
  if (!plot) return null;

  const groupAt = (target: EventTarget) => {
    const index = (target as Element).closest("[data-group]")?.getAttribute("data-group");
    return index === null || index === undefined ? undefined : groups[Number(index)];
  };

  return (
    <g
      role="group"
      aria-label={label}
      aria-hidden={focusable ? undefined : true}
      onClick={(event) => {
        const group = groupAt(event.target);
        if (group) onSelect(group.items[0]!);
      }}
      onKeyDown={(event) => {
        const group = groupAt(event.target);
        if (group && (event.key === "Enter" || event.key === " ")) {
          event.preventDefault();
          onSelect(group.items[0]!);
        }
      }}
      onPointerOver={(event) => {
        const group = groupAt(event.target);
        if (group) onHover({ group });
      }}
      onPointerOut={() => onHover(undefined)}
      onFocus={(event) => {
        const group = groupAt(event.target);
        if (group) onHover({ group });
      }}
      onBlur={() => onHover(undefined)}
    >
      {groups.map((group, i) => {
        const selected = group.items.some((p) => p.traceId === selectedTraceId);
        const many = group.items.length > 1;
        if (group.x < plot.x - 1 || group.x > plot.x + plot.width + 1) return null;
        return (
          <g
            key={`${group.items[0]!.traceId}-${i}`}
            data-group={i}
            data-trace-id={group.items[0]!.traceId}
            role={focusable ? "button" : undefined}
            tabIndex={focusable ? 0 : undefined}
            aria-label={focusable ? markerName(group) : undefined}
            aria-pressed={focusable ? selected : undefined}
            className="cursor-pointer outline-none [&:focus-visible>circle]:stroke-sky-500 [&:focus-visible>circle]:stroke-[3]"
          >
            <circle
              cx={group.x}
              cy={group.y}
              r={selected ? 6 : many ? Math.min(3.5 + Math.log2(group.items.length), 7) : 3.5}
              strokeWidth={1}
              className={
                selected
                  ? "fill-rose-500 stroke-white dark:stroke-zinc-950"
                  : "fill-zinc-800/60 stroke-white/80 dark:fill-zinc-200/70 dark:stroke-zinc-950/80"
              }
            />
          </g>
        );
      })}
    </g>
  );
});
