import type { SpanTree } from "./span-tree";

/**
 * The rows the waterfall shows, in tree order: collapsed subtrees hidden, folded repeats hidden
 * (`folded`, see sibling-runs.ts), and with a filter, only matching spans and their ancestors (so
 * every match keeps its context). O(n).
 */
export function visibleRows(
  tree: SpanTree,
  collapsed: ReadonlySet<number>,
  matches?: Uint8Array,
  folded?: Uint8Array,
): Int32Array {
  const n = tree.order.length;
  let keep: Uint8Array | undefined;
  if (matches) {
    keep = new Uint8Array(n);
    // Children come after their parent in tree order: walk it backwards to lift matches up.
    for (let k = n - 1; k >= 0; k--) {
      const i = tree.order[k]!;
      if (matches[i]) keep[i] = 1;
      if (keep[i] && tree.parent[i]! >= 0) keep[tree.parent[i]!] = 1;
    }
  }
  const rows = new Int32Array(n);
  let count = 0;
  let skipBelowDepth = Infinity;
  for (let k = 0; k < n; k++) {
    const i = tree.order[k]!;
    const depth = tree.depth[i]!;
    if (depth > skipBelowDepth) continue;
    skipBelowDepth = Infinity;
    if ((keep && !keep[i]) || folded?.[i]) {
      skipBelowDepth = depth;
      continue;
    }
    rows[count++] = i;
    if (collapsed.has(i)) skipBelowDepth = depth;
  }
  return rows.slice(0, count);
}
