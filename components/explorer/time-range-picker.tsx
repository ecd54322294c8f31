"use client";

import { useState } from "react";
import {
  TIME_ZONES,
  type TimeZoneChoice,
  formatInputValue,
  formatRfc3339,
  parseInputValue,
  zoneLabel,
} from "@/lib/format/time";
import { useTimeZone } from "../time-zone";
import { RANGE_PRESETS, resolveTime } from "@/lib/explore/time-range";

interface Props {
  from: string;
  to: string;
  nowMs: number;
  refreshSec: number;
  onRange: (from: string, to: string) => void;
  onRefresh: () => void;
  onAutoRefresh: (seconds: number) => void;
  onTimeZone: (zone: TimeZoneChoice) => void;
}

const AUTO_REFRESH = [0, 10, 30, 60, 300];

/** Relative presets, an absolute range, refresh and auto-refresh, and the zone times are shown in. */
export function TimeRangePicker(props: Props) {
  const { from, to, nowMs, refreshSec, onRange, onRefresh, onAutoRefresh, onTimeZone } = props;
  const [custom, setCustom] = useState(false);
  const zone = useTimeZone();
  return (
    <div className="flex flex-wrap items-center gap-1 text-xs">
      <div role="group" aria-label="Time range" className="flex gap-1">
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset.label}
            type="button"
            aria-pressed={from === preset.from && to === "now"}
            onClick={() => onRange(preset.from, "now")}
            className="rounded px-2 py-1 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
          >
            {preset.label}
          </button>
        ))}
        <button
          type="button"
          aria-expanded={custom}
          aria-pressed={!to.startsWith("now")}
          onClick={() => setCustom(!custom)}
          className="rounded px-2 py-1 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
        >
          Custom
        </button>
      </div>
      {custom ? (
        <CustomRange
          from={resolveTime(from, nowMs) ?? nowMs - 3600_000}
          to={resolveTime(to, nowMs) ?? nowMs}
          onApply={(f, t) => {
            setCustom(false);
            onRange(f, t);
          }}
        />
      ) : null}
      <button
        type="button"
        onClick={onRefresh}
        className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700"
        title="Re-run the queries up to now"
      >
        Refresh
      </button>
      <label className="flex items-center gap-1">
        <span className="sr-only">Auto-refresh</span>
        <select
          value={refreshSec}
          onChange={(e) => onAutoRefresh(Number(e.target.value))}
          className="rounded border border-zinc-300 bg-transparent px-1 py-1 dark:border-zinc-700"
          aria-label="Auto-refresh"
        >
          {AUTO_REFRESH.map((s) => (
            <option key={s} value={s}>
              {s === 0 ? "Auto-refresh off" : `Every ${s < 60 ? `${s}s` : `${s / 60}m`}`}
            </option>
          ))}
        </select>
      </label>
      <select
        value={zone}
        onChange={(e) => onTimeZone(e.target.value as TimeZoneChoice)}
        className="rounded border border-zinc-300 bg-transparent px-1 py-1 dark:border-zinc-700"
        aria-label="Time zone"
        title="The zone every time on the page is shown in"
      >
        {TIME_ZONES.map((z) => (
          <option key={z} value={z}>
            {z === "utc" ? "UTC" : `Local (${zoneLabel(nowMs, "local")})`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The fields show the chosen zone (named beside them); the URL keeps RFC 3339 in UTC. */
function CustomRange({
  from,
  to,
  onApply,
}: {
  from: number;
  to: number;
  onApply: (from: string, to: string) => void;
}) {
  const zone = useTimeZone();
  const [start, setStart] = useState(formatInputValue(from, zone));
  const [end, setEnd] = useState(formatInputValue(to, zone));
  const startMs = parseInputValue(start, zone);
  const endMs = parseInputValue(end, zone);
  const valid = Number.isFinite(startMs) && Number.isFinite(endMs) && endMs > startMs;
  return (
    <form
      className="flex flex-wrap items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onApply(formatRfc3339(startMs), formatRfc3339(endMs));
      }}
    >
      <label className="flex items-center gap-1">
        From
        <input
          type="datetime-local"
          step={1}
          value={start}
          onChange={(e) => setStart(e.target.value)}
          className="rounded border border-zinc-300 bg-transparent px-1 dark:border-zinc-700"
        />
      </label>
      <label className="flex items-center gap-1">
        to
        <input
          type="datetime-local"
          step={1}
          value={end}
          onChange={(e) => setEnd(e.target.value)}
          className="rounded border border-zinc-300 bg-transparent px-1 dark:border-zinc-700"
        />
      </label>
      <span className="text-zinc-500">{zoneLabel(from, zone)}</span>
      <button
        type="submit"
        disabled={!valid}
        className="rounded bg-sky-600 px-2 py-1 text-white disabled:opacity-50"
      >
        Apply
      </button>
    </form>
  );
}
