"use client";

import { type ReactNode, useLayoutEffect, useRef, useState } from "react";

export interface BoxSize {
  width: number;
  height: number;
}

/**
 * Charts with thousands of exemplar markers re-lay out at most this often when their box changes.
 * Opening a trace narrows them: the trace panel draws its rows first, the charts follow.
 */
export const RESIZE_THROTTLE_MS = 250;

/**
 * A box that fills its parent and draws its chart at the box's size: at once when it first has
 * one, then at most every RESIZE_THROTTLE_MS (the latest size, 250 ms after the first change).
 *
 * In place of recharts' `ResponsiveContainer debounce`: its throttle (es-toolkit's compat
 * `throttle`, 1.53) sticks when a burst of resizes ends on its `maxWait` and from then on re-lays
 * out at once on every change. A page whose load ended that way re-drew its heatmap (~1,900
 * cells) the moment a trace opened, ahead of the trace's rows (a marker click → rows: 0.34 s
 * median, 0.19 s with this box, in Chromium with its CPU slowed 3×).
 */
export function ChartBox({
  children,
  rechartsFollowsMouse = true,
}: {
  children: (size: BoxSize) => ReactNode;
  /**
   * false: recharts does not see the mouse move over the chart. It tracks the pointer for its own
   * tooltip and active dots (each move, in the next frame: the data point under the pointer, and a
   * re-render of what follows it) also in a chart that draws neither. A one-second sweep across
   * the latency chart ran 83–97 ms of script, 27–44 ms without. Its own layers use pointer events.
   */
  rechartsFollowsMouse?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<BoxSize>();
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    let latest = sizeOf(box.getBoundingClientRect());
    let drawn = latest;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = () => {
      timer = undefined;
      if (sameSize(latest, drawn)) return;
      drawn = latest;
      setSize(drawn);
    };
    setSize(drawn);
    const observer = new ResizeObserver(([entry]) => {
      latest = sizeOf(entry!.contentRect);
      if (isEmpty(drawn)) apply();
      // The observer's first report is the size already drawn: waiting on it would make a change
      // right after (a trace opened as the page settles) redraw early, not 250 ms after it.
      else if (!sameSize(latest, drawn)) timer ??= setTimeout(apply, RESIZE_THROTTLE_MS);
    });
    observer.observe(box);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, []);
  return (
    <div ref={ref} className="h-full w-full" onMouseMoveCapture={rechartsFollowsMouse ? undefined : stop}>
      {size && !isEmpty(size) ? children(size) : null}
    </div>
  );
}

const sizeOf = (rect: { width: number; height: number }): BoxSize => ({
  width: Math.round(rect.width),
  height: Math.round(rect.height),
});

const stop = (event: React.SyntheticEvent) => event.stopPropagation();

const sameSize = (a: BoxSize, b: BoxSize) => a.width === b.width && a.height === b.height;

const isEmpty = (size: BoxSize) => size.width <= 0 || size.height <= 0;
