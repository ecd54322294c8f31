import { inverseNormalCdf, normalCdf } from "./normal-distribution";
import { unitHash } from "./random";
import { type DemoRequest, encodeDemoTraceId, demoSpanId } from "./request-ids";
import {
  DEMO_BUCKETS,
  type DemoSeries,
  type LatencyComponent,
  SCRAPE_INTERVAL_MS,
  type WorldClock,
  latencyMixture,
  mixtureCdf,
  requestRate,
} from "./world";

/**
 * What the demo's services observed in one scrape interval: per-bucket request counts and the
 * exemplars they would have exposed. Pure functions of (seed, series, tick).
 */

/** Upper bounds including +Inf, in seconds. */
export const BUCKET_BOUNDS: readonly number[] = [...DEMO_BUCKETS, Infinity];
/** Chance that a bucket which received requests in a scrape interval exposes a fresh exemplar. */
const EXEMPLAR_CHANCE = 0.3;
/** Durations are capped so that they fit the trace ID's field. */
const MAX_DURATION_US = 120_000_000;

export function tickOf(timeMs: number): number {
  return Math.floor(timeMs / SCRAPE_INTERVAL_MS);
}

/** Requests of one series that finished in the tick's interval, per bucket (not cumulative). */
export function bucketIncrements(series: DemoSeries, clock: WorldClock, tick: number): number[] {
  const midMs = (tick + 0.5) * SCRAPE_INTERVAL_MS;
  const expected = requestRate(series, midMs) * (SCRAPE_INTERVAL_MS / 1000);
  const mixture = latencyMixture(series, midMs);
  const counts: number[] = [];
  let below = 0;
  for (let b = 0; b < BUCKET_BOUNDS.length; b++) {
    const cdf = mixtureCdf(mixture, BUCKET_BOUNDS[b]!);
    // Rounding by a per-address coin keeps counts whole and their sum unbiased.
    counts.push(Math.floor(expected * (cdf - below) + unitHash(clock.seed, series.index, tick, b)));
    below = cdf;
  }
  return counts;
}

export interface DemoExemplar {
  request: DemoRequest;
  traceId: string;
  spanId: string;
  valueSec: number;
  timestampMs: number;
}

/** The exemplars one series exposed for one tick, in bucket order. */
export function tickExemplars(
  series: DemoSeries,
  clock: WorldClock,
  tick: number,
  counts: readonly number[],
): DemoExemplar[] {
  const exemplars: DemoExemplar[] = [];
  const midMs = (tick + 0.5) * SCRAPE_INTERVAL_MS;
  let mixture: LatencyComponent[] | undefined;
  for (let b = 0; b < counts.length; b++) {
    if (counts[b]! <= 0 || unitHash(clock.seed, series.index, tick, b, 0xe8) >= EXEMPLAR_CHANCE) continue;
    mixture ??= latencyMixture(series, midMs);
    const lowSec = b === 0 ? 0 : BUCKET_BOUNDS[b - 1]!;
    const highSec = BUCKET_BOUNDS[b]!;
    const draw = (salt: number) => unitHash(clock.seed, series.index, tick, b, salt);
    const component = pickComponent(mixture, lowSec, highSec, draw(1));
    const durationUs = sampleDurationUs(component, lowSec, highSec, draw(2));
    const request: DemoRequest = {
      tick,
      seriesIndex: series.index,
      bucketIndex: b,
      scenario: component.scenario,
      offsetMs: Math.floor(draw(3) * SCRAPE_INTERVAL_MS),
      durationUs,
    };
    const traceId = encodeDemoTraceId(request, clock.seed);
    exemplars.push({
      request,
      traceId,
      spanId: demoSpanId(traceId, 0),
      valueSec: durationUs / 1e6,
      timestampMs: requestEndMs(request),
    });
  }
  return exemplars;
}

export function requestEndMs(request: DemoRequest): number {
  return request.tick * SCRAPE_INTERVAL_MS - SCRAPE_INTERVAL_MS + request.offsetMs;
}

/** Which latency component a request in this bucket most plausibly came from. */
function pickComponent(
  mixture: readonly LatencyComponent[],
  lowSec: number,
  highSec: number,
  u: number,
): LatencyComponent {
  const masses = mixture.map((c) => c.weight * (componentCdf(c, highSec) - componentCdf(c, lowSec)));
  const total = masses.reduce((sum, m) => sum + m, 0);
  let target = u * total;
  for (let i = 0; i < mixture.length; i++) {
    target -= masses[i]!;
    if (target < 0) return mixture[i]!;
  }
  return mixture[mixture.length - 1]!;
}

function componentCdf(c: LatencyComponent, xSec: number): number {
  if (xSec <= 0) return 0;
  if (xSec === Infinity) return 1;
  return normalCdf((Math.log(xSec) - Math.log(c.medianSec)) / c.sigma);
}

/** A log-normal draw restricted to (low, high], in whole microseconds. */
function sampleDurationUs(c: LatencyComponent, lowSec: number, highSec: number, u: number): number {
  const pLow = componentCdf(c, lowSec);
  const pHigh = componentCdf(c, highSec);
  const p = pLow + (pHigh - pLow) * (0.02 + 0.96 * u);
  const sec = Math.exp(Math.log(c.medianSec) + c.sigma * inverseNormalCdf(p));
  const lowUs = Math.floor(lowSec * 1e6) + 1;
  const highUs = Math.min(
    highSec === Infinity ? MAX_DURATION_US : Math.floor(highSec * 1e6),
    MAX_DURATION_US,
  );
  const us = Number.isFinite(sec) ? Math.round(sec * 1e6) : lowUs;
  return Math.min(highUs, Math.max(lowUs, us));
}
