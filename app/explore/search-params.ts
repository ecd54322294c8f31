import {
  type inferParserType,
  createSerializer,
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs";
import { DEFAULT_FROM, DEFAULT_TO, toAbsolute } from "@/lib/explore/time-range";

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

/** The explorer on another query over the same range, with no trace open. */
export function queryHref(view: ExplorerView, query: string): string {
  return explorerHref({ query, from: view.from, to: view.to, sort: view.sort, refresh: view.refresh });
}
