"use client";

import { CodeLoadProblem } from "@/components/problem";
import type { ComparisonPanelProps } from "@/components/compare/comparison-panel";
import { Placeholder } from "@/components/placeholder";
import { useLazyModule } from "./use-lazy-module";

// The comparison's code (tables, cohort math) is only needed once someone compares.
const loadComparison = () => import("@/components/compare/comparison-panel");

/** The slow-vs-baseline comparison of the selected region, once its code has loaded. */
export function ComparisonSection(props: ComparisonPanelProps & { isPending: boolean }) {
  const { module, loadError } = useLazyModule(loadComparison);
  if (loadError) {
    return <CodeLoadProblem what="The comparison" error={loadError} />;
  }
  // The cohorts come from the exemplars: wait for them rather than report an empty selection.
  if (!module || props.isPending) return <Placeholder label="Loading the comparison" className="h-40" />;
  const { isPending: _, ...panelProps } = props;
  return <module.ComparisonPanel {...panelProps} />;
}
