"use client";

import { useMemo, useState } from "react";
import { type OperationStats, traceStatistics } from "@/lib/compare/operations";
import { formatDurationUs } from "@/lib/format/duration";
import { TableHead } from "../table-head";
import type { Trace } from "@/lib/model/trace";

type Column = "calls" | "errors" | "totalUs" | "selfUs" | "criticalUs";
const COLUMNS: { key: Column; label: string }[] = [
  { key: "calls", label: "Calls" },
  { key: "errors", label: "Errors" },
  { key: "totalUs", label: "Total" },
  { key: "selfUs", label: "Self" },
  { key: "criticalUs", label: "Critical path" },
];

/**
 * The trace per service and operation (as Jaeger UI's Trace Statistics): calls, errors, total,
 * self and critical-path time. A name selects the operation's longest span in the waterfall.
 */
export function TraceStatistics({
  trace,
  onShowSpan,
}: {
  trace: Trace;
  onShowSpan: (spanId: string) => void;
}) {
  const stats = useMemo(() => traceStatistics(trace), [trace]);
  const [sortBy, setSortBy] = useState<Column>("criticalUs");
  const rows = useMemo(
    () => [...stats.operations].sort((a, b) => b[sortBy] - a[sortBy] || b.totalUs - a.totalUs),
    [stats, sortBy],
  );
  return (
    <div className="min-h-0 flex-1 overflow-auto p-2 text-xs">
      <p className="px-2 pb-2 text-zinc-600 dark:text-zinc-400">
        {stats.operations.length} operations in {trace.spans.length.toLocaleString()} spans; critical path{" "}
        {formatDurationUs(stats.criticalUs)}.
      </p>
      <table className="w-full border-collapse" aria-label="Trace statistics">
        <TableHead
          columns={[
            { key: "name", label: "Service · operation" },
            ...COLUMNS.map((column) => ({
              key: column.key,
              align: "right" as const,
              sort: sortBy === column.key ? ("descending" as const) : ("none" as const),
              label: (
                <button
                  type="button"
                  onClick={() => setSortBy(column.key)}
                  className={sortBy === column.key ? "font-semibold text-zinc-900 dark:text-zinc-100" : ""}
                >
                  {column.label} {sortBy === column.key ? "↓" : ""}
                </button>
              ),
            })),
          ]}
        />
        <tbody>
          {rows.map((op) => (
            <StatisticsRow key={`${op.service}/${op.operation}`} op={op} onShowSpan={onShowSpan} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StatisticsRow({ op, onShowSpan }: { op: OperationStats; onShowSpan: (spanId: string) => void }) {
  const cell = "whitespace-nowrap px-2 py-1 text-right tabular-nums";
  return (
    <tr className="border-b border-zinc-100 dark:border-zinc-900">
      <th scope="row" className="max-w-[18rem] px-2 py-1 text-left font-normal">
        <button
          type="button"
          className="max-w-full truncate text-left hover:underline"
          title={`Show the longest ${op.operation} span in the waterfall`}
          onClick={() => onShowSpan(op.exampleSpanId)}
        >
          <span className="text-zinc-500">{op.service}</span> {op.operation}
        </button>
      </th>
      <td className={cell}>{op.calls.toLocaleString()}</td>
      <td className={`${cell} ${op.errors ? "text-red-700 dark:text-red-400" : "text-zinc-400"}`}>
        {op.errors}
      </td>
      <td className={cell}>{formatDurationUs(op.totalUs)}</td>
      <td className={cell}>{formatDurationUs(op.selfUs)}</td>
      <td className={cell}>{op.criticalUs > 0 ? formatDurationUs(op.criticalUs) : "–"}</td>
    </tr>
  );
}
