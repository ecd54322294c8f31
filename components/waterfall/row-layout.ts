/**
 * The waterfall's row geometry, apart from the row component: constants exported from a
 * "use client" module reach a server component as client references, not numbers.
 */
export const ROW_HEIGHT_PX = 26;
export const INDENT_PX = 12;
export const MAX_INDENT_LEVELS = 24;

export interface TimeWindow {
  startUs: number;
  endUs: number;
}
