import { type Selector, formatSelector, parseSelector } from "./selector";
import { formatWindow } from "./time-range";

/**
 * What the explorer asks Prometheus for. A metric selector (the common case) becomes quantile
 * lines and bucket rates over its buckets plus an exemplar query; any other PromQL is drawn as
 * it is, with the exemplars of the series it selects.
 */

export const QUANTILES = [0.5, 0.9, 0.99] as const;

export interface LatencyQueries {
  /** The selector behind the queries; undefined in advanced (PromQL) mode. */
  selector?: Selector;
  /** One query per line on the chart, with the label to show for it. */
  lines: { label: string; query: string }[];
  /** Per-bucket rates (`sum by (le)`), for the heatmap and the distribution; selector mode only. */
  bucketRates?: string;
  exemplars: string;
}

export function buildLatencyQueries(query: string, rateWindowSec: number): LatencyQueries {
  const selector = parseSelector(query);
  if (!selector) {
    const expression = query.trim();
    return { lines: [{ label: "", query: expression }], exemplars: expression };
  }
  const buckets = formatSelector(selector, "_bucket");
  const rate = `rate(${buckets}[${formatWindow(rateWindowSec)}])`;
  return {
    selector,
    lines: QUANTILES.map((q) => ({
      label: `p${Math.round(q * 100)}`,
      query: `histogram_quantile(${q}, sum by (le) (${rate}))`,
    })),
    bucketRates: `sum by (le) (${rate})`,
    exemplars: buckets,
  };
}
