import { formatDurationSec } from "@/lib/format/duration";
import { type ChartPreviewData, PREVIEW_HEIGHT, PREVIEW_WIDTH } from "@/lib/explore/chart-preview";
import { LINE_COLORS } from "./line-colors";

/** The live chart's plot box inside its 320 px figure (margins and the 72 px latency axis). */
const PLOT = { left: 76, right: 16, top: 8, bottom: 30 };

/**
 * The latency chart drawn by the server into the page's HTML, so that a link shows its lines and
 * exemplars before any script has run. It only shows: the live chart, in the same place and
 * size, replaces it once the charts' code and data have arrived.
 */
export function LatencyChartPreview({
  preview,
  lineLabels,
}: {
  preview: ChartPreviewData;
  lineLabels: string[];
}) {
  const plotHeight = `(100% - ${PLOT.top + PLOT.bottom}px)`;
  return (
    <div aria-busy="true">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        <span className="text-zinc-500">Latency (log scale) over time</span>
        <span className="ml-auto" />
        {lineLabels.map((label, i) => (
          <span key={label} className="flex items-center gap-1 px-1">
            <span
              className="inline-block h-0.5 w-4"
              style={{ backgroundColor: LINE_COLORS[i % LINE_COLORS.length] }}
            />
            {label}
          </span>
        ))}
        <span className="flex items-center gap-1 px-1">
          <span className="inline-block h-2 w-2 rounded-full bg-zinc-800/60 dark:bg-zinc-200/70" />
          Exemplars ({preview.exemplarCount.toLocaleString("en-US")})
        </span>
      </div>
      <figure
        className="relative h-80 w-full"
        data-testid="latency-chart-preview"
        aria-label="Latency over time with exemplars (loading)"
      >
        {preview.yTicks.map((tick) => (
          <span
            key={tick.value}
            className="absolute -translate-y-1/2 text-right text-[11px] tabular-nums"
            style={{
              left: 0,
              width: PLOT.left - 10,
              top: `calc(${PLOT.top}px + ${plotHeight} * ${tick.at})`,
            }}
          >
            {formatDurationSec(tick.value)}
          </span>
        ))}
        <svg
          aria-hidden
          className="absolute overflow-visible"
          style={{
            left: PLOT.left,
            top: PLOT.top,
            width: `calc(100% - ${PLOT.left + PLOT.right}px)`,
            height: `calc${plotHeight}`,
          }}
          viewBox={`0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}`}
          preserveAspectRatio="none"
        >
          {preview.yTicks.map((tick) => (
            <path
              key={tick.value}
              d={`M0 ${tick.at * PREVIEW_HEIGHT}H${PREVIEW_WIDTH}`}
              strokeDasharray="3 3"
              vectorEffect="non-scaling-stroke"
              className="stroke-zinc-200 dark:stroke-zinc-800"
            />
          ))}
          {preview.lines.map((line, i) => (
            <path
              key={line.key}
              d={line.d}
              fill="none"
              stroke={LINE_COLORS[i % LINE_COLORS.length]}
              strokeWidth={1.5}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {/* Zero-length segments with round caps: dots that stay round however the box stretches. */}
          <path
            d={preview.markers}
            data-exemplar-markers={preview.markerCount}
            strokeWidth={7}
            strokeLinecap="round"
            vectorEffect="non-scaling-stroke"
            className="stroke-zinc-800/60 dark:stroke-zinc-200/70"
          />
        </svg>
      </figure>
    </div>
  );
}
