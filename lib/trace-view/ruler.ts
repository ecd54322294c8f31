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
