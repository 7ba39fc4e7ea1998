/**
 * The immediates instructions carry, read one kind at a time and reported
 * to an {@linkcode OperatorSink}: indices into the module's spaces, locals
 * and labels, memargs, block, heap and value types.
 *
 * @example
 * ```ts
 * import { BinaryReader } from "../reader.ts";
 * import { idx } from "./operands.ts";
 * idx(new BinaryReader(new Uint8Array([5])), { index: (kind, v) => console.log(kind, v) }, "func");
 * // func 5
 * ```
 *
 * @module
 */
import type { BinaryReader } from "../reader.ts";
import { WasmDecodeError } from "../errors.ts";

/** The index spaces an immediate can point into. */
export type IndexKind =
  | "func"
  | "global"
  | "memory"
  | "table"
  | "type"
  | "data"
  | "elem"
  | "tag";

/** Indices relative to a function body: its locals, and the labels of enclosing blocks. */
export type LocalKind = "local" | "label";

/** Receives the immediates of each instruction as it is read. */
export interface OperatorSink {
  /** An instruction starts at `offset` (relative to the reader's buffer) with `opcode` (and `sub` for prefixed ones). */
  op?(opcode: number, sub: number, offset: number): void;
  /**
   * An index immediate in `[start, end)`: a u32 LEB, or an s33 LEB where `s33` (the type
   * index of a block type or heap type). `callType` marks the signature of an indirect call
   * (`call_indirect`, `call_ref` and their `return_` forms).
   */
  index?(
    kind: IndexKind,
    value: number,
    start: number,
    end: number,
    s33?: boolean,
    callType?: boolean,
  ): void;
  /**
   * A local or label index in `[start, end)` (a u32 LEB). Reported apart from `index`: they
   * name nothing outside the body, and are most of a body's immediates.
   */
  local?(kind: LocalKind, value: number, start: number, end: number): void;
  /** A memarg in `[start, end)`: alignment flags, memory index, and where the offset LEB starts. */
  memarg?(align: number, memory: number, offsetStart: number, start: number, end: number): void;
  /** An `i32.const` / `i64.const` immediate (a signed LEB) in `[start, end)`. */
  constant?(kind: "i32" | "i64", value: bigint, start: number, end: number): void;
}

/** An index immediate of `kind` (a u32 LEB), reported to `sink`. */
export function idx(
  r: BinaryReader,
  sink: OperatorSink,
  kind: IndexKind,
  callType?: boolean,
): void {
  const start = r.pos;
  const v = r.u32(`a ${kind} index`);
  sink.index?.(kind, v, start, r.pos, false, callType);
}

/** A local or label index (a u32 LEB), reported to `sink`. */
export function localIdx(r: BinaryReader, sink: OperatorSink, kind: LocalKind): void {
  const start = r.pos;
  const v = r.u32(`a ${kind} index`);
  sink.local?.(kind, v, start, r.pos);
}

/** A memarg: alignment flags, the memory index when flagged, the offset. */
export function memarg(r: BinaryReader, sink: OperatorSink): void {
  const start = r.pos;
  const align = r.u32("memarg alignment");
  let memory = 0;
  if (align & 0x40) memory = r.u32("memarg memory index");
  const offsetStart = r.pos;
  // Every load and store has one: skipped without a bigint (sinks that need it read it back).
  r.skipU64("memarg offset");
  sink.memarg?.(align, memory, offsetStart, start, r.pos);
}

/** A block type: empty, a value type, or a type index (an s33 LEB). */
export function blockType(r: BinaryReader, sink: OperatorSink): void {
  const b = r.peek("a block type");
  if (b === 0x40 || (b >= 0x6a && b <= 0x7f) || b === 0x63 || b === 0x64) {
    if (b === 0x63 || b === 0x64) {
      r.u8();
      heapType(r, sink);
    } else r.u8();
    return;
  }
  const start = r.pos;
  const v = Number(r.s64("a block type index"));
  if (v < 0) r.fail("bad-value", `invalid block type ${v}`);
  sink.index?.("type", v, start, r.pos, true);
}

/** A heap type: an abstract one (one byte) or a type index (an s33 LEB). */
export function heapType(r: BinaryReader, sink: OperatorSink): void {
  const b = r.peek("a heap type");
  if (b >= 0x69 && b <= 0x74) {
    r.u8();
    return;
  }
  const start = r.pos;
  const v = Number(r.s64("a heap type index"));
  if (v < 0) r.fail("bad-value", `invalid heap type ${v}`);
  sink.index?.("type", v, start, r.pos, true);
}

/** A value type; a reference type carries a heap type. */
export function valType(r: BinaryReader, sink: OperatorSink): void {
  const b = r.u8("a value type");
  if (b === 0x63 || b === 0x64) heapType(r, sink);
}

/** An unknown opcode at `at`, as a decode error at its absolute offset. */
export function badOpcode(r: BinaryReader, at: number, text: string): never {
  throw new WasmDecodeError("bad-opcode", r.base + at, `unknown opcode ${text}`);
}
