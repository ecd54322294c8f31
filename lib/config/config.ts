import { z } from "zod";
import type { TraceSourceKind } from "../model/trace";
import { type AuthConfig, parseAuthConfig } from "./auth-config";

/**
 * Server configuration, read from the environment once (README, "Configuration").
 * Every value is validated here so that a bad setting stops start-up with one line that
 * names the variable, instead of failing later inside a request.
 */

export interface BackendConfig {
  baseUrl: URL;
  /** Extra request headers (credentials, tenant IDs). Never sent to the browser. */
  headers: Record<string, string>;
}

/** Which API of the trace backend to read: Jaeger's v1 JSON, Jaeger's v3 OTLP JSON, or Tempo. */
export type TraceBackendConfig = BackendConfig & { api: TraceSourceKind };

export interface AppConfig {
  /** Absent means the demo world serves metrics. */
  prometheus?: BackendConfig;
  /** Absent means the demo world serves traces. */
  traces?: TraceBackendConfig;
  exemplarTraceIdLabels: string[];
  /** May hold a `{traceId}` placeholder; kept as written. */
  traceUiUrl?: string;
  backendTimeoutMs: number;
  maxBackendResponseBytes: number;
  demo: { seed: number };
  /** Host names this server answers for (lowercase, no port): a DNS-rebinding page gets nothing. */
  allowedHosts: string[];
  auth: AuthConfig;
}

/** Always answered for: the server on this machine. */
const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const httpUrl = z
  .string()
  .trim()
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: `must be an http(s) URL, got "${value}"` });
      return z.NEVER;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      ctx.addIssue({ code: "custom", message: `must use http or https, got "${url.protocol}"` });
      return z.NEVER;
    }
    if (url.username || url.password) {
      ctx.addIssue({
        code: "custom",
        message: "must not carry credentials; put them in the matching *_HEADERS variable",
      });
      return z.NEVER;
    }
    // A trailing slash would double up when API paths are appended.
    url.pathname = url.pathname.replace(/\/+$/, "");
    url.search = "";
    url.hash = "";
    return url;
  });

/** `Authorization=Bearer x,X-Scope-OrgID=team-a` → header map. Values may contain `=`. */
const headerList = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const headers: Record<string, string> = {};
    for (const [position, part] of value.split(",").entries()) {
      if (part.trim() === "") continue;
      const eq = part.indexOf("=");
      const name = eq > 0 ? part.slice(0, eq).trim() : "";
      const headerValue = eq > 0 ? part.slice(eq + 1).trim() : "";
      if (!HEADER_NAME.test(name) || /[\r\n]/.test(headerValue)) {
        // Any part of the entry may be a secret (a token pasted without its name): say where it
        // is, and name the header only when it is a valid name.
        const which = HEADER_NAME.test(name) ? `the value of "${name}"` : `entry ${position + 1}`;
        ctx.addIssue({
          code: "custom",
          message: `expects Name=value pairs separated by commas; ${which} is not one`,
        });
        return z.NEVER;
      }
      headers[name] = headerValue;
    }
    return headers;
  });

const labelList = z
  .string()
  .default("trace_id,traceID,traceId")
  .transform((value, ctx) => {
    const names = value
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    if (names.length === 0 || names.some((name) => !/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name))) {
      ctx.addIssue({ code: "custom", message: `must be label names separated by commas` });
      return z.NEVER;
    }
    return names;
  });

/** `explorer.example.com,explorer.internal` → host names; a port or scheme is a mistake to name. */
const hostList = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const hosts = value
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean);
    const bad = hosts.find((host) => !/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(host));
    if (bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `expects host names separated by commas, without port or scheme; "${bad.slice(0, 60)}" is not one`,
      });
      return z.NEVER;
    }
    return hosts;
  });

const positiveInt = (fallback: number) =>
  z.coerce.number().int("must be a whole number").positive("must be positive").default(fallback);

const envSchema = z.object({
  PROMETHEUS_URL: httpUrl.optional(),
  PROMETHEUS_HEADERS: headerList,
  JAEGER_URL: httpUrl.optional(),
  TEMPO_URL: httpUrl.optional(),
  TRACE_HEADERS: headerList,
  JAEGER_API: z.enum(["v1", "v3"], { error: 'must be "v1" or "v3"' }).default("v1"),
  EXEMPLAR_TRACE_ID_LABELS: labelList,
  TRACE_UI_URL: z
    .string()
    .trim()
    .refine(
      (value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value.replaceAll("{traceId}", "x")),
      {
        message: "must be an http(s) URL, optionally with {traceId} where the trace ID goes",
      },
    )
    .optional(),
  EXPLORER_ALLOWED_HOSTS: hostList,
  // Set by Vercel on its deployments: the names the deployment is reached at.
  VERCEL_URL: z.string().optional(),
  VERCEL_BRANCH_URL: z.string().optional(),
  VERCEL_PROJECT_PRODUCTION_URL: z.string().optional(),
  BACKEND_TIMEOUT_MS: positiveInt(15_000),
  MAX_BACKEND_RESPONSE_BYTES: positiveInt(64 * 1024 * 1024),
  DEMO_SEED: z.coerce.number().int("must be a whole number").nonnegative().default(1),
});

/** Pure: builds the config from an environment map, or throws one ConfigError line. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  // Empty strings mean "unset", as in most deployment dashboards.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    throw new ConfigError(`Invalid configuration: ${variable} ${issue?.message ?? "is invalid"}`);
  }
  const e = result.data;
  if (e.JAEGER_URL && e.TEMPO_URL) {
    throw new ConfigError(
      "Invalid configuration: JAEGER_URL and TEMPO_URL are both set; choose one trace source",
    );
  }
  const traceUrl = e.JAEGER_URL ?? e.TEMPO_URL;
  const auth = parseAuthConfig(present, (message) => {
    throw new ConfigError(`Invalid configuration: ${message}`);
  });
  return {
    prometheus: e.PROMETHEUS_URL ? { baseUrl: e.PROMETHEUS_URL, headers: e.PROMETHEUS_HEADERS } : undefined,
    traces: traceUrl
      ? {
          api: e.TEMPO_URL ? "tempo" : e.JAEGER_API === "v3" ? "jaeger-v3" : "jaeger-v1",
          baseUrl: traceUrl,
          headers: e.TRACE_HEADERS,
        }
      : undefined,
    exemplarTraceIdLabels: e.EXEMPLAR_TRACE_ID_LABELS,
    traceUiUrl: e.TRACE_UI_URL,
    backendTimeoutMs: e.BACKEND_TIMEOUT_MS,
    maxBackendResponseBytes: e.MAX_BACKEND_RESPONSE_BYTES,
    demo: { seed: e.DEMO_SEED },
    allowedHosts: [
      ...new Set([
        ...LOOPBACK_HOSTS,
        ...e.EXPLORER_ALLOWED_HOSTS,
        ...(auth.mode === "oidc" ? [auth.publicUrl.hostname] : []),
        ...[e.VERCEL_URL, e.VERCEL_BRANCH_URL, e.VERCEL_PROJECT_PRODUCTION_URL]
          .filter((host): host is string => Boolean(host))
          .map((host) => host.toLowerCase()),
      ]),
    ],
    auth,
  };
}

let cached: AppConfig | undefined;

/** The process's config, parsed on first use (and at start-up by instrumentation.ts). */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
