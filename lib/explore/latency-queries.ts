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

/**
 * How a histogram is stored: classic (`x_bucket` series with `le`) or native (one series `x` of
 * histogram samples, Prometheus 3; also a classic one converted with NHCB).
 */
export const HISTOGRAM_KINDS = ["classic", "native"] as const;
export type HistogramKind = (typeof HISTOGRAM_KINDS)[number];

/**
 * The form to read for `family`: the one asked for when the histogram has it, else classic
 * buckets when there are any (Prometheus 2, and most setups), else the native histogram.
 */
export function histogramKind(
  family: { classic?: boolean; native?: boolean } | undefined,
  asked: HistogramKind | null,
): HistogramKind {
  // Until the family is known (or when the backend does not say), the link's choice stands.
  if (asked && family?.[asked] !== false) return asked;
  return family && !family.classic && family.native ? "native" : "classic";
}

export function buildLatencyQueries(
  query: string,
  rateWindowSec: number,
  kind: HistogramKind = "classic",
): LatencyQueries {
  const selector = parseSelector(query);
  if (!selector) {
    const expression = query.trim();
    return { lines: [{ label: "", query: expression }], exemplars: expression };
  }
  if (kind === "native") {
    const series = formatSelector(selector);
    const rate = `rate(${series}[${formatWindow(rateWindowSec)}])`;
    return {
      selector,
      // A native histogram needs no `by (le)`: its buckets travel inside each sample.
      lines: QUANTILES.map((q) => ({
        label: `p${Math.round(q * 100)}`,
        query: `histogram_quantile(${q}, sum(${rate}))`,
      })),
      bucketRates: `sum(${rate})`,
      exemplars: series,
    };
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
