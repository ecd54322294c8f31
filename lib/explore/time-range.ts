import { formatRfc3339 } from "../format/time";
/**
 * The explorer's time range as the URL carries it: `now-1h` style relative times or RFC 3339.
 * Relative times keep a live view moving; "Share" pins them to absolute ones.
 */

const RELATIVE = /^now(?:-(\d+)(s|m|h|d|w))?$/;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000, w: 604_800_000 };

export const DEFAULT_FROM = "now-1h";
export const DEFAULT_TO = "now";
export const MAX_RANGE_MS = 8 * 86_400_000;

export const RANGE_PRESETS = [
  { label: "15m", from: "now-15m" },
  { label: "1h", from: "now-1h" },
  { label: "6h", from: "now-6h" },
  { label: "24h", from: "now-24h" },
  { label: "7d", from: "now-7d" },
] as const;

/** A time expression → epoch ms, or undefined when it is neither form. */
export function resolveTime(expression: string, nowMs: number): number | undefined {
  const relative = RELATIVE.exec(expression.trim());
  if (relative) {
    return relative[1] ? nowMs - Number(relative[1]) * UNIT_MS[relative[2]!]! : nowMs;
  }
  // Only full RFC 3339 date-times: Date.parse alone would accept too much.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(expression.trim())) {
    return undefined;
  }
  const ms = Date.parse(expression);
  return Number.isNaN(ms) ? undefined : ms;
}

export type ResolvedRange = { ok: true; startMs: number; endMs: number } | { ok: false; error: string };

export function resolveRange(from: string, to: string, nowMs: number): ResolvedRange {
  const startMs = resolveTime(from, nowMs);
  const endMs = resolveTime(to, nowMs);
  if (startMs === undefined)
    return { ok: false, error: `"from" is not a time: ${from}. Use now-1h or 2026-11-24T10:00:00Z` };
  if (endMs === undefined)
    return { ok: false, error: `"to" is not a time: ${to}. Use now or 2026-11-24T11:00:00Z` };
  if (endMs <= startMs) return { ok: false, error: `the range ends before it starts (${from} to ${to})` };
  if (endMs - startMs > MAX_RANGE_MS)
    return { ok: false, error: "the range is longer than 8 days; choose a shorter one" };
  return { ok: true, startMs, endMs };
}

/** For "Share": relative expressions become absolute RFC 3339 times (whole seconds). */
export function toAbsolute(expression: string, nowMs: number): string {
  const ms = resolveTime(expression, nowMs);
  if (ms === undefined || !RELATIVE.test(expression.trim())) return expression;
  return formatRfc3339(ms);
}

const NICE_STEPS_SEC = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/**
 * A query step that gives about `targetPoints` points, never finer than the 15 s scrape
 * interval, and the `rate()` window that goes with it (at least four scrapes, at least one step).
 */
export function chooseResolution(
  rangeMs: number,
  targetPoints = 240,
): { stepSec: number; rateWindowSec: number } {
  const ideal = rangeMs / 1000 / targetPoints;
  const stepSec = NICE_STEPS_SEC.find((s) => s >= ideal) ?? NICE_STEPS_SEC[NICE_STEPS_SEC.length - 1]!;
  return { stepSec, rateWindowSec: Math.max(60, stepSec) };
}

export function formatWindow(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
