import type { Span, Trace } from "../model/trace";

/**
 * Spans in tree order (parents before children, siblings by start time) with their depth.
 * Linear apart from sorting siblings; orphans (parent not in the trace) become roots.
 */

export interface SpanRow {
  span: Span;
  depth: number;
}

export function spanRows(trace: Trace): SpanRow[] {
  const ids = new Set(trace.spans.map((s) => s.spanId));
  const children = new Map<string | undefined, Span[]>();
  for (const span of trace.spans) {
    const parent =
      span.parentSpanId && ids.has(span.parentSpanId) && span.parentSpanId !== span.spanId
        ? span.parentSpanId
        : undefined;
    const list = children.get(parent);
    if (list) list.push(span);
    else children.set(parent, [span]);
  }
  for (const list of children.values()) list.sort((a, b) => a.startUs - b.startUs);

  const rows: SpanRow[] = [];
  const visited = new Set<Span>();
  // An explicit stack: deep traces must not overflow the call stack.
  const stack: SpanRow[] = [...(children.get(undefined) ?? [])].reverse().map((span) => ({ span, depth: 0 }));
  while (stack.length > 0) {
    const row = stack.pop()!;
    if (visited.has(row.span)) continue;
    visited.add(row.span);
    rows.push(row);
    const kids = children.get(row.span.spanId) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i]!, depth: row.depth + 1 });
  }
  // Spans caught in a parent cycle are never reached from a root: show them as roots.
  for (const span of trace.spans) if (!visited.has(span)) rows.push({ span, depth: 0 });
  return rows;
}
