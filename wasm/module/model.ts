/**
 * The in-memory model of a core WebAssembly module.
 *
 * Names follow the binary format (see the core spec, "Binary Format"), so
 * the spec is the documentation. A decoded section keeps its original bytes
 * in `raw` (id byte, size and payload): the encoder writes `raw` verbatim
 * when present, which is what makes an unmodified decode round-trip
 * byte-exact (padded LEBs of relocatable code included). To change a
 * section, build a new section object without `raw` (see {@linkcode edited}).
 *
 * Function bodies and constant expressions stay as byte ranges; read their
 * instructions with `operators.ts` and rewrite indices with `reencode.ts`.
 *
 * @module
 */
import type { BinaryWriter } from "../writer.ts";

/** Numeric value types, by their binary encoding. */
export const ValTypeCode = {
  i32: 0x7f,
  i64: 0x7e,
  f32: 0x7d,
  f64: 0x7c,
  v128: 0x7b,
  funcref: 0x70,
  externref: 0x6f,
  exnref: 0x69,
} as const;

/** Abstract heap types, by their binary encoding. */
export type AbstractHeapType = number;

/** A heap type: an abstract one (its byte code) or a type index. */
export type HeapType = { kind: "abstract"; code: AbstractHeapType } | {
  kind: "index";
  index: number;
};

/** `(ref null? ht)`, the typed-reference form (0x63 nullable / 0x64 non-null). */
export interface RefType {
  nullable: boolean;
  heapType: HeapType;
}

/** A value type: a single-byte code from {@linkcode ValTypeCode} or a typed reference. */
export type ValType = number | RefType;

/** `functype ::= 0x60 params results`. */
export interface FuncType {
  params: ValType[];
  results: ValType[];
}

/** A type index inside a {@linkcode GcType}'s bytes, `[start, end)`, s33 (heap type) or u32 (supertype). */
export interface TypeRef {
  start: number;
  end: number;
  signed: boolean;
  index: number;
}

/**
 * A GC type definition (`struct`, `array`, a `sub` type, or any member of a
 * `rec` group), kept as its bytes with the type indices in them located.
 */
export interface GcType {
  kind: "gc";
  /** The `subtype` encoding, without any `rec` header. */
  bytes: Uint8Array;
  refs: TypeRef[];
  /** On a `rec` group's first member, the group's size; 0 on the others; absent outside a group. */
  rec?: number;
  /** The signature, when the composite type is a function. */
  func?: FuncType;
}

/** One entry of the type index space: a plain function type or a GC type definition. */
export type DefinedType = FuncType | GcType;

/** The signature a defined type gives a function, if it is a function type. */
export function signatureOf(t: DefinedType | undefined): FuncType | undefined {
  if (!t) return undefined;
  return "kind" in t ? t.func : t;
}

/** Limits of a table or memory (`min`, optional `max`); 64-bit values as numbers. */
export interface Limits {
  min: number;
  max?: number;
}

/** `tabletype`; `init` is the optional initializer expression (0x40 0x00 form). */
export interface TableType {
  element: ValType;
  limits: Limits;
  table64?: boolean;
}

/** `memtype`, with the threads (shared), memory64 and custom-page-size flags. */
export interface MemoryType {
  limits: Limits;
  shared?: boolean;
  memory64?: boolean;
  pageSizeLog2?: number;
}

/** `globaltype`. */
export interface GlobalType {
  valType: ValType;
  mutable: boolean;
}

/** The kind byte of imports and exports. */
export type ExternalKind = "func" | "table" | "memory" | "global" | "tag";

/** Import descriptor. */
export type ImportDesc =
  | { kind: "func"; type: number }
  | { kind: "table"; table: TableType }
  | { kind: "memory"; memory: MemoryType }
  | { kind: "global"; global: GlobalType }
  | { kind: "tag"; type: number };

/** `import ::= module name desc`. */
export interface Import {
  module: string;
  field: string;
  desc: ImportDesc;
}

/**
 * A constant expression: its instruction bytes including the final `end`
 * (0x0b). `offset` is its absolute position in the input, for errors.
 */
