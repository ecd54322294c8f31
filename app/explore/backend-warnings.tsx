import { Problem } from "@/components/problem";

/**
 * What Prometheus (or Thanos Query, Mimir) said alongside its answers: a partial answer, such as
 * one replica of an HA pair down behind Thanos, draws charts that look whole. Shown above them,
 * as the backend worded it (as text).
 */
export function BackendWarnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <Problem title="The metrics backend warned that these answers may be incomplete" tone="warning">
      <ul className="list-disc space-y-1 pl-5 font-mono text-xs" aria-label="Backend warnings">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
      <p>
        The charts and exemplars show what did answer. Behind Thanos Query, a store that is down or slow
        leaves out its series; refresh once it is back.
      </p>
    </Problem>
  );
}
