import { RE2JS } from "re2js";
import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";

/**
 * The PromQL the demo world evaluates: the forms the explorer builds. Parsing is Prometheus's
 * own lezer grammar; this module only turns its tree into a small AST and says clearly when
 * a query is valid PromQL that the demo does not evaluate.
 */

export type MatchOp = "=" | "!=" | "=~" | "!~";
export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
}

export type DemoExpr =
  | { type: "selector"; metric: string; matchers: Matcher[] }
  | { type: "rate"; fn: "rate" | "increase"; metric: string; matchers: Matcher[]; windowSec: number }
  | { type: "sum"; grouping: "by" | "without"; labels: string[]; expr: DemoExpr }
  | { type: "quantile"; q: number; expr: DemoExpr };

/** Prometheus's kind of error: the client shows it as Prometheus's own message. */
export class PromqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PromqlError";
  }
}

export const SUPPORTED_FORMS =
  "demo mode evaluates histogram_quantile(φ, sum by (le, …) (rate(metric_bucket{…}[5m]))), " +
  "sum by/without (…) (rate|increase(…)), and rate|increase(metric_bucket|_count|_sum{…}[5m])";

export function parseDemoQuery(query: string): DemoExpr {
  const root = parseOrThrow(query).topNode.firstChild;
  if (!root) throw new PromqlError("1:1: parse error: no expression found in input");
  return toExpr(query, root);
}

function parseOrThrow(query: string) {
  const tree = parser.parse(query);
  const error = findErrorNode(tree.topNode);
  if (error) {
    const { line, column } = position(query, error.from);
    const near = query.slice(error.from, error.from + 12);
    throw new PromqlError(
      `${line}:${column}: parse error: unexpected ${near ? `"${near}"` : "end of input"}`,
    );
  }
  return tree;
}

/** Whether a query names any series; Prometheus answers 204 to an exemplar query that does not. */
export function containsSelector(query: string): boolean {
  let found = false;
  parser.parse(query).iterate({
    enter: (node) => {
      if (node.name === "VectorSelector") found = true;
      return !found;
    },
  });
  return found;
}

/** Whether an expression selects series at all (Prometheus answers 204 for exemplars otherwise). */
export function selectorsOf(expr: DemoExpr): { metric: string; matchers: Matcher[] }[] {
  switch (expr.type) {
    case "selector":
    case "rate":
      return [{ metric: expr.metric, matchers: expr.matchers }];
    case "sum":
    case "quantile":
      return selectorsOf(expr.expr);
  }
}

/**
 * Every series selector in a query, whatever the expression around them, as Prometheus reads an
 * exemplar query (`x_bucket{…} or x{…}` asks for both). Throws Prometheus's parse error.
 */
export function vectorSelectors(query: string): { metric: string; matchers: Matcher[] }[] {
  parseOrThrow(query);
  const found: { metric: string; matchers: Matcher[] }[] = [];
  parser.parse(query).iterate({
    enter: (node) => {
      if (node.name !== "VectorSelector") return;
      found.push(selector(query, node.node));
      return false;
    },
  });
  return found;
}

function findErrorNode(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type.isError) return node;
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const found = findErrorNode(child);
    if (found) return found;
  }
  return undefined;
}

