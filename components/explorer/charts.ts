/**
 * The explorer's charts in one module, so that they and recharts load as one chunk after the page
 * (see app/explore/explorer.tsx): they wait for their data anyway, and the header, query editor
 * and exemplar list become usable without them. What a chart says when it has nothing to draw
 * comes with them: it too is shown only once the data are here.
 */
export { BucketCharts } from "./bucket-charts";
export { EmptyLatencyChart } from "./empty-latency-chart";
export { LatencyChart } from "./latency-chart";
