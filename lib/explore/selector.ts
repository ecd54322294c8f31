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
const HISTOGRAM_SUFFIX = /_(bucket|count|sum)$/;

/** Parses `metric{a="x", b=~"y"}`; undefined for anything else. Strings are PromQL double-quoted. */
export function parseSelector(query: string): Selector | undefined {
  let rest = query.trim();
  const name = NAME.exec(rest);
  if (!name) return undefined;
  const metric = name[0].replace(HISTOGRAM_SUFFIX, "");
  rest = rest.slice(name[0].length).trim();
  if (rest === "") return { metric, matchers: [] };
  if (!rest.startsWith("{") || !rest.endsWith("}")) return undefined;
  rest = rest.slice(1, -1).trim();
  const matchers: LabelMatcher[] = [];
  while (rest.length > 0) {
    const label = LABEL.exec(rest);
    if (!label) return undefined;
    rest = rest.slice(label[0].length).trimStart();
    const op = (["=~", "!~", "!=", "="] as const).find((o) => rest.startsWith(o));
    if (!op) return undefined;
    rest = rest.slice(op.length).trimStart();
    const literal = /^"((?:[^"\\]|\\.)*)"/.exec(rest);
    if (!literal) return undefined;
    let value: string;
    try {
      value = JSON.parse(`"${literal[1]}"`) as string;
    } catch {
      return undefined;
    }
    matchers.push({ name: label[0], op, value });
    rest = rest.slice(literal[0].length).trimStart();
    if (rest.startsWith(",")) rest = rest.slice(1).trimStart();
    else if (rest.length > 0) return undefined;
  }
  return { metric, matchers };
}

export function formatSelector(selector: Selector, suffix = ""): string {
  const matchers = selector.matchers.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(",");
  return `${selector.metric}${suffix}${matchers ? `{${matchers}}` : ""}`;
}

/** Sets (or, with undefined, removes) the equality matcher of one label. */
export function withLabelValue(selector: Selector, name: string, value: string | undefined): Selector {
  const others = selector.matchers.filter((m) => m.name !== name);
  const matchers = value === undefined ? others : [...others, { name, op: "=" as const, value }];
  matchers.sort((a, b) => a.name.localeCompare(b.name));
  return { ...selector, matchers };
}
