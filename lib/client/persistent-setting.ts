"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * A layout choice the browser remembers (panel widths, where span details go): kept in
 * localStorage, the same in every tab after a reload. The server renders the default; the
 * browser switches to the stored value as it hydrates (useSyncExternalStore), without a mismatch.
 */
const PREFIX = "exemplar-explorer:";
const listeners = new Set<() => void>();
/** This page's choices, also when storage refuses them (private mode, full). */
const memory = new Map<string, string>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function read(key: string): string | null {
  const held = memory.get(key);
  if (held !== undefined) return held;
  try {
    return localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function usePersistentSetting<T extends string | number>(
  key: string,
  fallback: T,
): [T, (value: T) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const value = (raw === null ? fallback : typeof fallback === "number" ? Number(raw) : raw) as T;
  const set = useCallback(
    (next: T) => {
      memory.set(key, String(next));
      try {
        localStorage.setItem(PREFIX + key, String(next));
      } catch {
        // Storage refused: the choice holds (in memory) until the page is left.
      }
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [Number.isNaN(value) ? fallback : value, set];
}
