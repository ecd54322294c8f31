import type { WorldClock } from "./world";

/**
 * The demo world's clock: DEMO_NOW when set (tests, screenshots), else the server's start
 * rounded down to the minute. Traces never depend on it (their IDs carry what they need), so
 * links to demo traces keep working across restarts and instances.
 */
export function demoClock(seed: number, nowMs: number | undefined, startedAtMs = Date.now()): WorldClock {
  const anchorMs = nowMs ?? Math.floor(startedAtMs / 60_000) * 60_000;
  return { seed, anchorMs };
}
