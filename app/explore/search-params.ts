import {
  type inferParserType,
  createParser,
  createSerializer,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs";
import { BASELINE_RULES } from "@/lib/compare/baseline-rules";
import type { Region } from "@/lib/explore/exemplar-groups";
import { DEFAULT_FROM, DEFAULT_TO, toAbsolute } from "@/lib/explore/time-range";
import { TIME_ZONES } from "@/lib/format/time";
import { HISTOGRAM_KINDS } from "@/lib/explore/latency-queries";

/**
 * A selected time × latency region as `<start>..<end>,<min>..<max>`: Unix seconds, then
 * latencies in seconds to three significant digits, e.g. `1764138660..1764139860,0.45..2`.
 */
export const parseAsRegion = createParser<Region>({
  parse(text) {
    const match = /^(\d+)\.\.(\d+),([\d.e+-]+)\.\.([\d.e+-]+)$/.exec(text);
    if (!match) return null;
    const [startSec, endSec, minValue, maxValue] = match.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (![minValue, maxValue].every(Number.isFinite) || endSec < startSec || maxValue < minValue) return null;
    return { startMs: startSec * 1000, endMs: endSec * 1000, minValue, maxValue };
  },
  serialize: serializeRegion,
  eq: (a, b) => serializeRegion(a) === serializeRegion(b),
});

function serializeRegion(region: Region): string {
  const r = roundRegion(region);
  return `${r.startMs / 1000}..${r.endMs / 1000},${r.minValue}..${r.maxValue}`;
}

/**
 * A region as its link holds it: whole seconds outward, latencies to three significant digits.
 * The explorer rounds a drawn region this way at once, so whoever opens the link sees exactly
 * the exemplars (and comparison) its author saw.
 */
export function roundRegion(region: Region): Region {
  const significant = (x: number) => Number(x.toPrecision(3));
  const [t0, t1] = [Math.min(region.startMs, region.endMs), Math.max(region.startMs, region.endMs)];
  const [v0, v1] = [Math.min(region.minValue, region.maxValue), Math.max(region.minValue, region.maxValue)];
  return {
    startMs: Math.floor(t0 / 1000) * 1000,
    endMs: Math.ceil(t1 / 1000) * 1000,
    minValue: significant(Math.max(0, v0)),
    maxValue: significant(v1),
  };
}

/**
 * The explorer's whole view lives in the URL (docs/architecture.md, "URL parameters"), read and
 * written through this one parser map: the query, the range, the open trace and span, and the
 * view options (bucket filter and sort of the exemplar list, auto-refresh). Every link the app
 * builds comes from `explorerHref`, so parameters are written one way and defaults are left out.
 */
export const explorerParams = {
  query: parseAsString.withDefault(""),
  from: parseAsString.withDefault(DEFAULT_FROM),
  to: parseAsString.withDefault(DEFAULT_TO),
  trace: parseAsString,
  span: parseAsString,
  bucket: parseAsInteger,
  sort: parseAsStringLiteral(["value", "time"] as const).withDefault("value"),
  refresh: parseAsInteger.withDefault(0),
  /** The selected time × latency region of the latency chart. */
  region: parseAsRegion,
  /** With a region: the comparison is open, with this baseline (lib/compare/cohorts.ts). */
  baseline: parseAsStringLiteral(BASELINE_RULES),
  /** The comparison's selected operation, as `<service>/<operation>`. */
  op: parseAsString,
  /** With a trace open: a second trace it is held against (the trace panel's Compare view). */
  compare: parseAsString,
  /** The zone times are shown in: the viewer's own (the default) or UTC. */
  tz: parseAsStringLiteral(TIME_ZONES).withDefault("local"),
  /**
   * Which of a histogram's forms to read, when it has both (a classic one converted to native on
   * Prometheus 3); absent: classic buckets when there are any, else the native histogram.
   */
  hist: parseAsStringLiteral(HISTOGRAM_KINDS),
};

export type ExplorerView = inferParserType<typeof explorerParams>;

const EXPLORER_PATH = "/explore";

const serialize = createSerializer(explorerParams);

/** The explorer showing exactly this view, e.g. `/explore?query=…&trace=…`; null leaves a parameter out. */
export function explorerHref(view: Parameters<typeof serialize>[1]): string {
  return serialize(EXPLORER_PATH, view);
}

/** The view as a link for a chat message: relative times pinned, auto-refresh dropped. */
export function shareHref(view: ExplorerView, nowMs: number): string {
  return explorerHref({
    ...view,
    from: toAbsolute(view.from, nowMs),
    to: toAbsolute(view.to, nowMs),
    refresh: null,
  });
}

/** The explorer on another query over the same range, with no trace, region or comparison open. */
export function queryHref(view: ExplorerView, query: string): string {
  return explorerHref({
    query,
    from: view.from,
    to: view.to,
    sort: view.sort,
    refresh: view.refresh,
    tz: view.tz,
  });
}
