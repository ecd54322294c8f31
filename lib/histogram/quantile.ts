/**
 * Prometheus's `histogram_quantile` over classic (cumulative `le`) buckets, as a pure
 * function: the demo world evaluates it, and the explorer's tests check against it.
 */

export interface CumulativeBucket {
  /** Upper bound; `Infinity` for "+Inf". */
  le: number;
  /** Cumulative count (or rate) of observations ≤ le. */
  count: number;
}

/** `le` label → number. Prometheus 3 writes "1.0" where 2.x wrote "1"; both parse. */
export function parseLe(le: string): number {
  if (le === "+Inf" || le === "Inf" || le === "inf" || le === "+inf") return Infinity;
  const value = Number(le);
  return Number.isNaN(value) || le.trim() === "" ? NaN : value;
}

/**
 * Same rules as Prometheus: buckets sorted by `le`, linear interpolation inside the bucket,
 * 0 as the lower bound of the first bucket when it is positive, the highest finite bound
 * when the quantile falls into +Inf, NaN without a +Inf bucket or observations.
 */
export function histogramQuantile(q: number, unsorted: readonly CumulativeBucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const buckets = [...unsorted].filter((b) => !Number.isNaN(b.le)).sort((a, b) => a.le - b.le);
  if (buckets.length < 2 || buckets[buckets.length - 1]!.le !== Infinity) return NaN;
  // Counts must not decrease; Prometheus repairs small non-monotonicities the same way.
  for (let i = 1; i < buckets.length; i++) {
    if (buckets[i]!.count < buckets[i - 1]!.count) {
      buckets[i] = { le: buckets[i]!.le, count: buckets[i - 1]!.count };
    }
  }
  const total = buckets[buckets.length - 1]!.count;
  if (total === 0) return NaN;
  const rank = q * total;
  let index = buckets.findIndex((b) => b.count >= rank);
  if (index === buckets.length - 1) return buckets[buckets.length - 2]!.le;
  if (index === 0 && buckets[0]!.le <= 0) return buckets[0]!.le;
  let lowerBound = 0;
  let lowerCount = 0;
  if (index > 0) {
    lowerBound = buckets[index - 1]!.le;
    lowerCount = buckets[index - 1]!.count;
  } else {
    index = 0;
  }
  const upper = buckets[index]!;
  const inBucket = upper.count - lowerCount;
  if (inBucket === 0) return upper.le;
  return lowerBound + (upper.le - lowerBound) * ((rank - lowerCount) / inBucket);
}