function position(query: string, offset: number) {
  const before = query.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

const text = (query: string, node: SyntaxNode) => query.slice(node.from, node.to);

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

function unsupported(query: string, node: SyntaxNode): never {
  throw new PromqlError(`${SUPPORTED_FORMS}; "${text(query, node).slice(0, 60)}" is not one of them`);
}

function toExpr(query: string, node: SyntaxNode): DemoExpr {
  switch (node.name) {
    case "ParenExpr":
      return toExpr(
        query,
        node.getChild("FunctionCallBody")?.firstChild ?? children(node)[0] ?? unsupported(query, node),
      );
    case "VectorSelector":
      return { type: "selector", ...selector(query, node) };
    case "FunctionCall":
      return functionCall(query, node);
    case "AggregateExpr":
      return aggregate(query, node);
    default:
      return unsupported(query, node);
  }
}

function functionCall(query: string, node: SyntaxNode): DemoExpr {
  const name = text(query, node.getChild("FunctionIdentifier")!);
  const args = children(node.getChild("FunctionCallBody")!);
  if ((name === "rate" || name === "increase") && args.length === 1 && args[0]!.name === "MatrixSelector") {
    const matrix = args[0]!;
    const windowSec = parseDuration(
      text(query, matrix.getChild("DurationExpr") ?? unsupported(query, matrix)),
    );
    return { type: "rate", fn: name, windowSec, ...selector(query, matrix.getChild("VectorSelector")!) };
  }
  if (name === "histogram_quantile" && args.length === 2 && args[0]!.name === "NumberDurationLiteral") {
    return { type: "quantile", q: Number(text(query, args[0]!)), expr: toExpr(query, args[1]!) };
  }
  return unsupported(query, node);
}

function aggregate(query: string, node: SyntaxNode): DemoExpr {
  if (text(query, node.getChild("AggregateOp")!) !== "sum") return unsupported(query, node);
  const modifier = node.getChild("AggregateModifier");
  const grouping = modifier?.getChild("Without") ? "without" : "by";
  const labels = modifier
    ? children(modifier.getChild("GroupingLabels")!).map((label) => text(query, label).replace(/^"|"$/g, ""))
    : [];
  const args = children(node.getChild("FunctionCallBody")!);
  if (args.length !== 1) return unsupported(query, node);
  return { type: "sum", grouping, labels, expr: toExpr(query, args[0]!) };
}

function selector(query: string, node: SyntaxNode): { metric: string; matchers: Matcher[] } {
  const identifier = node.getChild("Identifier");
  let metric = identifier ? text(query, identifier) : "";
  const matchers: Matcher[] = [];
  for (const m of node.getChild("LabelMatchers") ? children(node.getChild("LabelMatchers")!) : []) {
    const nameNode = m.getChild("LabelName") ?? m.getChild("QuotedLabelName");
    const valueNode = m.getChild("StringLiteral");
    const opNode = m.getChild("MatchOp");
    if (!nameNode || !valueNode || !opNode) continue;
    const name = text(query, nameNode).replace(/^"|"$/g, "");
    const matcher = { name, op: text(query, opNode) as MatchOp, value: unquote(text(query, valueNode)) };
    if (name === "__name__" && matcher.op === "=") metric = matcher.value;
    else matchers.push(matcher);
  }
  // `{__name__=~"…"}` selects by a pattern on the name (the series API is asked that way).
  if (!metric && !matchers.some((m) => m.name === "__name__"))
    throw new PromqlError(`${SUPPORTED_FORMS}; the selector needs a metric name`);
  return { metric, matchers };
}

function unquote(literal: string): string {
  if (literal.startsWith("`")) return literal.slice(1, -1);
  try {
    return JSON.parse(literal.startsWith("'") ? `"${literal.slice(1, -1).replace(/"/g, '\\"')}"` : literal);
  } catch {
    return literal.slice(1, -1);
  }
}

const UNIT_SEC: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31536000,
};

/** PromQL durations such as `5m`, `1h30m`, `90s`. */
export function parseDuration(duration: string): number {
  let total = 0;
  const pattern = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w|y)/gy;
  let consumed = 0;
  for (let match = pattern.exec(duration); match; match = pattern.exec(duration)) {
    total += Number(match[1]) * UNIT_SEC[match[2]!]!;
    consumed = pattern.lastIndex;
  }
  if (consumed !== duration.length || total <= 0) {
    if (/^\d+(\.\d+)?$/.test(duration) && Number(duration) > 0) return Number(duration);
    throw new PromqlError(`bad duration "${duration}"`);
  }
  return total;
}

export function matches(labels: Record<string, string>, matchers: readonly Matcher[]): boolean {
  return matchers.every(({ name, op, value }) => {
    const actual = labels[name] ?? "";
    switch (op) {
      case "=":
        return actual === value;
      case "!=":
        return actual !== value;
      case "=~":
        return anchored(value).matches(actual);
      case "!~":
        return !anchored(value).matches(actual);
    }
  });
}

const compiled = new Map<string, RE2JS>();
const MAX_COMPILED = 256;

/**
 * A label regex as Prometheus runs it: RE2 (linear time, so no pattern can stall the server the
 * way a backtracking engine does on `(.*.*)*X`), anchored at both ends.
 */
function anchored(pattern: string): RE2JS {
  let regex = compiled.get(pattern);
  if (regex) return regex;
  try {
    regex = RE2JS.compile(`^(?:${pattern})$`);
  } catch (error) {
    const reason = error instanceof Error ? `: ${error.message}` : "";
    throw new PromqlError(`invalid regular expression in label matcher: ${pattern}${reason}`);
  }
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(pattern, regex);
  return regex;
}
