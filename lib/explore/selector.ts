/**
 * A metric selector as the explorer's structured mode edits it: a metric name and label
 * matchers, to and from the `query` text in the URL. Anything that is not a plain selector
 * stays PromQL for the advanced mode.
 */

export type MatchOperator = "=" | "!=" | "=~" | "!~";

export interface LabelMatcher {
  name: string;
  op: MatchOperator;
  value: string;
}

export interface Selector {
  metric: string;
  matchers: LabelMatcher[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const LEGACY_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LEGACY_LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const QUOTED = /^"((?:[^"\\]|\\.)*)"/;
const HISTOGRAM_SUFFIX = /_(bucket|count|sum)$/;

/** A PromQL double-quoted string at the start of `text`: its value and length. */
function quotedAt(text: string): { value: string; length: number } | undefined {
  const literal = QUOTED.exec(text);
  if (!literal) return undefined;
  try {
    return { value: JSON.parse(`"${literal[1]}"`) as string, length: literal[0].length };
  } catch {
    return undefined;
  }
}

/**
 * Parses `metric{a="x", b=~"y"}`, and the UTF-8 forms Prometheus 3 writes for names that are not
 * legacy identifiers: `{"http.server.duration", "service.name"="api"}`. Undefined for anything
 * else. Strings are PromQL double-quoted.
 */
export function parseSelector(query: string): Selector | undefined {
  let rest = query.trim();
  let metric: string | undefined;
  const name = NAME.exec(rest);
  if (name) {
    metric = name[0];
    rest = rest.slice(name[0].length).trim();
    if (rest === "") return { metric: metric.replace(HISTOGRAM_SUFFIX, ""), matchers: [] };
  }
  if (!rest.startsWith("{") || !rest.endsWith("}")) return undefined;
  rest = rest.slice(1, -1).trim();
  const matchers: LabelMatcher[] = [];
  while (rest.length > 0) {
    let label: string;
    const quoted = quotedAt(rest);
    if (quoted) {
      label = quoted.value;
      rest = rest.slice(quoted.length).trimStart();
      // A quoted string alone, first in the braces, is the metric's name.
      if (metric === undefined && matchers.length === 0 && (rest === "" || rest.startsWith(","))) {
        metric = label;
        if (rest.startsWith(",")) rest = rest.slice(1).trimStart();
        continue;
      }
    } else {
      const bare = LABEL.exec(rest);
      if (!bare) return undefined;
      label = bare[0];
      rest = rest.slice(bare[0].length).trimStart();
    }
    const op = (["=~", "!~", "!=", "="] as const).find((o) => rest.startsWith(o));
    if (!op) return undefined;
    rest = rest.slice(op.length).trimStart();
    const value = quotedAt(rest);
    if (!value) return undefined;
    matchers.push({ name: label, op, value: value.value });
    rest = rest.slice(value.length).trimStart();
    if (rest.startsWith(",")) rest = rest.slice(1).trimStart();
    else if (rest.length > 0) return undefined;
  }
  if (!metric) return undefined;
  return { metric: metric.replace(HISTOGRAM_SUFFIX, ""), matchers };
}

/**
 * The selector as PromQL (`suffix` appended to the metric name): names that are not legacy
 * identifiers are quoted, the metric's then inside the braces, as Prometheus 3 requires.
 */
export function formatSelector(selector: Selector, suffix = ""): string {
  const matchers = selector.matchers.map(
    (m) => `${LEGACY_LABEL.test(m.name) ? m.name : JSON.stringify(m.name)}${m.op}${JSON.stringify(m.value)}`,
  );
  const metric = `${selector.metric}${suffix}`;
  if (LEGACY_NAME.test(metric)) return `${metric}${matchers.length ? `{${matchers.join(",")}}` : ""}`;
  return `{${[JSON.stringify(metric), ...matchers].join(",")}}`;
}

/** Sets (or, with undefined, removes) the equality matcher of one label. */
export function withLabelValue(selector: Selector, name: string, value: string | undefined): Selector {
  const others = selector.matchers.filter((m) => m.name !== name);
  const matchers = value === undefined ? others : [...others, { name, op: "=" as const, value }];
  matchers.sort((a, b) => a.name.localeCompare(b.name));
  return { ...selector, matchers };
}
