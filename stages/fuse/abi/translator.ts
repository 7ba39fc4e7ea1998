/**
 * Copying values of one component-level type from one side of a boundary to
 * the other: flat values lifted and lowered (narrowed, validated, handles
 * moved), values in memory copied field by field, strings transcoded and
 * lists copied with the receiver's realloc.
 *
 * @module
 */
import type { ValType } from "../../../wasm/module/mod.ts";
import type { CType } from "../../../wasm/abi/mod.ts";
import {
  alignment,
  casesOf,
  discriminantSize,
  elemSize,
  F32,
  F64,
  fieldOffsets,
  flatten,
  I32,
  I64,
  isVariantLike,
  needsDeepCopy,
  payloadOffset,
} from "../../../wasm/abi/mod.ts";
import { Emitter } from "./emitter.ts";
import { convert } from "./convert.ts";
import { emitTranscode } from "./transcode.ts";
import { FuseError } from "../errors.ts";
import type { AdapterSide } from "./adapter_types.ts";

/**
 * Number types as a load reads them: value type, width, signed.
 *
 * @example
 * ```ts
 * import { NUMBER_WIDTH } from "./translator.ts";
 * console.log(NUMBER_WIDTH.s16); // [127, 2, true]: an i32 from two bytes, sign-extended
 * ```
 */
export const NUMBER_WIDTH: Record<string, [ValType, number, boolean]> = {
  u8: [I32, 1, false],
  s8: [I32, 1, true],
  u16: [I32, 2, false],
  s16: [I32, 2, true],
  u32: [I32, 4, false],
  s32: [I32, 4, false],
  u64: [I64, 8, false],
  s64: [I64, 8, false],
  f32: [F32, 4, false],
  f64: [F64, 8, false],
};

/**
 * Copies values of one type from one side's representation to the other's.
 *
 * @example
 * ```ts
 * import { Translator } from "./translator.ts";
 * import { Emitter } from "./emitter.ts";
 * const e = new Emitter([0x7f]);
 * const side = { memory: 0, encoding: "utf8" as const };
 * const outs = new Translator(e, side, side, "example").flat({ kind: "u8" }, [0]);
 * console.log(outs.length); // 1: the narrowed value's local
 * ```
 */
export class Translator {
  constructor(
    private readonly e: Emitter,
    private readonly src: AdapterSide,
    private readonly dst: AdapterSide,
    private readonly where: string,
    private readonly handle?: (kind: "own" | "borrow", resource: number) => number,
    private readonly release?: (resource: number) => number,
  ) {}

  /** Borrows lent for this call, ended once it returns. */
  readonly lent: { release: number; from: number; to: number }[] = [];

  /** Moves handle local `h` across; returns the local holding the result. */
  private moveHandle(t: CType & { kind: "own" | "borrow" }, h: number): number {
    const o = this.e.local(I32);
    this.e.localGet(h).call(this.handleFunc(t)).localSet(o);
    if (t.kind === "borrow" && this.release) {
      this.lent.push({ release: this.release(t.resource), from: h, to: o });
    }
    return o;
  }

  /** The function that moves a handle across, or an error when there is none. */
  private handleFunc(t: CType & { kind: "own" | "borrow" }): number {
    if (!this.handle) {
      this.fail("resource handles need handle tables, which this adapter was not given");
    }
    return this.handle(t.kind, t.resource);
  }

  private fail(what: string): never {
    throw new FuseError("unsupported-adapter", this.where, what, "");
  }

  private realloc(align: number, sizeLocal: number): number {
    if (this.dst.realloc === undefined) {
      this.fail("the receiving side has no realloc, but the value needs memory there");
    }
    const out = this.e.local(I32);
    this.e.i32Const(0).i32Const(0).i32Const(align).localGet(sizeLocal).call(this.dst.realloc)
      .localSet(out);
    checkAligned(this.e, out, align);
    return out;
  }

