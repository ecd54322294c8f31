import type { SpanTree } from "./span-tree";

/**
 * What a key does in the waterfall's tree (the WAI-ARIA tree pattern): ↑/↓ move by one visible
 * row, Home/End to the ends, PageUp/PageDown by a page, → opens a closed span or moves to its first
 * child, ← closes an open span or moves to its parent, Enter goes to the span's details. Pure, so
 * that every case is tested without a browser; the component only carries out the answer.
 */

export type TreeKeyAction =
  { kind: "select"; spanIndex: number } | { kind: "toggle"; spanIndex: number } | { kind: "details" };

export interface TreeKeyState {
  tree: Pick<SpanTree, "children" | "parent">;
  /** Span index of each visible row, in order. */
  rows: ArrayLike<number>;
  /** The selected span's row, -1 when nothing visible is selected. */
  selectedRow: number;
  collapsed: ReadonlySet<number>;
}

export const PAGE_ROWS = 20;

/** The action for `key`, or undefined when the key means nothing here (let the browser have it). */
export function treeKeyAction(key: string, state: TreeKeyState): TreeKeyAction | undefined {
  const { tree, rows, selectedRow, collapsed } = state;
  if (rows.length === 0) return undefined;
  const row = selectedRow < 0 ? 0 : selectedRow;
  const index = rows[row]!;
  const hasChildren = (tree.children[index]?.length ?? 0) > 0;
  const move = (to: number): TreeKeyAction => ({
    kind: "select",
    spanIndex: rows[Math.min(Math.max(to, 0), rows.length - 1)]!,
  });
  switch (key) {
    case "ArrowDown":
      // With nothing selected, the first press selects the first row.
      return move(selectedRow < 0 ? 0 : row + 1);
    case "ArrowUp":
      return move(row - 1);
    case "Home":
      return move(0);
    case "End":
      return move(rows.length - 1);
    case "PageDown":
      return move(row + PAGE_ROWS);
    case "PageUp":
      return move(row - PAGE_ROWS);
    case "ArrowRight":
      if (!hasChildren) return { kind: "select", spanIndex: index };
      return collapsed.has(index) ? { kind: "toggle", spanIndex: index } : move(row + 1);
    case "ArrowLeft": {
      if (hasChildren && !collapsed.has(index)) return { kind: "toggle", spanIndex: index };
      const parent = tree.parent[index]!;
      return { kind: "select", spanIndex: parent >= 0 ? parent : index };
    }
    case "Enter":
      return { kind: "details" };
    default:
      return undefined;
  }
}
