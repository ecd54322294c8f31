"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * What the browser remembers between visits (panel widths, where span details go, service
 * colors): localStorage under one prefix, read once per key and then served from memory (the
 * waterfall asks on every render, and localStorage is synchronous I/O), written through. When
 * storage refuses (private mode, full), a choice holds for the page.
 */
const PREFIX = "exemplar-explorer:";
const listeners = new Set<() => void>();
const memory = new Map<string, string | null>();

export function readStored(key: string): string | null {
  if (memory.has(key)) return memory.get(key)!;
  let value: string | null = null;
  try {
    value = localStorage.getItem(PREFIX + key);
  } catch {
    // Unavailable storage: nothing remembered.
  }
  memory.set(key, value);
  return value;
}

export function writeStored(key: string, value: string): void {
  memory.set(key, value);
  try {
    localStorage.setItem(PREFIX + key, value);
  } catch {
    // Storage refused: the value holds (in memory) until the page is left.
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * A layout choice as state. The server renders the default; the browser switches to the stored
 * value as it hydrates (useSyncExternalStore), without a mismatch.
 */
export function usePersistentSetting<T extends string | number>(
  key: string,
  fallback: T,
): [T, (value: T) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => readStored(key),
    () => null,
  );
  const value = (raw === null ? fallback : typeof fallback === "number" ? Number(raw) : raw) as T;
  const set = useCallback(
    (next: T) => {
      writeStored(key, String(next));
      for (const listener of listeners) listener();
    },
    [key],
  );
  return [Number.isNaN(value) ? fallback : value, set];
}
