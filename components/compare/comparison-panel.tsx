"use client";

import { useMemo, useState } from "react";
import { Problem } from "@/components/problem";
import { type HeadColumn, TableHead } from "@/components/table-head";
import { type AttributeFinding, compareAttributes } from "@/lib/compare/attributes";
import { type BaselineRule, type Cohorts, chooseCohorts } from "@/lib/compare/cohorts";
import { type CohortComparison, type OperationDiff, compareCohorts } from "@/lib/compare/operations";
import type { ExemplarPoint } from "@/lib/explore/chart-data";
import type { Region } from "@/lib/explore/exemplar-groups";
import { formatDurationSec, formatDurationUs } from "@/lib/format/duration";
import { formatTimeOfDay } from "@/lib/format/time";
import { useTimeZone } from "../time-zone";
import { type CohortSide, type CohortTraces, useCohortTraces } from "./use-cohort-traces";

export interface ComparisonPanelProps {
  points: readonly ExemplarPoint[];
  region: Region;
  baseline: BaselineRule;
  /** The selected operation as `<service>/<operation>`. */
  selectedOp?: string | null;
  onBaseline: (rule: BaselineRule) => void;
  /** Opens a trace with a span selected, for an operation of the table; with `compareTraceId`, held against that trace. */
  onOpenSpan: (traceId: string, spanId: string, op: string, compareTraceId?: string) => void;
  onClose: () => void;
}

const BASELINE_NAMES: Record<BaselineRule, string> = {
  typical: "typical",
  before: "earlier",
};
const SHOWN_OPERATIONS = 12;
const OPERATION_COLUMNS: HeadColumn[] = [
  { key: "name", label: "Service · operation" },
  { key: "traces", label: "In traces", align: "right" },
  { key: "calls", label: "Calls", align: "right" },
  { key: "total", label: "Total time", align: "right" },
  { key: "self", label: "Self time", align: "right" },
  { key: "critical", label: "Critical path", align: "right" },
  { key: "explains", label: "Explains", align: "right" },
];
const ATTRIBUTE_COLUMNS: HeadColumn[] = [
  { key: "name", label: "Service · attribute" },
  { key: "value", label: "Value" },
  { key: "share", label: "Traces with it", align: "right" },
];

export const opKey = (row: { service: string; operation: string }) => `${row.service}/${row.operation}`;

/**
 * "What do the slow requests do that the others don't?": the selected region's exemplars
 * against a baseline, as a table of operations ranked by the latency they explain and a list of
 * attribute values far more common among the slow ones.
 */
