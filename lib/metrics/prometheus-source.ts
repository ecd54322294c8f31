import pLimit from "p-limit";
import { z } from "zod";
import { AppError } from "../errors";
import { parseLe } from "../histogram/quantile";
import { withNativeHistogramSelectors } from "./native-exemplar-selectors";
import { idFromBase64, normalizeSpanId, normalizeTraceId } from "../model/ids";
import type { Exemplar, ExemplarSeries, ExemplarsResponse } from "../model/exemplar";
import type { HistogramFamily, MatrixData, MetricsCapabilities } from "../model/metrics";
import {
  type BackendTarget,
  backendLabel,
  backendText,
  callBackend,
  isDemo,
  parseJsonBody,
  readGuarded,
} from "../upstream/call-backend";
import {
  buildInfoData,
  errorEnvelope,
  exemplarsData,
  featuresData,
  flagsData,
  labelNamesData,
  matrixData,
  metadataData,
  seriesData,
  successEnvelope,
  thanosStoresData,
  vectorData,
} from "./prometheus-wire";

/** One implementation of the Prometheus HTTP API for Prometheus, Thanos Query and Mimir. */

const FAMILIES_PER_CALL = 50;
const CONCURRENT_CALLS = 4;
/** Label names, not every series, are wanted: the first series of a family already carry them. */
const SERIES_LIMIT = 10_000;

/**
 * One series per label set of these families: `{__name__=~"(?:a|b)_bucket",le="+Inf"}` for the
 * classic buckets (PromQL regexes are anchored) and `{__name__=~"(?:a|b)"}` for native histograms,
 * which are one series under the family's own name (Prometheus 3).
 */
function familySeriesSelectors(families: readonly string[]): string[] {
  return [`{__name__=~${anyOf(families, "_bucket")},le="+Inf"}`, `{__name__=~${anyOf(families)}}`];
}

/** A PromQL string literal of a regex matching exactly these names (each with `suffix`). */
function anyOf(names: readonly string[], suffix = ""): string {
  const alternatives = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return JSON.stringify(`(?:${alternatives})${suffix}`);
}

/**
 * Metric names the metadata does not type that may be native histograms: what Prometheus 3
 * received over OTLP or remote write has no metadata. Not the parts of classic metrics, not
 * recording rules (`a:b:c`), not the series Prometheus writes for each scrape (`up`,
 * `scrape_*`, which have no metadata either), a bounded number.
 */
const MAX_UNTYPED_PROBED = 200;
const UNTYPED_PER_PROBE = 50;
const NOT_A_FAMILY = /(_bucket|_count|_sum|_total|_created|_info)$|:|^up$|^scrape_/;
/** Carries a series' name through `histogram_count`, which drops `__name__`. */
const NAME_CARRIER = "exemplar_explorer_metric";

/** A partial answer from many stores can carry one warning per store: the first few say it. */
const MAX_WARNINGS = 10;

const isOutage = (error: unknown) =>
  !(error instanceof AppError) || error.code === "backend_unreachable" || error.code === "backend_timeout";

export interface RangeParams {
  query: string;
  startSec: number;
  endSec: number;
  stepSec: number;
}

export class PrometheusSource {
  /** Whether the backend has Thanos Query's store list; unknown until first asked. */
  private hasStoreList: boolean | undefined;
  constructor(
    readonly target: BackendTarget,
    private readonly traceIdLabels: readonly string[],
  ) {}

  async queryRange(range: RangeParams, clientGone?: AbortSignal): Promise<MatrixData> {
    const params = new URLSearchParams({
      query: range.query,
      start: String(range.startSec),
      end: String(range.endSec),
      step: String(range.stepSec),
    });
    const response = await callBackend(this.target, "/api/v1/query_range", params, clientGone);
    const leftOut = await this.leftOutStores();
    return readGuarded(this.target, () => {
      const answer = this.unwrap(response.status, parseJsonBody(this.target, response), matrixData);
      const warnings = [...answer.warnings, ...leftOut];
      return warnings.length > 0 ? { ...answer.data, warnings } : answer.data;
    });
  }

  async exemplars(
    query: string,
    startSec: number,
    endSec: number,
    clientGone?: AbortSignal,
  ): Promise<ExemplarsResponse> {
    const params = new URLSearchParams({
      query: withNativeHistogramSelectors(query),
      start: String(startSec),
      end: String(endSec),
    });
    const response = await callBackend(this.target, "/api/v1/query_exemplars", params, clientGone);
    const leftOut = await this.leftOutStores();
    // An expression without a metric selector: Prometheus answers 204 with no body.
    if (response.status === 204 || response.body.trim() === "") return { series: [], withoutTraceId: 0 };
    return readGuarded(this.target, () => {
      const { data, warnings } = this.unwrap(
        response.status,
        parseJsonBody(this.target, response),
        exemplarsData,
      );
      const exemplars = normalizeExemplars(data, this.traceIdLabels);
      return warnings.length + leftOut.length > 0
        ? { ...exemplars, warnings: [...warnings, ...leftOut] }
        : exemplars;
    });
  }

