"use client";

import { memo, useLayoutEffect, useMemo, useRef } from "react";
import { usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import { type ExemplarPoint } from "@/lib/explore/chart-data";
import { formatDurationSec } from "@/lib/format/duration";
import { type MarkerGroup, groupByPixelCell } from "@/lib/explore/exemplar-groups";
import { type TimeZoneChoice, formatTimeOfDay } from "@/lib/format/time";
import { useTimeZone } from "../time-zone";

/** Markers closer than this many pixels merge into one group marker with a count. */
const CELL_PX = 6;

interface Props {
  points: readonly ExemplarPoint[];
  /** Where in the data each point is drawn; the latency chart uses (time, value). */
  position?: (point: ExemplarPoint) => { x: number; y: number };
  selectedTraceId?: string | null;
  /** The color of a point's series, when the chart tells series apart; else the neutral one. */
  colorOf?: (point: ExemplarPoint) => string | undefined;
  onSelect: (point: ExemplarPoint) => void;
  onHover: (hover: { group: MarkerGroup } | undefined) => void;
  label: string;
  /**
   * False where the same exemplars are already keyboard-reachable in another view: markers
   * then answer the pointer only, so keyboard users do not tab through them twice.
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

/**
 * Every exemplar as a marker inside a recharts chart, grouped per pixel cell. Each marker is a
 * keyboard button named with its trace ID and value; Enter or a click opens its (slowest) trace.
 */
export const ExemplarLayer = memo(function ExemplarLayer({
  points,
  position,
  selectedTraceId,
  colorOf,
  onSelect,
  onHover,
  label,
  focusable = true,
}: Props) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const plot = usePlotArea();
  const zone = useTimeZone();
  const groups = useMemo(() => {
    if (!xScale || !yScale) return [];
    const toPixel = (p: ExemplarPoint) => {
      const at = position ? position(p) : { x: p.timeMs, y: p.value };
      return { x: xScale(at.x) ?? NaN, y: yScale(at.y) ?? NaN };
    };
    return groupByPixelCell(points, toPixel, CELL_PX);
  }, [points, position, xScale, yScale]);
  const { ref: layerRef, onFocus: rememberFocus, onBlur: rememberBlur } = useKeepFocusAcrossRelayout(groups);
  if (!plot) return null;
  if (!focusable) {
    return (
      <PointerOnlyMarkers
        groups={groups}
        selectedTraceId={selectedTraceId}
        onSelect={onSelect}
        onHover={onHover}
      />
    );
  }

  const groupAt = (target: EventTarget) => {
    const index = (target as Element).closest("[data-group]")?.getAttribute("data-group");
    return index === null || index === undefined ? undefined : groups[Number(index)];
  };

  return (
    <g
      // A new container per set of groups: React then builds all markers off-document and inserts
      // them at once, instead of placing thousands of new siblings one by one (quadratic).
      key={identityOf(groups)}
      role="group"
      aria-label={label}
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
        rememberFocus(event.target as Element);
        const group = groupAt(event.target);
        if (group) onHover({ group });
      }}
      onBlur={() => {
        rememberBlur();
        onHover(undefined);
      }}
      ref={layerRef}
    >
      {groups.map((group, i) =>
        group.x < plot.x - 1 || group.x > plot.x + plot.width + 1 ? null : (
          <FocusableMarker
            key={i}
            group={group}
            index={i}
            selected={selectedTraceId ? group.items.some((p) => p.traceId === selectedTraceId) : false}
            color={colorOf?.(group.items[0]!)}
            zone={zone}
          />
        ),
      )}
    </g>
  );
});

/**
 * One marker, memoized: selecting an exemplar re-renders the two markers whose state changed, not
 * thousands.
 */
const FocusableMarker = memo(function FocusableMarker({
  group,
  index,
  selected,
  color,
  zone,
}: {
  group: MarkerGroup;
  index: number;
  selected: boolean;
  color?: string;
  zone: TimeZoneChoice;
}) {
  const many = group.items.length > 1;
  return (
    <circle
      data-group={index}
      data-trace-id={group.items[0]!.traceId}
      role="button"
      tabIndex={0}
      aria-label={markerName(group, zone)}
      aria-pressed={selected}
      cx={group.x}
      cy={group.y}
      r={selected ? 6 : many ? Math.min(3.5 + Math.log2(group.items.length), 7) : 3.5}
      strokeWidth={1}
      className={
        selected
          ? "cursor-pointer fill-rose-500 stroke-white outline-none focus-visible:stroke-sky-500 focus-visible:stroke-[3] dark:stroke-zinc-950"
          : color
            ? "cursor-pointer stroke-white/80 outline-none focus-visible:stroke-sky-500 focus-visible:stroke-[3] dark:stroke-zinc-950/80"
            : "cursor-pointer fill-zinc-800/60 stroke-white/80 outline-none focus-visible:stroke-sky-500 focus-visible:stroke-[3] dark:fill-zinc-200/70 dark:stroke-zinc-950/80"
      }
      style={color && !selected ? { fill: color, fillOpacity: 0.85 } : undefined}
    />
  );
});

