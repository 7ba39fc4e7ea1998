/**
 * A growable byte buffer with the binary format's primitive encodings.
 *
 * @module
 */

const utf8 = new TextEncoder();

/**
 * Appends primitive values of the binary format to a growing buffer.
 *
 * @example
 * ```ts
 * import { BinaryWriter } from "./writer.ts";
 * const w = new BinaryWriter();
 * w.u32(624485);
 * console.log(w.finish()); // Uint8Array [ 0xe5, 0x8e, 0x26 ]
 * ```
 */
export class BinaryWriter {
  private buf: Uint8Array;
  /** Bytes written so far. */
  length = 0;

  constructor(initialCapacity = 256) {
    this.buf = new Uint8Array(initialCapacity);
  }

  private grow(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let cap = Math.max(this.buf.length * 2, 256);
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  /** Makes room for `n` more bytes at once (one allocation instead of a run of doublings). */
  reserve(n: number): this {
    this.grow(n);
    return this;
  }

  /** One byte. */
  u8(v: number): this {
    if (this.length >= this.buf.length) this.grow(1);
    this.buf[this.length++] = v;
    return this;
  }

  /** Unsigned LEB128 (32-bit). `padTo` forces a fixed width (relocatable code uses 5). */
  u32(v: number, padTo = 0): this {
    if (v >>> 0 < 0x80 && padTo <= 1 && this.length < this.buf.length) {
      this.buf[this.length++] = v >>> 0; // one byte: most indices and sizes
      return this;
    }
    this.grow(Math.max(5, padTo));
    v >>>= 0;
    let n = 0;
    for (;;) {
      const byte = v & 0x7f;
      v >>>= 7;
      n++;
      const more = v !== 0 || n < padTo;
      this.buf[this.length++] = more ? byte | 0x80 : byte;
      if (!more) return this;
    }
  }

  /**
   * Overwrites bytes already written, from `at`, with `v` as an unsigned
   * LEB128 of exactly `width` bytes (minimal when `width` is `u32Size(v)`):
   * patching an immediate in place after a block was copied at once.
   */
  u32At(at: number, v: number, width: number): this {
    if (at < 0 || at + width > this.length) {
      throw new RangeError(`u32At(${at}, …, ${width}) is outside the ${this.length} bytes written`);
    }
    // In place: nothing grows (growing would keep only the bytes before `at`).
    const buf = this.buf;
    v >>>= 0;
    for (let i = 0; i < width; i++) {
      const byte = v & 0x7f;
      v >>>= 7;
      buf[at + i] = i < width - 1 ? byte | 0x80 : byte;
    }
    if (v !== 0) throw new RangeError(`u32At: the value does not fit in ${width} bytes`);
    return this;
  }

  /** Drops what was written after the first `length` bytes. */
  truncate(length: number): this {
    if (length < 0 || length > this.length) {
      throw new RangeError(`truncate(${length}) is outside the ${this.length} bytes written`);
    }
    this.length = length;
    return this;
  }

  /** Signed LEB128 (32-bit). `padTo` forces a fixed width (relocatable code uses 5). */
  s32(v: number, padTo = 0): this {
    return this.s64(BigInt(v | 0), padTo);
  }

  /** Signed LEB128 (64-bit). `padTo` forces a fixed width (relocatable code uses 10). */
  s64(v: bigint, padTo = 0): this {
    this.grow(Math.max(10, padTo));
    v = BigInt.asIntN(64, v);
    let n = 0;
    for (;;) {
      const byte = Number(v & 0x7fn);
      v >>= 7n;
      n++;
      const done = (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0);
      if (done && n >= padTo) {
        this.buf[this.length++] = byte;
        return this;
      }
      this.buf[this.length++] = byte | 0x80;
      // Padding past the value: keep extending its sign.
      if (done) v = byte & 0x40 ? -1n : 0n;
    }
  }

  /** Unsigned LEB128 (64-bit). `padTo` forces a fixed width. */
  u64(v: bigint, padTo = 0): this {
    this.grow(Math.max(10, padTo));
    let n = 0;
    for (;;) {
      let byte = Number(v & 0x7fn);
      v >>= 7n;
      n++;
      const more = v !== 0n || n < padTo;
      if (more) byte |= 0x80;
      this.buf[this.length++] = byte;
      if (!more) return this;
    }
  }

  /** Little-endian 16-bit word (DWARF's version fields). */
  u16le(v: number): this {
    this.grow(2);
    this.buf[this.length++] = v & 0xff;
    this.buf[this.length++] = (v >>> 8) & 0xff;
    return this;
  }

  /** A UTF-8 string and its terminating NUL (DWARF's inline strings). */
  cstring(s: string): this {
    return this.bytes(new TextEncoder().encode(s)).u8(0);
  }

  /** Little-endian 32-bit word. */
  u32le(v: number): this {
    this.grow(4);
    const b = this.buf, p = this.length;
    b[p] = v & 0xff;
    b[p + 1] = (v >>> 8) & 0xff;
    b[p + 2] = (v >>> 16) & 0xff;
    b[p + 3] = (v >>> 24) & 0xff;
    this.length += 4;
    return this;
  }

  /** Raw bytes. */
  bytes(data: Uint8Array): this {
    const n = data.length;
    if (n < 64) return this.range(data, 0, n);
    // A whole array needs no view made of it: TypedArray#set copies it at memcpy speed.
    this.grow(n);
    this.buf.set(data, this.length);
    this.length += n;
    return this;
  }

  /** `src[start, end)`, without making a view of it (a merge copies many short runs). */
  range(src: Uint8Array, start: number, end: number): this {
    const n = end - start;
    this.grow(n);
    if (n < 256) {
      // A byte loop beats TypedArray#set for short runs: set needs a view of the source, an
      // allocation per run (a merge copies a run between every pair of changed immediates).
      const buf = this.buf;
      let at = this.length;
      for (let i = start; i < end; i++) buf[at++] = src[i];
    } else this.buf.set(src.subarray(start, end), this.length);
    this.length += n;
    return this;
  }

  /** A length-prefixed UTF-8 name. */
  name(s: string): this {
    let ascii = true;
    for (let i = 0; i < s.length; i++) {
      if (s.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      this.u32(s.length);
      this.grow(s.length);
      for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
      return this;
    }
    const enc = utf8.encode(s);
    this.u32(enc.length);
    return this.bytes(enc);
  }

  /**
   * A length-prefixed block written by `body` (sections, nested payloads);
   * `capacity`: about how many bytes it takes, so a large one is not regrown.
   */
  sized(body: (w: BinaryWriter) => void, capacity = 256): this {
    const inner = new BinaryWriter(capacity);
    body(inner);
    const data = inner.finish();
    this.u32(data.length);
    return this.bytes(data);
  }

  /** The bytes written, as a view of the internal buffer (no copy). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  /**
   * The bytes written since `start` (a view: a writer shared by many
   * outputs hands each its own range; growing later leaves earlier views
   * intact, on the old buffer).
   */
  since(start: number): Uint8Array {
    return this.buf.subarray(start, this.length);
  }
}

/**
 * Bytes of `v` as a minimal unsigned LEB128.
 *
 * @example
 * ```ts
 * import { u32Size } from "./writer.ts";
 * console.log(u32Size(127), u32Size(128)); // 1 2
 * ```
 */
export function u32Size(v: number): number {
  let n = 1;
  for (v >>>= 7; v !== 0; v >>>= 7) n++;
  return n;
}

/**
 * Bytes of a non-negative `v` as a minimal signed LEB128 (an s33 type index
 * has one more byte than its u32 form from 64 on: the top bit of the last
 * group is the sign).
 *
 * @example
 * ```ts
 * import { nonNegativeSignedSize } from "./writer.ts";
 * console.log(nonNegativeSignedSize(63), nonNegativeSignedSize(64)); // 1 2
 * ```
 */
export function nonNegativeSignedSize(v: number): number {
  let n = 1;
  for (; v >= 64; v = Math.floor(v / 128)) n++;
  return n;
}
