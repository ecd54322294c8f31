import { parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs";
import { DEFAULT_FROM, DEFAULT_TO } from "@/lib/explore/time-range";

/**
 * The explorer's whole view lives in the URL (docs/architecture.md, "URL parameters"), read and written
 * through this one parser map: the query, the range, the open trace and span, and the view
 * options (bucket filter and sort of the exemplar list, auto-refresh).
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
