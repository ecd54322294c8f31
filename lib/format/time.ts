/**
 * The one way a time is written: RFC 3339 for links and the API; for people, 24-hour clock
 * time in the zone they chose (their own or UTC), the date as YYYY-MM-DD. Inputs are epoch
 * milliseconds (`ms`).
 */

/** "2026-11-24T10:00:00Z": whole seconds (rounded down), as links and Share pin them. */
export function formatRfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * Which clock people read: the viewer's own, or UTC (what incident channels and logs often use).
 * `tz` in the URL; every time on screen is written in it, 24-hour, one way.
 */
export const TIME_ZONES = ["local", "utc"] as const;
export type TimeZoneChoice = (typeof TIME_ZONES)[number];

/** Minutes to add to UTC for the zone at that moment (as `getTimezoneOffset`, with the sign flipped). */
export function zoneOffsetMinutes(ms: number, zone: TimeZoneChoice): number {
  return zone === "utc" ? 0 : -new Date(ms).getTimezoneOffset();
}

/** "UTC", or the local zone as its offset ("UTC+01:00", "UTC−05:00", "UTC+05:30"). */
export function zoneLabel(ms: number, zone: TimeZoneChoice): string {
  const offset = zoneOffsetMinutes(ms, zone);
  if (zone === "utc") return "UTC";
  const sign = offset < 0 ? "−" : "+";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** The fields of a moment in the zone, from one cheap shift of the epoch (no Intl on hot paths). */
function fieldsOf(ms: number, zone: TimeZoneChoice) {
  const d = new Date(ms + zoneOffsetMinutes(ms, zone) * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    hm: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    s: pad(d.getUTCSeconds()),
    weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()]!,
  };
}

/** "07:43:43" */
export function formatTimeOfDay(ms: number, zone: TimeZoneChoice = "local"): string {
  const f = fieldsOf(ms, zone);
  return `${f.hm}:${f.s}`;
}

/** "2026-11-26 07:43:43" */
export function formatDateTime(ms: number, zone: TimeZoneChoice = "local"): string {
  const f = fieldsOf(ms, zone);
  return `${f.date} ${f.hm}:${f.s}`;
}

/** Axis labels: "07:20" for short ranges, "Thu 07:00" for ranges over two days. */
export function formatClock(ms: number, rangeMs: number, zone: TimeZoneChoice = "local"): string {
  const f = fieldsOf(ms, zone);
  return rangeMs > 2 * 86_400_000 ? `${f.weekday} ${f.hm}` : f.hm;
}

/** The value of an `<input type="datetime-local">` showing the moment in the zone, whole seconds. */
export function formatInputValue(ms: number, zone: TimeZoneChoice = "local"): string {
  const f = fieldsOf(ms, zone);
  return `${f.date}T${f.hm}:${f.s}`;
}

/** Reads a `datetime-local` value as a moment in the zone; NaN when it is not one. */
export function parseInputValue(value: string, zone: TimeZoneChoice = "local"): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return NaN;
  return zone === "utc" ? Date.parse(`${value}Z`) : Date.parse(value);
}

const TICK_STEPS_MS = [
  60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 10_800_000, 21_600_000,
  43_200_000, 86_400_000,
];

/**
 * Round-valued time ticks across a range (every 5 min, every hour, ...), at most `maxTicks`.
 * Aligned to the zone shown so that "every hour" lands on the hour people see. `offsetMinutes`
 * is as `getTimezoneOffset` gives it (UTC minus local).
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
