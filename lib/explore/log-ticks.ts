/**
 * Ticks of a logarithmic latency axis, chosen here rather than by recharts: it would measure
 * every candidate label in the DOM to thin them out (a forced layout per label, on every redraw).
 */

/** Leading digits per decade, from finest to coarsest. */
const MANTISSAS = [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 5], [1, 3], [1]];

/**
 * Round values (1, 2, 5 × 10ⁿ, or finer or coarser) inside [low, high]: the finest series with at
 * most `maxTicks`, preferring 1-2-5 once it gives three or more; every k-th decade for huge ranges.
 */
export function logTicks(low: number, high: number, maxTicks = 8): number[] {
  if (!(low > 0) || !(high > low) || !Number.isFinite(high)) return [];
  const series = MANTISSAS.map((mantissas) => ticksWith(mantissas, low, high));
  const preferred = series[1]!;
  if (preferred.length >= 3 && preferred.length <= maxTicks) return preferred;
  const fitting = series.find((ticks) => ticks.length <= maxTicks);
  if (fitting) return fitting;
  const decades = series.at(-1)!;
  const every = Math.ceil(decades.length / maxTicks);
  return decades.filter((_, i) => i % every === 0);
}

function ticksWith(mantissas: number[], low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let exponent = Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high)); exponent++) {
    for (const m of mantissas) {
      // toPrecision: 3 × 10⁻³ is 0.0030000000000000005 in floating point.
      const value = Number((m * 10 ** exponent).toPrecision(12));
      if (value >= low && value <= high) ticks.push(value);
    }
  }
  return ticks;
}
