import { bucketIndexOf } from "./buckets";
import type { ExemplarPoint } from "./chart-data";
import { type ListStep, stepInList } from "./list-step";
import { type Region, exemplarsInRegion } from "./exemplar-groups";

/** The exemplar list's rows: filtered by bucket and region, sorted as the user chose. */

export type ExemplarSort = "value" | "time";

export interface ExemplarFilter {
  bucket?: number;
  bounds: readonly number[];
  region?: Region | null;
  sort: ExemplarSort;
}

export function visibleExemplars(points: readonly ExemplarPoint[], filter: ExemplarFilter): ExemplarPoint[] {
  let rows = filter.region ? exemplarsInRegion(points, filter.region) : [...points];
  if (filter.bucket !== undefined && filter.bounds.length > 0) {
    rows = rows.filter((p) => bucketIndexOf(p.value, filter.bounds) === filter.bucket);
  }
  return filter.sort === "time"
    ? rows.sort((a, b) => b.timeMs - a.timeMs || b.value - a.value)
    : rows.sort((a, b) => b.value - a.value || a.timeMs - b.timeMs);
}

/** Exemplars per bucket, for the distribution chart. */
export function exemplarCountsPerBucket(
  points: readonly ExemplarPoint[],
  bounds: readonly number[],
): number[] {
  const counts = new Array<number>(bounds.length).fill(0);
  if (bounds.length === 0) return counts;
  for (const p of points) counts[bucketIndexOf(p.value, bounds)]!++;
  return counts;
}

/** Series label names whose values differ between exemplars: the ones worth a column. */
export function varyingLabelNames(points: readonly ExemplarPoint[]): string[] {
  const names = new Set<string>();
  for (const p of points) for (const name of Object.keys(p.seriesLabels)) names.add(name);
  names.delete("__name__");
  names.delete("le");
  // A label missing on some series tells them apart as much as a different value does.
  return [...names].filter((name) => new Set(points.map((p) => p.seriesLabels[name] ?? "")).size > 1).sort();
}

const LIST_KEYS: Readonly<Record<string, ListStep>> = {
  ArrowDown: "next",
  ArrowUp: "previous",
  Home: "first",
  End: "last",
  PageDown: "pageNext",
  PageUp: "pagePrevious",
};

/**
 * Where a key moves the focus in a list of `count` rows from row `at`: one row with the arrows,
 * `page` rows with PageUp/PageDown, the ends with Home/End; undefined for other keys.
 */
export function listKeyTarget(key: string, at: number, count: number, page: number): number | undefined {
  const step = LIST_KEYS[key];
  return step === undefined || count === 0 ? undefined : stepInList(step, at, count, page);
}