  /** Copies a string given as (ptr, len) locals; returns the new (ptr, len) locals. */
  string(ptr: number, len: number): [number, number] {
    const e = this.e;
    if (this.src.encoding !== "utf8") checkAligned(e, ptr, 2);
    // latin1+utf16 on both sides still transcodes: over-wide UTF-16 deflates to Latin-1.
    if (this.src.encoding !== this.dst.encoding || this.src.encoding === "latin1+utf16") {
      if (this.dst.realloc === undefined) {
        this.fail("the receiving side has no realloc for the string");
      }
      return emitTranscode(
        e,
        this.src.encoding,
        this.dst.encoding,
        {
          srcMemory: this.src.memory,
          dstMemory: this.dst.memory,
          dstRealloc: this.dst.realloc,
        },
        ptr,
        len,
      );
    }
    const bytes = e.local(I32);
    if (this.src.encoding === "utf8") e.localGet(len).localSet(bytes);
    else if (this.src.encoding === "utf16") e.localGet(len).i32Const(1).op(0x74).localSet(bytes); // len << 1
    else {
      // latin1+utf16: the top bit tags UTF-16; its code units are 2 bytes.
      e.localGet(len).i32Const(0x7fffffff).op(0x71); // and
      e.localGet(len).i32Const(31).op(0x76); // shr_u → 0 or 1
      e.op(0x74).localSet(bytes); // shl
    }
    const np = this.realloc(this.src.encoding === "utf8" ? 1 : 2, bytes);
    e.localGet(np).localGet(ptr).localGet(bytes).memoryCopy(this.dst.memory, this.src.memory);
    return [np, len];
  }

  /** Copies a list given as (ptr, len) locals; returns the new (ptr, len) locals. */
  list(element: CType, ptr: number, len: number): [number, number] {
    const e = this.e;
    checkAligned(e, ptr, alignment(element));
    const size = elemSize(element);
    const bytes = e.local(I32);
    e.localGet(len).i32Const(size).op(0x6c).localSet(bytes); // mul
    const np = this.realloc(alignment(element), bytes);
    if (!needsDeepCopy(element) && !needsValidation(element)) {
      e.localGet(np).localGet(ptr).localGet(bytes).memoryCopy(this.dst.memory, this.src.memory);
      return [np, len];
    }
    const i = e.local(I32), sa = e.local(I32), da = e.local(I32);
    e.i32Const(0).localSet(i);
    e.block().loop();
    e.localGet(i).localGet(len).op(0x4f).brIf(1); // i >= len → exit
    e.localGet(ptr).localGet(i).i32Const(size).op(0x6c).op(0x6a).localSet(sa);
    e.localGet(np).localGet(i).i32Const(size).op(0x6c).op(0x6a).localSet(da);
    this.memory(element, sa, 0, da, 0);
    e.localGet(i).i32Const(1).op(0x6a).localSet(i);
    e.br(0).end().end();
    return [np, len];
  }

