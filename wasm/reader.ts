/**
 * A bounds-checked cursor over WebAssembly binary bytes.
 *
 * All reads check the remaining length first and throw a
 * {@linkcode WasmDecodeError} with the absolute byte offset; LEB128 reads
 * reject encodings longer than the format allows, and vector counts are
 * checked against the bytes left so a hostile count cannot make the decoder
 * allocate without bound.
 *
 * @module
 */
import { WasmDecodeError } from "./errors.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads primitive values of the binary format.
 *
 * `base` is the absolute offset of `bytes[0]` in the outermost file, so
 * errors raised from a sub-reader still name the place in the file.
 *
 * @example
 * ```ts
 * import { BinaryReader } from "./reader.ts";
 * const r = new BinaryReader(new Uint8Array([0xe5, 0x8e, 0x26]));
 * console.log(r.u32()); // 624485
 * ```
 */
export class BinaryReader {
  /** The whole buffer this reader walks (`pos` and `end` index into it). */
  readonly bytes: Uint8Array;
  /** Current position in `bytes`. */
  pos: number;
  /** One past the last readable byte in `bytes`. */
  end: number;
  /** Absolute file offset of `bytes[0]`. */
  readonly base: number;

  constructor(bytes: Uint8Array, pos = 0, end = bytes.length, base = 0) {
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
    this.base = base;
  }

  /** Absolute file offset of the current position. */
  get offset(): number {
    return this.base + this.pos;
  }

  /** Bytes left before `end`. */
  get remaining(): number {
    return this.end - this.pos;
  }

  /** Whether the reader has consumed every byte. */
  get eof(): boolean {
    return this.pos >= this.end;
  }

  /** Throws a typed error at the current position. */
  fail(kind: ConstructorParameters<typeof WasmDecodeError>[0], message: string): never {
    throw new WasmDecodeError(kind, this.offset, message);
  }

  private need(n: number, what: string): void {
    if (this.end - this.pos < n) {
      this.fail(
        "unexpected-end",
        `unexpected end of input: expected ${what} (${n} byte${n === 1 ? "" : "s"}), ${
          this.end - this.pos
        } left`,
      );
    }
  }

  /** One byte. */
  u8(what = "a byte"): number {
    if (this.pos >= this.end) this.need(1, what);
    return this.bytes[this.pos++];
  }

  /** Peeks one byte without consuming it. */
  peek(what = "a byte"): number {
    if (this.pos >= this.end) this.need(1, what);
    return this.bytes[this.pos];
  }

