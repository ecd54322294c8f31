import { compareAttributes } from "../lib/compare/attributes";
import { compareCohorts } from "../lib/compare/operations";
import { diffTraces } from "../lib/compare/trace-diff";
import { generateSyntheticTrace } from "../lib/demo/synthetic-trace";
import type { Trace } from "../lib/model/trace";
import { normalizeJaegerV1Trace } from "../lib/traces/jaeger-v1";
import { median } from "./stats";

/**
 * The comparison's math in Node (the browser runs the same functions in the same engine): two
 * cohorts of 40 synthetic 200-span traces (operation table and attribute ranking together, as
 * the comparison panel computes them), and the two-trace diff of two 10,000-span traces.
 */

const trace = (spans: number, seed: number): Trace =>
  normalizeJaegerV1Trace(generateSyntheticTrace(spans, undefined, seed));

function timeMs(run: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return Math.round(median(times) * 10) / 10;
}

export function benchComparison(runs = 7) {
  const slow = Array.from({ length: 40 }, (_, i) => trace(200, 1000 + i));
  const baseline = Array.from({ length: 40 }, (_, i) => trace(200, 2000 + i));
  const [a, b] = [trace(10_000, 1), trace(10_000, 2)];
  return {
    "cohorts 2 × 40 × 200 spans": {
      medianMs: timeMs(() => {
        compareCohorts(slow, baseline);
        compareAttributes(slow, baseline);
      }, runs),
    },
    "two traces of 10,000 spans": { medianMs: timeMs(() => diffTraces(a, b), runs) },
  };
}
