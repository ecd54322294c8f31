import type { ExemplarPoint } from "../explore/chart-data";
import { type Region, exemplarsInRegion } from "../explore/exemplar-groups";
import type { BaselineRule } from "./baseline-rules";

/**
 * Which exemplars make up the two sides of a comparison. The slow cohort is the selected
 * region's exemplars; the baseline is chosen by a rule the user picks:
 *
 * - `typical`: exemplars of the same series, in the region's time span but outside the region,
 *   whose latency is closest to the median latency of those series over that span (distance
 *   measured on a log scale, so 2× faster and 2× slower count the same).
 * - `before`: exemplars of the same series in the same latency band, recorded before the region
 *   starts: what requests this slow looked like before a regression.
 *
 * Each side keeps at most `max` exemplars, one per trace, spread evenly over time so that one
 * burst does not stand for the whole cohort.
 */

export type { BaselineRule } from "./baseline-rules";
export const MAX_TRACES_PER_COHORT = 40;

export interface Cohorts {
  slow: ExemplarPoint[];
  baseline: ExemplarPoint[];
  /** How many distinct traces each side had before the cap. */
  slowAvailable: number;
  baselineAvailable: number;
  /** The median latency (seconds) the `typical` rule centred on; undefined for `before`. */
  medianValue?: number;
}

/** A series' identity without `le` and `__name__` (an exemplar API answer has them, ranges do not). */
export function seriesKey(labels: Readonly<Record<string, string>>): string {
  return Object.keys(labels)
    .filter((name) => name !== "le" && name !== "__name__")
    .sort()
    .map((name) => `${name}=${labels[name]}`)
    .join(",");
}

export function chooseCohorts(
  points: readonly ExemplarPoint[],
  region: Region,
  rule: BaselineRule,
  max = MAX_TRACES_PER_COHORT,
): Cohorts {
  const slowAll = uniqueTraces(exemplarsInRegion(points, region));
  const slowTraces = new Set(slowAll.map((p) => p.traceId));
  const series = new Set(slowAll.map((p) => seriesKey(p.seriesLabels)));
  const sameSeries = points.filter(
    (p) => series.has(seriesKey(p.seriesLabels)) && !slowTraces.has(p.traceId),
  );
  const t0 = Math.min(region.startMs, region.endMs);
  const t1 = Math.max(region.startMs, region.endMs);
  const v0 = Math.min(region.minValue, region.maxValue);
  const v1 = Math.max(region.minValue, region.maxValue);

  if (rule === "typical") {
    const inSpan = (p: ExemplarPoint) => p.timeMs >= t0 && p.timeMs <= t1;
    const medianValue = median(
      points.filter((p) => inSpan(p) && series.has(seriesKey(p.seriesLabels))).map((p) => p.value),
    );
    const centre = Math.log(medianValue ?? 1);
    const distance = (p: ExemplarPoint) => Math.abs(Math.log(p.value) - centre);
    const closest = uniqueTraces(sameSeries.filter((p) => inSpan(p) && p.value > 0)).sort(
      (a, b) => distance(a) - distance(b) || a.timeMs - b.timeMs,
    );
    return finish(slowAll, closest.slice(0, max), closest.length, max, medianValue);
  }
  const before = uniqueTraces(sameSeries.filter((p) => p.timeMs < t0 && p.value >= v0 && p.value <= v1));
  return finish(slowAll, before, before.length, max);
}

function finish(
  slowAll: ExemplarPoint[],
  baselineAll: ExemplarPoint[],
  baselineAvailable: number,
  max: number,
  medianValue?: number,
): Cohorts {
  return {
    slow: spreadOverTime(slowAll, max),
    baseline: spreadOverTime(baselineAll, max),
    slowAvailable: slowAll.length,
    baselineAvailable,
    medianValue,
  };
}

/** The first exemplar of each trace (a trace can be recorded by several series or replicas). */
function uniqueTraces(points: readonly ExemplarPoint[]): ExemplarPoint[] {
  const seen = new Set<string>();
  return points.filter((p) => !seen.has(p.traceId) && Boolean(seen.add(p.traceId)));
}

/** At most `max` points, evenly spaced in time order, in time order. */
export function spreadOverTime(points: readonly ExemplarPoint[], max: number): ExemplarPoint[] {
  const sorted = [...points].sort((a, b) => a.timeMs - b.timeMs || b.value - a.value);
  if (sorted.length <= max) return sorted;
  if (max <= 0) return [];
  const step = sorted.length / max;
  return Array.from({ length: max }, (_, i) => sorted[Math.floor(i * step + step / 2)]!);
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Typical requests to hold a trace against, best first: the exemplars of the same series (other
 * traces) by how near their latency is to the series' median (on a log scale). Several, because
 * the nearest one's trace may have been sampled out. Empty when the trace is not among the
 * exemplars or its series has no other.
 */
export function typicalPartners(
  points: readonly ExemplarPoint[],
  traceId: string,
  max = 10,
): ExemplarPoint[] {
  const own = points.find((p) => p.traceId === traceId);
  if (!own) return [];
  const series = seriesKey(own.seriesLabels);
  const same = points.filter((p) => seriesKey(p.seriesLabels) === series);
  const centre = Math.log(median(same.map((p) => p.value))!);
  const distance = (p: ExemplarPoint) => Math.abs(Math.log(p.value) - centre);
  return uniqueTraces(same.filter((p) => p.traceId !== traceId && p.value > 0))
    .sort((a, b) => distance(a) - distance(b) || a.timeMs - b.timeMs)
    .slice(0, max);
}

/** The best of `typicalPartners`. */
export function typicalPartner(points: readonly ExemplarPoint[], traceId: string): ExemplarPoint | undefined {
  return typicalPartners(points, traceId, 1)[0];
}