  /** Copies one value stored at `sa + so` (source memory) to `da + doff` (destination memory). */
  memory(t: CType, sa: number, so: number, da: number, doff: number): void {
    const e = this.e;
    const sm = this.src.memory, dm = this.dst.memory;
    const scalar = (type: ValType, width: number, fix?: () => void) => {
      e.localGet(da).localGet(sa).load(type, width, false, sm, so);
      fix?.();
      e.store(type, width, dm, doff);
    };
    switch (t.kind) {
      case "bool":
        return scalar(I32, 1, () => e.i32Const(0).op(0x47)); // != 0
      case "s8":
      case "u8":
        return scalar(I32, 1);
      case "s16":
      case "u16":
        return scalar(I32, 2);
      case "s32":
      case "u32":
        return scalar(I32, 4);
      case "own":
      case "borrow": {
        const h = e.local(I32);
        e.localGet(sa).load(I32, 4, false, sm, so).localSet(h);
        const o = this.moveHandle(t, h);
        e.localGet(da).localGet(o).store(I32, 4, dm, doff);
        return;
      }
      case "char": {
        const c = e.local(I32);
        e.localGet(sa).load(I32, 4, false, sm, so).localSet(c);
        this.checkChar(c);
        e.localGet(da).localGet(c).store(I32, 4, dm, doff);
        return;
      }
      case "f32":
        return scalar(F32, 4);
      case "s64":
      case "u64":
        return scalar(I64, 8);
      case "f64":
        return scalar(F64, 8);
      case "string":
      case "list": {
        if (t.kind === "list" && t.length !== undefined) {
          const types = Array.from({ length: t.length }, () => t.element);
          return this.memory({ kind: "tuple", types }, sa, so, da, doff);
        }
        const p = e.local(I32), n = e.local(I32);
        e.localGet(sa).load(I32, 4, false, sm, so).localSet(p);
        e.localGet(sa).load(I32, 4, false, sm, so + 4).localSet(n);
        const [np, nn] = t.kind === "list" ? this.list(t.element, p, n) : this.string(p, n);
        e.localGet(da).localGet(np).store(I32, 4, dm, doff);
        e.localGet(da).localGet(nn).store(I32, 4, dm, doff + 4);
        return;
      }
      case "record":
      case "tuple": {
        const types = t.kind === "record" ? t.fields.map((f) => f.type) : t.types;
        const offs = fieldOffsets(types);
        types.forEach((ft, k) => this.memory(ft, sa, so + offs[k], da, doff + offs[k]));
        return;
      }
      case "flags": {
        // Bits beyond the declared flags are ignored, as lifting does.
        const size = elemSize(t);
        const n = t.names.length;
        if (size <= 2) return scalar(I32, size, () => e.i32Const((1 << n) - 1).op(0x71));
        for (let k = 0; k < size; k += 4) {
          const bits = Math.min(32, n - 8 * k);
          e.localGet(da).localGet(sa).load(I32, 4, false, sm, so + k);
          if (bits < 32) e.i32Const((1 << bits) - 1).op(0x71);
          e.store(I32, 4, dm, doff + k);
        }
        return;
      }
      default: {
        const cases = casesOf(t);
        const dsize = discriminantSize(cases.length);
        const disc = e.local(I32);
        e.localGet(sa).load(I32, dsize, false, sm, so).localSet(disc);
        // Trap on an invalid discriminant, as lifting does.
        e.localGet(disc).i32Const(cases.length).op(0x4f).if().unreachable().end();
        e.localGet(da).localGet(disc).store(I32, dsize, dm, doff);
        const po = payloadOffset(t);
        cases.forEach((c, k) => {
          if (!c) return;
          e.localGet(disc).i32Const(k).op(0x46).if();
          this.memory(c, sa, so + po, da, doff + po);
          e.end();
        });
        return;
      }
    }
  }

  private checkChar(c: number): void {
    const e = this.e;
    // c >= 0x110000 || (0xD800 <= c < 0xE000) → trap
    e.localGet(c).i32Const(0x110000).op(0x4f);
    e.localGet(c).i32Const(0xd800).op(0x6b).i32Const(0x800).op(0x49); // (c - 0xD800) <u 0x800
    e.op(0x72).if().unreachable().end();
  }

  /** Translates flat values held in `ins` (one local per flat slot); returns the output locals. */
  flat(t: CType, ins: number[]): number[] {
    const e = this.e;
    switch (t.kind) {
      case "bool": {
        const o = e.local(I32);
        e.localGet(ins[0]).i32Const(0).op(0x47).localSet(o);
        return [o];
      }
      case "char":
        this.checkChar(ins[0]);
        return ins;
      case "u8":
      case "u16":
      case "s8":
      case "s16": {
        // lift_flat narrows: unsigned masks, signed sign-extends the low bits.
        const o = e.local(I32);
        e.localGet(ins[0]);
        if (t.kind === "u8") e.i32Const(0xff).op(0x71);
        else if (t.kind === "u16") e.i32Const(0xffff).op(0x71);
        else e.op(t.kind === "s8" ? 0xc0 : 0xc1);
        e.localSet(o);
        return [o];
      }
      case "string":
        return this.string(ins[0], ins[1]);
      case "list":
        if (t.length === undefined) return this.list(t.element, ins[0], ins[1]);
        return this.flatSeq(Array.from({ length: t.length }, () => t.element), ins);
      case "record":
        return this.flatSeq(t.fields.map((f) => f.type), ins);
      case "tuple":
        return this.flatSeq(t.types, ins);
      case "own":
      case "borrow":
        return [this.moveHandle(t, ins[0])];
      case "flags": {
        // Bits beyond the declared flags are ignored, as lifting does.
        return ins.map((x, k) => {
          const n = Math.min(32, t.names.length - 32 * k);
          if (n >= 32) return x;
          const o = e.local(I32);
          e.localGet(x).i32Const((1 << n) - 1).op(0x71).localSet(o);
          return o;
        });
      }
      default:
        if (isVariantLike(t)) {
          // An out-of-range discriminant traps, as lifting does.
          e.localGet(ins[0]).i32Const(casesOf(t).length).op(0x4f).if().unreachable().end();
        }
        if (isVariantLike(t) && variantNeedsWork(t)) return this.flatVariant(t, ins);
        return ins;
    }
    return ins;
  }

