"use client";

import { useSyncExternalStore } from "react";

/**
 * How much of each trace being fetched has arrived, for the panel's "Loading… 12 MB" while a
 * large trace streams in. Entries go when their fetch ends.
 */
const received = new Map<string, number>();
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

export function reportTraceProgress(traceId: string, bytes: number | undefined) {
  if (bytes === undefined) received.delete(traceId);
  else received.set(traceId, bytes);
  notify();
}

export function useTraceProgress(traceId: string): number | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    () => received.get(traceId),
    () => undefined,
  );
}
