"use client";

import { useSyncExternalStore } from "react";

export interface TraceProgress {
  bytes: number;
  /** How many spans are coming, when the server said (large traces). */
  spans?: number;
}

/**
 * How much of each trace being fetched has arrived, for the panel's "Loading 50,000 spans… 12 MB"
 * while a large trace streams in. Entries go when their fetch ends.
 */
const received = new Map<string, TraceProgress>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

export function reportTraceProgress(traceId: string, progress: TraceProgress | undefined) {
  if (progress === undefined) received.delete(traceId);
  else received.set(traceId, progress);
  notify();
}

export function useTraceProgress(traceId: string): TraceProgress | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    () => received.get(traceId),
    () => undefined,
  );
}