export function ComparisonPanel(props: ComparisonPanelProps) {
  const { points, region, baseline } = props;
  const cohorts = useMemo(() => chooseCohorts(points, region, baseline), [points, region, baseline]);
  const slowIds = useMemo(() => cohorts.slow.map((p) => p.traceId), [cohorts]);
  const baselineIds = useMemo(() => cohorts.baseline.map((p) => p.traceId), [cohorts]);
  const fetched = useCohortTraces(slowIds, baselineIds);
  const ready = fetched.status !== "fetching";
  const { slow, baseline: base } = fetched;
  const result = useMemo(
    () =>
      ready
        ? {
            operations: compareCohorts(slow.traces, base.traces),
            attributes: compareAttributes(slow.traces, base.traces),
          }
        : undefined,
    [ready, slow.traces, base.traces],
  );
  const name = BASELINE_NAMES[baseline];

  return (
    <section
      aria-labelledby="comparison-heading"
      className="space-y-3 rounded-md border border-zinc-200 p-3 text-xs dark:border-zinc-800"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h2 id="comparison-heading" className="text-sm font-semibold">
          Slow vs {name}
        </h2>
        <label className="flex items-center gap-1">
          <span className="text-zinc-500">Baseline</span>
          <select
            value={baseline}
            onChange={(e) => props.onBaseline(e.target.value as BaselineRule)}
            className="rounded border border-zinc-300 bg-transparent px-1 py-0.5 dark:border-zinc-700"
          >
            <option value="typical">Typical: near the median, same time</option>
            <option value="before">Before: same latency band, earlier</option>
          </select>
        </label>
        <button
          type="button"
          onClick={props.onClose}
          aria-label="Close the comparison"
          className="ml-auto rounded px-2 py-0.5 text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-900"
        >
          ✕
        </button>
      </header>
      <CohortsSummary cohorts={cohorts} region={region} rule={baseline} fetched={fetched} />
      {cohorts.slow.length === 0 ? (
        <Problem title="No exemplars in the selection">
          <p>Drag a rectangle around the slow markers on the latency chart, then compare again.</p>
        </Problem>
      ) : cohorts.baseline.length === 0 ? (
        <NoBaseline rule={baseline} onBaseline={props.onBaseline} />
      ) : !result ? null : slow.traces.length === 0 || base.traces.length === 0 ? (
        <Problem title="Nothing to compare: the trace store has none of one side's traces" tone="error">
          <p>
            {describeSide(slow, "slow")}; {describeSide(base, name)}.{" "}
            {slow.failed + base.failed > 0
              ? "The trace store failed to answer; close the comparison and compare again."
              : "Exemplars outlive their traces when traces are sampled or expire sooner than metrics; pick a more recent region."}
          </p>
        </Problem>
      ) : (
        <>
          <OperationsTable comparison={result.operations} baselineName={name} {...props} />
          <AttributesTable findings={result.attributes} baselineName={name} />
        </>
      )}
    </section>
  );
}

function CohortsSummary(props: {
  cohorts: Cohorts;
  region: Region;
  rule: BaselineRule;
  fetched: CohortTraces;
}) {
  const { cohorts, region, rule, fetched } = props;
  const zone = useTimeZone();
  const ruleText =
    rule === "typical"
      ? `the ${cohorts.baseline.length} exemplars of the same series closest to the median (${formatDurationSec(cohorts.medianValue ?? 0)}) between ${formatTimeOfDay(region.startMs, zone)} and ${formatTimeOfDay(region.endMs, zone)}, outside the selection`
      : `${cohorts.baseline.length} exemplars of the same series between ${formatDurationSec(region.minValue)} and ${formatDurationSec(region.maxValue)}, recorded before ${formatTimeOfDay(region.startMs, zone)}`;
  return (
    <div className="space-y-1 text-zinc-600 dark:text-zinc-400">
      <p>
        Slow: {cohorts.slow.length} exemplars in the selection
        {cohorts.slowAvailable > cohorts.slow.length
          ? ` (spread over time from ${cohorts.slowAvailable})`
          : ""}
        . Baseline: {ruleText}
        {cohorts.baselineAvailable > cohorts.baseline.length ? ` (of ${cohorts.baselineAvailable})` : ""}.
      </p>
      {fetched.total > 0 ? (
        fetched.status === "done" ? (
          <p data-testid="comparison-counts">
            {describeSide(fetched.slow, "slow")}; {describeSide(fetched.baseline, BASELINE_NAMES[rule])}.
          </p>
        ) : (
          <div className="flex items-center gap-2">
            <progress
              value={fetched.settled}
              max={fetched.total}
              aria-label="Fetching the cohorts' traces"
              className="h-2 w-48"
            />
            <span>
              {fetched.settled} of {fetched.total} traces
              {fetched.status === "cancelled" ? " (stopped; comparing what arrived)" : ""}
            </span>
            {fetched.status === "fetching" ? (
              <button
                type="button"
                onClick={fetched.cancel}
                className="rounded border border-current px-2 py-0.5"
              >
                Cancel
              </button>
            ) : (
              <button
                type="button"
                onClick={fetched.resume}
                className="rounded border border-current px-2 py-0.5"
              >
                Fetch the rest
              </button>
            )}
          </div>
        )
      ) : null}
    </div>
  );
}

