"use client";

import type { ReactNode } from "react";
import { Placeholder } from "@/components/placeholder";
import { Problem } from "@/components/problem";
import type { MetricsCapabilities } from "@/lib/model/metrics";

interface Props {
  count: number;
  isPending: boolean;
  error: Error | null;
  /** From /api/health: false when Prometheus runs without exemplar storage. */
  exemplarStorage?: boolean;
  /** From /api/health: what serves the Prometheus API, when it says so. */
  backend?: MetricsCapabilities["kind"];
  /** Exemplars Prometheus has here without a trace ID under the configured label names. */
  withoutTraceId?: number;
  /** The label names those exemplars carry. */
  labelsWithoutTraceId?: string[];
  /** The exemplar list, shown when there are exemplars. */
  children: ReactNode;
}

/** The exemplar list, or why there is none: storage off, none scraped in the range, a failure. */
export function ExemplarsSection(props: Props) {
  const { count, isPending, error, exemplarStorage, children } = props;
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
  if (props.withoutTraceId) {
    const labels = props.labelsWithoutTraceId ?? [];
    return (
      <Problem title="Exemplars are here, but none names its trace under a known label">
        <p>
          Prometheus has {props.withoutTraceId.toLocaleString()} exemplars in this range
          {labels.length > 0 ? (
            <>
              {" "}
              with the labels <code className="font-mono">{labels.join(", ")}</code>
            </>
          ) : null}
          . The explorer reads the trace ID from the labels named in{" "}
          <code className="font-mono">EXEMPLAR_TRACE_ID_LABELS</code> on the server (by default{" "}
          <code className="font-mono">trace_id</code>, <code className="font-mono">traceID</code> or{" "}
          <code className="font-mono">traceId</code>): add the one yours use.
        </p>
      </Problem>
    );
  }
  const { backend } = props;
  const answered = backend === "thanos" ? "Thanos Query" : backend === "mimir" ? "Mimir" : "Prometheus";
  return (
    <Problem title="No exemplars in this range">
      <p>{answered} answered, with none. The usual reasons:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>
          the instrumentation attaches no trace ID (only for sampled requests, and only in OpenMetrics or
          protobuf exposition, which the scrape must use);
        </li>
        {backend === "mimir" ? (
          <li>
            Mimir keeps exemplars only with <code className="font-mono">max_global_exemplars_per_user</code>{" "}
            above 0 for the tenant (0 by default: none);
          </li>
        ) : (
          <li>
            the range is older than what Prometheus keeps (
            <code className="font-mono">storage.exemplars.max_exemplars</code>, 100,000 by default)
            {backend === "thanos" ? ", or a Prometheus under a Sidecar runs without exemplar storage" : ""};
          </li>
        )}
        {backend === "thanos" ? (
          <li>
            a Thanos Receive keeps exemplars only with <code className="font-mono">--tsdb.max-exemplars</code>{" "}
            above 0 (0 by default);
          </li>
        ) : backend === undefined ? (
          <li>
            behind Thanos, every Prometheus under a Sidecar needs exemplar storage, and Thanos Receive keeps
            exemplars only with <code className="font-mono">--tsdb.max-exemplars</code> above 0; Mimir needs{" "}
            <code className="font-mono">max_global_exemplars_per_user</code>;
          </li>
        ) : null}
        <li>Prometheus 3 drops a native histogram&apos;s exemplars that carry no timestamp.</li>
      </ul>
    </Problem>
  );
}
