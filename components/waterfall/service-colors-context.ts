"use client";

import { createContext, useCallback, useContext } from "react";

/**
 * The open trace's service colors (lib/client/service-color-registry.ts), provided by the trace
 * panel to everything inside it that names a service.
 */
export const ServiceColorsContext = createContext<ReadonlyMap<string, string>>(new Map());

/** The color of a service of the open trace (a neutral grey for one the map does not know). */
export function useServiceColor(): (service: string) => string {
  const colors = useContext(ServiceColorsContext);
  return useCallback((service) => colors.get(service) ?? "oklch(0.6 0 0)", [colors]);
}