/** "31 of 40 slow traces kept; 9 sampled out or expired". */
function describeSide(side: CohortSide, name: string): string {
  const parts = [`${side.traces.length} of ${side.requested} ${name} traces kept`];
  if (side.missing) parts.push(`${side.missing} sampled out or expired`);
  if (side.failed) parts.push(`${side.failed} failed (${side.firstError})`);
  return parts.join(", ");
}

function NoBaseline({ rule, onBaseline }: { rule: BaselineRule; onBaseline: (rule: BaselineRule) => void }) {
  const other: BaselineRule = rule === "typical" ? "before" : "typical";
  return (
    <Problem
      title={
        rule === "typical"
          ? "No other exemplars of these series in the selection's time span"
          : "No exemplars of these series in this latency band before the selection"
      }
      action={
        <button
          type="button"
          onClick={() => onBaseline(other)}
          className="rounded border border-current px-3 py-1"
        >
          Compare with {BASELINE_NAMES[other]} instead
        </button>
      }
    >
      <p>
        {rule === "typical"
          ? "Widen the selection in time (drag a wider rectangle), or compare with the same band before it."
          : "Widen the time range to start earlier, or compare with typical requests of the same time."}
      </p>
    </Problem>
  );
}

const cell = "whitespace-nowrap px-2 py-1 text-right tabular-nums";
const pair = (slow: string, typical: string) => (
  <>
    <span className="font-semibold">{slow}</span> <span className="text-zinc-500">· {typical}</span>
  </>
);
const calls = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));
const percent = (share: number) => `${Math.round(share * 100)}%`;

function OperationsTable(
  props: ComparisonPanelProps & { comparison: CohortComparison; baselineName: string },
) {
  const { comparison, baselineName, selectedOp, onOpenSpan } = props;
  const [showAll, setShowAll] = useState(false);
  const rows = showAll ? comparison.rows : comparison.rows.slice(0, SHOWN_OPERATIONS);
  const difference = comparison.slowMeanUs - comparison.baselineMeanUs;
  return (
    <div className="space-y-1">
      <h3 className="font-semibold">Where the time goes</h3>
      <p className="text-zinc-600 dark:text-zinc-400">
        Mean critical path: slow {formatDurationUs(comparison.slowMeanUs)}, {baselineName}{" "}
        {formatDurationUs(comparison.baselineMeanUs)} ({difference >= 0 ? "+" : ""}
        {formatDurationUs(difference)}). Operations ranked by how much of that difference they explain; each
        figure is per trace, slow · {baselineName}.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse" aria-label="Operations, slow against baseline">
          <TableHead columns={OPERATION_COLUMNS} />
          <tbody>
            {rows.map((row) => (
              <OperationRow
                key={opKey(row)}
                row={row}
                comparison={comparison}
                selected={selectedOp === opKey(row)}
                baselineName={baselineName}
                onOpenSpan={onOpenSpan}
              />
            ))}
          </tbody>
        </table>
      </div>
      {comparison.rows.length > SHOWN_OPERATIONS ? (
        <button type="button" onClick={() => setShowAll(!showAll)} className="text-sky-700 dark:text-sky-300">
          {showAll ? "Show the top operations" : `Show all ${comparison.rows.length} operations`}
        </button>
      ) : null}
    </div>
  );
}

