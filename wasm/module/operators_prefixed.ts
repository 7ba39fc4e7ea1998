/**
 * The prefixed instructions: GC (0xFB), saturating truncation, bulk memory
 * and tables (0xFC), SIMD (0xFD) and atomics (0xFE), read after their
 * prefix byte with their sub-opcode.
 *
 * @module
 */
import type { BinaryReader } from "../reader.ts";
import { badOpcode, heapType, idx, localIdx, memarg, type OperatorSink } from "./operands.ts";

/**
 * A 0xFC instruction after its prefix: returns its sub-opcode.
 *
 * @example
 * ```ts
 * import { BinaryReader } from "../reader.ts";
 * import { readFC } from "./operators_prefixed.ts";
 * console.log(readFC(new BinaryReader(new Uint8Array([11, 0])), {}, 0)); // 11: memory.fill
 * ```
 */
export function readFC(r: BinaryReader, sink: OperatorSink, at: number): number {
  const sub = r.u32("a 0xFC sub-opcode");
  sink.op?.(0xfc, sub, at);
  if (sub <= 7) return sub; // saturating truncations
  switch (sub) {
    case 8: // memory.init data mem
      idx(r, sink, "data");
      idx(r, sink, "memory");
      return sub;
    case 9: // data.drop
      idx(r, sink, "data");
      return sub;
    case 10: // memory.copy dst src
      idx(r, sink, "memory");
      idx(r, sink, "memory");
      return sub;
    case 11: // memory.fill
      idx(r, sink, "memory");
      return sub;
    case 12: // table.init elem table
      idx(r, sink, "elem");
      idx(r, sink, "table");
      return sub;
    case 13: // elem.drop
      idx(r, sink, "elem");
      return sub;
    case 14: // table.copy dst src
      idx(r, sink, "table");
      idx(r, sink, "table");
      return sub;
    case 15: // table.grow
    case 16: // table.size
    case 17: // table.fill
      idx(r, sink, "table");
      return sub;
    case 19: // memory.discard (proposal)
      idx(r, sink, "memory");
      return sub;
  }
  return badOpcode(r, at, `0xfc ${sub}`);
}

/** A 0xFD (SIMD) instruction after its prefix. */
export function readFD(r: BinaryReader, sink: OperatorSink, at: number): void {
  const sub = r.u32("a 0xFD sub-opcode");
  sink.op?.(0xfd, sub, at);
  if (sub <= 11 || sub === 92 || sub === 93) { // loads / stores / load_zero
    memarg(r, sink);
    return;
  }
  if (sub === 12 || sub === 13) { // v128.const, i8x16.shuffle
    r.skip(16, "a 16-byte immediate");
    return;
  }
  if (sub >= 21 && sub <= 34) { // extract / replace lane
    r.u8("a lane index");
    return;
  }
  if (sub >= 84 && sub <= 91) { // load / store lane
    memarg(r, sink);
    r.u8("a lane index");
    return;
  }
  if (
    sub === 14 || (sub >= 15 && sub <= 20) || (sub >= 35 && sub <= 83) || (sub >= 94 && sub <= 275)
  ) {
    // Every other SIMD and relaxed-SIMD opcode has no immediates; gaps in the
    // numbering (reserved codes) are rejected below.
    if (SIMD_RESERVED.has(sub)) badOpcode(r, at, `0xfd ${sub}`);
    return;
  }
  badOpcode(r, at, `0xfd ${sub}`);
}

/** Reserved SIMD sub-opcodes (no instruction assigned). */
const SIMD_RESERVED = new Set([
  154,
  162,
  165,
  166,
  175,
  176,
  178,
  179,
  180,
  187,
  194,
  197,
  198,
  207,
  208,
  210,
  211,
  212,
  226,
  238,
]);

/** A 0xFE (atomics) instruction after its prefix. */
export function readFE(r: BinaryReader, sink: OperatorSink, at: number): void {
  const sub = r.u32("a 0xFE sub-opcode");
  sink.op?.(0xfe, sub, at);
  if (sub === 3) { // atomic.fence
    r.u8("a reserved byte");
    return;
  }
  if (sub <= 2 || (sub >= 0x10 && sub <= 0x4e)) {
    memarg(r, sink);
    return;
  }
  badOpcode(r, at, `0xfe ${sub}`);
}

/** GC (0xFB): struct, array, i31 and cast instructions and their immediates. */
export function readFB(r: BinaryReader, sink: OperatorSink, at: number): void {
  const sub = r.u32("a 0xFB sub-opcode");
  sink.op?.(0xfb, sub, at);
  const field = () => r.u32("a field index");
  switch (sub) {
    case 0: // struct.new
    case 1: // struct.new_default
    case 6: // array.new
    case 7: // array.new_default
    case 11: // array.get
    case 12: // array.get_s
    case 13: // array.get_u
    case 14: // array.set
    case 16: // array.fill
      idx(r, sink, "type");
      return;
    case 2: // struct.get
    case 3: // struct.get_s
    case 4: // struct.get_u
    case 5: // struct.set
      idx(r, sink, "type");
      field();
      return;
    case 8: // array.new_fixed
      idx(r, sink, "type");
      r.u32("an array length");
      return;
    case 9: // array.new_data
    case 18: // array.init_data
      idx(r, sink, "type");
      idx(r, sink, "data");
      return;
    case 10: // array.new_elem
    case 19: // array.init_elem
      idx(r, sink, "type");
      idx(r, sink, "elem");
      return;
    case 17: // array.copy
      idx(r, sink, "type");
      idx(r, sink, "type");
      return;
    case 20: // ref.test
    case 21: // ref.test null
    case 22: // ref.cast
    case 23: // ref.cast null
      heapType(r, sink);
      return;
    case 24: // br_on_cast
    case 25: // br_on_cast_fail
      r.u8("cast flags");
      localIdx(r, sink, "label");
      heapType(r, sink);
      heapType(r, sink);
      return;
    case 15: // array.len
    case 26: // any.convert_extern
    case 27: // extern.convert_any
    case 28: // ref.i31
    case 29: // i31.get_s
    case 30: // i31.get_u
      return;
  }
  badOpcode(r, at, `0xfb ${sub}`);
}
