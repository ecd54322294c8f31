"use client";

import { useState } from "react";
import { copyToClipboard } from "@/lib/client/clipboard";

interface Props {
  lines: { label: string; query: string }[];
  bucketRates?: string;
  exemplars: string;
}

/** The PromQL behind the charts, shown and copyable (to paste into Grafana or Prometheus). */
export function ChartQueries({ lines, bucketRates, exemplars }: Props) {
  const queries = [
    ...lines.map((line) => ({ name: line.label || "Series", query: line.query })),
    ...(bucketRates ? [{ name: "Heatmap and distribution", query: bucketRates }] : []),
    { name: "Exemplars (query_exemplars)", query: exemplars },
  ];
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-zinc-500">PromQL of these charts</summary>
      <dl className="mt-1 space-y-1 rounded border border-zinc-200 p-2 dark:border-zinc-800">
        {queries.map(({ name, query }) => (
          <div key={name} className="flex items-start gap-2">
            <dt className="w-40 shrink-0 text-zinc-500">{name}</dt>
            <dd className="min-w-0 flex-1 break-all font-mono">{query}</dd>
            <CopyButton text={query} label={`Copy the ${name} query`} />
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Says whether the copy worked, like Share and Copy ID, then goes back to "Copy". */
function CopyButton({ text, label }: { text: string; label: string }) {
  const [result, setResult] = useState<"Copied" | "Copy failed">();
  return (
    <button
      type="button"
      aria-label={label}
      onClick={async () => {
        setResult((await copyToClipboard(text)) ? "Copied" : "Copy failed");
        setTimeout(() => setResult(undefined), 2000);
      }}
      className="shrink-0 rounded border border-zinc-300 px-1.5 dark:border-zinc-700"
    >
      {result ?? "Copy"}
    </button>
  );
}
