/**
 * The rules a comparison's baseline can follow (`baseline` in the URL; see cohorts.ts). Apart
 * from cohorts.ts so that the URL parser does not bring the comparison's code into the first load.
 */
export const BASELINE_RULES = ["typical", "before"] as const;
export type BaselineRule = (typeof BASELINE_RULES)[number];
