"use client";

import { createContext, useContext } from "react";
import type { Span } from "@/lib/model/trace";

/**
 * What the trace panel needs from the page around it: a link back to a span's latency
 * histogram and "copy a link to this view". Given by the explorer as context, so the panel,
 * the waterfall and the span details do not pass them down as props.
 */
export interface ExplorerLinks {
  /** The explorer on this span's route histogram, when one is known. */
  histogramHrefForSpan(span: Span): string | undefined;
  /** Copies a shareable link to the current view; false when the clipboard refused. */
  copyShareLink(): Promise<boolean>;
}

const NO_LINKS: ExplorerLinks = {
  histogramHrefForSpan: () => undefined,
  copyShareLink: () => Promise.resolve(false),
};

export const ExplorerLinksContext = createContext<ExplorerLinks>(NO_LINKS);

export function useExplorerLinks(): ExplorerLinks {
  return useContext(ExplorerLinksContext);
}
