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

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * An ID some emitters write in base64 (the bytes of an OTLP ID, as Tempo's API and some
 * exporters do), as canonical hex: `bytes` long (16 for a trace, 8 for a span), else undefined.
 */
export function idFromBase64(raw: string, bytes: 16 | 8): string | undefined {
  const text = raw.trim();
  if (!BASE64.test(text)) return undefined;
  let binary: string;
  try {
    binary = atob(
      text
        .replace(/-/g, "+")
        .replace(/_/g, "/")
        .padEnd(Math.ceil(text.length / 4) * 4, "="),
    );
  } catch {
    return undefined;
  }
  if (binary.length !== bytes) return undefined;
  return [...binary].map((c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
}
