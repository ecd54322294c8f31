import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

/**
 * Randomness for the demo world. The world is generated on demand for any time range, so
 * values must be reachable by address (seed, tick, series, ...) rather than by drawing a
 * sequence from the beginning: `hash32` mixes an address into 32 bits, and `seededRandom`
 * starts an ordinary generator from such a hash where a sequence is wanted (one trace).
 */

/** murmur3's finalizer over a list of integers: a cheap, well-mixed address hash. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    // Fold numbers beyond 32 bits in too (ticks, microsecond values).
    const high = Math.floor(part / 0x1_0000_0000);
    h = mix(h ^ (part >>> 0));
    h = mix(h ^ (high >>> 0));
  }
  return h >>> 0;
}

function mix(input: number): number {
  let h = Math.imul(input ^ (input >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A uniform number in [0, 1) for an address. */
export function unitHash(...parts: number[]): number {
  return hash32(...parts) / 0x1_0000_0000;
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed | 0);
  const next = () => uniformFloat64(rng);
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}
