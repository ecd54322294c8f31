"use client";

import { createContext, useContext } from "react";

/**
 * The open trace, for the charts' markers to show as selected. A context rather than a prop: opening
 * a trace then re-renders the markers only, not the charts around them (recharts rebuilds a whole
 * chart on any new prop).
 */
export const SelectedTraceContext = createContext<string | null>(null);

export function useSelectedTrace(): string | null {
  return useContext(SelectedTraceContext);
}
