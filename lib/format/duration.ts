/**
 * The one way a duration is written for people, on every screen: three significant digits and
 * the unit after a space ("850 µs", "12.3 ms", "250 ms", "1.24 s", "2 min 5 s"). The unit of the
 * input is in the function's name; Prometheus speaks seconds, traces microseconds.
 */

export function formatDurationUs(us: number): string {
  if (!Number.isFinite(us)) return "–";
  const abs = Math.abs(us);
  if (abs < 1000) return `${Math.round(us)} µs`;
  if (abs < 1_000_000) return `${threeDigits(us / 1000)} ms`;
  if (abs < 60_000_000) return `${threeDigits(us / 1_000_000)} s`;
  const sign = us < 0 ? "-" : "";
  const totalSec = Math.round(abs / 1_000_000);
  const minutes = Math.floor(totalSec / 60);
  return `${sign}${minutes} min ${totalSec - minutes * 60} s`;
}

export function formatDurationSec(seconds: number): string {
  return formatDurationUs(seconds * 1_000_000);
}

/** 12.3, 250, 1.24, 5 (no trailing zeros); 999.6 ms is "1000 ms", not "1.00e+3". */
function threeDigits(value: number): string {
  return Math.abs(value) >= 100 ? String(Math.round(value)) : String(Number(value.toPrecision(3)));
}
