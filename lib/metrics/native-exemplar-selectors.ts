import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";

/**
 * The exemplar query to send for `query`: the query itself, plus, for each selector of a classic
 * histogram's buckets (`x_bucket{…}`), the same selector on the histogram's own name (`x{…}`,
 * without `le` matchers). Prometheus 3 keeps the exemplars of a native histogram, or of a classic
 * one converted to native (`convert_classic_histograms_to_nhcb`), on that one series, not on
 * `_bucket`: asked only for the buckets, it answers with no exemplars while it holds them. On
 * Prometheus 2 the extra selector matches nothing. `/api/v1/query_exemplars` reads only the
 * selectors of an expression, so joining them with `or` asks for both. A query that does not
 * parse is sent as it is (Prometheus's own error is the one to show).
 */
export function withNativeHistogramSelectors(query: string): string {
  const tree = parser.parse(query);
  let broken = false;
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) broken = true;
    },
  });
  if (broken) return query;
  const selectors = new Set<string>();
  const twins = new Set<string>();
  tree.iterate({
    enter: (node) => {
      if (node.name !== "VectorSelector") return;
      selectors.add(query.slice(node.from, node.to));
      const twin = nativeTwin(query, node.node);
      if (twin) twins.add(twin);
      return false;
    },
  });
  if (twins.size === 0) return query;
  // The selectors alone, not the expression around them: `x_bucket[5m] or x` would not parse,
  // and the answer depends on the selectors only.
  return [...selectors, ...twins].join(" or ");
}

/**
 * `x_bucket{job="a",le="1"}` → `x{job="a"}`, and `{"x.y_bucket","k.z"="a"}` → `{"x.y","k.z"="a"}`;
 * undefined for any other selector.
 */
function nativeTwin(query: string, selector: SyntaxNode): string | undefined {
  const text = (node: SyntaxNode) => query.slice(node.from, node.to);
  const identifier = selector.getChild("Identifier");
  const list = selector.getChild("LabelMatchers");
  // A UTF-8 name is a quoted string alone, first in the braces.
  const quotedName = identifier ? undefined : list?.getChild("QuotedLabelName");
  const name = identifier ? text(identifier) : quotedName ? unquote(text(quotedName)) : "";
  if (!name.endsWith("_bucket") || name === "_bucket") return undefined;
  const matchers: string[] = [];
  for (let matcher = list?.firstChild; matcher; matcher = matcher.nextSibling) {
    if (!matcher.name.endsWith("LabelMatcher")) continue;
    const label = matcher.getChild("LabelName") ?? matcher.getChild("QuotedLabelName");
    const labelName = label ? text(label).replace(/^"|"$/g, "") : "";
    if (labelName !== "le") matchers.push(text(matcher));
  }
  const native = name.slice(0, -"_bucket".length);
  if (quotedName) return `{${[JSON.stringify(native), ...matchers].join(",")}}`;
  // `x{}` is not valid PromQL: a selector needs at least one matcher, or its name alone.
  return matchers.length > 0 ? `${native}{${matchers.join(",")}}` : native;
}

/** A double-quoted PromQL string's value; "" for other quoting (left alone). */
function unquote(literal: string): string {
  try {
    return literal.startsWith('"') ? (JSON.parse(literal) as string) : "";
  } catch {
    return "";
  }
}
