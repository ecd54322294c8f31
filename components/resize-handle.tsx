"use client";

import { useRef } from "react";

interface Props {
  /** What it resizes, for assistive technology: "Trace panel width". */
  label: string;
  value: number;
  min: number;
  max: number;
  /** The value for a pointer at this client x; the handle's own element, to measure the layout from. */
  valueAt: (clientX: number, handle: HTMLElement) => number;
  onChange: (value: number) => void;
  className?: string;
}

const KEY_STEP = 24;

/**
 * A vertical splitter: drag it, or focus it and use ←/→ (Home/End for the limits). An ARIA
 * separator with its value, so a screen reader says how wide the part is.
 */
export function ResizeHandle(props: Props) {
  const { label, value, min, max, valueAt, onChange, className = "" } = props;
  const dragging = useRef(false);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={Math.round(min)}
      aria-valuemax={Math.round(max)}
      tabIndex={0}
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        dragging.current = true;
      }}
      onPointerMove={(event) => {
        if (dragging.current) onChange(clamp(valueAt(event.clientX, event.currentTarget)));
      }}
      onPointerUp={() => (dragging.current = false)}
      onKeyDown={(event) => {
        // Not chosen yet (0): start from where the handle stands.
        const box = event.currentTarget.getBoundingClientRect();
        const value = props.value || valueAt(box.left + box.width / 2, event.currentTarget);
        const next =
          event.key === "ArrowLeft"
            ? value - KEY_STEP
            : event.key === "ArrowRight"
              ? value + KEY_STEP
              : event.key === "Home"
                ? min
                : event.key === "End"
                  ? max
                  : undefined;
        if (next === undefined) return;
        event.preventDefault();
        onChange(clamp(next));
      }}
      className={`cursor-col-resize touch-none select-none hover:bg-sky-500/40 focus-visible:bg-sky-500/60 ${className}`}
    />
  );
}
