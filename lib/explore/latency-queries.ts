import { formatWindow } from "./time-range";

/**
 * What the explorer asks Prometheus for. A metric selector (the common case) becomes quantile
 * lines over its buckets plus an exemplar query; any other PromQL is drawn as it is.
 */

export const QUANTILES = [0.5, 0.9, 0.99] as const;

export type ParsedQuery =
  { kind: "selector"; metric: string; matchers: string } | { kind: "promql"; expression: string };

const SELECTOR = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[\s\S]*\})?$/;
const HISTOGRAM_SUFFIX = /_(bucket|count|sum)$/;

export function parseExplorerQuery(query: string): ParsedQuery {
  const trimmed = query.trim();
  const match = SELECTOR.exec(trimmed);
  if (!match) return { kind: "promql", expression: trimmed };
  return {
    kind: "selector",
    metric: match[1]!.replace(HISTOGRAM_SUFFIX, ""),
    matchers: match[2] ? match[2].replace(/\s+/g, " ").replace(/\{\s*\}/, "") : "",
  };
}

export interface LatencyQueries {
  /** One query per line on the chart, with the label to show for it. */
  lines: { label: string; query: string }[];
  exemplars: string;
}

export function buildLatencyQueries(parsed: ParsedQuery, rateWindowSec: number): LatencyQueries {
  if (parsed.kind === "promql") {
    return { lines: [{ label: "", query: parsed.expression }], exemplars: parsed.expression };
  }
  const buckets = `${parsed.metric}_bucket${parsed.matchers}`;
  const window = formatWindow(rateWindowSec);
  return {
    lines: QUANTILES.map((q) => ({
      label: `p${Math.round(q * 100)}`,
      query: `histogram_quantile(${q}, sum by (le) (rate(${buckets}[${window}])))`,
    })),
    exemplars: buckets,
  };
}
