/** Durations and offsets in microseconds, for people: 850µs, 12.3ms, 1.24s, 2m 5s. */
export function formatDurationUs(us: number): string {
  if (!Number.isFinite(us)) return "–";
  const abs = Math.abs(us);
  if (abs < 1000) return `${Math.round(us)}µs`;
  if (abs < 1_000_000) return `${trim(us / 1000)}ms`;
  if (abs < 60_000_000) return `${trim(us / 1_000_000)}s`;
  const minutes = Math.floor(us / 60_000_000);
  return `${minutes}m ${Math.round((us - minutes * 60_000_000) / 1_000_000)}s`;
}

function trim(value: number): string {
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** Evenly spaced round offsets for a time ruler over [0, spanUs]. */
export function rulerTicks(spanUs: number, maxTicks = 6): number[] {
  if (!(spanUs > 0)) return [0];
  const raw = spanUs / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = 0; t <= spanUs + 1e-9; t += step) ticks.push(t);
  return ticks;
}
