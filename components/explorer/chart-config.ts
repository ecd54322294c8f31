/** What the explorer's charts share so that they line up and stay cheap to re-render. */
import { useMemo } from "react";
import { formatClock, timeTicks, zoneOffsetMinutes } from "@/lib/format/time";
import { useTimeZone } from "../time-zone";

/** Tick text of the explorer's charts. A constant, so that recharts sees unchanged axis props. */
export const AXIS_TICK = { fontSize: 11 } as const;
/** Room around the plots; the same for the charts that line up. */
export const CHART_MARGIN = { top: 8, right: 16, bottom: 0, left: 4 } as const;

/**
 * The time axis the explorer's charts share, so that they line up: `<XAxis {...useTimeAxis(start, end)} />`.
 * Memoized: recharts rebuilds its scales (and every exemplar marker's position) when axis props
 * change identity.
 */
export function useTimeAxis(startMs: number, endMs: number) {
  const zone = useTimeZone();
  return useMemo(
    () => ({
      dataKey: "timeMs",
      type: "number" as const,
      scale: "time" as const,
      domain: [startMs, endMs],
      ticks: timeTicks(startMs, endMs, 8, -zoneOffsetMinutes(startMs, zone)),
      tickFormatter: (ms: number) => formatClock(ms, endMs - startMs, zone),
      tick: AXIS_TICK,
      stroke: "currentColor",
      allowDataOverflow: true,
    }),
    [startMs, endMs, zone],
  );
}

/**
 * Charts with thousands of exemplar markers re-lay out at most this often when their width
 * changes. Opening a trace narrows them: the trace panel draws first, the charts follow.
 */
export const RESIZE_THROTTLE_MS = 250;
