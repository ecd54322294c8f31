import type { Span, Trace } from "../model/trace";
import { assignServiceSlots, serviceColors } from "./service-colors";
import { type SpanTree, buildSpanTree } from "./span-tree";

/** What the server-rendered preview of a linked trace draws: a summary and its first rows. */
export interface TracePreviewData {
  traceId: string;
  root?: { serviceName: string; name: string };
  startUs: number;
  durationUs: number;
  spanCount: number;
  serviceCount: number;
  /** Each service's color, as a browser without pinned colors would assign them. */
  serviceColors: Record<string, string>;
  /** The first rows in tree order (everything expanded), each span cut to what a row draws. */
  rows: { span: Span; depth: number; hasChildren: boolean }[];
}

/** Rows a deep link shows before the page's code has run: more than a tall screen holds. */
export const PREVIEW_ROWS = 40;

/** `tree`: the trace's span tree, when the caller has it already (a 50,000-span tree is ~60 ms). */
export function tracePreviewData(
  trace: Trace,
  maxRows = PREVIEW_ROWS,
  tree: SpanTree = buildSpanTree(trace),
): TracePreviewData {
  const root = trace.spans[tree.roots[0] ?? 0];
  return {
    traceId: trace.traceId,
    root: root && { serviceName: root.serviceName, name: root.name },
    startUs: trace.startUs,
    durationUs: trace.durationUs,
    spanCount: trace.spans.length,
    serviceCount: trace.services.length,
    serviceColors: Object.fromEntries(serviceColors(assignServiceSlots(trace.services))),
    rows: Array.from(tree.order.subarray(0, maxRows), (index) => ({
      span: drawnPart(trace.spans[index]!),
      depth: tree.depth[index]!,
      hasChildren: tree.children[index]!.length > 0,
    })),
  };
}

/** What a row draws of a span: its attributes, resource and links stay on the server. */
function drawnPart(span: Span): Span {
  return {
    ...span,
    attributes: {},
    resource: {},
    links: [],
    events: span.events.map((event) => ({ timeUs: event.timeUs, name: event.name, attributes: {} })),
  };
}
