import type { Trace } from "../model/trace";
import { buildSpanTree } from "../trace-view/span-tree";

/**
 * Two traces side by side, aligned by path: a span's path is the (service, operation) of each
 * span from its root down to it, so the N+1 calls of a slow request line up with the one call of
 * a fast one, and an operation only one trace has shows as added or missing. Per path, each
 * trace's span count and summed duration; rows come in tree order (parents first, then children
 * by where they first start in either trace).
 */

export interface DiffSide {
  calls: number;
  totalUs: number;
  /** The first span of the path, to select it in its trace. */
  spanId?: string;
}

export interface DiffRow {
  depth: number;
  service: string;
  operation: string;
  /** "both", or only in the trace compared ("a": the open one) or the other ("b"). */
  presence: "both" | "a" | "b";
  a: DiffSide;
  b: DiffSide;
  /** a minus b, in microseconds (positive: the open trace spent longer here). */
  deltaUs: number;
}

interface Node {
  service: string;
  operation: string;
  a: DiffSide;
  b: DiffSide;
  /** The earliest start offset (from its trace's start) of the path in either trace: sibling order. */
  firstOffsetUs: number;
  children: Map<string, Node>;
}

const emptySide = (): DiffSide => ({ calls: 0, totalUs: 0 });
const childKey = (service: string, operation: string) => `${service}\u0000${operation}`;

function addTrace(root: Node, trace: Trace, side: "a" | "b") {
  const tree = buildSpanTree(trace);
  const nodeOf = new Array<Node>(trace.spans.length);
  for (const i of tree.order) {
    const span = trace.spans[i]!;
    const parentNode = tree.parent[i]! >= 0 ? nodeOf[tree.parent[i]!]! : root;
    const key = childKey(span.serviceName, span.name);
    let node = parentNode.children.get(key);
    const offsetUs = span.startUs - trace.startUs;
    if (!node) {
      node = {
        service: span.serviceName,
        operation: span.name,
        a: emptySide(),
        b: emptySide(),
        firstOffsetUs: offsetUs,
        children: new Map(),
      };
      parentNode.children.set(key, node);
    }
    const stats = node[side];
    stats.calls += 1;
    stats.totalUs += span.durationUs;
    stats.spanId ??= span.spanId;
    node.firstOffsetUs = Math.min(node.firstOffsetUs, offsetUs);
    nodeOf[i] = node;
  }
}

export function diffTraces(a: Trace, b: Trace): DiffRow[] {
  const root: Node = {
    service: "",
    operation: "",
    a: emptySide(),
    b: emptySide(),
    firstOffsetUs: 0,
    children: new Map(),
  };
  addTrace(root, a, "a");
  addTrace(root, b, "b");
  const rows: DiffRow[] = [];
  const sorted = (node: Node) =>
    [...node.children.values()].sort((x, y) => x.firstOffsetUs - y.firstOffsetUs);
  // Depth-first with an explicit stack: paths can be thousands deep.
  const stack: { node: Node; depth: number }[] = sorted(root)
    .reverse()
    .map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    rows.push({
      depth,
      service: node.service,
      operation: node.operation,
      presence: node.a.calls && node.b.calls ? "both" : node.a.calls ? "a" : "b",
      a: node.a,
      b: node.b,
      deltaUs: node.a.totalUs - node.b.totalUs,
    });
    const kids = sorted(node);
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ node: kids[k]!, depth: depth + 1 });
  }
  return rows;
}

/** A path differs when one trace lacks it, its calls differ, or its time differs by 1 ms and 10 %. */
export function pathDiffers(row: DiffRow): boolean {
  if (row.presence !== "both" || row.a.calls !== row.b.calls) return true;
  const larger = Math.max(row.a.totalUs, row.b.totalUs);
  return Math.abs(row.deltaUs) >= 1000 && Math.abs(row.deltaUs) >= 0.1 * larger;
}

/** The rows that differ, with their ancestors (so each keeps its place in the tree), in order. */
export function differingRows(rows: readonly DiffRow[]): DiffRow[] {
  const keep = new Uint8Array(rows.length);
  // keptBelow[d]: a kept row at depth d since the last row shallower than d (scanning backwards).
  const keptBelow: boolean[] = [];
  for (let i = rows.length - 1; i >= 0; i--) {
    const depth = rows[i]!.depth;
    const kept = pathDiffers(rows[i]!) || Boolean(keptBelow[depth + 1]);
    keptBelow.length = depth + 1;
    keptBelow[depth] = Boolean(keptBelow[depth]) || kept;
    keep[i] = kept ? 1 : 0;
  }
  return rows.filter((_, i) => keep[i]);
}
