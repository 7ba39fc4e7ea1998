/**
 * Conversions between the flat core types that share a joined variant slot.
 *
 * @module
 */
import type { Emitter } from "./emitter.ts";
import { F32, F64, I32, I64 } from "../../../wasm/abi/mod.ts";

/**
 * Converts the value on the stack between flat types, as the canonical ABI
 * joins and splits variant payload slots (reinterpret floats, wrap / extend
 * integers).
 *
 * @example
 * ```ts
 * import { convert } from "./convert.ts";
 * import { Emitter } from "./emitter.ts";
 * const e = new Emitter([0x7e]);
 * e.localGet(0);
 * convert(e, 0x7e, 0x7d); // i64 slot → f32: i32.wrap_i64; f32.reinterpret_i32
 * console.log(e.body().length > 0); // true
 * ```
 */
export function convert(e: Emitter, from: number, to: number): void {
  if (from === to) return;
  if (from === I64 && to === I32) e.op(0xa7); // i32.wrap_i64
  else if (from === I32 && to === I64) e.op(0xad); // i64.extend_i32_u
  else if (from === I32 && to === F32) e.op(0xbe); // f32.reinterpret_i32
  else if (from === F32 && to === I32) e.op(0xbc); // i32.reinterpret_f32
  else if (from === I64 && to === F64) e.op(0xbf); // f64.reinterpret_i64
  else if (from === F64 && to === I64) e.op(0xbd); // i64.reinterpret_f64
  else if (from === I64 && to === F32) e.op(0xa7, 0xbe);
  else if (from === F32 && to === I64) e.op(0xbc, 0xad);
}
