import type { Span, Trace } from "@/lib/model/trace";
import { formatDurationUs } from "@/lib/format/duration";
import { buildSpanTree } from "@/lib/trace-view/span-tree";
import { ROW_HEIGHT_PX } from "./row-layout";
import { SpanRow } from "./span-row";

/** Rows a deep link shows before the page's code has run: more than a tall screen holds. */
export const PREVIEW_ROWS = 40;

/**
 * The first rows of a linked trace, rendered on the server into the page's HTML, so that a
 * shared link shows the trace before any script has run. Only shows: the trace panel replaces it
 * once its code and the trace have arrived. Rows carry only what they draw, so the page does not
 * carry the whole trace twice.
 */
export function TracePreview({ trace, selectedSpanId }: { trace: Trace; selectedSpanId?: string }) {
  const tree = buildSpanTree(trace);
  const rows = Array.from(tree.order.subarray(0, PREVIEW_ROWS));
  const root = trace.spans[tree.roots[0] ?? 0];
  const window = { startUs: trace.startUs, endUs: trace.startUs + trace.durationUs };
  return (
    <section
      aria-label="Trace"
      aria-busy="true"
      className="flex h-full min-h-[32rem] flex-col rounded-md border border-zinc-200 dark:border-zinc-800"
    >
      <header className="flex items-center gap-2 border-b border-zinc-200 px-3 py-1.5 dark:border-zinc-800">
        <h2 className="text-sm font-semibold">Trace</h2>
      </header>
      <div className="space-y-1 border-b border-zinc-200 px-3 py-2 text-xs dark:border-zinc-800">
        <p className="truncate text-sm font-semibold">
          {root ? (
            <>
              <span className="text-zinc-500">{root.serviceName}</span> <bdi>{root.name}</bdi>
            </>
          ) : (
            "Trace"
          )}
        </p>
        <p className="flex flex-wrap gap-x-3 text-zinc-600 dark:text-zinc-400">
          <span className="font-semibold tabular-nums text-zinc-900 dark:text-zinc-100">
            {formatDurationUs(trace.durationUs)}
          </span>
          <span>{trace.spans.length.toLocaleString("en")} spans</span>
          <span>{trace.services.length} services</span>
          <code className="font-mono">{trace.traceId}</code>
        </p>
      </div>
      <div role="tree" aria-label="Trace preview" className="relative min-h-48 flex-1 overflow-hidden">
        <div style={{ height: rows.length * ROW_HEIGHT_PX, position: "relative" }}>
          {rows.map((index, row) => (
            <SpanRow
              key={index}
              span={drawnPart(trace.spans[index]!)}
              spanIndex={index}
              depth={tree.depth[index]!}
              hasChildren={tree.children[index]!.length > 0}
              expanded
              selected={trace.spans[index]!.spanId === selectedSpanId}
              isMatch={false}
              onCriticalPath={false}
              showCritical={false}
              window={window}
              top={row * ROW_HEIGHT_PX}
              rowNumber={row}
              rowCount={trace.spans.length}
            />
          ))}
        </div>
      </div>
    </section>
  );
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