  /**
   * The stores Thanos Query is leaving out, as warnings. Once its health check finds a store
   * unhealthy (a replica's Prometheus down: "Not ready"), Query answers without it and without a
   * warning, so the charts would look whole; only the first seconds of an outage carry one.
   * Asked after each query's answer, never before or beside it, nor shared between queries: the
   * same health check that drops a store sets its `lastError`, so only a list read after the
   * answer is sure to name a store the answer silently left out (a list read a moment earlier
   * made CI see a silent partial answer). It is a small in-memory list; a backend without one
   * (Prometheus, Mimir) is asked once.
   */
  private async leftOutStores(): Promise<string[]> {
    if (this.hasStoreList === false || isDemo(this.target)) return [];
    const answer = await this.readStoreList();
    if (answer === "failed") return [];
    this.hasStoreList = answer !== "no list";
    return answer === "no list" ? [] : answer;
  }

  private async readStoreList(): Promise<string[] | "no list" | "failed"> {
    try {
      const response = await callBackend(this.target, "/api/v1/stores");
      // Only an answer says there is no list (404, or something else); a failure asks again next time.
      if (response.status >= 500) return "failed";
      const parsed = successEnvelope(thanosStoresData).safeParse(
        response.status === 200 ? JSON.parse(response.body) : undefined,
      );
      if (!parsed.success) return "no list";
      return Object.values(parsed.data.data)
        .flatMap((stores) => stores ?? [])
        .filter((store) => store.lastError)
        .slice(0, MAX_WARNINGS)
        .map((store) => {
          const labels = (store.labelSets ?? []).map(formatLabels).join(", ");
          return backendText(
            this.target,
            `Thanos Query leaves out the store ${store.name}${labels ? ` ${labels}` : ""}, which failed its health check (${store.lastError}): its series are missing unless another replica has them`,
            1000,
          );
        });
    } catch {
      // Not worth failing a query for: its own answer is what matters.
      return "failed";
    }
  }

  /**
   * Histogram families: metrics typed histogram in the metadata, plus `*_bucket` series without
   * metadata (Thanos and Mimir setups that do not forward it).
   */
  async histogramFamilies(): Promise<HistogramFamily[]> {
    const [metadata, metricNames] = await Promise.all([
      this.get("/api/v1/metadata", new URLSearchParams(), metadataData),
      this.get("/api/v1/label/__name__/values", new URLSearchParams(), labelNamesData).catch(() => []),
    ]);
    const help = new Map<string, string>();
    for (const [name, entries] of Object.entries(metadata)) {
      if (entries.some((e) => e.type === "histogram")) help.set(name, entries[0]?.help ?? "");
    }
    for (const name of metricNames) {
      const family = name.endsWith("_bucket") ? name.slice(0, -"_bucket".length) : undefined;
      if (family && !help.has(family)) help.set(family, "");
    }
    const untyped = metricNames.filter(
      (name) => metadata[name] === undefined && !help.has(name) && !NOT_A_FAMILY.test(name),
    );
    for (const name of await this.nativeHistogramsAmong(untyped.slice(0, MAX_UNTYPED_PROBED)))
      help.set(name, "");
    const names = [...help.keys()].sort((a, b) => a.localeCompare(b));
    const labelNames = await this.bucketLabelNames(names);
    const listed = new Set(metricNames);
    return names.map((name) => ({
      name,
      help: help.get(name) ?? "",
      labelNames: [...(labelNames.get(name) ?? [])].filter((l) => l !== "__name__" && l !== "le").sort(),
      // Which forms exist, when the backend listed its metric names: a native histogram is one
      // series under the family's own name.
      ...(listed.size > 0 ? { classic: listed.has(`${name}_bucket`), native: listed.has(name) } : {}),
    }));
  }

  /**
   * Which of these names are native histograms now: one instant query per batch keeps only the
   * series holding histogram samples (`histogram_count`), their names copied into a label first.
   * A backend that refuses it (before Prometheus 2.40, or a subset of PromQL) finds none.
   */
  private async nativeHistogramsAmong(names: string[]): Promise<string[]> {
    const found: string[] = [];
    for (let i = 0; i < names.length; i += UNTYPED_PER_PROBE) {
      const batch = names.slice(i, i + UNTYPED_PER_PROBE);
      const selector = `{__name__=~${anyOf(batch)}}`;
      const query = `group by (${NAME_CARRIER}) (histogram_count(label_replace(${selector}, "${NAME_CARRIER}", "$1", "__name__", "(.+)")))`;
      try {
        const answer = await this.get("/api/v1/query", new URLSearchParams({ query }), vectorData);
        for (const { metric } of answer.result) {
          const name = metric[NAME_CARRIER];
          if (name && batch.includes(name)) found.push(name);
        }
      } catch (error) {
        if (isOutage(error)) throw error;
        return found;
      }
    }
    return found;
  }

