import { hash32 } from "./random";
import type { Scenario } from "./world";

/**
 * A demo request is addressed by what the metrics side knows about it (when, which series and
 * bucket, why it was slow, how long it took). That address is packed into the 128-bit trace ID
 * and scrambled with a keyed Feistel permutation, so IDs look random, and any server instance
 * can rebuild the trace from the ID alone: no state shared between requests or instances.
 */

export interface DemoRequest {
  /** Scrape tick (epoch ms / 15 s) whose interval contains the request's end. */
  tick: number;
  seriesIndex: number;
  bucketIndex: number;
  scenario: Scenario;
  /** Milliseconds into the tick when the request finished. */
  offsetMs: number;
  /** Duration of the span that recorded the observation; the exemplar value. */
  durationUs: number;
}

const FIELDS = [
  ["tick", 32],
  ["seriesIndex", 8],
  ["bucketIndex", 4],
  ["scenario", 3],
  ["offsetMs", 14],
  ["durationUs", 32],
] as const satisfies ReadonlyArray<readonly [keyof DemoRequest, number]>;

const MASK64 = (1n << 64n) - 1n;
const ROUNDS = 4;

function pack(request: DemoRequest, seed: number): bigint {
  let value = 0n;
  for (const [name, bits] of FIELDS) {
    const field = request[name];
    if (!Number.isInteger(field) || field < 0 || field >= 2 ** bits) {
      throw new RangeError(`demo request field ${name}=${field} does not fit ${bits} bits`);
    }
    value = (value << BigInt(bits)) | BigInt(field);
  }
  // 93 bits of fields, 32 of checksum, 3 spare: 128.
  return (((value << 32n) | BigInt(checksum(request, seed))) << 3n) & ((1n << 128n) - 1n);
}

function unpack(value: bigint, seed: number): DemoRequest | undefined {
  let rest = value >> 3n;
  const check = Number(rest & 0xffffffffn);
  rest >>= 32n;
  const fields: Partial<Record<keyof DemoRequest, number>> = {};
  for (const [name, bits] of [...FIELDS].reverse()) {
    fields[name] = Number(rest & ((1n << BigInt(bits)) - 1n));
    rest >>= BigInt(bits);
  }
  const request = fields as DemoRequest;
  return checksum(request, seed) === check && (value & 7n) === 0n ? request : undefined;
}

function checksum(r: DemoRequest, seed: number): number {
  return hash32(seed, 0xc0ffee, r.tick, r.seriesIndex, r.bucketIndex, r.scenario, r.offsetMs, r.durationUs);
}

function round(half: bigint, roundIndex: number, seed: number): bigint {
  const lo = Number(half & 0xffffffffn);
  const hi = Number(half >> 32n);
  const a = hash32(seed, roundIndex, lo, hi);
  const b = hash32(a, roundIndex, hi, lo);
  return (BigInt(a) << 32n) | BigInt(b);
}

export function encodeDemoTraceId(request: DemoRequest, seed: number): string {
  let left = pack(request, seed) >> 64n;
  let right = pack(request, seed) & MASK64;
  for (let i = 0; i < ROUNDS; i++) [left, right] = [right, left ^ round(right, i, seed)];
  return ((left << 64n) | right).toString(16).padStart(32, "0");
}

/** The request behind a demo trace ID, or undefined for an ID the demo never issued. */
export function decodeDemoTraceId(traceId: string, seed: number): DemoRequest | undefined {
  if (!/^[0-9a-f]{32}$/.test(traceId)) return undefined;
  const value = BigInt(`0x${traceId}`);
  let left = value >> 64n;
  let right = value & MASK64;
  for (let i = ROUNDS - 1; i >= 0; i--) [left, right] = [right ^ round(left, i, seed), left];
  return unpack((left << 64n) | right, seed);
}

/** Span IDs within a demo trace: number 0 is the span that recorded the observation. */
export function demoSpanId(traceId: string, spanNumber: number): string {
  const key = hash32(...traceId.match(/.{8}/g)!.map((chunk) => parseInt(chunk, 16)));
  const hi = hash32(key, spanNumber, 1);
  const lo = hash32(key, spanNumber, 2);
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/** Whether the demo's trace store dropped this trace (head sampling, in the story). */
export function isSampledOut(traceId: string, ratio: number): boolean {
  return hash32(parseInt(traceId.slice(0, 8), 16), parseInt(traceId.slice(24), 16), 0x5a3) / 2 ** 32 < ratio;
}
