import type { Trace } from "../model/trace";

/**
 * The span tree of a trace, over span indices (not objects) so that 50,000-span traces stay
 * cheap: parent and children per index, depth, and tree order. Built in O(n log n) (sorting
 * siblings by start time); every span appears exactly once.
 *
 * - A span whose parent is not in the trace is a root (the trace's warnings say so).
 * - Duplicate span IDs are kept apart: each copy is its own node; children attach to the
 *   first copy.
 * - FOLLOWS_FROM references and links are not parents (Jaeger v1 maps only CHILD_OF to
 *   `parentSpanId`); they are shown on the span, not as nesting.
 */
export interface SpanTree {
  /** Parent index, -1 for roots. */
  parent: Int32Array;
  /** Children indices per span, ordered by start time. */
  children: number[][];
  /** Root indices, ordered by start time. */
  roots: number[];
  depth: Int32Array;
  /** All indices in depth-first tree order (parents first, siblings by start). */
  order: Int32Array;
  /** Span ID → first index with that ID. */
  indexOf: Map<string, number>;
}

const NO_CHILDREN: number[] = Object.freeze([]) as unknown as number[];

export function buildSpanTree(trace: Trace): SpanTree {
  const { spans } = trace;
  const n = spans.length;
  const indexOf = new Map<string, number>();
  spans.forEach((span, i) => {
    if (!indexOf.has(span.spanId)) indexOf.set(span.spanId, i);
  });

  const parent = new Int32Array(n).fill(-1);
  // Most spans are leaves: they share one empty list instead of allocating their own.
  const children: number[][] = new Array<number[]>(n).fill(NO_CHILDREN);
  const roots: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = spans[i]!.parentSpanId === undefined ? undefined : indexOf.get(spans[i]!.parentSpanId!);
    if (p === undefined || p === i) roots.push(i);
    else {
      parent[i] = p;
      if (children[p] === NO_CHILDREN) children[p] = [i];
      else children[p]!.push(i);
    }
  }
  const byStart = (a: number, b: number) => spans[a]!.startUs - spans[b]!.startUs || a - b;
  for (const list of children) if (list.length > 1) list.sort(byStart);

  // Depth-first order with an explicit stack; a parent cycle leaves spans unreached, and
  // those are made roots so that nothing disappears.
  const depth = new Int32Array(n);
  const order = new Int32Array(n);
  const visited = new Uint8Array(n);
  let filled = 0;
  const walk = (root: number) => {
    const stack = [root];
    depth[root] = 0;
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (visited[i]) continue;
      visited[i] = 1;
      order[filled++] = i;
      const kids = children[i]!;
      for (let k = kids.length - 1; k >= 0; k--) {
        depth[kids[k]!] = depth[i]! + 1;
        stack.push(kids[k]!);
      }
    }
  };
  roots.sort(byStart);
  for (const root of roots) walk(root);
  for (let i = 0; i < n; i++) {
    if (visited[i]) continue;
    // In a cycle: cut the edge to the parent and treat the span as a root.
    const p = parent[i]!;
    if (p >= 0) children[p] = children[p]!.filter((c) => c !== i);
    parent[i] = -1;
    roots.push(i);
    walk(i);
  }
  return { parent, children, roots, depth, order, indexOf };
}

/** Indices of the span's ancestors, nearest first. */
export function ancestorsOf(tree: SpanTree, index: number): number[] {
  const out: number[] = [];
  for (let p = tree.parent[index]!; p >= 0; p = tree.parent[p]!) out.push(p);
  return out;
}