  /**
   * Label names of each family's buckets, from its `+Inf` bucket series over the last day: one
   * `/api/v1/series` call per FAMILIES_PER_CALL families, a few at a time (one `/api/v1/labels`
   * call per family put 500 calls behind one page load). A batch the backend refuses (too large
   * an answer, an API without `series`) falls back to one call per family, still a few at a time.
   */
  private async bucketLabelNames(names: string[]): Promise<Map<string, Set<string>>> {
    const found = new Map(names.map((name) => [name, new Set<string>()]));
    const endSec = Math.floor(Date.now() / 1000);
    const limit = pLimit(CONCURRENT_CALLS);
    const batches: string[][] = [];
    for (let i = 0; i < names.length; i += FAMILIES_PER_CALL)
      batches.push(names.slice(i, i + FAMILIES_PER_CALL));
    await Promise.all(
      batches.map((batch) =>
        limit(async () => {
          try {
            const series = await this.get(
              "/api/v1/series",
              new URLSearchParams([
                ...familySeriesSelectors(batch).map((selector) => ["match[]", selector]),
                ["start", String(endSec - 86_400)],
                ["end", String(endSec)],
                ["limit", String(SERIES_LIMIT)],
              ]),
              seriesData,
            );
            for (const labels of series) {
              const family = labels.__name__?.replace(/_bucket$/, "");
              const names = family === undefined ? undefined : found.get(family);
              for (const label of names ? Object.keys(labels) : []) names!.add(label);
            }
          } catch (error) {
            if (isOutage(error)) throw error;
            for (const name of batch) {
              const labels = await this.get(
                "/api/v1/labels",
                new URLSearchParams([
                  ["match[]", `${name}_bucket`],
                  ["match[]", name],
                ]),
                labelNamesData,
              );
              for (const label of labels) found.get(name)!.add(label);
            }
          }
        }),
      ),
    );
    return found;
  }

  /** Values of one label on a histogram's series, classic buckets or native (for the label filters). */
  async labelValues(metric: string, label: string): Promise<string[]> {
    // Both are validated names, so the label can stand in the path.
    const values = await this.get(
      `/api/v1/label/${encodeURIComponent(label)}/values`,
      new URLSearchParams([
        ["match[]", `${metric}_bucket`],
        ["match[]", metric],
      ]),
      labelNamesData,
    );
    return [...values].sort((a, b) => a.localeCompare(b));
  }

