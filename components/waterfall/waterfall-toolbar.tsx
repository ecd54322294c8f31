"use client";

import type { RefObject } from "react";
import type { SpanFilter } from "@/lib/trace-view/search";

interface Props {
  searchRef: RefObject<HTMLInputElement | null>;
  search: string;
  onSearch: (text: string) => void;
  matchCount: number;
  matchPosition: number;
  onNextMatch: (direction: 1 | -1) => void;
  services: string[];
  filter: SpanFilter;
  onFilter: (filter: SpanFilter) => void;
  showCritical: boolean;
  onShowCritical: (on: boolean) => void;
  criticalOnly: boolean;
  onCriticalOnly: (on: boolean) => void;
  /** Every span is on the critical path: showing only it would change nothing. */
  allOnCriticalPath: boolean;
  onExpandAll: () => void;
  onCollapseAll: () => void;
}

const toggle =
  "rounded border border-zinc-300 px-2 py-0.5 aria-pressed:border-orange-500 aria-pressed:bg-orange-100 aria-pressed:text-orange-900 dark:border-zinc-700 dark:aria-pressed:bg-orange-900/40 dark:aria-pressed:text-orange-100";

/** Search with next/previous, filters by service, errors and duration, critical-path toggles. */
export function WaterfallToolbar({
  searchRef,
  search,
  onSearch,
  matchCount,
  matchPosition,
  onNextMatch,
  services,
  filter,
  onFilter,
  showCritical,
  onShowCritical,
  criticalOnly,
  onCriticalOnly,
  allOnCriticalPath,
  onExpandAll,
  onCollapseAll,
}: Props) {
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 text-xs dark:border-zinc-800">
      <div className="flex items-center gap-1">
        <label htmlFor="span-search" className="sr-only">
          Search spans
        </label>
        <input
          ref={searchRef}
          id="span-search"
          type="search"
          value={search}
          placeholder="Search spans  /"
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              onNextMatch(e.shiftKey ? -1 : 1);
            }
          }}
          className="w-44 rounded border border-zinc-300 bg-transparent px-2 py-0.5 dark:border-zinc-700"
        />
        {search.trim() ? (
          <>
            <span className="tabular-nums text-zinc-500" aria-live="polite" data-testid="match-count">
              {matchCount === 0 ? "no matches" : `${matchPosition + 1} of ${matchCount}`}
            </span>
            <button
              type="button"
              aria-label="Previous match"
              onClick={() => onNextMatch(-1)}
              className="px-1"
            >
              ↑
            </button>
            <button type="button" aria-label="Next match" onClick={() => onNextMatch(1)} className="px-1">
              ↓
            </button>
          </>
        ) : null}
      </div>
      <select
        aria-label="Service"
        value={filter.services?.size ? [...filter.services][0] : ""}
        onChange={(e) =>
          onFilter({ ...filter, services: e.target.value ? new Set([e.target.value]) : undefined })
        }
        className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700"
      >
        <option value="">All services</option>
        {services.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={Boolean(filter.errorsOnly)}
          onChange={(e) => onFilter({ ...filter, errorsOnly: e.target.checked })}
        />
        Errors only
      </label>
      <label className="flex items-center gap-1">
        ≥
        <input
          type="number"
          min={0}
          step="any"
          aria-label="Minimum duration in milliseconds"
          value={filter.minDurationUs ? filter.minDurationUs / 1000 : ""}
          onChange={(e) =>
            onFilter({ ...filter, minDurationUs: e.target.value ? Number(e.target.value) * 1000 : undefined })
          }
          className="w-14 rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700"
        />
        ms
      </label>
      <button
        type="button"
        aria-pressed={showCritical}
        onClick={() => onShowCritical(!showCritical)}
        className={toggle}
      >
        Critical path
      </button>
      <button
        type="button"
        aria-pressed={criticalOnly}
        onClick={() => onCriticalOnly(!criticalOnly)}
        disabled={allOnCriticalPath}
        className={`${toggle} disabled:opacity-50`}
      >
        Only critical path
      </button>
      {allOnCriticalPath ? <span className="text-zinc-500">every span is on it</span> : null}
      <span className="ml-auto flex gap-1">
        <button
          type="button"
          onClick={onExpandAll}
          className="rounded px-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          Expand all
        </button>
        <button
          type="button"
          onClick={onCollapseAll}
          className="rounded px-1 hover:bg-zinc-100 dark:hover:bg-zinc-800"
        >
          Collapse all
        </button>
      </span>
    </div>
  );
}
