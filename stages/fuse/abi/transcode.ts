/**
 * String transcoding between the canonical ABI's encodings (utf8, utf16,
 * latin1+utf16), emitted as wasm loops inside adapters: decode one code
 * point from the source, encode it into the destination, trap on invalid
 * input (bad UTF-8, lone surrogates), then shrink the destination
 * allocation to what was written.
 *
 * A latin1+utf16 destination is written in one pass, as the spec does:
 * Latin-1 until the first wider code point, then inflated to UTF-16 (length
 * tagged with bit 31).
 *
 * @module
 */
import type { Emitter } from "./emitter.ts";
import { I32 } from "../../../wasm/abi/mod.ts";

/** The string encodings of the canonical ABI. */
export type Encoding = "utf8" | "utf16" | "latin1+utf16";

/** Where the transcoder reads and writes. */
export interface TranscodeSites {
  srcMemory: number;
  dstMemory: number;
  dstRealloc: number;
}

const TAG = 0x80000000 | 0;

/** Emits "decode the code point at src[i] into `cp`, advance `i`" for one source form. */
function decode(
  e: Emitter,
  form: "utf8" | "utf16" | "latin1",
  m: number,
  ptr: number,
  n: number,
  i: number,
  cp: number,
): void {
  if (form === "latin1") {
    e.localGet(ptr).localGet(i).op(0x6a).load(I32, 1, false, m, 0).localSet(cp);
    e.localGet(i).i32Const(1).op(0x6a).localSet(i);
    return;
  }
  if (form === "utf16") {
    const lo = e.local(I32);
    e.localGet(ptr).localGet(i).i32Const(1).op(0x74).op(0x6a).load(I32, 2, false, m, 0).localSet(
      cp,
    );
    e.localGet(i).i32Const(1).op(0x6a).localSet(i);
    // A low surrogate on its own → trap.
    e.localGet(cp).i32Const(0xfc00).op(0x71).i32Const(0xdc00).op(0x46).if().unreachable().end();
    // A high surrogate must be followed by a low one.
    e.localGet(cp).i32Const(0xfc00).op(0x71).i32Const(0xd800).op(0x46).if();
    e.localGet(i).localGet(n).op(0x4f).if().unreachable().end();
    e.localGet(ptr).localGet(i).i32Const(1).op(0x74).op(0x6a).load(I32, 2, false, m, 0).localSet(
      lo,
    );
    e.localGet(lo).i32Const(0xfc00).op(0x71).i32Const(0xdc00).op(0x47).if().unreachable().end();
    e.localGet(cp).i32Const(0xd800).op(0x6b).i32Const(10).op(0x74);
    e.localGet(lo).i32Const(0xdc00).op(0x6b).op(0x6a).i32Const(0x10000).op(0x6a).localSet(cp);
    e.localGet(i).i32Const(1).op(0x6a).localSet(i);
    e.end();
    return;
  }
  // UTF-8: the lead byte says how many continuation bytes follow.
  const b = e.local(I32), more = e.local(I32), min = e.local(I32);
  const byteAt = () => e.localGet(ptr).localGet(i).op(0x6a).load(I32, 1, false, m, 0);
  byteAt().localSet(b);
  e.localGet(i).i32Const(1).op(0x6a).localSet(i);
  e.localGet(b).i32Const(0x80).op(0x49).if(); // ASCII
  e.localGet(b).localSet(cp).i32Const(0).localSet(more).i32Const(0).localSet(min);
  e.op(0x05);
  e.localGet(b).i32Const(0xe0).op(0x49).if();
  e.localGet(b).i32Const(0x1f).op(0x71).localSet(cp).i32Const(1).localSet(more).i32Const(0x80)
    .localSet(min);
  e.op(0x05);
  e.localGet(b).i32Const(0xf0).op(0x49).if();
  e.localGet(b).i32Const(0x0f).op(0x71).localSet(cp).i32Const(2).localSet(more).i32Const(0x800)
    .localSet(min);
  e.op(0x05);
  e.localGet(b).i32Const(0x07).op(0x71).localSet(cp).i32Const(3).localSet(more).i32Const(0x10000)
    .localSet(min);
  e.end().end().end();
  // A stray continuation byte as lead, or a lead byte past F4 → trap.
  e.localGet(b).i32Const(0xc0).op(0x71).i32Const(0x80).op(0x46);
  e.localGet(b).i32Const(0xf4).op(0x4b).op(0x72).if().unreachable().end();
  e.localGet(i).localGet(more).op(0x6a).localGet(n).op(0x4b).if().unreachable().end(); // truncated
  e.block().loop();
  e.localGet(more).op(0x45).brIf(1);
  byteAt().localTee(b).i32Const(0xc0).op(0x71).i32Const(0x80).op(0x47).if().unreachable().end();
  e.localGet(cp).i32Const(6).op(0x74).localGet(b).i32Const(0x3f).op(0x71).op(0x72).localSet(cp);
  e.localGet(i).i32Const(1).op(0x6a).localSet(i);
  e.localGet(more).i32Const(1).op(0x6b).localSet(more);
  e.br(0).end().end();
  // Overlong forms, surrogates and code points past U+10FFFF are invalid.
  e.localGet(cp).localGet(min).op(0x49);
  e.localGet(cp).i32Const(0x10ffff).op(0x4b).op(0x72);
  e.localGet(cp).i32Const(0xf800).op(0x71).i32Const(0xd800).op(0x46).op(0x72);
  e.if().unreachable().end();
}

