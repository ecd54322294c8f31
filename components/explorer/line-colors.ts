/** The latency lines' colors, in order: the live chart's and the preview the server draws. */
export const LINE_COLORS = ["#0ea5e9", "#a855f7", "#f59e0b", "#10b981", "#ec4899", "#6366f1"];