  /**
   * A flat variant whose payload holds pointers or handles: branch on the
   * discriminant, narrow the joined slots to the case's own flat types,
   * translate the payload, and widen the results back into joined slots.
   */
  private flatVariant(t: CType, ins: number[]): number[] {
    const e = this.e;
    const joined = flatten(t).slice(1) as number[];
    const outs = [e.local(I32), ...joined.map((jt) => e.local(jt))];
    for (let k = 0; k < ins.length; k++) e.localGet(ins[k]).localSet(outs[k]);
    casesOf(t).forEach((c, k) => {
      if (!c || !caseNeedsWork(c, joined)) return;
      e.localGet(ins[0]).i32Const(k).op(0x46).if();
      const own = flatten(c) as number[];
      const caseIns = own.map((ft, i) => {
        const l = e.local(ft);
        e.localGet(ins[1 + i]);
        convert(e, joined[i], ft);
        e.localSet(l);
        return l;
      });
      const translated = this.flat(c, caseIns);
      translated.forEach((l, i) => {
        e.localGet(l);
        convert(e, own[i], joined[i]);
        e.localSet(outs[1 + i]);
      });
      e.end();
    });
    return outs;
  }

  private flatSeq(types: CType[], ins: number[]): number[] {
    const out: number[] = [];
    let k = 0;
    for (const ft of types) {
      const n = flatten(ft).length;
      out.push(...this.flat(ft, ins.slice(k, k + n)));
      k += n;
    }
    return out;
  }
}

/**
 * Whether lifting a flat value of `t` changes its bits or may trap: small
 * integers are narrowed, bools normalized, chars, flags and discriminants
 * checked, pointers and handles moved.
 */
function liftChanges(t: CType): boolean {
  switch (t.kind) {
    case "u8":
    case "u16":
    case "s8":
    case "s16":
    case "bool":
    case "char":
    case "flags":
    case "string":
    case "own":
    case "borrow":
      return true;
    case "list":
      return t.length === undefined || liftChanges(t.element);
    case "record":
      return t.fields.some((f) => liftChanges(f.type));
    case "tuple":
      return t.types.some(liftChanges);
    case "variant":
    case "option":
    case "result":
    case "enum":
      return true;
    default:
      return false;
  }
}

/**
 * Whether a variant case's payload must be narrowed from the joined slots:
 * its own flat types differ from the slots (an f32 in an i64 slot keeps only
 * its low bits), or lifting it changes bits (a u8 in an i32 slot).
 */
function caseNeedsWork(c: CType, joined: number[]): boolean {
  return liftChanges(c) || (flatten(c) as number[]).some((t, i) => t !== joined[i]);
}

function variantNeedsWork(t: CType): boolean {
  const joined = flatten(t).slice(1) as number[];
  return casesOf(t).some((c) => c !== undefined && caseNeedsWork(c, joined));
}

/**
 * Traps unless local `ptr` is a multiple of `align`.
 *
 * @example
 * ```ts
 * import { checkAligned } from "./translator.ts";
 * import { Emitter } from "./emitter.ts";
 * const e = new Emitter([0x7f]);
 * checkAligned(e, 0, 4); // (local.get 0) (i32.const 3) i32.and if unreachable end
 * ```
 */
export function checkAligned(e: Emitter, ptr: number, align: number): void {
  if (align <= 1) return;
  e.localGet(ptr).i32Const(align - 1).op(0x71).if().unreachable().end();
}

function needsValidation(t: CType): boolean {
  switch (t.kind) {
    case "bool":
    case "char":
      return true;
    case "record":
      return t.fields.some((f) => needsValidation(f.type));
    case "tuple":
      return t.types.some(needsValidation);
    case "list":
      return t.length !== undefined && needsValidation(t.element);
    case "variant":
    case "option":
    case "result":
    case "enum":
      return true;
    default:
      return false;
  }
}
