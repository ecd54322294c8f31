/**
 * The explorer's charts in one module, so that they and recharts load as one chunk after the page
 * (see app/explore/explorer.tsx): they wait for their data anyway, and the header, query editor
 * and exemplar list become usable without them.
 */
export { BucketDistribution } from "./bucket-distribution";
export { BucketHeatmap } from "./bucket-heatmap";
export { LatencyChart } from "./latency-chart";
