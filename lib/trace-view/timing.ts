import type { Trace } from "../model/trace";
import type { SpanTree } from "./span-tree";

/**
 * Self time and the critical path, as pure functions over the span tree. Definitions follow
 * Jaeger's trace view: children are first clipped to their parent (a child that starts after
 * its parent ended, such as a consumer of a message the parent produced, is left out), then
 * the critical path walks back from the end of the root, always into the child that finished
 * last before the current point.
 */

export interface ClippedTimes {
  startUs: Float64Array;
  endUs: Float64Array;
  /** 0 where the span lies entirely outside its (clipped) parent. */
  inParent: Uint8Array;
}

export function clipToParents(trace: Trace, tree: SpanTree): ClippedTimes {
  const n = trace.spans.length;
  const startUs = new Float64Array(n);
  const endUs = new Float64Array(n);
  const inParent = new Uint8Array(n);
  for (const i of tree.order) {
    const span = trace.spans[i]!;
    const p = tree.parent[i]!;
    let start = span.startUs;
    let end = span.startUs + span.durationUs;
    let inside = 1;
    if (p >= 0) {
      if (!inParent[p] || start >= endUs[p]! || end <= startUs[p]!) inside = 0;
      start = Math.max(start, startUs[p]!);
      end = Math.min(end, endUs[p]!);
    }
    startUs[i] = start;
    endUs[i] = Math.max(start, end);
    inParent[i] = inside;
  }
  return { startUs, endUs, inParent };
}

/** Time of a span not covered by any of its children (children clipped to the span). */
export function selfTimeUs(trace: Trace, tree: SpanTree, index: number): number {
  const span = trace.spans[index]!;
  const start = span.startUs;
  const end = span.startUs + span.durationUs;
  let covered = 0;
  let cursor = start;
  // Children are sorted by start, so one sweep merges their intervals.
  for (const c of tree.children[index]!) {
    const child = trace.spans[c]!;
    const from = Math.max(child.startUs, cursor);
    const to = Math.min(child.startUs + child.durationUs, end);
    if (to > from) {
      covered += to - from;
      cursor = to;
    }
  }
  return Math.max(0, span.durationUs - covered);
}

export interface CriticalSection {
  index: number;
  startUs: number;
  endUs: number;
}

export interface CriticalPath {
  /** Sections in walk order (latest first). */
  sections: CriticalSection[];
  /** 1 for spans with at least one section on the path. */
  onPath: Uint8Array;
}

/** The critical path from the root that finishes last. */
export function criticalPath(
  trace: Trace,
  tree: SpanTree,
  clipped = clipToParents(trace, tree),
): CriticalPath {
  const n = trace.spans.length;
  const onPath = new Uint8Array(n);
  const sections: CriticalSection[] = [];
  if (n === 0) return { sections, onPath };
  let root = tree.roots[0]!;
  for (const r of tree.roots) if (clipped.endUs[r]! > clipped.endUs[root]!) root = r;

  const { startUs, endUs, inParent } = clipped;
  const push = (index: number, from: number, to: number) => {
    onPath[index] = 1;
    if (to > from) sections.push({ index, startUs: from, endUs: to });
  };
  /** The child of `i` that ended last at or before `limit` (strictly before when returning). */
  const lastFinishingChild = (i: number, limit: number, strict: boolean) => {
    let best = -1;
    for (const c of tree.children[i]!) {
      if (!inParent[c]) continue;
      const end = endUs[c]!;
      if ((strict ? end < limit : end <= limit) && (best < 0 || end > endUs[best]!)) best = c;
    }
    return best;
  };

  let index = root;
  let limit = endUs[root]!;
  let returning = false;
  for (let steps = 0; steps < 4 * n + 4; steps++) {
    const child = lastFinishingChild(index, limit, returning);
    if (child >= 0) {
      push(index, endUs[child]!, limit);
      index = child;
      limit = endUs[child]!;
      returning = false;
      continue;
    }
    push(index, startUs[index]!, limit);
    if (index === root) break;
    limit = startUs[index]!;
    index = tree.parent[index]!;
    returning = true;
  }
  return { sections, onPath };
}
