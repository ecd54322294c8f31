"use client";

import { HISTOGRAM_KINDS, type HistogramKind } from "@/lib/explore/latency-queries";

const LABELS: Record<HistogramKind, string> = { classic: "Classic buckets", native: "Native" };

/**
 * For a histogram stored both ways (a classic one converted to native on Prometheus 3, during a
 * migration): which one the charts and exemplars read. Kept in the link (`hist`).
 */
export function HistogramKindChoice({
  kind,
  onChange,
}: {
  kind: HistogramKind;
  onChange: (kind: HistogramKind) => void;
}) {
  return (
    <div role="radiogroup" aria-label="Histogram form" className="flex items-center gap-1 text-xs">
      <span className="text-zinc-500">Histogram:</span>
      {HISTOGRAM_KINDS.map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={kind === option}
          onClick={() => onChange(option)}
          className="rounded border border-zinc-300 px-1.5 py-0.5 aria-checked:bg-zinc-900 aria-checked:text-white dark:border-zinc-700 dark:aria-checked:bg-zinc-100 dark:aria-checked:text-zinc-900"
        >
          {LABELS[option]}
        </button>
      ))}
    </div>
  );
}