/** Emits "encode `cp` at dst[o], advance `o`" for one destination form. */
function encode(
  e: Emitter,
  form: "utf8" | "utf16" | "latin1",
  m: number,
  np: number,
  o: number,
  cp: number,
): void {
  const at = () => e.localGet(np).localGet(o).op(0x6a);
  if (form === "latin1") {
    at().localGet(cp).store(I32, 1, m, 0);
    e.localGet(o).i32Const(1).op(0x6a).localSet(o);
    return;
  }
  const put = (value: () => void, offset: number) => {
    at();
    value();
    e.store(I32, 1, m, offset);
  };
  if (form === "utf16") {
    e.localGet(cp).i32Const(0x10000).op(0x4f).if();
    at().localGet(cp).i32Const(0x10000).op(0x6b).i32Const(10).op(0x76).i32Const(0xd800).op(0x6a)
      .store(I32, 2, m, 0);
    at().localGet(cp).i32Const(0x3ff).op(0x71).i32Const(0xdc00).op(0x6a).store(I32, 2, m, 2);
    e.localGet(o).i32Const(4).op(0x6a).localSet(o);
    e.op(0x05);
    at().localGet(cp).store(I32, 2, m, 0);
    e.localGet(o).i32Const(2).op(0x6a).localSet(o);
    e.end();
    return;
  }
  const bits = (shift: number, mask: number, tag: number) => () =>
    e.localGet(cp).i32Const(shift).op(0x76).i32Const(mask).op(0x71).i32Const(tag).op(0x72);
  e.localGet(cp).i32Const(0x80).op(0x49).if();
  put(() => e.localGet(cp), 0);
  e.localGet(o).i32Const(1).op(0x6a).localSet(o);
  e.op(0x05);
  e.localGet(cp).i32Const(0x800).op(0x49).if();
  put(bits(6, 0x1f, 0xc0), 0);
  put(bits(0, 0x3f, 0x80), 1);
  e.localGet(o).i32Const(2).op(0x6a).localSet(o);
  e.op(0x05);
  e.localGet(cp).i32Const(0x10000).op(0x49).if();
  put(bits(12, 0x0f, 0xe0), 0);
  put(bits(6, 0x3f, 0x80), 1);
  put(bits(0, 0x3f, 0x80), 2);
  e.localGet(o).i32Const(3).op(0x6a).localSet(o);
  e.op(0x05);
  put(bits(18, 0x07, 0xf0), 0);
  put(bits(12, 0x3f, 0x80), 1);
  put(bits(6, 0x3f, 0x80), 2);
  put(bits(0, 0x3f, 0x80), 3);
  e.localGet(o).i32Const(4).op(0x6a).localSet(o);
  e.end().end().end();
}

/**
 * Emits a transcoding copy of the string (`ptr`, `len`) from `from` to
 * `to`; returns the locals holding the new pointer and length.
 *
 * @example
 * ```ts
 * import { emitTranscode } from "./transcode.ts";
 * // inside an adapter: const [p, n] = emitTranscode(e, "utf16", "utf8", sites, ptr, len);
 * ```
 */
