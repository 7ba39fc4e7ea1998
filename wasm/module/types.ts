/**
 * Core-wasm type encodings: value types, limits, table / memory / global
 * types, import descriptors and function types. The module codec uses them,
 * and so do the component sections that embed core types
 * (`core:moduletype` declarations, core type sections).
 *
 * @module
 */
import type { BinaryReader } from "../reader.ts";
import type { BinaryWriter } from "../writer.ts";
import type {
  FuncType,
  GlobalType,
  HeapType,
  ImportDesc,
  Limits,
  MemoryType,
  TableType,
  ValType,
} from "./model.ts";

const NUMERIC_OR_ABSTRACT = new Set([
  0x7f,
  0x7e,
  0x7d,
  0x7c,
  0x7b, // i32 i64 f32 f64 v128
  0x70,
  0x6f,
  0x6e,
  0x6d,
  0x6c,
  0x6b,
  0x6a,
  0x69,
  0x71,
  0x72,
  0x73,
  0x74, // ref shorthands
]);

/** Reads a core `valtype`. */
export function readCoreValType(r: BinaryReader): ValType {
  const at = r.offset;
  const b = r.u8("a value type");
  if (NUMERIC_OR_ABSTRACT.has(b)) return b;
  if (b === 0x63 || b === 0x64) return { nullable: b === 0x63, heapType: readHeapType(r) };
  throw r.fail("bad-value", `unknown value type 0x${b.toString(16)} at ${at}`);
}

function readHeapType(r: BinaryReader): HeapType {
  const b = r.peek("a heap type");
  if (b >= 0x40 && b < 0x80 && b !== 0x40) {
    r.u8();
    return { kind: "abstract", code: b };
  }
  const idx = r.s32("a heap type index");
  if (idx < 0) r.fail("bad-value", `invalid heap type ${idx}`);
  return { kind: "index", index: idx };
}

/** Writes a core `valtype`. */
export function writeCoreValType(w: BinaryWriter, t: ValType): void {
  if (typeof t === "number") {
    w.u8(t);
    return;
  }
  w.u8(t.nullable ? 0x63 : 0x64);
  if (t.heapType.kind === "abstract") w.u8(t.heapType.code);
  else w.s32(t.heapType.index);
}

/** Reads a core `functype` after its 0x60 byte. */
export function readCoreFuncTypeBody(r: BinaryReader): FuncType {
  const np = r.count("parameter count");
  const params: ValType[] = new Array(np);
  for (let i = 0; i < np; i++) params[i] = readCoreValType(r);
  const nr = r.count("result count");
  const results: ValType[] = new Array(nr);
  for (let i = 0; i < nr; i++) results[i] = readCoreValType(r);
  return { params, results };
}

/** Writes a core `functype` after its 0x60 byte. */
export function writeCoreFuncTypeBody(w: BinaryWriter, t: FuncType): void {
  w.u32(t.params.length);
  for (const p of t.params) writeCoreValType(w, p);
  w.u32(t.results.length);
  for (const p of t.results) writeCoreValType(w, p);
}

function readLimits(r: BinaryReader, flags: number, is64: boolean): Limits {
  const min = is64 ? Number(r.u64("limits minimum")) : r.u32("limits minimum");
  const limits: Limits = { min };
  if (flags & 1) limits.max = is64 ? Number(r.u64("limits maximum")) : r.u32("limits maximum");
  return limits;
}

function writeLimits(w: BinaryWriter, l: Limits, is64: boolean): void {
  if (is64) {
    w.u64(BigInt(l.min));
    if (l.max !== undefined) w.u64(BigInt(l.max));
  } else {
    w.u32(l.min);
    if (l.max !== undefined) w.u32(l.max);
  }
}

/** Reads a `memtype`. */
export function readMemoryType(r: BinaryReader): MemoryType {
  const at = r.offset;
  const flags = r.u8("memory limits flags");
  if (flags & ~0x0f) {
    r.fail("bad-value", `unknown memory limits flags 0x${flags.toString(16)} at ${at}`);
  }
  const memory64 = (flags & 4) !== 0;
  const m: MemoryType = { limits: readLimits(r, flags, memory64) };
  if (flags & 2) m.shared = true;
  if (memory64) m.memory64 = true;
  if (flags & 8) m.pageSizeLog2 = r.u32("page size log2");
  return m;
}

/** Writes a `memtype`. */
export function writeMemoryType(w: BinaryWriter, m: MemoryType): void {
  const flags = (m.limits.max !== undefined ? 1 : 0) | (m.shared ? 2 : 0) | (m.memory64 ? 4 : 0) |
    (m.pageSizeLog2 !== undefined ? 8 : 0);
  w.u8(flags);
  writeLimits(w, m.limits, !!m.memory64);
  if (m.pageSizeLog2 !== undefined) w.u32(m.pageSizeLog2);
}

/** Reads a `tabletype`. */
export function readTableType(r: BinaryReader): TableType {
  const element = readCoreValType(r);
  const at = r.offset;
  const flags = r.u8("table limits flags");
  if (flags & ~0x05) {
    r.fail("bad-value", `unknown table limits flags 0x${flags.toString(16)} at ${at}`);
  }
  const table64 = (flags & 4) !== 0;
  const t: TableType = { element, limits: readLimits(r, flags, table64) };
  if (table64) t.table64 = true;
  return t;
}

/** Writes a `tabletype`. */
export function writeTableType(w: BinaryWriter, t: TableType): void {
  writeCoreValType(w, t.element);
  w.u8((t.limits.max !== undefined ? 1 : 0) | (t.table64 ? 4 : 0));
  writeLimits(w, t.limits, !!t.table64);
}

/** Reads a `globaltype`. */
export function readGlobalType(r: BinaryReader): GlobalType {
  const valType = readCoreValType(r);
  const at = r.offset;
  const m = r.u8("global mutability");
  if (m > 1) r.fail("bad-value", `invalid global mutability ${m} at ${at}`);
  return { valType, mutable: m === 1 };
}

/** Writes a `globaltype`. */
export function writeGlobalType(w: BinaryWriter, g: GlobalType): void {
  writeCoreValType(w, g.valType);
  w.u8(g.mutable ? 1 : 0);
}

/** Reads an import / export descriptor (`externtype`). */
export function readImportDesc(r: BinaryReader): ImportDesc {
  const at = r.offset;
  const kind = r.u8("an import kind");
  switch (kind) {
    case 0x00:
      return { kind: "func", type: r.u32("a type index") };
    case 0x01:
      return { kind: "table", table: readTableType(r) };
    case 0x02:
      return { kind: "memory", memory: readMemoryType(r) };
    case 0x03:
      return { kind: "global", global: readGlobalType(r) };
    case 0x04: {
      const attr = r.u8("a tag attribute");
      if (attr !== 0) r.fail("bad-value", `invalid tag attribute ${attr}`);
      return { kind: "tag", type: r.u32("a type index") };
    }
  }
  throw r.fail("bad-value", `unknown import kind 0x${kind.toString(16)} at ${at}`);
}

/** Writes an import / export descriptor. */
export function writeImportDesc(w: BinaryWriter, d: ImportDesc): void {
  switch (d.kind) {
    case "func":
      w.u8(0).u32(d.type);
      return;
    case "table":
      w.u8(1);
      writeTableType(w, d.table);
      return;
    case "memory":
      w.u8(2);
      writeMemoryType(w, d.memory);
      return;
    case "global":
      w.u8(3);
      writeGlobalType(w, d.global);
      return;
    case "tag":
      w.u8(4).u8(0).u32(d.type);
      return;
  }
}
