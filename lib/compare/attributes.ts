import type { AttributeValue, Trace } from "../model/trace";

/**
 * Which attribute values are much more common in the slow cohort than in the baseline. Each
 * (service, span or resource attribute, value) is counted once per trace that has it, and
 * ranked by the difference between the share of slow traces and the share of baseline traces
 * that have it; on a tie, resource attributes (where a request ran) come before span attributes
 * (what it did).
 *
 * Identifiers and timestamps must not flood the list, so per (service, key):
 * - string values are dropped when the key has more distinct values than
 *   `max(MAX_PLAIN_VALUES, IDENTIFIER_SHARE × traces with the key)`: a user ID or a cache key
 *   is near-unique per trace and says nothing about a cohort;
 * - numbers with more than `MAX_PLAIN_VALUES` distinct values are grouped into 1-2-5 ranges
 *   (`20–50`), so an N+1's `app.orders.count` of 28–45 reads as one value.
 */

export const MAX_PLAIN_VALUES = 12;
export const IDENTIFIER_SHARE = 0.3;
/** Differences smaller than this are noise at 40 traces a side. */
export const MIN_SHARE_DIFFERENCE = 0.15;

export interface AttributeFinding {
  service: string;
  scope: "span" | "resource";
  key: string;
  /** The value, or its range ("20–50") for grouped numbers. */
  value: string;
  slowShare: number;
  baselineShare: number;
  difference: number;
}

type Scope = AttributeFinding["scope"];
interface KeyValues {
  service: string;
  scope: Scope;
  key: string;
  /** Raw value → the traces (by index: slow first, then baseline) that have it. */
  values: Map<string, Set<number>>;
  numeric: boolean;
  traces: Set<number>;
}

const MAX_VALUE_CHARS = 200;

function plain(value: AttributeValue): string | number | undefined {
  if (value === null) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return JSON.stringify(value).slice(0, MAX_VALUE_CHARS);
  return value.slice(0, MAX_VALUE_CHARS);
}

/** The 1-2-5 range holding `x`, e.g. 28 → "20–50", 0.3 → "0.2–0.5"; 0 and negatives by sign. */
export function numberRange(x: number): string {
  if (x === 0) return "0";
  const magnitude = Math.abs(x);
  let decade = 10 ** Math.floor(Math.log10(magnitude));
  // log10 is not exact near powers of ten (log10(1e15) may round below 15).
  if (decade * 10 <= magnitude) decade *= 10;
  if (decade > magnitude) decade /= 10;
  const steps = [1, 2, 5, 10];
  let i = 0;
  while (i < 3 && magnitude >= steps[i + 1]! * decade) i++;
  const fmt = (v: number) => String(Number(v.toPrecision(3)));
  const [low, high] = [steps[i]! * decade, steps[i + 1]! * decade];
  return x > 0 ? `${fmt(low)}–${fmt(high)}` : `−${fmt(high)}–−${fmt(low)}`;
}

export function compareAttributes(
  slow: readonly Trace[],
  baseline: readonly Trace[],
  limit = 30,
): AttributeFinding[] {
  const keys = new Map<string, KeyValues>();
  const note = (t: number, service: string, scope: Scope, key: string, raw: AttributeValue) => {
    const value = plain(raw);
    if (value === undefined) return;
    const id = `${service}\u0000${scope}\u0000${key}`;
    let entry = keys.get(id);
    if (!entry) {
      entry = { service, scope, key, values: new Map(), numeric: true, traces: new Set() };
      keys.set(id, entry);
    }
    if (typeof value !== "number") entry.numeric = false;
    const text = String(value);
    let holders = entry.values.get(text);
    if (!holders) entry.values.set(text, (holders = new Set()));
    holders.add(t);
    entry.traces.add(t);
  };
  [...slow, ...baseline].forEach((trace, t) => {
    for (const span of trace.spans) {
      for (const [key, value] of Object.entries(span.attributes))
        note(t, span.serviceName, "span", key, value);
      for (const [key, value] of Object.entries(span.resource))
        note(t, span.serviceName, "resource", key, value);
    }
  });

  const findings: AttributeFinding[] = [];
  const isSlow = (t: number) => t < slow.length;
  for (const entry of keys.values()) {
    let values = entry.values;
    if (values.size > MAX_PLAIN_VALUES) {
      if (!entry.numeric) {
        if (values.size > Math.max(MAX_PLAIN_VALUES, IDENTIFIER_SHARE * entry.traces.size)) continue;
      } else {
        values = groupIntoRanges(values);
      }
    }
    for (const [value, holders] of values) {
      let slowCount = 0;
      for (const t of holders) if (isSlow(t)) slowCount++;
      const slowShare = slow.length ? slowCount / slow.length : 0;
      const baselineShare = baseline.length ? (holders.size - slowCount) / baseline.length : 0;
      const difference = slowShare - baselineShare;
      if (difference < MIN_SHARE_DIFFERENCE) continue;
      findings.push({
        service: entry.service,
        scope: entry.scope,
        key: entry.key,
        value,
        slowShare,
        baselineShare,
        difference,
      });
    }
  }
  findings.sort(
    (a, b) =>
      b.difference - a.difference ||
      // On a tie, where a request ran (a deploy, a host) before what it did.
      (a.scope === b.scope ? 0 : a.scope === "resource" ? -1 : 1) ||
      a.service.localeCompare(b.service) ||
      a.key.localeCompare(b.key) ||
      a.value.localeCompare(b.value),
  );
  return findings.slice(0, limit);
}

function groupIntoRanges(values: Map<string, Set<number>>): Map<string, Set<number>> {
  const grouped = new Map<string, Set<number>>();
  for (const [value, holders] of values) {
    const range = numberRange(Number(value));
    let into = grouped.get(range);
    if (!into) grouped.set(range, (into = new Set()));
    for (const t of holders) into.add(t);
  }
  return grouped;
}
