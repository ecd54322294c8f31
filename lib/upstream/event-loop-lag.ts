/**
 * How long this process's event loop has been blocked, summed since it was first asked: a timer
 * every 100 ms notes how late it fires. Lateness under 20 ms is ordinary timer jitter, not counted.
 * A backend call's deadline is extended by the time the loop was blocked during it, so that the
 * server's own busy moments (normalizing another large trace) are not blamed on the backend.
 */

const TICK_MS = 100;
const JITTER_MS = 20;
let blockedMs = 0;
let lastTickMs = 0;
let ticking: ReturnType<typeof setInterval> | undefined;

function lateness(nowMs: number): number {
  const late = nowMs - lastTickMs - TICK_MS;
  return late > JITTER_MS ? late : 0;
}

export function blockedSoFarMs(): number {
  const nowMs = performance.now();
  if (!ticking) {
    lastTickMs = nowMs;
    ticking = setInterval(() => {
      const tickMs = performance.now();
      blockedMs += lateness(tickMs);
      lastTickMs = tickMs;
    }, TICK_MS);
    ticking.unref?.();
  }
  return blockedMs + lateness(nowMs);
}

/**
 * An abort signal that fires `timeoutMs` after now, counting only time this process was free to
 * read the answer: each time it would fire, it waits again for as long as the loop was blocked
 * meanwhile (up to `timeoutMs` more in all). `busyMs()` tells how much was forgiven.
 */
export function timeoutIgnoringOwnBusyness(timeoutMs: number): { signal: AbortSignal; busyMs: () => number } {
  const controller = new AbortController();
  const startBlocked = blockedSoFarMs();
  let forgiven = 0;
  const arm = (delayMs: number) =>
    setTimeout(() => {
      const busy = blockedSoFarMs() - startBlocked;
      const owed = Math.min(busy, timeoutMs) - forgiven;
      if (owed > JITTER_MS) {
        forgiven += owed;
        arm(owed);
      } else {
        controller.abort(new DOMException("The operation timed out.", "TimeoutError"));
      }
    }, delayMs).unref?.();
  arm(timeoutMs);
  return { signal: controller.signal, busyMs: () => Math.round(blockedSoFarMs() - startBlocked) };
}
