"use client";

import { useState } from "react";
import type { Trace } from "@/lib/model/trace";
import { formatDurationUs } from "@/lib/format/duration";
import { useExplorerLinks } from "./explorer-links";
import { useServiceColor } from "./service-colors-context";
import { formatDateTime, zoneLabel } from "@/lib/format/time";
import { useTimeZone } from "../time-zone";
import { copyToClipboard } from "@/lib/client/clipboard";

interface Props {
  trace: Trace;
  rootIndex: number;
  errorCount: number;
  traceUiHref?: string;
}

/** Root operation, trace ID, when, how long, how big, which services, how many errors. */
export function WaterfallHeader({ trace, rootIndex, errorCount, traceUiHref }: Props) {
  const colorOf = useServiceColor();
  const zone = useTimeZone();
  const { copyShareLink } = useExplorerLinks();
  const root = trace.spans[rootIndex];
  const [copied, setCopied] = useState<string | undefined>();
  const flash = (message: string) => {
    setCopied(message);
    setTimeout(() => setCopied(undefined), 2000);
  };
  return (
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
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-zinc-600 dark:text-zinc-400">
        <span className="tabular-nums">
          {formatDateTime(trace.startUs / 1000, zone)} {zoneLabel(trace.startUs / 1000, zone)}
        </span>
        <span className="font-semibold tabular-nums text-zinc-900 dark:text-zinc-100">
          {formatDurationUs(trace.durationUs)}
        </span>
        {trace.arriving ? (
          <span role="status" className="animate-pulse">
            {trace.spans.length.toLocaleString()} of {trace.arriving.totalSpans.toLocaleString()} spans here,
            the rest arriving…
          </span>
        ) : (
          <span>{trace.spans.length.toLocaleString()} spans</span>
        )}
        <span className={errorCount > 0 ? "font-semibold text-red-600 dark:text-red-400" : ""}>
          {errorCount} {errorCount === 1 ? "error" : "errors"}
          {trace.arriving ? " so far" : ""}
        </span>
      </p>
      <ul className="flex flex-wrap gap-x-3 gap-y-0.5" aria-label="Services">
        {trace.services.map((service) => (
          <li key={service} className="flex items-center gap-1">
            <span className="h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: colorOf(service) }} />
            <bdi>{service}</bdi>
          </li>
        ))}
      </ul>
      <p className="flex flex-wrap items-center gap-2">
        <code className="font-mono text-zinc-500">{trace.traceId}</code>
        <button
          type="button"
          className="rounded border border-zinc-300 px-1.5 dark:border-zinc-700"
          onClick={() =>
            void copyToClipboard(trace.traceId).then((ok) => flash(ok ? "Trace ID copied" : "Copy failed"))
          }
        >
          Copy ID
        </button>
        <button
          type="button"
          className="rounded border border-zinc-300 px-1.5 dark:border-zinc-700"
          onClick={() => void copyShareLink().then((ok) => flash(ok ? "Link copied" : "Copy failed"))}
        >
          Copy link
        </button>
        <button
          type="button"
          className="rounded border border-zinc-300 px-1.5 disabled:opacity-50 dark:border-zinc-700"
          // A download is the whole trace, not the first rows of one still arriving.
          disabled={Boolean(trace.arriving)}
          title={trace.arriving ? "Once the whole trace is here" : undefined}
          onClick={() => {
            const url = URL.createObjectURL(
              new Blob([JSON.stringify(trace, null, 2)], { type: "application/json" }),
            );
            const a = document.createElement("a");
            a.href = url;
            a.download = `trace-${trace.traceId}.json`;
            a.click();
            URL.revokeObjectURL(url);
          }}
        >
          Download JSON
        </button>
        {traceUiHref ? (
          <a
            href={traceUiHref}
            target="_blank"
            rel="noopener noreferrer"
            className="text-sky-700 underline dark:text-sky-400"
          >
            Open in trace UI ↗
          </a>
        ) : null}
        {copied ? <span role="status">{copied}</span> : null}
      </p>
    </div>
  );
}
