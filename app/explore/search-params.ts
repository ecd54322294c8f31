import { parseAsString } from "nuqs";
import { DEFAULT_FROM, DEFAULT_TO } from "@/lib/explore/time-range";

/**
 * The explorer's whole view lives in the URL (DESIGN.md, "Deep link"), read and written
 * through this one parser map.
 */
export const explorerParams = {
  query: parseAsString.withDefault(""),
  from: parseAsString.withDefault(DEFAULT_FROM),
  to: parseAsString.withDefault(DEFAULT_TO),
  trace: parseAsString,
  span: parseAsString,
};
