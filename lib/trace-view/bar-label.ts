/**
 * Where a bar's duration label fits: after the bar when there is room, else inside a long bar,
 * else before it. (Percentages of the row's time axis; a label needs about 12 % of it.)
 */
export function durationLabelPlace(barLeft: number, barWidth: number): "right" | "inside" | "left" {
  if (100 - (barLeft + barWidth) >= 12) return "right";
  if (barWidth >= 14) return "inside";
  return "left";
}
