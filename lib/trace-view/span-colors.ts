/** A span with an error: the same red in its waterfall row and in the trace's overview, whatever its service's color. */
export const ERROR_SPAN_COLOR = "#dc2626";
