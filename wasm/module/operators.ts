/**
 * The instruction reader: walks function bodies and constant expressions
 * opcode by opcode, reporting every index immediate so callers can inspect
 * (`findMemoryGrow`) or rewrite (`reencode.ts`) them.
 *
 * Covers MVP, sign-extension, non-trapping float-to-int, bulk memory,
 * reference types, multi-value, multi-memory, SIMD (with relaxed SIMD),
 * tail calls, extended-const, typed function references, GC (struct,
 * array, i31, casts), exceptions (legacy and try_table) and threads
 * (atomics). An unknown opcode is a
 * `WasmDecodeError` of kind "bad-opcode" at its offset.
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { WasmDecodeError } from "../errors.ts";
import {
  badOpcode,
  blockType,
  heapType,
  idx,
  localIdx,
  memarg,
  type OperatorSink,
  valType,
} from "./operands.ts";
import { readFB, readFC, readFD, readFE } from "./operators_prefixed.ts";

export type { IndexKind, LocalKind, OperatorSink } from "./operands.ts";

/**
 * The immediate shape of each one-byte opcode that compiled code uses most,
 * for walks that read those inline (`IndexSites` records a module's index
 * immediates this way): `SHAPE_NONE` (no immediate), `SHAPE_LEB` (one LEB
 * that names nothing outside the body: a local, a label, a constant),
 * `SHAPE_FUNC` / `SHAPE_GLOBAL` (one function / global index), `SHAPE_MEMARG`
 * (a load or store), `SHAPE_BLOCK` (a block type), `SHAPE_F32` / `SHAPE_F64`
 * (a 4- / 8-byte constant). 0 is every other opcode: {@linkcode readOperator}
 * reads those, and stays the authority on the format and its errors.
 *
 * @example
 * ```ts
 * import { OPCODE_SHAPES, SHAPE_FUNC } from "./operators.ts";
 * console.log(OPCODE_SHAPES[0x10] === SHAPE_FUNC); // true (call)
 * ```
 */
export const OPCODE_SHAPES: Uint8Array = new Uint8Array(256);
/** An opcode without immediates (see {@linkcode OPCODE_SHAPES}). */
export const SHAPE_NONE = 1;
/** An opcode with one LEB immediate that names nothing outside the body. */
export const SHAPE_LEB = 2;
/** An opcode with one function index. */
export const SHAPE_FUNC = 3;
/** An opcode with one global index. */
export const SHAPE_GLOBAL = 4;
/** A load or store: a memarg. */
export const SHAPE_MEMARG = 5;
/** `block`, `loop`, `if`: a block type. */
export const SHAPE_BLOCK = 6;
/** `f32.const`: 4 bytes. */
export const SHAPE_F32 = 7;
/** `f64.const`: 8 bytes. */
export const SHAPE_F64 = 8;
for (const op of [0x00, 0x01, 0x05, 0x0a, 0x0b, 0x0f, 0x19, 0x1a, 0x1b, 0xd1, 0xd3, 0xd4]) {
  OPCODE_SHAPES[op] = SHAPE_NONE;
}
for (let op = 0x45; op <= 0xc4; op++) OPCODE_SHAPES[op] = SHAPE_NONE;
// local.get / set / tee, br, br_if, i32.const, i64.const
for (const op of [0x20, 0x21, 0x22, 0x0c, 0x0d, 0x41, 0x42]) OPCODE_SHAPES[op] = SHAPE_LEB;
for (const op of [0x10, 0x12, 0xd2]) OPCODE_SHAPES[op] = SHAPE_FUNC; // call, return_call, ref.func
OPCODE_SHAPES[0x23] = OPCODE_SHAPES[0x24] = SHAPE_GLOBAL; // global.get / set
for (let op = 0x28; op <= 0x3e; op++) OPCODE_SHAPES[op] = SHAPE_MEMARG;
OPCODE_SHAPES[0x02] = OPCODE_SHAPES[0x03] = OPCODE_SHAPES[0x04] = SHAPE_BLOCK;
OPCODE_SHAPES[0x43] = SHAPE_F32;
OPCODE_SHAPES[0x44] = SHAPE_F64;

/** A control instruction's immediates (opcodes up to 0x1f with any). */
function readControl(r: BinaryReader, sink: OperatorSink, op: number, at: number): void {
  switch (op) {
    case 0x02: // block
    case 0x03: // loop
    case 0x04: // if
    case 0x06: // try
      blockType(r, sink);
      return;
    case 0x07: // catch
    case 0x08: // throw
      idx(r, sink, "tag");
      return;
    case 0x09: // rethrow
    case 0x0c: // br
    case 0x0d: // br_if
    case 0x18: // delegate
      localIdx(r, sink, "label");
      return;
    case 0x0e: { // br_table
      const n = r.count("br_table target count");
      for (let i = 0; i <= n; i++) localIdx(r, sink, "label");
      return;
    }
    case 0x10: // call
    case 0x12: // return_call
      idx(r, sink, "func");
      return;
    case 0x11: // call_indirect
    case 0x13: // return_call_indirect
      idx(r, sink, "type", true);
      idx(r, sink, "table");
      return;
    case 0x14: // call_ref
    case 0x15: // return_call_ref
      idx(r, sink, "type", true);
      return;
    case 0x1c: { // select t*
      const n = r.count("select type count");
      for (let i = 0; i < n; i++) valType(r, sink);
      return;
    }
    case 0x1f: { // try_table
      blockType(r, sink);
      const n = r.count("catch clause count", 2);
      for (let i = 0; i < n; i++) {
        const kind = r.u8("a catch kind");
        if (kind > 3) badOpcode(r, r.pos - 1, `catch kind ${kind}`);
        if (kind < 2) idx(r, sink, "tag");
        localIdx(r, sink, "label");
      }
      return;
    }
  }
  badOpcode(r, at, `0x${op.toString(16)}`);
}

