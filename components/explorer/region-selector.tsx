"use client";

import { useState } from "react";
import {
  usePlotArea,
  useXAxisInverseScale,
  useYAxisInverseScale,
  useXAxisScale,
  useYAxisScale,
} from "recharts";
import type { Region } from "@/lib/explore/exemplar-groups";

interface Props {
  region?: Region | null;
  onRegion: (region: Region | null) => void;
}

/**
 * Drag across the plot to select a time × latency rectangle. It is drawn under the markers, so
 * clicking a marker still opens its trace; a click without a drag clears the selection.
 */
export function RegionSelector({ region, onRegion }: Props) {
  const plot = usePlotArea();
  const xInverse = useXAxisInverseScale();
  const yInverse = useYAxisInverseScale();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | null>(null);
  if (!plot || !xInverse || !yInverse || !xScale || !yScale) return null;

  const local = (event: React.PointerEvent<SVGRectElement>) => {
    const box = event.currentTarget.ownerSVGElement!.getBoundingClientRect();
    const x = Math.min(Math.max(event.clientX - box.left, plot.x), plot.x + plot.width);
    const y = Math.min(Math.max(event.clientY - box.top, plot.y), plot.y + plot.height);
    return { x, y };
  };

  const shown = drag
    ? drag
    : region
      ? {
          x0: xScale(region.startMs) ?? 0,
          x1: xScale(region.endMs) ?? 0,
          y0: yScale(region.maxValue) ?? plot.y,
          y1: yScale(region.minValue) ?? plot.y + plot.height,
        }
      : null;

  return (
    <g>
      <rect
        x={plot.x}
        y={plot.y}
        width={plot.width}
        height={plot.height}
        fill="transparent"
        className="cursor-crosshair"
        data-testid="region-selector"
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          const { x, y } = local(event);
          setDrag({ x0: x, y0: y, x1: x, y1: y });
        }}
        onPointerMove={(event) => {
          if (!drag) return;
          const { x, y } = local(event);
          setDrag({ ...drag, x1: x, y1: y });
        }}
        onPointerUp={() => {
          if (!drag) return;
          setDrag(null);
          if (Math.abs(drag.x1 - drag.x0) < 4 && Math.abs(drag.y1 - drag.y0) < 4) {
            onRegion(null);
            return;
          }
          onRegion({
            startMs: Number(xInverse(Math.min(drag.x0, drag.x1))),
            endMs: Number(xInverse(Math.max(drag.x0, drag.x1))),
            minValue: Number(yInverse(Math.max(drag.y0, drag.y1))),
            maxValue: Number(yInverse(Math.min(drag.y0, drag.y1))),
          });
        }}
      />
      {shown ? (
        <rect
          x={Math.min(shown.x0, shown.x1)}
          y={Math.min(shown.y0, shown.y1)}
          width={Math.abs(shown.x1 - shown.x0)}
          height={Math.abs(shown.y1 - shown.y0)}
          className="pointer-events-none fill-sky-500/10 stroke-sky-500"
          strokeDasharray="4 3"
        />
      ) : null}
    </g>
  );
}