export function emitTranscode(
  e: Emitter,
  from: Encoding,
  to: Encoding,
  sites: TranscodeSites,
  ptr: number,
  len: number,
): [number, number] {
  const np = e.local(I32), o = e.local(I32), n = e.local(I32), cap = e.local(I32);
  const i = e.local(I32), cp = e.local(I32), outLen = e.local(I32);
  type Form = "utf8" | "utf16" | "latin1";
  /** Bytes written per source unit, at most. */
  const factor = (src: Form, dst: Form) =>
    dst === "utf16" ? 2 : dst === "latin1" ? 1 : src === "utf16" ? 3 : 2;
  const walk = (src: Form, body: () => void) => {
    e.i32Const(0).localSet(i);
    e.block().loop();
    e.localGet(i).localGet(n).op(0x4f).brIf(1);
    decode(e, src, sites.srcMemory, ptr, n, i, cp);
    body();
    e.br(0).end().end();
  };
  /** The spec traps when realloc returns a pointer that is not aligned as asked. */
  const aligned = (p: number, align: number) => {
    if (align > 1) e.localGet(p).i32Const(align - 1).op(0x71).if().unreachable().end();
  };
  const copy = (src: Form, dst: Form) => {
    const align = dst === "utf16" ? 2 : 1;
    e.localGet(n).i32Const(factor(src, dst)).op(0x6c).localSet(cap);
    e.i32Const(0).i32Const(0).i32Const(align).localGet(cap).call(sites.dstRealloc).localSet(np);
    aligned(np, align);
    e.i32Const(0).localSet(o);
    walk(src, () => encode(e, dst, sites.dstMemory, np, o, cp));
    // Give back what was not used.
    e.localGet(np).localGet(cap).i32Const(align).localGet(o).call(sites.dstRealloc).localSet(np);
    aligned(np, align);
    if (dst === "utf16") {
      e.localGet(o).i32Const(1).op(0x76).localSet(outLen);
      if (to === "latin1+utf16") e.localGet(outLen).i32Const(TAG).op(0x72).localSet(outLen);
    } else e.localGet(o).localSet(outLen);
  };
  /**
   * latin1+utf16 in one pass, as the spec's store_string_to_latin1_or_utf16:
   * write Latin-1 until the first code point above 0xff, then grow the
   * allocation to the UTF-16 worst case, inflate what was written (from the
   * end, in place) and go on in UTF-16; finally shrink to what was written.
   */
  const latin1OrUtf16 = (src: Form) => {
    const m = sites.dstMemory, wide = e.local(I32), j = e.local(I32);
    e.i32Const(0).i32Const(0).i32Const(2).localGet(n).call(sites.dstRealloc).localSet(np);
    aligned(np, 2);
    e.i32Const(0).localSet(o).i32Const(0).localSet(wide);
    walk(src, () => {
      e.localGet(wide).if();
      encode(e, "utf16", m, np, o, cp);
      e.op(0x05);
      e.localGet(cp).i32Const(0xff).op(0x4b).if();
      // The first wide code point: room for UTF-16, and the Latin-1 so far inflated.
      e.localGet(np).localGet(n).i32Const(2).localGet(n).i32Const(1).op(0x74).call(sites.dstRealloc)
        .localSet(np);
      aligned(np, 2);
      e.localGet(o).localSet(j);
      e.block().loop();
      e.localGet(j).op(0x45).brIf(1);
      e.localGet(j).i32Const(1).op(0x6b).localSet(j);
      e.localGet(np).localGet(j).i32Const(1).op(0x74).op(0x6a);
      e.localGet(np).localGet(j).op(0x6a).load(I32, 1, false, m, 0);
      e.store(I32, 2, m, 0);
      e.br(0).end().end();
      e.localGet(o).i32Const(1).op(0x74).localSet(o);
      e.i32Const(1).localSet(wide);
      encode(e, "utf16", m, np, o, cp);
      e.op(0x05);
      encode(e, "latin1", m, np, o, cp);
      e.end();
      e.end();
    });
    // Give back what was not used: n bytes for Latin-1, 2n for UTF-16.
    e.localGet(wide).if();
    e.localGet(o).localGet(n).i32Const(1).op(0x74).op(0x49).if();
    e.localGet(np).localGet(n).i32Const(1).op(0x74).i32Const(2).localGet(o).call(sites.dstRealloc)
      .localSet(np);
    aligned(np, 2);
    e.end();
    e.localGet(o).i32Const(1).op(0x76).i32Const(TAG).op(0x72).localSet(outLen);
    e.op(0x05);
    e.localGet(o).localGet(n).op(0x49).if();
    e.localGet(np).localGet(n).i32Const(2).localGet(o).call(sites.dstRealloc).localSet(np);
    aligned(np, 2);
    e.end();
    e.localGet(o).localSet(outLen);
    e.end();
  };
  const into = (src: Form) => {
    if (to === "utf8") copy(src, "utf8");
    else if (to === "utf16") copy(src, "utf16");
    else latin1OrUtf16(src);
  };
  if (from === "latin1+utf16") {
    e.localGet(len).i32Const(0x7fffffff).op(0x71).localSet(n);
    e.localGet(len).i32Const(TAG).op(0x71).if();
    into("utf16");
    e.op(0x05);
    into("latin1");
    e.end();
  } else {
    e.localGet(len).localSet(n);
    into(from);
  }
  return [np, outLen];
}
