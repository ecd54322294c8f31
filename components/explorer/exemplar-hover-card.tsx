import { type ReactNode, useCallback, useState } from "react";
import { type ExemplarPoint, formatLabels } from "@/lib/explore/chart-data";
import { formatDurationSec } from "@/lib/format/duration";
import type { MarkerGroup } from "@/lib/explore/exemplar-groups";
import { formatDateTime, zoneLabel } from "@/lib/format/time";
import { useTimeZone } from "../time-zone";
import { useNoEmptyTabStops } from "./chart-config";

/** What a hovered or focused marker holds: value, time, series labels and trace ID. */
export function ExemplarHoverCard({ group }: { group: MarkerGroup }) {
  const slowest = group.items[0]!;
  const zone = useTimeZone();
  return (
    <div
      role="tooltip"
      className="pointer-events-none absolute z-10 max-w-sm rounded-md border border-zinc-200 bg-white/95 p-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-900/95"
      style={{ left: Math.max(group.x - 140, 0), top: group.y + 14 }}
    >
      <p className="font-semibold tabular-nums">
        {formatDurationSec(slowest.value)}
        {group.items.length > 1 ? (
          <span className="font-normal text-zinc-500">
            {" "}
            · slowest of {group.items.length} here (down to {formatDurationSec(group.items.at(-1)!.value)})
          </span>
        ) : null}
      </p>
      <p className="text-zinc-500">
        {formatDateTime(slowest.timeMs, zone)} {zoneLabel(slowest.timeMs, zone)}
      </p>
      <p className="mt-1 break-all font-mono text-[11px] text-zinc-600 dark:text-zinc-400">
        {formatLabels(slowest.seriesLabels)}
      </p>
      <p className="mt-1 font-mono text-[11px]">trace {slowest.traceId}</p>
      <p className="mt-1 text-zinc-500">Click or press Enter to open the trace</p>
    </div>
  );
}

export type ExemplarHover = { group: MarkerGroup } | undefined;

/**
 * The marker under the pointer or focus, for a chart's hover card; each change is also passed on
 * as a hint that its (slowest) exemplar's trace may be opened next.
 */
export function useExemplarHover(onPreview?: (point: ExemplarPoint | undefined) => void) {
  const [hover, setHover] = useState<ExemplarHover>();
  const onHover = useCallback(
    (next: ExemplarHover) => {
      setHover(next);
      onPreview?.(next?.group.items[0]);
    },
    [onPreview],
  );
  return { hover, onHover };
}

export interface PreviewProps {
  /** The exemplar under the pointer or focus: a hint that its trace may be opened next. */
  onPreviewExemplar?: (point: ExemplarPoint | undefined) => void;
}

/**
 * A chart with exemplar markers and their hover card. The plot is drawn by `renderPlot`, which
 * should return a memoized component: hovering then re-renders the card, not the chart.
 */
export function ExemplarChartFigure({
  className,
  testId,
  label,
  onPreviewExemplar,
  renderPlot,
}: PreviewProps & {
  className: string;
  testId: string;
  label: string;
  renderPlot: (onHover: (hover: ExemplarHover) => void) => ReactNode;
}) {
  const { hover, onHover } = useExemplarHover(onPreviewExemplar);
  const ref = useNoEmptyTabStops<HTMLElement>();
  return (
    <figure ref={ref} className={`relative w-full ${className}`} data-testid={testId} aria-label={label}>
      {renderPlot(onHover)}
      {hover ? <ExemplarHoverCard group={hover.group} /> : null}
    </figure>
  );
}
