/**
 * Trace and span IDs are compared only in one canonical form: lowercase hex, trace IDs
 * left-padded to 32 digits and span IDs to 16 (Jaeger v1 prints 16 digits when the high
 * half is zero; prom-client users often record 16-digit IDs).
 */

const HEX = /^[0-9a-f]+$/;

export function normalizeTraceId(raw: string): string | undefined {
  return normalizeHexId(raw, 32);
}

export function normalizeSpanId(raw: string): string | undefined {
  return normalizeHexId(raw, 16);
}

function normalizeHexId(raw: string, width: number): string | undefined {
  const id = raw.trim().toLowerCase();
  if (id.length === 0 || id.length > width || !HEX.test(id)) return undefined;
  return id.padStart(width, "0");
}
