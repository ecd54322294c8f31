"use client";

import { Problem } from "@/components/problem";
import { type BucketGrid, bucketTotals } from "@/lib/explore/buckets";
import type { ExemplarPoint } from "@/lib/explore/chart-data";
import { Placeholder } from "./chart-area";
import type { ChartsModule } from "./use-charts";

interface Props {
  charts?: ChartsModule;
  grid?: BucketGrid;
  stepSec: number;
  error: Error | null;
  exemplars: ExemplarPoint[];
  exemplarCounts: number[];
  startMs: number;
  endMs: number;
  selectedTraceId: string | null;
  selectedBucket?: number;
  onSelectExemplar: (point: ExemplarPoint) => void;
  onPreviewExemplar: (point: ExemplarPoint | undefined) => void;
  onSelectBucket: (bucket: number | undefined) => void;
}

/** The heatmap of bucket rates with its exemplars, and the distribution of the whole range. */
export function BucketCharts({ charts, grid, error, ...props }: Props) {
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      {grid && grid.bounds.length > 0 && charts ? (
        <>
          <charts.BucketHeatmap
            grid={grid}
            stepSec={props.stepSec}
            exemplars={props.exemplars}
            startMs={props.startMs}
            endMs={props.endMs}
            selectedTraceId={props.selectedTraceId}
            selectedBucket={props.selectedBucket}
            onSelectExemplar={props.onSelectExemplar}
            onPreviewExemplar={props.onPreviewExemplar}
          />
          <charts.BucketDistribution
            bounds={grid.bounds}
            totals={bucketTotals(grid, props.stepSec)}
            exemplarCounts={props.exemplarCounts}
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
