import type { Trace } from "../model/trace";
import type { SpanTree } from "./span-tree";

/**
 * Runs of repeated work: consecutive sibling spans with the same service and operation and no
 * children of their own (an N+1's forty queries). The waterfall folds each run of at least
 * `minRun` into its first span, which says "× 40 · 540 ms", until the person unfolds it.
 */
export interface SiblingRun {
  /** Span indices in start order; the first one stands for the run when it is folded. */
  members: number[];
  totalUs: number;
}

export const MIN_RUN = 5;

/** The runs, keyed by their first span's index. */
export function siblingRuns(trace: Trace, tree: SpanTree, minRun = MIN_RUN): Map<number, SiblingRun> {
  const runs = new Map<number, SiblingRun>();
  const sameWork = (a: number, b: number) =>
    trace.spans[a]!.serviceName === trace.spans[b]!.serviceName &&
    trace.spans[a]!.name === trace.spans[b]!.name;
  const leaf = (i: number) => tree.children[i]!.length === 0;
  const scan = (siblings: readonly number[]) => {
    let start = 0;
    while (start < siblings.length) {
      let end = start + 1;
      if (leaf(siblings[start]!)) {
        while (end < siblings.length && leaf(siblings[end]!) && sameWork(siblings[start]!, siblings[end]!))
          end++;
      }
      if (end - start >= minRun) {
        const members = siblings.slice(start, end);
        const totalUs = members.reduce((sum, i) => sum + trace.spans[i]!.durationUs, 0);
        runs.set(members[0]!, { members, totalUs });
      }
      start = end;
    }
  };
  scan(tree.roots);
  for (const children of tree.children) if (children.length >= minRun) scan(children);
  return runs;
}

/**
 * The spans folded away: every member of a run but its first, unless the run is unfolded or holds
 * the span to keep in view (the selected one), whose run then opens.
 */
export function foldedMembers(
  spanCount: number,
  runs: ReadonlyMap<number, SiblingRun>,
  unfolded: ReadonlySet<number>,
  keepVisible = -1,
): Uint8Array | undefined {
  if (runs.size === 0) return undefined;
  const hidden = new Uint8Array(spanCount);
  for (const [first, run] of runs) {
    if (unfolded.has(first) || run.members.includes(keepVisible)) continue;
    for (let k = 1; k < run.members.length; k++) hidden[run.members[k]!] = 1;
  }
  return hidden;
}