  /** Unsigned LEB128, at most 32 bits (5 bytes). */
  u32(what = "a u32 LEB128"): number {
    const b = this.bytes;
    let p = this.pos;
    if (p < this.end) {
      const first = b[p];
      if (first < 0x80) {
        this.pos = p + 1;
        return first;
      }
    }
    let result = 0;
    let shift = 0;
    const start = p;
    for (;;) {
      if (p >= this.end) {
        this.pos = p;
        this.need(1, what);
      }
      const byte = b[p++];
      if (shift === 28) {
        if (byte & 0x70) {
          this.pos = start;
          this.fail(
            "bad-leb",
            `${what} is too large or over-long (byte 5 = 0x${byte.toString(16)})`,
          );
        }
        if (byte & 0x80) {
          this.pos = start;
          this.fail("bad-leb", `${what} is longer than 5 bytes`);
        }
      }
      result |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) break;
      shift += 7;
    }
    this.pos = p;
    return result >>> 0;
  }

  /** Signed LEB128, at most 32 bits. */
  s32(what = "an s32 LEB128"): number {
    const b = this.bytes;
    let p = this.pos;
    const start = p;
    let result = 0;
    let shift = 0;
    let byte: number;
    for (;;) {
      if (p >= this.end) {
        this.pos = p;
        this.need(1, what);
      }
      byte = b[p++];
      if (shift === 28) {
        // Bits 32..34 must be a sign-extension of bit 31; no continuation.
        const rest = byte & 0x78;
        if ((byte & 0x80) || !(rest === 0 || rest === 0x78)) {
          this.pos = start;
          this.fail("bad-leb", `${what} is too large or longer than 5 bytes`);
        }
      }
      result |= (byte & 0x7f) << shift;
      shift += 7;
      if ((byte & 0x80) === 0) break;
    }
    this.pos = p;
    if (shift < 32 && (byte & 0x40)) result |= -1 << shift;
    return result | 0;
  }

  /** Signed LEB128, at most 64 bits, as a bigint. */
  s64(what = "an s64 LEB128"): bigint {
    // Up to 7 bytes (49 bits) fit a double exactly: one bigint instead of one per byte.
    const b = this.bytes;
    let p = this.pos;
    let small = 0;
    let scale = 1;
    for (let n = 0; n < 7 && p < this.end; n++) {
      const byte = b[p++];
      small += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0) {
        this.pos = p;
        return BigInt(byte & 0x40 ? small - scale : small);
      }
    }
    return this.s64Long(what);
  }

  /** The general case of {@linkcode s64}: bigint arithmetic, byte by byte. */
  private s64Long(what: string): bigint {
    const start = this.pos;
    let result = 0n;
    let shift = 0n;
    let byte: number;
    let count = 0;
    for (;;) {
      byte = this.u8(what);
      count++;
      if (count === 10) {
        const rest = byte & 0x7f;
        if ((byte & 0x80) || !(rest === 0 || rest === 0x7f)) {
          this.pos = start;
          this.fail("bad-leb", `${what} is too large or longer than 10 bytes`);
        }
      }
      result |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
      if ((byte & 0x80) === 0) break;
    }
    if (shift < 64n && (byte & 0x40)) result |= -1n << shift;
    return BigInt.asIntN(64, result);
  }

  /** Unsigned LEB128, at most 64 bits, as a bigint (memory64 limits). */
  u64(what = "a u64 LEB128"): bigint {
    const start = this.pos;
    let result = 0n;
    let shift = 0n;
    let count = 0;
    for (;;) {
      const byte = this.u8(what);
      count++;
      if (count === 10 && (byte & 0xfe)) {
        this.pos = start;
        this.fail("bad-leb", `${what} is too large or longer than 10 bytes`);
      }
      result |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
      if ((byte & 0x80) === 0) break;
    }
    return result;
  }

  /** Skips an s64 LEB128 (checked as {@linkcode s64} checks it) without building a bigint. */
  skipS64(what = "an s64 LEB128"): void {
    const start = this.pos;
    for (let count = 1;; count++) {
      const byte = this.u8(what);
      if (count === 10) {
        const rest = byte & 0x7f;
        if ((byte & 0x80) || !(rest === 0 || rest === 0x7f)) {
          this.pos = start;
          this.fail("bad-leb", `${what} is too large or longer than 10 bytes`);
        }
      }
      if ((byte & 0x80) === 0) return;
    }
  }

  /** Skips a u64 LEB128 (checked as {@linkcode u64} checks it) without building a bigint. */
  skipU64(what = "a u64 LEB128"): void {
    const start = this.pos;
    for (let count = 1;; count++) {
      const byte = this.u8(what);
      if (count === 10 && (byte & 0xfe)) {
        this.pos = start;
        this.fail("bad-leb", `${what} is too large or longer than 10 bytes`);
      }
      if ((byte & 0x80) === 0) return;
    }
  }

  /** Skips one LEB128 of at most `maxBytes` bytes without decoding it. */
  skipLeb(maxBytes: number, what = "a LEB128"): void {
    for (let i = 0; i < maxBytes; i++) {
      if ((this.u8(what) & 0x80) === 0) return;
    }
    this.fail("bad-leb", `${what} is longer than ${maxBytes} bytes`);
  }

  /** Little-endian fixed-width 32-bit unsigned (the magic / version words). */
  u32le(what = "a 4-byte word"): number {
    this.need(4, what);
    const b = this.bytes, p = this.pos;
    this.pos = p + 4;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }

  /** Little-endian fixed-width 16-bit unsigned (DWARF's version fields). */
  u16le(what = "a 2-byte word"): number {
    this.need(2, what);
    const b = this.bytes, p = this.pos;
    this.pos = p + 2;
    return b[p] | (b[p + 1] << 8);
  }

  /** A NUL-terminated UTF-8 string (DWARF's inline strings), without its NUL. */
  cstring(what = "a NUL-terminated string"): string {
    const start = this.pos;
    let end = start;
    while (end < this.end && this.bytes[end] !== 0) end++;
    if (end >= this.end) this.fail("unexpected-end", `${what} has no terminating NUL`);
    this.pos = end + 1;
    return utf8.decode(this.bytes.subarray(start, end));
  }

  /** `n` raw bytes as a subarray view (no copy). */
  bytesN(n: number, what = "bytes"): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** Skips `n` bytes. */
  skip(n: number, what = "bytes"): void {
    this.need(n, what);
    this.pos += n;
  }

  /** A length-prefixed UTF-8 name. */
  name(what = "a name"): string {
    const len = this.u32(`${what} length`);
    const start = this.offset;
    const raw = this.bytesN(len, what);
    // Fast path for ASCII, the overwhelmingly common case.
    let ascii = true;
    for (let i = 0; i < raw.length; i++) {
      if (raw[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, raw as unknown as number[]);
    try {
      return utf8.decode(raw);
    } catch {
      throw new WasmDecodeError("bad-utf8", start, `${what} is not valid UTF-8`);
    }
  }

  /**
   * A vector count, checked against the bytes left: every element takes at
   * least `minElementSize` bytes, so a larger count is malformed and is
   * rejected before anything is allocated for it.
   */
  count(what = "a vector count", minElementSize = 1): number {
    const at = this.offset;
    const n = this.u32(what);
    if (n * minElementSize > this.end - this.pos) {
      throw new WasmDecodeError(
        "bad-count",
        at,
        `${what} is ${n}, but only ${this.end - this.pos} bytes are left`,
      );
    }
    return n;
  }

  /** A sub-reader over the next `n` bytes; this reader skips past them. */
  sub(n: number, what = "a sub-range"): BinaryReader {
    this.need(n, what);
    const r = new BinaryReader(this.bytes, this.pos, this.pos + n, this.base);
    this.pos += n;
    return r;
  }

  /** Fails unless every byte was consumed. */
  expectEnd(what: string): void {
    if (this.pos !== this.end) {
      this.fail("size-mismatch", `${what}: ${this.end - this.pos} unexpected trailing bytes`);
    }
  }
}
