/** What the explorer's charts share so that they line up and stay cheap to re-render. */
import { useEffect, useMemo, useRef } from "react";
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
      // Up to 8 clock times ("13:05") fit even a phone's chart: all are drawn, without the thinning
      // that measures each label in the DOM. Longer labels (with a weekday) are thinned.
      interval: endMs - startMs > 2 * 86_400_000 ? ("preserveStartEnd" as const) : (0 as const),
      stroke: "currentColor",
      allowDataOverflow: true,
    }),
    [startMs, endMs, zone],
  );
}

/**
 * recharts 3 draws its layers through React portals into bare `<g>` elements. React listens for
 * focus events on every portal container, and Chrome makes an SVG element with focus listeners a
 * tab stop: each chart added three to five empty stops to the Tab order. This takes them out of it
 * (`tabindex="-1"`), as they come. Put the returned ref on the chart's container.
 */
export function useNoEmptyTabStops<T extends Element>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const untab = () => {
      for (const layer of root.querySelectorAll('g[class^="recharts-zIndex-layer"]:not([tabindex])')) {
        layer.setAttribute("tabindex", "-1");
      }
    };
    untab();
    const observer = new MutationObserver(untab);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return ref;
}
