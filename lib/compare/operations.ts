import type { Trace } from "../model/trace";
import { buildSpanTree } from "../trace-view/span-tree";
import { clipToParents, criticalPath, selfTimeUs } from "../trace-view/timing";

/**
 * Time per (service, operation), for one trace (the waterfall's Statistics view) and for two
 * cohorts of traces (the comparison's main table). Definitions are those of Jaeger's Trace
 * Statistics and of `lib/trace-view/timing.ts`: total is the sum of span durations, self time is
 * what no child covers, and critical-path time is the part of the trace's critical path spent in
 * the operation's own spans. Critical-path times of one trace add up to its critical path's
 * length, so the per-operation differences of two cohorts add up to their latency difference.
 */

export interface OperationKey {
  service: string;
  operation: string;
}

export interface OperationStats extends OperationKey {
  calls: number;
  errors: number;
  totalUs: number;
  selfUs: number;
  criticalUs: number;
  /** The call that spent longest on the critical path (or, off it, the longest call). */
  exampleSpanId: string;
}

export interface TraceStatistics {
  operations: OperationStats[];
  /** Length of the critical path: the trace's latency as its slowest chain of work saw it. */
  criticalUs: number;
}

const keyOf = (service: string, operation: string) => `${service}\u0000${operation}`;

/** One trace's time per operation, sorted by critical-path time, then total time. */
export function traceStatistics(trace: Trace): TraceStatistics {
  const tree = buildSpanTree(trace);
  const path = criticalPath(trace, tree, clipToParents(trace, tree));
  const criticalBySpan = new Float64Array(trace.spans.length);
  let criticalUs = 0;
  for (const section of path.sections) {
    const length = section.endUs - section.startUs;
    criticalBySpan[section.index]! += length;
    criticalUs += length;
  }
  const byKey = new Map<string, OperationStats & { exampleWeight: number }>();
  trace.spans.forEach((span, i) => {
    const key = keyOf(span.serviceName, span.name);
    let stats = byKey.get(key);
    if (!stats) {
      stats = {
        service: span.serviceName,
        operation: span.name,
        calls: 0,
        errors: 0,
        totalUs: 0,
        selfUs: 0,
        criticalUs: 0,
        exampleSpanId: span.spanId,
        exampleWeight: -1,
      };
      byKey.set(key, stats);
    }
    stats.calls += 1;
    if (span.status === "error") stats.errors += 1;
    stats.totalUs += span.durationUs;
    stats.selfUs += selfTimeUs(trace, tree, i);
    stats.criticalUs += criticalBySpan[i]!;
    // Critical time outweighs any duration: a span on the path is always the better example.
    const weight = criticalBySpan[i]! * 1e6 + span.durationUs;
    if (weight > stats.exampleWeight) {
      stats.exampleWeight = weight;
      stats.exampleSpanId = span.spanId;
    }
  });
  const operations = [...byKey.values()].map(({ exampleWeight: _, ...stats }) => stats);
  operations.sort((a, b) => b.criticalUs - a.criticalUs || b.totalUs - a.totalUs);
  return { operations, criticalUs };
}

/** One cohort's view of one operation: means are over all the cohort's traces, with or without it. */
export interface CohortOperation {
  /** Traces in which the operation appears. */
  traces: number;
  callsPerTrace: number;
  totalUsPerTrace: number;
  selfUsPerTrace: number;
  criticalUsPerTrace: number;
  /** The trace and span to show for this operation: the cohort's longest on the critical path. */
  example?: { traceId: string; spanId: string; criticalUs: number };
}

export interface OperationDiff extends OperationKey {
  slow: CohortOperation;
  baseline: CohortOperation;
  /** Slow minus baseline critical-path time per trace: the latency this operation explains. */
  criticalDeltaUs: number;
  /** That difference as a share of the difference in mean critical path (can be negative). */
  shareOfDifference: number;
}