function OperationRow(props: {
  row: OperationDiff;
  comparison: CohortComparison;
  selected: boolean;
  baselineName: string;
  onOpenSpan: ComparisonPanelProps["onOpenSpan"];
}) {
  const { row, comparison, selected, baselineName, onOpenSpan } = props;
  const key = opKey(row);
  const share = Math.max(-1, Math.min(1, row.shareOfDifference));
  return (
    <tr
      aria-selected={selected}
      className={`border-b border-zinc-100 dark:border-zinc-900 ${selected ? "bg-sky-100 dark:bg-sky-900/50" : ""}`}
    >
      <th scope="row" className="max-w-[22rem] px-2 py-1 text-left font-normal">
        <div className="flex items-center gap-2">
          {row.slow.example ? (
            <button
              type="button"
              className="min-w-0 truncate text-left hover:underline"
              title={`Open the slow trace that spent longest in ${row.service} ${row.operation}`}
              onClick={() => onOpenSpan(row.slow.example!.traceId, row.slow.example!.spanId, key)}
            >
              <span className="text-zinc-500">{row.service}</span> {row.operation}
            </button>
          ) : (
            <span className="min-w-0 truncate">
              <span className="text-zinc-500">{row.service}</span> {row.operation}
            </span>
          )}
          {row.baseline.example && row.slow.example ? (
            <button
              type="button"
              className="shrink-0 rounded px-1 text-[10px] text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 dark:hover:bg-zinc-900 dark:hover:text-zinc-200"
              aria-label={`Compare a slow and a ${baselineName} trace at ${row.service} ${row.operation}`}
              title={`Open the slow trace beside the ${baselineName} one that spent longest in it, path by path`}
              onClick={() =>
                onOpenSpan(
                  row.slow.example!.traceId,
                  row.slow.example!.spanId,
                  key,
                  row.baseline.example!.traceId,
                )
              }
            >
              vs {baselineName}
            </button>
          ) : null}
        </div>
      </th>
      <td className={cell}>
        {pair(
          percent(row.slow.traces / Math.max(1, comparison.slowTraces)),
          percent(row.baseline.traces / Math.max(1, comparison.baselineTraces)),
        )}
      </td>
      <td className={cell}>{pair(calls(row.slow.callsPerTrace), calls(row.baseline.callsPerTrace))}</td>
      <td className={cell}>
        {pair(formatDurationUs(row.slow.totalUsPerTrace), formatDurationUs(row.baseline.totalUsPerTrace))}
      </td>
      <td className={cell}>
        {pair(formatDurationUs(row.slow.selfUsPerTrace), formatDurationUs(row.baseline.selfUsPerTrace))}
      </td>
      <td className={cell}>
        {pair(
          formatDurationUs(row.slow.criticalUsPerTrace),
          formatDurationUs(row.baseline.criticalUsPerTrace),
        )}
      </td>
      <td className={cell}>
        <div className="flex items-center justify-end gap-1">
          <span className="inline-block h-1.5 w-16 rounded bg-zinc-100 dark:bg-zinc-800" aria-hidden>
            <span
              className={`block h-full rounded ${share >= 0 ? "bg-amber-500" : "bg-sky-500"}`}
              style={{ width: `${Math.abs(share) * 100}%` }}
            />
          </span>
          <span className="w-10">{percent(row.shareOfDifference)}</span>
        </div>
      </td>
    </tr>
  );
}

function AttributesTable({ findings, baselineName }: { findings: AttributeFinding[]; baselineName: string }) {
  return (
    <div className="space-y-1">
      <h3 className="font-semibold">What the slow ones have in common</h3>
      <p className="text-zinc-600 dark:text-zinc-400">
        Span and resource attribute values found in more slow traces than {baselineName} ones (share of traces
        with the value, slow · {baselineName}). Identifiers are left out; many distinct numbers are grouped
        into ranges.
      </p>
      {findings.length === 0 ? (
        <p className="text-zinc-500">No attribute value is much more common among the slow traces.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse" aria-label="Attribute values, slow against baseline">
            <TableHead columns={ATTRIBUTE_COLUMNS} />
            <tbody>
              {findings.map((f) => (
                <tr
                  key={`${f.service}/${f.scope}/${f.key}/${f.value}`}
                  className="border-b border-zinc-100 dark:border-zinc-900"
                >
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    <span className="text-zinc-500">{f.service}</span> {f.key}
                    {f.scope === "resource" ? (
                      <span className="ml-1 text-[10px] text-zinc-500">(resource)</span>
                    ) : null}
                  </th>
                  <td className="max-w-[20rem] truncate px-2 py-1 font-mono" title={f.value}>
                    {f.value}
                  </td>
                  <td className={cell}>{pair(percent(f.slowShare), percent(f.baselineShare))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
