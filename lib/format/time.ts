/**
 * The one way a time is written: RFC 3339 for links and the API, the viewer's locale and time
 * zone for people. Inputs are epoch milliseconds (`ms`).
 */

/** "2026-11-24T10:00:00Z": whole seconds (rounded down), as links and Share pin them. */
export function formatRfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** The value of an `<input type="datetime-local">`: local time, whole seconds. */
export function formatLocalInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Axis labels: clock time for short ranges, day and time for long ones (viewer's time zone). */
export function formatClock(ms: number, rangeMs: number): string {
  const date = new Date(ms);
  if (rangeMs > 2 * 86_400_000) {
    return date.toLocaleString(undefined, { weekday: "short", hour: "2-digit", minute: "2-digit" });
  }
  return date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
}

const TICK_STEPS_MS = [
  60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000,
  43_200_000, 86_400_000,
];

/**
 * Round-valued time ticks across a range (every 5 min, every hour, ...), at most `maxTicks`.
 * Aligned to the viewer's time zone so that "every hour" lands on the hour they see.
 */
export function timeTicks(
  startMs: number,
  endMs: number,
  maxTicks = 8,
  offsetMinutes = new Date(startMs).getTimezoneOffset(),
): number[] {
  const span = endMs - startMs;
  const step =
    TICK_STEPS_MS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / 86_400_000) * 86_400_000;
  const offsetMs = -offsetMinutes * 60_000;
  const first = Math.ceil((startMs + offsetMs) / step) * step - offsetMs;
  const ticks: number[] = [];
  for (let t = first; t <= endMs; t += step) ticks.push(t);
  return ticks;
}

// One formatter, made once: Date.prototype.toLocaleTimeString builds a new one on every call,
// which is what thousands of marker labels would otherwise pay for.
const clockWithSeconds = new Intl.DateTimeFormat(undefined, {
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
});

/** "6:40:30 PM" in the viewer's locale and time zone. */
export function formatTimeOfDay(ms: number): string {
  return clockWithSeconds.format(ms);
}
