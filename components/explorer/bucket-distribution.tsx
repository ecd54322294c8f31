"use client";

import { memo, useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from "recharts";
import { bucketLabel } from "@/lib/explore/buckets";

import { formatDurationSec } from "@/lib/format/duration";
import { useNoEmptyTabStops } from "./chart-config";
import { ChartBox } from "./chart-box";

interface Props {
  bounds: number[];
  totals: number[];
  exemplarCounts: number[];
  selectedBucket?: number;
  onSelectBucket: (bucket: number | undefined) => void;
}

const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

/** Requests per bucket over the whole range; a click on a bar filters the exemplars to it. */
export const BucketDistribution = memo(function BucketDistribution({
  bounds,
  totals,
  exemplarCounts,
  selectedBucket,
  onSelectBucket,
}: Props) {
  const data = useMemo(
    () =>
      bounds.map((_, i) => ({
        index: i,
        label: bucketLabel(bounds, i, formatDurationSec),
        requests: Math.round(totals[i] ?? 0),
        exemplars: exemplarCounts[i] ?? 0,
      })),
    [bounds, totals, exemplarCounts],
  );
  const figureRef = useNoEmptyTabStops<HTMLElement>();
  return (
    <div>
      <p className="text-xs text-zinc-500">Requests per bucket in the range</p>
      <figure
        ref={figureRef}
        className="h-64 w-full"
        data-testid="bucket-distribution"
        aria-label="Requests per latency bucket in the range"
      >
        <ChartBox>
          {({ width, height }) => (
            <BarChart
              width={width}
              height={height}
              data={data}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            >
              <CartesianGrid
                vertical={false}
                strokeDasharray="2 4"
                className="stroke-zinc-200 dark:stroke-zinc-800"
              />
              <XAxis
                dataKey="label"
                tick={{ fontSize: 10 }}
                stroke="currentColor"
                interval={0}
                angle={-35}
                textAnchor="end"
                height={48}
              />
              <YAxis
                tickFormatter={(v: number) => compact.format(v)}
                tick={{ fontSize: 10 }}
                stroke="currentColor"
                width={44}
              />
              <Tooltip
                cursor={{ fillOpacity: 0.1 }}
                contentStyle={{ fontSize: 12 }}
                formatter={(value, name) => [
                  compact.format(Number(value)),
                  name === "requests" ? "requests" : String(name),
                ]}
                labelFormatter={(label, payload) =>
                  `${label} · ${payload?.[0]?.payload?.exemplars ?? 0} exemplars`
                }
              />
              <Bar
                dataKey="requests"
                isAnimationActive={false}
                className="cursor-pointer"
                onClick={(entry) => {
                  const index = (entry as { payload?: { index?: number } }).payload?.index;
                  onSelectBucket(index === selectedBucket ? undefined : index);
                }}
              >
                {data.map((d) => (
                  <Cell
                    key={d.index}
                    fill={selectedBucket === undefined || selectedBucket === d.index ? "#0ea5e9" : "#a1a1aa"}
                  />
                ))}
              </Bar>
            </BarChart>
          )}
        </ChartBox>
      </figure>
    </div>
  );
});
