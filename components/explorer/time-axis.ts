import { formatClock, timeTicks } from "@/lib/explore/format-time";

/** The time axis the explorer's charts share, so that they line up: `<XAxis {...timeAxis(...)} />`. */
export function timeAxis(startMs: number, endMs: number) {
  return {
    dataKey: "timeMs",
    type: "number" as const,
    scale: "time" as const,
    domain: [startMs, endMs],
    ticks: timeTicks(startMs, endMs),
    tickFormatter: (ms: number) => formatClock(ms, endMs - startMs),
    tick: { fontSize: 11 },
    stroke: "currentColor",
    allowDataOverflow: true,
  };
}
