import { describe, expect, it } from "vitest";
import { testSpan, testTrace } from "../testing/trace-builders";
import { foldedMembers, siblingRuns } from "./sibling-runs";
import { buildSpanTree } from "./span-tree";
import { visibleRows } from "./visible-rows";

// A request with one query, six N+1 queries, and a parent call with a child in between.
const trace = testTrace([
  testSpan("root", undefined, 0, 1000, { name: "GET /orders" }),
  testSpan("q", "root", 10, 50, { name: "SELECT orders" }),
  ...Array.from({ length: 6 }, (_, i) =>
    testSpan(`i${i}`, "root", 100 + i * 10, 8, { name: "SELECT order_items" }),
  ),
  testSpan("call", "root", 200, 50, { name: "SELECT order_items" }),
  testSpan("inner", "call", 210, 5, { name: "x" }),
]);
const tree = buildSpanTree(trace);
const idOf = (i: number) => trace.spans[i]!.spanId;

describe("siblingRuns", () => {
  it("finds consecutive leaf siblings doing the same work, of at least five", () => {
    const runs = siblingRuns(trace, tree);
    expect([...runs.keys()].map(idOf)).toEqual(["i0"]);
    const run = runs.get(tree.indexOf.get("i0")!)!;
    expect(run.members.map(idOf)).toEqual(["i0", "i1", "i2", "i3", "i4", "i5"]);
    expect(run.totalUs).toBe(48);
    // A span with children of its own does not join a run, even with the same name.
    expect(run.members.map(idOf)).not.toContain("call");
    expect(siblingRuns(trace, tree, 7).size).toBe(0);
  });

  it("folds a run into its first row, unless unfolded or holding the selected span", () => {
    const runs = siblingRuns(trace, tree);
    const first = tree.indexOf.get("i0")!;
    const rows = (folded?: Uint8Array) => [...visibleRows(tree, new Set(), undefined, folded)].map(idOf);
    expect(rows(foldedMembers(trace.spans.length, runs, new Set()))).toEqual([
      "root",
      "q",
      "i0",
      "call",
      "inner",
    ]);
    expect(rows(foldedMembers(trace.spans.length, runs, new Set([first])))).toHaveLength(trace.spans.length);
    const selected = tree.indexOf.get("i3")!;
    expect(rows(foldedMembers(trace.spans.length, runs, new Set(), selected))).toContain("i3");
  });
});