/** A number per object identity: a new array of groups gets a new number. */
const identities = new WeakMap<object, number>();
let lastIdentity = 0;
function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = ++lastIdentity));
  return id;
}

const RADIUS_PX = 3.5;

/**
 * The same markers for a view where they are already reachable by keyboard elsewhere: one SVG
 * path for all of them (thousands of elements fewer), with clicks and hovers resolved to the
 * nearest group under the pointer.
 */
function PointerOnlyMarkers({
  groups,
  selectedTraceId,
  onSelect,
  onHover,
}: {
  groups: MarkerGroup[];
  selectedTraceId?: string | null;
  onSelect: (point: ExemplarPoint) => void;
  onHover: (hover: { group: MarkerGroup } | undefined) => void;
}) {
  const hovered = useRef<MarkerGroup | undefined>(undefined);
  const path = useMemo(
    () =>
      groups
        .map(
          (g) =>
            `M${g.x - RADIUS_PX},${g.y}a${RADIUS_PX},${RADIUS_PX} 0 1,0 ${2 * RADIUS_PX},0a${RADIUS_PX},${RADIUS_PX} 0 1,0 ${-2 * RADIUS_PX},0`,
        )
        .join(""),
    [groups],
  );
  const selected = selectedTraceId
    ? groups.find((g) => g.items.some((p) => p.traceId === selectedTraceId))
    : undefined;
  const nearest = (event: React.PointerEvent<SVGPathElement> | React.MouseEvent<SVGPathElement>) => {
    const box = event.currentTarget.ownerSVGElement!.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    let best: MarkerGroup | undefined;
    let bestDistance = (CELL_PX + RADIUS_PX) ** 2;
    for (const g of groups) {
      const distance = (g.x - x) ** 2 + (g.y - y) ** 2;
      if (distance < bestDistance) {
        best = g;
        bestDistance = distance;
      }
    }
    return best;
  };
  return (
    <g aria-hidden>
      <path
        d={path}
        strokeWidth={1}
        className="cursor-pointer fill-zinc-800/60 stroke-white/80 dark:fill-zinc-200/70 dark:stroke-zinc-950/80"
        onClick={(event) => {
          const group = nearest(event);
          if (group) onSelect(group.items[0]!);
        }}
        onPointerMove={(event) => {
          const group = nearest(event);
          if (group !== hovered.current) {
            hovered.current = group;
            onHover(group ? { group } : undefined);
          }
        }}
        onPointerLeave={() => {
          hovered.current = undefined;
          onHover(undefined);
        }}
      />
      {selected ? (
        <circle
          cx={selected.x}
          cy={selected.y}
          r={6}
          strokeWidth={1}
          className="pointer-events-none fill-rose-500 stroke-white dark:stroke-zinc-950"
        />
      ) : null}
    </g>
  );
}

/**
 * A new layout (the chart resized as a trace opened) re-creates every marker: the focused one is
 * removed, and focus would drop to the page. This puts it back on the marker of the same trace.
 */
function useKeepFocusAcrossRelayout(groups: unknown) {
  const container = useRef<SVGGElement>(null);
  const focused = useRef<{ element: Element; traceId: string } | undefined>(undefined);
  const blurredAt = useRef(0);
  useLayoutEffect(() => {
    const last = focused.current;
    if (!last || last.element.isConnected || !container.current) return;
    // Only a marker removed while it had focus: not one the person left a while ago.
    const removedWhileFocused = document.activeElement === document.body || !document.activeElement;
    if (!removedWhileFocused || performance.now() - blurredAt.current > 250) return;
    const again = container.current.querySelector<SVGElement>(`[data-trace-id="${last.traceId}"]`);
    again?.focus();
  }, [groups]);
  return {
    ref: container,
    onFocus: (element: Element) => {
      const traceId = element.getAttribute("data-trace-id");
      focused.current = traceId ? { element, traceId } : undefined;
    },
    onBlur: () => {
      blurredAt.current = performance.now();
    },
  };
}
