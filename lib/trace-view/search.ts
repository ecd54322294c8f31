import type { AttributeValue, Trace } from "../model/trace";

/**
 * Text search across a trace: span and service names, attribute keys and values, event names.
 * The lowercase text of each span is built once per trace and reused for every keystroke.
 */

const haystacks = new WeakMap<Trace, string[]>();

function haystackOf(trace: Trace): string[] {
  let cached = haystacks.get(trace);
  if (!cached) {
    cached = trace.spans.map((span) => {
      const parts = [span.name, span.serviceName, span.spanId];
      for (const [key, value] of Object.entries(span.attributes)) parts.push(key, stringify(value));
      for (const event of span.events) parts.push(event.name);
      return parts.join("\u0000").toLowerCase();
    });
    haystacks.set(trace, cached);
  }
  return cached;
}

function stringify(value: AttributeValue): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A mask of matching spans (1 = match), or undefined for an empty query. */
export function searchSpans(trace: Trace, query: string): Uint8Array | undefined {
  const needle = query.trim().toLowerCase();
  if (!needle) return undefined;
  const texts = haystackOf(trace);
  const mask = new Uint8Array(texts.length);
  for (let i = 0; i < texts.length; i++) if (texts[i]!.includes(needle)) mask[i] = 1;
  return mask;
}

export interface SpanFilter {
  services?: ReadonlySet<string>;
  errorsOnly?: boolean;
  minDurationUs?: number;
}

/** A mask of spans passing the filters, or undefined when no filter is set. */
export function filterSpans(trace: Trace, filter: SpanFilter): Uint8Array | undefined {
  const { services, errorsOnly, minDurationUs } = filter;
  if (!services?.size && !errorsOnly && !minDurationUs) return undefined;
  const mask = new Uint8Array(trace.spans.length);
  trace.spans.forEach((span, i) => {
    if (services?.size && !services.has(span.serviceName)) return;
    if (errorsOnly && span.status !== "error") return;
    if (minDurationUs && span.durationUs < minDurationUs) return;
    mask[i] = 1;
  });
  return mask;
}

/** Both masks (either may be absent). */
export function intersectMasks(a: Uint8Array | undefined, b: Uint8Array | undefined): Uint8Array | undefined {
  if (!a) return b;
  if (!b) return a;
  return a.map((v, i) => v & b[i]!);
}