  async capabilities(): Promise<MetricsCapabilities> {
    try {
      const build = await this.get("/api/v1/status/buildinfo", new URLSearchParams(), buildInfoData);
      const [exemplarStorage, kind] = await Promise.all([this.exemplarStorage(), this.kind(build)]);
      return { reachable: true, version: build.version, ...(kind ? { kind } : {}), exemplarStorage };
    } catch (error) {
      if (
        error instanceof AppError &&
        error.code !== "backend_unreachable" &&
        error.code !== "backend_timeout"
      ) {
        // Reachable but without status endpoints (some Mimir and Thanos setups).
        return { reachable: true, error: error.message };
      }
      return { reachable: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Mimir names itself in its build info (`application: "Grafana Mimir"`, as Grafana reads it);
   * Thanos Query is the one with a store list. Each keeps exemplars under its own settings.
   */
  private async kind(build: z.infer<typeof buildInfoData>): Promise<MetricsCapabilities["kind"]> {
    if (typeof build.application === "string" && /mimir/i.test(build.application)) return "mimir";
    await this.leftOutStores();
    return this.hasStoreList ? "thanos" : undefined;
  }

  /** `/api/v1/features` from 3.9, else the `enable-feature` flag. */
  private async exemplarStorage(): Promise<boolean | undefined> {
    const features = await callBackend(this.target, "/api/v1/features");
    if (features.status === 200) {
      const parsed = successEnvelope(featuresData).safeParse(parseJsonBody(this.target, features));
      const flag = parsed.success ? parsed.data.data.tsdb?.exemplar_storage : undefined;
      if (typeof flag === "boolean") return flag;
    }
    try {
      const flags = await this.get("/api/v1/status/flags", new URLSearchParams(), flagsData);
      // Only a Prometheus's own flags say it: Thanos Query has an `enable-feature` flag too (its
      // own features, empty here), and cannot tell what the Prometheus behind its stores run with.
      if (flags["storage.tsdb.path"] === undefined) return undefined;
      const enabled = (flags["enable-feature"] ?? "").split(",").map((f) => f.trim());
      return enabled.includes("exemplar-storage");
    } catch {
      return undefined;
    }
  }

  private async get<T extends z.ZodType>(
    path: string,
    params: URLSearchParams,
    schema: T,
    clientGone?: AbortSignal,
  ): Promise<z.infer<T>> {
    const response = await callBackend(this.target, path, params, clientGone);
    return readGuarded(
      this.target,
      () => this.unwrap(response.status, parseJsonBody(this.target, response), schema).data,
    );
  }

  /**
   * The answer's data, and its `warnings`: a partial answer says so there (Thanos Query with a
   * store down, Mimir or Prometheus 3 with a limit hit). They reach the user, never only a log.
   */
  private unwrap<T extends z.ZodType>(
    status: number,
    body: unknown,
    schema: T,
  ): { data: z.infer<T>; warnings: string[] } {
    const failure = errorEnvelope.safeParse(body);
    if (failure.success) {
      // Prometheus's own words, e.g. "1:12: parse error: unexpected ..."
      const code =
        status === 400 || failure.data.errorType === "bad_data" ? "invalid_query" : "backend_error";
      throw new AppError(
        code,
        `${backendLabel(this.target)} answered ${status}: ${backendText(this.target, failure.data.error, 500)}`,
      );
    }
    if (status < 200 || status >= 300) {
      throw new AppError("backend_error", `${backendLabel(this.target)} answered ${status}`);
    }
    const envelope = successEnvelope(z.unknown()).safeParse(body);
    const parsed = schema.safeParse(envelope.success ? envelope.data.data : undefined);
    if (!envelope.success || !parsed.success) {
      const issue = (envelope.error ?? parsed.error)?.issues[0];
      const where = envelope.success
        ? `data.${issue?.path.join(".") ?? ""}`
        : issue?.path.join(".") || "body";
      throw new AppError(
        "backend_malformed",
        `${backendLabel(this.target)} answered in an unexpected shape (${where}: ${issue?.message})`,
      );
    }
    const warnings = [...new Set(envelope.data.warnings ?? [])]
      .slice(0, MAX_WARNINGS)
      .map((warning) => backendText(this.target, warning, 1000));
    return { data: parsed.data, warnings };
  }
}

const formatLabels = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(", ")}}`;

/** Wire exemplars → app exemplars: trace ID from the first configured label present, IDs canonical. */
export function normalizeExemplars(
  data: z.infer<typeof exemplarsData>,
  traceIdLabels: readonly string[],
): ExemplarsResponse {
  let withoutTraceId = 0;
  const labelsSeen = new Set<string>();
  // One request's exemplar can come more than once: from a classic bucket and its native twin, or
  // from each replica of an HA pair behind Thanos Query without deduplication (and at different
  // times when the exposition gave it none: each replica stamps its own scrape). The same trace,
  // span and value is one request: keep it once, at the earliest time seen.
  const seen = new Map<string, Exemplar>();
  const series: ExemplarSeries[] = [];
  for (const entry of data) {
    const exemplars: ExemplarSeries["exemplars"] = [];
    for (const raw of entry.exemplars) {
      const label = traceIdLabels.find((name) => raw.labels[name] !== undefined);
      // Hex (16 or 32 digits) as most emitters write it, or the ID's 16 bytes in base64.
      const traceId = label
        ? (normalizeTraceId(raw.labels[label]!) ?? idFromBase64(raw.labels[label]!, 16))
        : undefined;
      const value = Number(raw.value);
      if (!traceId || !Number.isFinite(value)) {
        withoutTraceId++;
        for (const name of Object.keys(raw.labels)) if (labelsSeen.size < 20) labelsSeen.add(name);
        continue;
      }
      const rawSpanId = raw.labels.span_id ?? raw.labels.spanID ?? raw.labels.spanId;
      const spanId = rawSpanId ? (normalizeSpanId(rawSpanId) ?? idFromBase64(rawSpanId, 8)) : undefined;
      const key = `${traceId}/${spanId ?? ""}/${value}`;
      const earlier = seen.get(key);
      if (earlier) {
        earlier.timestampSec = Math.min(earlier.timestampSec, raw.timestamp);
        continue;
      }
      const exemplar = { traceId, spanId, value, timestampSec: raw.timestamp, labels: raw.labels };
      seen.set(key, exemplar);
      exemplars.push(exemplar);
    }
    if (exemplars.length === 0) continue;
    const le = entry.seriesLabels.le === undefined ? undefined : parseLe(entry.seriesLabels.le);
    series.push({
      labels: entry.seriesLabels,
      ...(le === undefined || Number.isNaN(le) ? {} : { le }),
      exemplars,
    });
  }
  return labelsSeen.size > 0
    ? { series, withoutTraceId, labelsWithoutTraceId: [...labelsSeen].sort() }
    : { series, withoutTraceId };
}
