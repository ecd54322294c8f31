import { formatDurationUs } from "@/lib/format/duration";
import type { TracePreviewData } from "@/lib/trace-view/preview";
import { ROW_HEIGHT_PX } from "./row-layout";
import { SpanRow } from "./span-row";

/**
 * The first rows of a linked trace, rendered on the server into the page's HTML, so that a
 * shared link shows the trace before any script has run. Only shows: the trace panel replaces it
 * once its code and the trace have arrived.
 */
export function TracePreview({
  preview,
  selectedSpanId,
}: {
  preview: TracePreviewData;
  selectedSpanId?: string;
}) {
  const window = { startUs: preview.startUs, endUs: preview.startUs + preview.durationUs };
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
          {preview.root ? (
            <>
              <span className="text-zinc-500">{preview.root.serviceName}</span> <bdi>{preview.root.name}</bdi>
            </>
          ) : (
            "Trace"
          )}
        </p>
        <p className="flex flex-wrap gap-x-3 text-zinc-600 dark:text-zinc-400">
          <span className="font-semibold tabular-nums text-zinc-900 dark:text-zinc-100">
            {formatDurationUs(preview.durationUs)}
          </span>
          <span>{preview.spanCount.toLocaleString("en")} spans</span>
          <span>{preview.serviceCount} services</span>
          <code className="font-mono">{preview.traceId}</code>
        </p>
      </div>
      <div role="tree" aria-label="Trace preview" className="relative min-h-48 flex-1 overflow-hidden">
        <div style={{ height: preview.rows.length * ROW_HEIGHT_PX, position: "relative" }}>
          {preview.rows.map(({ span, depth, hasChildren }, row) => (
            <SpanRow
              key={row}
              span={span}
              color={preview.serviceColors[span.serviceName] ?? "grey"}
              spanIndex={row}
              depth={depth}
              hasChildren={hasChildren}
              expanded
              selected={span.spanId === selectedSpanId}
              isMatch={false}
              onCriticalPath={false}
              showCritical={false}
              window={window}
              top={row * ROW_HEIGHT_PX}
              rowNumber={row}
              rowCount={preview.spanCount}
            />
          ))}
        </div>
      </div>
    </section>
  );
}
