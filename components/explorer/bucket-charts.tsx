"use client";

import { useMemo } from "react";
import { Placeholder } from "@/components/placeholder";
import { Problem } from "@/components/problem";
import { bucketGrid, bucketTotals } from "@/lib/explore/buckets";
import type { ExemplarPoint } from "@/lib/explore/chart-data";
import { exemplarCountsPerBucket } from "@/lib/explore/exemplar-table";
import type { MatrixData } from "@/lib/model/metrics";
import { BucketDistribution } from "./bucket-distribution";
import { BucketHeatmap } from "./bucket-heatmap";

interface Props {
  /** The bucket-rate query, to name in an explanation. */
  query: string;
  /** The bucket rates, once they are here. */
  bucketRates?: MatrixData;
  stepSec: number;
  error: Error | null;
  exemplars: ExemplarPoint[];
  startMs: number;
  endMs: number;
  selectedBucket?: number;
  onSelectExemplar: (point: ExemplarPoint) => void;
  onPreviewExemplar: (point: ExemplarPoint | undefined) => void;
  onSelectBucket: (bucket: number | undefined) => void;
}

/**
 * The heatmap of bucket rates with its exemplars, and the distribution of the whole range; or why
 * they are not there. Every state ends: in the charts, a failure, or an explanation.
 */
export function BucketCharts({ bucketRates, error, ...props }: Props) {
  const grid = useMemo(() => (bucketRates ? bucketGrid(bucketRates) : undefined), [bucketRates]);
  // The same arrays until the buckets or exemplars change: the memoized distribution then skips a re-render.
  const totals = useMemo(() => (grid ? bucketTotals(grid, props.stepSec) : []), [grid, props.stepSec]);
  const exemplarCounts = useMemo(
    () => exemplarCountsPerBucket(props.exemplars, grid?.bounds ?? []),
    [props.exemplars, grid],
  );
  if (grid && grid.bounds.length === 0) {
    return (
      <Problem title="No histogram buckets to draw">
        <p>
          <code className="font-mono">{props.query}</code> returns no series with an <code>le</code> label in
          this range, so there is no heatmap or distribution: the query has no classic histogram buckets (a
          gauge or counter, a native histogram, or no data at all).
        </p>
      </Problem>
    );
  }
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      {grid ? (
        <>
          <BucketHeatmap
            grid={grid}
            stepSec={props.stepSec}
            exemplars={props.exemplars}
            startMs={props.startMs}
            endMs={props.endMs}
            selectedBucket={props.selectedBucket}
            onSelectExemplar={props.onSelectExemplar}
            onPreviewExemplar={props.onPreviewExemplar}
          />
          <BucketDistribution
            bounds={grid.bounds}
            totals={totals}
            exemplarCounts={exemplarCounts}
            selectedBucket={props.selectedBucket}
            onSelectBucket={props.onSelectBucket}
          />
        </>
      ) : error ? (
        <Problem title="Could not load the bucket rates" tone="error">
          <p>{error.message}</p>
        </Problem>
      ) : (
        <Placeholder label="Loading buckets" className="h-64 lg:col-span-2" />
      )}
    </div>
  );
}
