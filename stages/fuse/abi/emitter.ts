/**
 * A tiny function-body assembler for generated code: declares locals,
 * appends instructions, and produces a code-section body.
 *
 * @module
 */
import type { ValType } from "../../../wasm/module/mod.ts";
import { BinaryWriter } from "../../../wasm/mod.ts";

/** Natural log2 alignment per access width. */
const ALIGN: Record<number, number> = { 1: 0, 2: 1, 4: 2, 8: 3 };

/**
 * Builds one function body.
 *
 * @example
 * ```ts
 * import { Emitter } from "./emitter.ts";
 * const e = new Emitter([0x7f]);
 * e.localGet(0).i32Const(1).op(0x6a); // local.get 0; i32.const 1; i32.add
 * console.log(e.body().length > 0);
 * ```
 */
export class Emitter {
  private readonly code = new BinaryWriter(256);
  private readonly locals: ValType[] = [];

  constructor(readonly params: ValType[]) {}

  /** A new local of type `t`; returns its index. */
  local(t: ValType): number {
    this.locals.push(t);
    return this.params.length + this.locals.length - 1;
  }

  /** Raw opcode byte(s). */
  op(...bytes: number[]): this {
    for (const b of bytes) this.code.u8(b);
    return this;
  }

  /** A u32 immediate. */
  u32(v: number): this {
    this.code.u32(v);
    return this;
  }

  localGet(i: number): this {
    return this.op(0x20).u32(i);
  }
  localSet(i: number): this {
    return this.op(0x21).u32(i);
  }
  localTee(i: number): this {
    return this.op(0x22).u32(i);
  }
  i32Const(v: number): this {
    this.code.u8(0x41).s32(v | 0);
    return this;
  }
  i64Const(v: number): this {
    this.code.u8(0x42).s64(BigInt(v));
    return this;
  }
  /** The zero of value type `t` (i32, i64, f32 or f64). */
  zero(t: ValType): this {
    if (t === 0x7e) return this.i64Const(0);
    if (t === 0x7d) return this.op(0x43, 0, 0, 0, 0);
    if (t === 0x7c) return this.op(0x44, 0, 0, 0, 0, 0, 0, 0, 0);
    return this.i32Const(0);
  }
  call(f: number): this {
    return this.op(0x10).u32(f);
  }
  /** `call_indirect` through `table` with the function type at `typeIndex`. */
  callIndirect(typeIndex: number, table: number): this {
    return this.op(0x11).u32(typeIndex).u32(table);
  }
  globalGet(g: number): this {
    return this.op(0x23).u32(g);
  }
  globalSet(g: number): this {
    return this.op(0x24).u32(g);
  }
  drop(): this {
    return this.op(0x1a);
  }
  /** `local.get` of every parameter, in order (forwarding a call). */
  forwardParams(): this {
    this.params.forEach((_, i) => this.localGet(i));
    return this;
  }

  /** A memarg for `memory` (multi-memory form when non-zero). */
  private memarg(width: number, memory: number, offset: number): this {
    const align = ALIGN[width];
    if (memory === 0) this.code.u32(align);
    else this.code.u32(align | 0x40).u32(memory);
    this.code.u32(offset);
    return this;
  }

  /** Loads an integer / float of `width` bytes; `type` picks the value type. */
  load(type: ValType, width: number, signed: boolean, memory: number, offset: number): this {
    let op: number;
    if (type === 0x7f) {
      op = width === 1 ? (signed ? 0x2c : 0x2d) : width === 2 ? (signed ? 0x2e : 0x2f) : 0x28;
    } else if (type === 0x7e) op = 0x29;
    else if (type === 0x7d) op = 0x2a;
    else op = 0x2b;
    return this.op(op).memarg(width, memory, offset);
  }

  /** Stores the value on the stack (address below it). */
  store(type: ValType, width: number, memory: number, offset: number): this {
    let op: number;
    if (type === 0x7f) op = width === 1 ? 0x3a : width === 2 ? 0x3b : 0x36;
    else if (type === 0x7e) op = 0x37;
    else if (type === 0x7d) op = 0x38;
    else op = 0x39;
    return this.op(op).memarg(width, memory, offset);
  }

  /** Loads a whole value of type `t` (4 bytes for i32 / f32, 8 for i64 / f64). */
  loadValue(t: ValType, memory: number, offset: number): this {
    return this.load(t, valueBytes(t), false, memory, offset);
  }

  /** Stores a whole value of type `t` (the value on the stack, its address below it). */
  storeValue(t: ValType, memory: number, offset: number): this {
    return this.store(t, valueBytes(t), memory, offset);
  }

  /** `memory.copy dst src` (operands: dst addr, src addr, length). */
  memoryCopy(dstMemory: number, srcMemory: number): this {
    return this.op(0xfc).u32(10).u32(dstMemory).u32(srcMemory);
  }

  /** `if` with an empty block type. */
  if(): this {
    return this.op(0x04, 0x40);
  }
  /** `if` whose arms leave one value of type `t`. */
  ifTyped(t: ValType): this {
    return this.op(0x04, t as number);
  }
  else(): this {
    return this.op(0x05);
  }
  block(): this {
    return this.op(0x02, 0x40);
  }
  loop(): this {
    return this.op(0x03, 0x40);
  }
  end(): this {
    return this.op(0x0b);
  }
  br(depth: number): this {
    return this.op(0x0c).u32(depth);
  }
  brIf(depth: number): this {
    return this.op(0x0d).u32(depth);
  }
  unreachable(): this {
    return this.op(0x00);
  }

  /** The complete body: locals vector, instructions, final `end`. */
  body(): Uint8Array {
    const w = new BinaryWriter(this.code.length + 32);
    const groups: [number, ValType][] = [];
    for (const t of this.locals) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    w.u32(groups.length);
    for (const [n, t] of groups) w.u32(n).u8(t as number);
    w.bytes(this.code.finish()).u8(0x0b);
    return w.finish();
  }
}

/** Bytes of a value of core type `t` in memory: 8 for i64 / f64, else 4. */
export function valueBytes(t: ValType): number {
  return t === 0x7e || t === 0x7c ? 8 : 4;
}
