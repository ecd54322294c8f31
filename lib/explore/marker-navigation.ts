import type { MarkerGroup } from "./exemplar-groups";
import { type ListStep, stepInList } from "./list-step";

/**
 * Moving between the chart's marker groups: by keyboard (in time order, or to the nearest slower
 * or faster marker) and by pointer (the nearest marker). Apart from the grouping, which the page's
 * own code uses too, so that this loads with the charts.
 */

/** Groups left to right, and at the same place in time the slowest (highest) first: the order the arrow keys walk. */
export function inTimeOrder(groups: readonly MarkerGroup[]): MarkerGroup[] {
  return [...groups].sort((a, b) => a.x - b.x || a.y - b.y);
}

/** A key that moves the chart's one focusable marker. */
export type MarkerStep = ListStep | "slower" | "faster";

export const MARKER_KEYS: Readonly<Record<string, MarkerStep>> = {
  ArrowRight: "next",
  ArrowLeft: "previous",
  Home: "first",
  End: "last",
  PageDown: "pageNext",
  PageUp: "pagePrevious",
  ArrowUp: "slower",
  ArrowDown: "faster",
};

/** How many markers PageUp and PageDown skip. */
const PAGE = 10;

/**
 * Where a key moves from the marker at `at` among markers in time order: along time for the
 * left and right keys, and up or down for the nearest marker drawn above (slower) or below
 * (faster). It stays put at an end, or when nothing lies that way.
 */
export function stepMarker(ordered: readonly MarkerGroup[], at: number, step: MarkerStep): number {
  if (step !== "slower" && step !== "faster") return stepInList(step, at, ordered.length, PAGE);
  if (ordered.length === 0) return -1;
  const here = Math.min(Math.max(at, 0), ordered.length - 1);
  const from = ordered[here]!;
  let best = here;
  let bestDistance = Infinity;
  ordered.forEach((g, i) => {
    const above = g.y < from.y;
    if (g.y === from.y || above !== (step === "slower")) return;
    const distance = (g.x - from.x) ** 2 + (g.y - from.y) ** 2;
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/** The marker holding a trace, or -1. */
export function markerOfTrace(ordered: readonly MarkerGroup[], traceId: string | null | undefined): number {
  if (!traceId) return -1;
  return ordered.findIndex((g) => g.items.some((p) => p.traceId === traceId));
}

/** The marker whose representative exemplar is the slowest: where the keyboard starts. */
export function slowestMarker(ordered: readonly MarkerGroup[]): number {
  let best = -1;
  ordered.forEach((g, i) => {
    if (best < 0 || g.items[0]!.value > ordered[best]!.items[0]!.value) best = i;
  });
  return best;
}

/** The marker nearest a point, within `reachPx`; undefined when none is that close. */
export function nearestMarker(
  groups: readonly MarkerGroup[],
  x: number,
  y: number,
  reachPx: number,
): MarkerGroup | undefined {
  let best: MarkerGroup | undefined;
  let bestDistance = reachPx ** 2;
  for (const g of groups) {
    const distance = (g.x - x) ** 2 + (g.y - y) ** 2;
    if (distance < bestDistance) {
      best = g;
      bestDistance = distance;
    }
  }
  return best;
}
