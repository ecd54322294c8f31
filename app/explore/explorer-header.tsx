"use client";

import { type ReactNode, useState } from "react";
import { QueryEditor } from "@/components/explorer/query-editor";
import { TimeRangePicker } from "@/components/explorer/time-range-picker";
import type { TimeZoneChoice } from "@/lib/format/time";
import type { HistogramFamily } from "@/lib/model/metrics";

interface Props {
  isDemo: boolean;
  query: string;
  families: HistogramFamily[];
  from: string;
  to: string;
  nowMs: number;
  refreshSec: number;
  onQuery: (query: string) => void;
  onRange: (from: string, to: string) => void;
  onTimeZone: (zone: TimeZoneChoice) => void;
  onRefresh: () => void;
  onAutoRefresh: (seconds: number) => void;
  copyShareLink: () => Promise<boolean>;
  account?: ReactNode;
}

/**
 * Title, demo badge, when, and Share on the first row; what to look at on its own row below, so
 * that label filters arriving do not reflow the rest.
 */
export function ExplorerHeader(props: Props) {
  return (
    <header className="space-y-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <h1 className="text-base font-semibold">Exemplar Explorer</h1>
        {props.isDemo ? (
          <span
            className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200"
            title="No PROMETHEUS_URL or JAEGER_URL is set: a simulated shop answers"
          >
            Demo data
          </span>
        ) : null}
        <span className="flex-1" />
        <TimeRangePicker
          from={props.from}
          to={props.to}
          nowMs={props.nowMs}
          refreshSec={props.refreshSec}
          onRange={props.onRange}
          onRefresh={props.onRefresh}
          onAutoRefresh={props.onAutoRefresh}
          onTimeZone={props.onTimeZone}
        />
        <ShareButton copyShareLink={props.copyShareLink} />
        {props.account}
      </div>
      <QueryEditor query={props.query} families={props.families} onChange={props.onQuery} />
    </header>
  );
}

function ShareButton({ copyShareLink }: { copyShareLink: () => Promise<boolean> }) {
  const [copied, setCopied] = useState<"copied" | "failed" | undefined>();
  const label = copied === "copied" ? "Link copied" : copied === "failed" ? "Copy failed" : "Share";
  return (
    <button
      type="button"
      className="rounded border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700"
      onClick={async () => {
        setCopied((await copyShareLink()) ? "copied" : "failed");
        setTimeout(() => setCopied(undefined), 2000);
      }}
    >
      {label}
    </button>
  );
}
