/**
 * The constant expressions fuse and synth read and write most: `i32.const
 * N end` (data segment offsets, address globals).
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { BinaryWriter } from "../writer.ts";
import type { ConstExpr } from "./model.ts";

/**
 * Reads an `i32.const N end` expression's value, or undefined for anything else.
 *
 * @example
 * ```ts
 * import { constI32 } from "./const_expr.ts";
 * console.log(constI32(new Uint8Array([0x41, 0x80, 0x08, 0x0b]))); // 1024
 * ```
 */
export function constI32(bytes: Uint8Array): number | undefined {
  if (bytes[0] !== 0x41) return undefined;
  const r = new BinaryReader(bytes, 1);
  const v = r.s32();
  return r.pos === bytes.length - 1 && bytes[r.pos] === 0x0b ? v : undefined;
}

/**
 * The constant expression `i32.const v end`.
 *
 * @example
 * ```ts
 * import { i32ConstExpr } from "./const_expr.ts";
 * console.log(i32ConstExpr(1024).bytes); // [0x41, 0x80, 0x08, 0x0b]
 * ```
 */
export function i32ConstExpr(v: number): ConstExpr {
  const w = new BinaryWriter(8);
  w.u8(0x41).s32(v | 0).u8(0x0b);
  return { bytes: w.finish().slice() };
}

/**
 * The constant expression for zero of a numeric value type.
 *
 * @example
 * ```ts
 * import { zeroConstExpr } from "./const_expr.ts";
 * console.log(zeroConstExpr(0x7e).bytes); // [0x42, 0x00, 0x0b]
 * ```
 */
export function zeroConstExpr(type: number): ConstExpr {
  const w = new BinaryWriter(12);
  if (type === 0x7f) w.u8(0x41).u8(0);
  else if (type === 0x7e) w.u8(0x42).u8(0);
  else if (type === 0x7d) w.u8(0x43).u32le(0);
  else if (type === 0x7c) w.u8(0x44).u32le(0).u32le(0);
  else throw new RangeError(`no zero constant for value type 0x${type.toString(16)}`);
  return { bytes: w.u8(0x0b).finish().slice() };
}