export interface CohortComparison {
  rows: OperationDiff[];
  slowTraces: number;
  baselineTraces: number;
  /** Mean critical-path length per trace of each cohort. */
  slowMeanUs: number;
  baselineMeanUs: number;
}

interface Accumulated {
  traces: number;
  calls: number;
  totalUs: number;
  selfUs: number;
  criticalUs: number;
  example?: { traceId: string; spanId: string; criticalUs: number };
}

function accumulate(traces: readonly Trace[]) {
  const byKey = new Map<string, OperationKey & Accumulated>();
  let criticalSum = 0;
  for (const trace of traces) {
    const stats = traceStatistics(trace);
    criticalSum += stats.criticalUs;
    for (const op of stats.operations) {
      const key = keyOf(op.service, op.operation);
      let acc = byKey.get(key);
      if (!acc) {
        acc = {
          service: op.service,
          operation: op.operation,
          traces: 0,
          calls: 0,
          totalUs: 0,
          selfUs: 0,
          criticalUs: 0,
        };
        byKey.set(key, acc);
      }
      acc.traces += 1;
      acc.calls += op.calls;
      acc.totalUs += op.totalUs;
      acc.selfUs += op.selfUs;
      acc.criticalUs += op.criticalUs;
      if (!acc.example || op.criticalUs > acc.example.criticalUs) {
        acc.example = { traceId: trace.traceId, spanId: op.exampleSpanId, criticalUs: op.criticalUs };
      }
    }
  }
  return { byKey, meanUs: traces.length ? criticalSum / traces.length : 0 };
}

function perTrace(acc: Accumulated | undefined, count: number): CohortOperation {
  if (!acc || count === 0) {
    return { traces: 0, callsPerTrace: 0, totalUsPerTrace: 0, selfUsPerTrace: 0, criticalUsPerTrace: 0 };
  }
  return {
    traces: acc.traces,
    callsPerTrace: acc.calls / count,
    totalUsPerTrace: acc.totalUs / count,
    selfUsPerTrace: acc.selfUs / count,
    criticalUsPerTrace: acc.criticalUs / count,
    example: acc.example,
  };
}

/**
 * Every operation of either cohort, ranked by how much of the latency difference it explains:
 * largest critical-path increase first, then (among operations off the path) by the change in
 * total time, so an operation that runs more often in parallel still shows.
 */
export function compareCohorts(slow: readonly Trace[], baseline: readonly Trace[]): CohortComparison {
  const s = accumulate(slow);
  const b = accumulate(baseline);
  const difference = s.meanUs - b.meanUs;
  const keys = new Set([...s.byKey.keys(), ...b.byKey.keys()]);
  const rows: OperationDiff[] = [];
  for (const key of keys) {
    const named = (s.byKey.get(key) ?? b.byKey.get(key))!;
    const slowOp = perTrace(s.byKey.get(key), slow.length);
    const baselineOp = perTrace(b.byKey.get(key), baseline.length);
    const criticalDeltaUs = slowOp.criticalUsPerTrace - baselineOp.criticalUsPerTrace;
    rows.push({
      service: named.service,
      operation: named.operation,
      slow: slowOp,
      baseline: baselineOp,
      criticalDeltaUs,
      shareOfDifference: difference !== 0 ? criticalDeltaUs / difference : 0,
    });
  }
  const totalDelta = (row: OperationDiff) => row.slow.totalUsPerTrace - row.baseline.totalUsPerTrace;
  rows.sort(
    (x, y) =>
      y.criticalDeltaUs - x.criticalDeltaUs ||
      totalDelta(y) - totalDelta(x) ||
      x.service.localeCompare(y.service) ||
      x.operation.localeCompare(y.operation),
  );
  return {
    rows,
    slowTraces: slow.length,
    baselineTraces: baseline.length,
    slowMeanUs: s.meanUs,
    baselineMeanUs: b.meanUs,
  };
}
