/**
 * A stable color per service name, never red: red means error everywhere in the waterfall.
 * The hue comes from a hash of the name, spread over 30°–330° (reds excluded), so the same
 * service has the same color in every trace and session, and different services rarely match.
 */
const MIN_HUE = 30;
const HUE_RANGE = 300;

export function serviceHue(serviceName: string): number {
  // FNV-1a: cheap and well spread for short strings.
  let hash = 0x811c9dc5;
  for (let i = 0; i < serviceName.length; i++) {
    hash ^= serviceName.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return MIN_HUE + ((hash >>> 0) % HUE_RANGE);
}

export function serviceColor(serviceName: string): string {
  return `hsl(${serviceHue(serviceName)} 65% 45%)`;
}
