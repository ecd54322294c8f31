/**
 * The waterfall's row geometry, apart from the row component: constants exported from a
 * "use client" module reach a server component as client references, not numbers.
 */
export const ROW_HEIGHT_PX = 26;
/**
 * Name column and bar column of the rows and the ruler: the name column is as wide as the
 * waterfall's `--name-col` (dragged by the person), 40 % until then; a phone gives names 60 %.
 */
export const ROW_COLUMNS =
  "grid-cols-[var(--name-col,40%)_minmax(0,1fr)] max-md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]";
export const INDENT_PX = 12;
export const MAX_INDENT_LEVELS = 24;

export interface TimeWindow {
  startUs: number;
  endUs: number;
}
