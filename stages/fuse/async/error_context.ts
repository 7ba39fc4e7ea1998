/**
 * The error-context built-ins, in the fused module: an error context is a
 * handle in its component's table (tagged `ERROR_CONTEXT_TYPE`). The
 * Component Model leaves the debug message to the implementation ("may be
 * empty"): `new` checks the message lies in memory and keeps nothing of it,
 * `debug-message` answers the empty string, and a context passed to another
 * component arrives as a new handle there.
 *
 * @module
 */
import { I32 } from "../../../wasm/abi/mod.ts";
import type { Generated } from "../abi/handles.ts";
import { checkAligned } from "../abi/translator.ts";
import { Emitter } from "../abi/emitter.ts";

/** The handle tag of an error context (after the stream and future ends'). */
export const ERROR_CONTEXT_TYPE = 0xfff6;

/** The error-context built-ins. */
export type ErrorContextBuiltin =
  | "error-context.new"
  | "error-context.debug-message"
  | "error-context.drop";

/**
 * `error-context.new(ptr, len) → handle`: the message must lie inside
 * `memory` (else trap); `newHandle` allocates the handle.
 *
 * @example
 * ```ts
 * import { errorContextNew } from "./error_context.ts";
 * console.log(errorContextNew(0, 3).type); // { params: [ 127, 127 ], results: [ 127 ] }
 * ```
 */
export function errorContextNew(memory: number, newHandle: number): Generated {
  const e = new Emitter([I32, I32]);
  // (u64) ptr + len > memory.size * 64 KiB → trap.
  e.localGet(0).op(0xad).localGet(1).op(0xad).op(0x7c); // i64.extend_i32_u; …; i64.add
  e.op(0x3f).u32(memory).op(0xad).op(0x42, 16).op(0x86); // memory.size; extend; i64.const 16; shl
  e.op(0x56).if().unreachable().end(); // i64.gt_u
  e.i32Const(0).call(newHandle);
  return {
    type: { params: [I32, I32], results: [I32] },
    body: e.body(),
    name: "error-context.new",
  };
}

/**
 * `error-context.debug-message(handle, retptr)`: checks the handle and
 * writes the empty string `(0, 0)` at `retptr`.
 */
export function errorContextDebugMessage(memory: number, rep: number): Generated {
  const e = new Emitter([I32, I32]);
  e.localGet(0).call(rep).drop();
  checkAligned(e, 1, 4);
  e.localGet(1).i32Const(0).store(I32, 4, memory, 0);
  e.localGet(1).i32Const(0).store(I32, 4, memory, 4);
  return {
    type: { params: [I32, I32], results: [] },
    body: e.body(),
    name: "error-context.debug-message",
  };
}