/**
 * Reads one instruction at the reader's position, reporting immediates to
 * `sink`; returns its opcode byte.
 */
export function readOperator(r: BinaryReader, sink: OperatorSink): number {
  const at = r.pos;
  const op = r.u8("an opcode");
  if (OPCODE_SHAPES[op] === SHAPE_NONE) {
    sink.op?.(op, 0, at);
    return op;
  }
  sink.op?.(op, 0, at);
  if (op <= 0x1f) {
    readControl(r, sink, op, at);
    return op;
  }
  switch (op) {
    case 0x20: // local.get
    case 0x21: // local.set
    case 0x22: // local.tee
      localIdx(r, sink, "local");
      return op;
    case 0x23: // global.get
    case 0x24: // global.set
      idx(r, sink, "global");
      return op;
    case 0x25: // table.get
    case 0x26: // table.set
      idx(r, sink, "table");
      return op;
    case 0x3f: // memory.size
    case 0x40: // memory.grow
      idx(r, sink, "memory");
      return op;
    case 0x41: {
      const start = r.pos;
      const v = r.s32("an i32 constant");
      sink.constant?.("i32", BigInt(v), start, r.pos);
      return op;
    }
    case 0x42: {
      // A bigint only for a sink that reads the value (most walks do not).
      if (!sink.constant) {
        r.skipS64("an i64 constant");
        return op;
      }
      const start = r.pos;
      const v = r.s64("an i64 constant");
      sink.constant("i64", v, start, r.pos);
      return op;
    }
    case 0x43:
      r.skip(4, "an f32 constant");
      return op;
    case 0x44:
      r.skip(8, "an f64 constant");
      return op;
    case 0xd2: // ref.func
      idx(r, sink, "func");
      return op;
    case 0xd0: // ref.null
      heapType(r, sink);
      return op;
    case 0xd5: // br_on_null
    case 0xd6: // br_on_non_null
      localIdx(r, sink, "label");
      return op;
    case 0xfb:
      readFB(r, sink, at);
      return op;
    case 0xfc:
      readFC(r, sink, at);
      return op;
    case 0xfd:
      readFD(r, sink, at);
      return op;
    case 0xfe:
      readFE(r, sink, at);
      return op;
  }
  if (op >= 0x28 && op <= 0x3e) { // loads and stores
    memarg(r, sink);
    return op;
  }
  return badOpcode(r, at, `0x${op.toString(16)}`);
}

/**
 * Reads the locals vector at the start of a function body; returns the
 * position of the first instruction.
 */
export function skipLocals(r: BinaryReader, sink: OperatorSink = {}): number {
  const groups = r.count("local group count", 2);
  let total = 0;
  for (let i = 0; i < groups; i++) {
    const n = r.u32("a local count");
    total += n;
    if (total > 50000) r.fail("bad-count", `too many locals (${total})`);
    valType(r, sink);
  }
  return r.pos;
}

/**
 * Walks every instruction of a function body (the bytes after its size
 * prefix). `base` is the body's absolute offset, for errors.
 *
 * @example
 * ```ts
 * import { forEachOperator } from "./operators.ts";
 * const body = new Uint8Array([0, 0x41, 1, 0x1a, 0x0b]); // no locals; i32.const 1; drop; end
 * let n = 0;
 * forEachOperator(body, { op: () => n++ });
 * console.log(n); // 3
 * ```
 */
export function forEachOperator(body: Uint8Array, sink: OperatorSink, base = 0): void {
  const r = new BinaryReader(body, 0, body.length, base);
  skipLocals(r, sink);
  while (!r.eof) readOperator(r, sink);
  if (body[body.length - 1] !== 0x0b) {
    throw new WasmDecodeError(
      "unexpected-end",
      base + body.length,
      "function body does not end with `end` (0x0b)",
    );
  }
}

/** Skips a constant expression (through its final `end`) at the reader's position. */
export function skipConstExpr(r: BinaryReader, sink: OperatorSink = {}): void {
  let depth = 0;
  for (;;) {
    const op = readOperator(r, sink);
    if (op === 0x0b) {
      if (depth === 0) return;
      depth--;
    } else if (op === 0x02 || op === 0x03 || op === 0x04) depth++;
  }
}
