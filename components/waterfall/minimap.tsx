"use client";

import { useEffect, useRef, useState } from "react";
import type { Trace } from "@/lib/model/trace";
import { minimapLayers } from "@/lib/trace-view/minimap";
import type { SpanTree } from "@/lib/trace-view/span-tree";
import type { TimeWindow } from "./row-layout";
import { useServiceColor } from "./service-colors-context";

const HEIGHT_PX = 44;

interface Props {
  trace: Trace;
  tree: SpanTree;
  window: TimeWindow;
  onWindow: (window: TimeWindow) => void;
}

/**
 * The whole trace in a strip, drawn on a canvas (tens of thousands of spans in a few
 * milliseconds). Drag to choose the time window the rows show; double-click shows it all.
 */
export function Minimap({ trace, tree, window, onWindow }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const total = Math.max(trace.durationUs, 1);
  const colorOf = useServiceColor();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const width = canvas.clientWidth;
    const ratio = globalThis.devicePixelRatio ?? 1;
    canvas.width = width * ratio;
    canvas.height = HEIGHT_PX * ratio;
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.scale(ratio, ratio);
    ctx.clearRect(0, 0, width, HEIGHT_PX);
    // One path per color, filled once: tens of thousands of fillStyle changes cost more than the
    // drawing itself; and the spans merged per pixel first (lib/trace-view/minimap.ts).
    const layers = minimapLayers(trace, tree.order, { width, height: HEIGHT_PX, pixelRatio: ratio }, colorOf);
    for (const { color, rects } of layers) {
      const path = new Path2D();
      for (let i = 0; i < rects.length; i += 4)
        path.rect(rects[i]!, rects[i + 1]!, rects[i + 2]!, rects[i + 3]!);
      ctx.fillStyle = color;
      ctx.fill(path);
    }
  }, [trace, tree, colorOf]);

  const fraction = (event: React.PointerEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1);
  };
  const shown = drag ?? {
    from: (window.startUs - trace.startUs) / total,
    to: (window.endUs - trace.startUs) / total,
  };
  const whole = shown.from <= 0 && shown.to >= 1;

  return (
    <div
      className="relative h-11 cursor-crosshair select-none border-b border-zinc-200 dark:border-zinc-800"
      data-testid="minimap"
      role="img"
      aria-label="Trace overview; drag to zoom the rows into a time window, double-click to reset"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        const at = fraction(event);
        setDrag({ from: at, to: at });
      }}
      onPointerMove={(event) => drag && setDrag({ ...drag, to: fraction(event) })}
      onPointerUp={() => {
        if (!drag) return;
        setDrag(null);
        const [a, b] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
        if (b - a < 0.005) return;
        onWindow({ startUs: trace.startUs + a * total, endUs: trace.startUs + b * total });
      }}
      onDoubleClick={() => onWindow({ startUs: trace.startUs, endUs: trace.startUs + total })}
    >
      <canvas ref={canvasRef} className="absolute inset-0 h-full w-full opacity-80" />
      {!whole ? (
        <>
          <div
            className="absolute inset-y-0 left-0 bg-zinc-500/30"
            style={{ width: `${Math.max(shown.from, 0) * 100}%` }}
          />
          <div
            className="absolute inset-y-0 right-0 bg-zinc-500/30"
            style={{ width: `${Math.max(1 - shown.to, 0) * 100}%` }}
          />
          <div
            className="absolute inset-y-0 border-x-2 border-sky-500"
            style={{
              left: `${Math.max(shown.from, 0) * 100}%`,
              width: `${(Math.min(shown.to, 1) - Math.max(shown.from, 0)) * 100}%`,
            }}
          />
        </>
      ) : null}
    </div>
  );
}
