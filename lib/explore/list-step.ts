/** Moving a keyboard focus along an ordered list: the chart's markers, the exemplar list's rows. */

export type ListStep = "next" | "previous" | "first" | "last" | "pageNext" | "pagePrevious";

/** The index a step leads to from `at` in a list of `count`, staying inside it; -1 when empty. */
export function stepInList(step: ListStep, at: number, count: number, page: number): number {
  if (count === 0) return -1;
  const clamp = (i: number) => Math.min(Math.max(i, 0), count - 1);
  switch (step) {
    case "next":
      return clamp(at + 1);
    case "previous":
      return clamp(at - 1);
    case "first":
      return 0;
    case "last":
      return count - 1;
    case "pageNext":
      return clamp(at + page);
    case "pagePrevious":
      return clamp(at - page);
  }
}
