/**
 * Mutators for the fuzz harness: each takes a real binary and a seeded
 * random source and returns a damaged copy — bit flips, byte inserts and
 * deletes, truncation, huge LEB counts, whole sections reordered,
 * duplicated or dropped, splices from another input, and the same damage
 * aimed inside a nested core module.
 *
 * @module
 */

/** A small, fast, seedable PRNG (xorshift32): the same seed gives the same run. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = (seed >>> 0) || 0x9e3779b9;
  }
  /** A 32-bit unsigned integer. */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state;
  }
  /** An integer in [0, n). */
  below(n: number): number {
    return n <= 0 ? 0 : this.next() % n;
  }
  /** One of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

/** Top-level sections of a module or component: [start, end) of each, header excluded. */
export function sectionSpans(bytes: Uint8Array): [number, number][] {
  const spans: [number, number][] = [];
  let at = 8;
  while (at < bytes.length) {
    const start = at;
    at++;
    let size = 0, shift = 0, b = 0x80;
    while (b & 0x80) {
      if (at >= bytes.length || shift > 28) return spans;
      b = bytes[at++];
      size += (b & 0x7f) * 2 ** shift;
      shift += 7;
    }
    at += size;
    if (at > bytes.length) return spans;
    spans.push([start, at]);
  }
  return spans;
}

/** Offsets where a nested core module starts (its `\0asm` magic). */
function nestedModules(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 8; i + 8 <= bytes.length; i++) {
    if (bytes[i] === 0 && bytes[i + 1] === 0x61 && bytes[i + 2] === 0x73 && bytes[i + 3] === 0x6d) {
      out.push(i);
    }
  }
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A named mutation. */
export interface Mutator {
  name: string;
  apply(input: Uint8Array, rng: Random, other: Uint8Array): Uint8Array;
}

const header = (b: Uint8Array) => b.subarray(0, 8);

/** Every mutator the harness uses. */
export const MUTATORS: readonly Mutator[] = [
  {
    name: "bit-flip",
    apply(b, rng) {
      const out = b.slice();
      const n = 1 + rng.below(4);
      for (let i = 0; i < n; i++) {
        const at = 8 + rng.below(out.length - 8);
        out[at] ^= 1 << rng.below(8);
      }
      return out;
    },
  },
  {
    name: "byte-set",
    apply(b, rng) {
      const out = b.slice();
      out[8 + rng.below(out.length - 8)] = rng.pick([
        0,
        0x7f,
        0x80,
        0xff,
        0x40,
        0x0b,
        rng.below(256),
      ]);
      return out;
    },
  },
  {
    name: "byte-insert",
    apply(b, rng) {
      const at = 8 + rng.below(b.length - 8);
      return concat([b.subarray(0, at), new Uint8Array([rng.below(256)]), b.subarray(at)]);
    },
  },
  {
    name: "byte-delete",
    apply(b, rng) {
      const at = 8 + rng.below(b.length - 8);
      const n = 1 + rng.below(4);
      return concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + n))]);
    },
  },
  {
    name: "truncate",
    apply(b, rng) {
      return b.slice(0, 8 + rng.below(b.length - 8));
    },
  },
  {
    name: "huge-leb",
    apply(b, rng) {
      // Overwrite a LEB-looking byte run with a count near 2^32.
      const at = 8 + rng.below(b.length - 8);
      const huge = rng.pick([
        [0xff, 0xff, 0xff, 0xff, 0x0f],
        [0x80, 0x80, 0x80, 0x80, 0x08],
        [0xff, 0xff, 0xff, 0x7f],
        [0xff, 0xff, 0x03],
      ]);
      const out = b.slice();
      out.set(huge.slice(0, Math.max(0, out.length - at)), at);
      return out;
    },
  },
  {
    name: "section-drop",
    apply(b, rng) {
      const spans = sectionSpans(b);
      if (spans.length === 0) return b.slice();
      const [s, e] = rng.pick(spans);
      return concat([b.subarray(0, s), b.subarray(e)]);
    },
  },
  {
    name: "section-duplicate",
    apply(b, rng) {
      const spans = sectionSpans(b);
      if (spans.length === 0) return b.slice();
      const [s, e] = rng.pick(spans);
      return concat([b.subarray(0, e), b.subarray(s, e), b.subarray(e)]);
    },
  },
  {
    name: "section-swap",
    apply(b, rng) {
      const spans = sectionSpans(b);
      if (spans.length < 2) return b.slice();
      const i = rng.below(spans.length - 1);
      const [a0, a1] = spans[i], [b0, b1] = spans[i + 1];
      return concat([b.subarray(0, a0), b.subarray(b0, b1), b.subarray(a0, a1), b.subarray(b1)]);
    },
  },
  {
    name: "splice",
    apply(b, rng, other) {
      const spans = sectionSpans(other);
      if (spans.length === 0) return b.slice();
      const [s, e] = rng.pick(spans);
      const mine = sectionSpans(b);
      const at = mine.length ? rng.pick(mine)[0] : b.length;
      return concat([b.subarray(0, at), other.subarray(s, e), b.subarray(at)]);
    },
  },
  {
    name: "nested-module-flip",
    apply(b, rng) {
      const starts = nestedModules(b);
      const out = b.slice();
      if (starts.length === 0) return out;
      const start = rng.pick(starts);
      // Past the nested module's header: inside its sections.
      const at = Math.min(
        out.length - 1,
        start + 8 + rng.below(Math.min(4096, out.length - start - 8)),
      );
      out[at] ^= 1 << rng.below(8);
      return out;
    },
  },
];

/**
 * One mutation of `input` (sometimes two stacked).
 *
 * @example
 * ```ts
 * import { mutate, Random } from "./mutate.ts";
 * const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 0, 1, 0]);
 * console.log(mutate(bytes, new Random(1), bytes).mutator);
 * ```
 */
export function mutate(
  input: Uint8Array,
  rng: Random,
  other: Uint8Array,
): { bytes: Uint8Array; mutator: string } {
  if (input.length <= 8) return { bytes: input.slice(), mutator: "none" };
  const first = rng.pick(MUTATORS);
  let bytes = first.apply(input, rng, other);
  let name = first.name;
  if (rng.below(4) === 0 && bytes.length > 8) {
    const second = rng.pick(MUTATORS);
    bytes = second.apply(bytes, rng, other);
    name += `+${second.name}`;
  }
  // Keep the magic: a wrong header is the least interesting failure.
  if (bytes.length >= 8) bytes.set(header(input), 0);
  return { bytes, mutator: name };
}
