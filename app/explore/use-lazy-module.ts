"use client";

import { useEffect, useState } from "react";

const loaded = new WeakMap<() => Promise<unknown>, unknown>();

/**
 * A chunk of code that is loaded after the page, held in state once it is here (rather than
 * behind React.lazy, so that no Suspense boundary delays the first draw with it). Loads already
 * finished are remembered per loader, so a remount draws at once.
 */
export function useLazyModule<T>(load: () => Promise<T>): { module?: T; loadError?: Error } {
  const [module, setModule] = useState(() => loaded.get(load) as T | undefined);
  const [loadError, setLoadError] = useState<Error>();
  useEffect(() => {
    if (module) return;
    let live = true;
    load().then(
      (value) => {
        loaded.set(load, value);
        if (live) setModule(() => value);
      },
      (error: unknown) => {
        if (live) setLoadError(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      live = false;
    };
  }, [load, module]);
  return { module, loadError };
}
