import { describe, expect, it } from "vitest";
import { type TreeKeyState, PAGE_ROWS, treeKeyAction } from "./tree-keys";

/*
 * 0 root
 * ├─ 1 a
 * │  └─ 2 a.1
 * └─ 3 b
 */
const tree = { parent: Int32Array.from([-1, 0, 1, 0]), children: [[1, 3], [2], [], []] };
const allOpen = (selectedRow: number): TreeKeyState => ({
  tree,
  rows: [0, 1, 2, 3],
  selectedRow,
  collapsed: new Set(),
});

describe("treeKeyAction", () => {
  it("moves by one visible row and stops at the ends", () => {
    expect(treeKeyAction("ArrowDown", allOpen(0))).toEqual({ kind: "select", spanIndex: 1 });
    expect(treeKeyAction("ArrowUp", allOpen(2))).toEqual({ kind: "select", spanIndex: 1 });
    expect(treeKeyAction("ArrowDown", allOpen(3))).toEqual({ kind: "select", spanIndex: 3 });
    expect(treeKeyAction("ArrowUp", allOpen(0))).toEqual({ kind: "select", spanIndex: 0 });
  });

  it("selects the first row on ArrowDown when nothing visible is selected", () => {
    expect(treeKeyAction("ArrowDown", allOpen(-1))).toEqual({ kind: "select", spanIndex: 0 });
  });

  it("jumps to the ends and by pages, clamped", () => {
    expect(treeKeyAction("Home", allOpen(2))).toEqual({ kind: "select", spanIndex: 0 });
    expect(treeKeyAction("End", allOpen(0))).toEqual({ kind: "select", spanIndex: 3 });
    const long: TreeKeyState = {
      tree: { parent: new Int32Array(100).fill(-1), children: Array.from({ length: 100 }, () => []) },
      rows: Array.from({ length: 100 }, (_, i) => i),
      selectedRow: 10,
      collapsed: new Set(),
    };
    expect(treeKeyAction("PageDown", long)).toEqual({ kind: "select", spanIndex: 10 + PAGE_ROWS });
    expect(treeKeyAction("PageUp", long)).toEqual({ kind: "select", spanIndex: 0 });
  });

  it("ArrowRight opens a closed span, then moves to its first child; on a leaf it stays", () => {
    const closed: TreeKeyState = { ...allOpen(1), rows: [0, 1, 3], collapsed: new Set([1]) };
    expect(treeKeyAction("ArrowRight", closed)).toEqual({ kind: "toggle", spanIndex: 1 });
    expect(treeKeyAction("ArrowRight", allOpen(1))).toEqual({ kind: "select", spanIndex: 2 });
    expect(treeKeyAction("ArrowRight", allOpen(2))).toEqual({ kind: "select", spanIndex: 2 });
  });

  it("ArrowLeft closes an open span, else goes to the parent; a root stays", () => {
    expect(treeKeyAction("ArrowLeft", allOpen(1))).toEqual({ kind: "toggle", spanIndex: 1 });
    expect(treeKeyAction("ArrowLeft", allOpen(2))).toEqual({ kind: "select", spanIndex: 1 });
    const closed: TreeKeyState = { ...allOpen(1), rows: [0, 1, 3], collapsed: new Set([1]) };
    expect(treeKeyAction("ArrowLeft", closed)).toEqual({ kind: "select", spanIndex: 0 });
    const rootClosed: TreeKeyState = { ...allOpen(0), rows: [0], collapsed: new Set([0]) };
    expect(treeKeyAction("ArrowLeft", rootClosed)).toEqual({ kind: "select", spanIndex: 0 });
  });

  it("Enter goes to the details; other keys and empty trees are left to the browser", () => {
    expect(treeKeyAction("Enter", allOpen(0))).toEqual({ kind: "details" });
    expect(treeKeyAction("a", allOpen(0))).toBeUndefined();
    expect(treeKeyAction("Tab", allOpen(0))).toBeUndefined();
    expect(treeKeyAction("ArrowDown", { ...allOpen(-1), rows: [] })).toBeUndefined();
  });
});