export interface ConstExpr {
  bytes: Uint8Array;
  offset?: number;
}

/** A defined table (with an initializer expression when it used the 0x40 0x00 form). */
export interface Table {
  type: TableType;
  init?: ConstExpr;
}

/** A defined global. */
export interface Global {
  type: GlobalType;
  init: ConstExpr;
}

/** `export ::= name kind index`. */
export interface Export {
  name: string;
  kind: ExternalKind;
  index: number;
}

/** Element segment items: function indices (flags 0–3) or expressions (flags 4–7). */
export type ElementItems = { kind: "functions"; indices: number[] } | {
  kind: "expressions";
  exprs: ConstExpr[];
};

/** An element segment. `type` is the element reference type (funcref for the index forms). */
export interface ElementSegment {
  mode: "active" | "passive" | "declarative";
  /** Table index of an active segment (0 unless flags 2 / 6). */
  table: number;
  offset?: ConstExpr;
  type: ValType;
  items: ElementItems;
  /** Original flags (0–7); the encoder picks the shortest form when absent. */
  flags?: number;
}

/** A data segment. */
export interface DataSegment {
  mode: "active" | "passive";
  memory: number;
  offset?: ConstExpr;
  data: Uint8Array;
  /** Original flags (0–2); the encoder picks the shortest form when absent. */
  flags?: number;
}

/**
 * A function body: the bytes after its size prefix (locals + instructions),
 * and the absolute offset of `bytes[0]` in the input (0 for new bodies).
 */
export interface FunctionBody {
  bytes: Uint8Array;
  offset: number;
}

/**
 * Function bodies that their producer writes straight into the encoder's
 * output instead of handing them over as bytes: a merge's renumbered copies
 * of its inputs' bodies. Those are most of a large module; built in buffers
 * of their own first, they would be written twice, into as many fresh pages.
 * Body `i` is `lengths[i]` bytes long, and `write(i, out)` writes exactly
 * those bytes to `out` (the encoder checks).
 */
export interface WrittenBodies {
  readonly lengths: ArrayLike<number>;
  write(i: number, out: BinaryWriter): void;
}

/** A section of a core module. `raw`, when present, is written verbatim. */
export type ModuleSection =
  | { id: "type"; types: DefinedType[]; raw?: Uint8Array }
  | { id: "import"; imports: Import[]; raw?: Uint8Array }
  | { id: "function"; types: number[]; raw?: Uint8Array }
  | { id: "table"; tables: Table[]; raw?: Uint8Array }
  | { id: "memory"; memories: MemoryType[]; raw?: Uint8Array }
  | { id: "tag"; tags: number[]; raw?: Uint8Array }
  | { id: "global"; globals: Global[]; raw?: Uint8Array }
  | { id: "export"; exports: Export[]; raw?: Uint8Array }
  | { id: "start"; func: number; raw?: Uint8Array }
  | { id: "element"; segments: ElementSegment[]; raw?: Uint8Array }
  | { id: "datacount"; count: number; raw?: Uint8Array }
  | {
    id: "code";
    bodies: FunctionBody[];
    /** Bodies written by their producer, before `bodies` (the encoder's business alone). */
    written?: WrittenBodies;
    raw?: Uint8Array;
  }
  | { id: "data"; segments: DataSegment[]; raw?: Uint8Array }
  | { id: "custom"; name: string; data: Uint8Array; raw?: Uint8Array };

/** The section id strings. */
export type ModuleSectionId = ModuleSection["id"];

/** A core module: its sections in file order. */
export interface CoreModule {
  kind: "module";
  sections: ModuleSection[];
}

/**
 * Returns a copy of a section without its original bytes, with `changes`
 * applied, so the encoder re-encodes it from the fields.
 *
 * @example
 * ```ts
 * import { edited } from "./model.ts";
 * const s = edited({ id: "start", func: 3, raw: new Uint8Array([8, 1, 3]) }, { func: 4 });
 * console.log(s.raw); // undefined
 * ```
 */
export function edited<S extends { raw?: Uint8Array }>(section: S, changes: Partial<S> = {}): S {
  const copy = { ...section, ...changes };
  delete copy.raw;
  return copy;
}
