/**
 * The exemplar list in one module, loaded as its own chunk after the page (see
 * app/explore/explorer.tsx): the table and its virtualizer, and the section around it that says
 * why there is no list. Both wait for the exemplars anyway.
 */
export { ExemplarTable } from "./exemplar-table";
export { ExemplarsSection } from "./exemplars-section";
