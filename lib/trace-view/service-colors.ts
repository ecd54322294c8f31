/**
 * Service colors: told apart at a glance, in light and dark, and never red (red means error
 * everywhere in the waterfall). A hash of the name spread over a continuous hue circle put three
 * of eight services on near-identical magentas; instead, a fixed palette of ten colors in OKLCH,
 * two lightness levels with hues 60° apart on each (offset by 30° between the levels), so any two
 * are at least 0.14 apart in OKLab (`minimumPaletteDistance`), and the nearest hue to red (29°) is
 * 31° away. A service takes its name's preferred slot, or the next free one: within a trace of up
 * to ten services, no two share a color. `pinned` holds the slots services already have (the
 * browser keeps them across traces and reloads, lib/client/service-color-registry.ts), so a service
 * keeps its color from trace to trace.
 */

export interface PaletteColor {
  /** OKLCH lightness (0–1), chroma and hue (degrees). */
  l: number;
  c: number;
  h: number;
}

const CHROMA = 0.14;
export const SERVICE_PALETTE: readonly PaletteColor[] = [
  ...[240, 60, 180, 300, 120].map((h) => ({ l: 0.68, c: CHROMA, h })),
  ...[270, 90, 210, 330, 150].map((h) => ({ l: 0.5, c: CHROMA, h })),
];

export function paletteCss({ l, c, h }: PaletteColor): string {
  return `oklch(${l} ${c} ${h})`;
}

/** Distance in OKLab: about 0.02 is just noticeable; above 0.1 two colors read as different. */
export function oklabDistance(x: PaletteColor, y: PaletteColor): number {
  const rad = Math.PI / 180;
  const da = x.c * Math.cos(x.h * rad) - y.c * Math.cos(y.h * rad);
  const db = x.c * Math.sin(x.h * rad) - y.c * Math.sin(y.h * rad);
  return Math.hypot(x.l - y.l, da, db);
}

function preferredSlot(serviceName: string): number {
  // FNV-1a: cheap and well spread for short strings.
  let hash = 0x811c9dc5;
  for (let i = 0; i < serviceName.length; i++) {
    hash ^= serviceName.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SERVICE_PALETTE.length;
}

/**
 * The palette slot of each service of a trace. Pinned services keep theirs unless another
 * pinned service of the same trace already has it; new ones take their preferred slot or the
 * next one no service of this trace uses, preferring slots no pinned service holds. With more
 * services than colors, the extra ones share.
 */
export function assignServiceSlots(
  services: readonly string[],
  pinned: ReadonlyMap<string, number> = new Map(),
): Map<string, number> {
  const n = SERVICE_PALETTE.length;
  const slots = new Map<string, number>();
  const used = new Set<number>();
  for (const service of services) {
    const slot = pinned.get(service);
    if (slot !== undefined && slot < n && !used.has(slot)) {
      slots.set(service, slot);
      used.add(slot);
    }
  }
  const held = new Set(pinned.values());
  const probe = (start: number, free: (slot: number) => boolean) => {
    for (let k = 0; k < n; k++) if (free((start + k) % n)) return (start + k) % n;
    return undefined;
  };
  for (const service of services) {
    if (slots.has(service)) continue;
    const start = preferredSlot(service);
    const slot =
      probe(start, (s) => !used.has(s) && !held.has(s)) ?? probe(start, (s) => !used.has(s)) ?? start;
    slots.set(service, slot);
    used.add(slot);
  }
  return slots;
}

/** Colors for the services of one trace, as CSS, from their slots. */
export function serviceColors(slots: ReadonlyMap<string, number>): Map<string, string> {
  return new Map([...slots].map(([service, slot]) => [service, paletteCss(SERVICE_PALETTE[slot]!)]));
}

/** The smallest OKLab distance between two palette colors (the tests hold it above 0.1). */
export function minimumPaletteDistance(): number {
  let min = Infinity;
  SERVICE_PALETTE.forEach((x, i) =>
    SERVICE_PALETTE.slice(i + 1).forEach((y) => (min = Math.min(min, oklabDistance(x, y)))),
  );
  return min;
}
