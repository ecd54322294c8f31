"use client";

import type { ReactNode } from "react";
import { Problem } from "@/components/problem";
import { Placeholder } from "./chart-area";

interface Props {
  count: number;
  isPending: boolean;
  error: Error | null;
  /** From /api/health: false when Prometheus runs without exemplar storage. */
  exemplarStorage?: boolean;
  /** The exemplar list, shown when there are exemplars. */
  children: ReactNode;
}

/** The exemplar list, or why there is none: storage off, none scraped in the range, a failure. */
export function ExemplarsSection({ count, isPending, error, exemplarStorage, children }: Props) {
  if (isPending) return <Placeholder label="Loading exemplars" className="h-80" />;
  if (error) {
    return (
      <Problem title="Could not load exemplars" tone="error">
        <p>{error.message}</p>
      </Problem>
    );
  }
  if (count > 0) return <>{children}</>;
  if (exemplarStorage === false) {
    return (
      <Problem title="Exemplar storage is off in Prometheus">
        <p>
          Prometheus drops exemplars unless it runs with{" "}
          <code className="font-mono">--enable-feature=exemplar-storage</code>. Turn it on and exemplars
          appear for new scrapes.
        </p>
      </Problem>
    );
  }
  return (
    <Problem title="No exemplars in this range">
      <p>
        Exemplars are only scraped from OpenMetrics exposition, only on histogram buckets whose
        instrumentation attaches a trace ID, and only for sampled requests. Prometheus also keeps a limited
        number (<code className="font-mono">storage.exemplars.exemplars-limit</code>): older ranges often have
        none.
      </p>
    </Problem>
  );
}
