/**
 * Decoders and encoders for the custom sections toolchains write: `name`,
 * `linking` (version 2), `reloc.*`, `producers` and `target_features`
 * (tool-conventions: Linking.md, Producers.md, BasicCABI's features).
 * Each pair round-trips: `encodeX(decodeX(bytes))` reproduces `bytes` for
 * minimally encoded input.
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { BinaryWriter } from "../writer.ts";

// ---- name ---------------------------------------------------------------------------------

/** The `name` section: module, function, local and global names; other subsections kept raw. */
export interface NameSection {
  module?: string;
  functions: Map<number, string>;
  locals: Map<number, Map<number, string>>;
  globals: Map<number, string>;
  /** Subsections other than 0, 1, 2 and 7 (labels, types, tables, memories, …), by id. */
  other: { id: number; data: Uint8Array }[];
}

function readNameMap(r: BinaryReader): Map<number, string> {
  const n = r.count("name map size", 2);
  const m = new Map<number, string>();
  for (let i = 0; i < n; i++) m.set(r.u32("an index"), r.name("a name"));
  return m;
}

function writeNameMap(w: BinaryWriter, m: Map<number, string>): void {
  w.u32(m.size);
  m.forEach((n, i) => w.u32(i).name(n));
}

/**
 * Decodes a `name` section payload.
 *
 * @example
 * ```ts
 * import { decodeNameSection } from "./custom.ts";
 * console.log(decodeNameSection(new Uint8Array([1, 4, 1, 0, 1, 0x66])).functions.get(0)); // "f"
 * ```
 */
export function decodeNameSection(
  data: Uint8Array,
  /** Read only these subsections (the others are skipped: their maps stay empty). */
  only?: readonly number[],
): NameSection {
  const r = new BinaryReader(data);
  const out: NameSection = {
    functions: new Map(),
    locals: new Map(),
    globals: new Map(),
    other: [],
  };
  while (!r.eof) {
    const id = r.u8("a name subsection id");
    const size = r.u32("a name subsection size");
    const sub = r.sub(size, "a name subsection");
    if (only && !only.includes(id)) continue;
    if (id === 0) out.module = sub.name("the module name");
    else if (id === 1) out.functions = readNameMap(sub);
    else if (id === 2) {
      const n = sub.count("local name count", 2);
      for (let i = 0; i < n; i++) out.locals.set(sub.u32("a function index"), readNameMap(sub));
    } else if (id === 7) out.globals = readNameMap(sub);
    else {
      out.other.push({ id, data: sub.bytesN(sub.remaining) });
      continue;
    }
    sub.expectEnd(`name subsection ${id}`);
  }
  return out;
}

/** Encodes a `name` section payload. */
export function encodeNameSection(s: NameSection): Uint8Array {
  // Sized for the function names (a fused module names every function): no regrowing.
  let functionBytes = 16;
  s.functions.forEach((n) => functionBytes += n.length + 8);
  const w = new BinaryWriter(functionBytes + 256);
  const sub = (id: number, body: (w: BinaryWriter) => void, capacity?: number) =>
    w.u8(id).sized(body, capacity);
  if (s.module !== undefined) sub(0, (x) => x.name(s.module!));
  if (s.functions.size) sub(1, (x) => writeNameMap(x, s.functions), functionBytes);
  if (s.locals.size) {
    sub(2, (x) => {
      x.u32(s.locals.size);
      for (const [f, m] of s.locals) writeNameMap(x.u32(f), m);
    });
  }
  const rest = [...s.other];
  if (s.globals.size) {
    const g = new BinaryWriter();
    writeNameMap(g, s.globals);
    rest.push({ id: 7, data: g.finish().slice() });
  }
  for (const o of rest.sort((a, b) => a.id - b.id)) w.u8(o.id).u32(o.data.length).bytes(o.data);
  return w.finish().slice();
}

/**
 * Reports where each function's name is in a `name` section payload: its
 * index and the byte range of its UTF-8 name — for copying names without
 * making strings of them (a large module names thousands of functions).
 *
 * @example
 * ```ts
 * import { forEachFunctionName } from "./custom.ts";
 * forEachFunctionName(new Uint8Array([1, 4, 1, 0, 1, 0x66]), (i, start, end) => console.log(i, start, end)); // 0 5 6
 * ```
 */
export function forEachFunctionName(
  data: Uint8Array,
  visit: (index: number, start: number, end: number) => void,
): void {
  const r = new BinaryReader(data);
  while (!r.eof) {
    const id = r.u8("a name subsection id");
    const size = r.u32("a name subsection size");
    const sub = r.sub(size, "a name subsection");
    if (id !== 1) continue;
    const n = sub.count("name map size", 2);
    for (let i = 0; i < n; i++) {
      const index = sub.u32("an index");
      const len = sub.u32("a name length");
      const start = sub.pos;
      sub.skip(len, "a name");
      visit(index, start, sub.pos);
    }
  }
}

/**
 * Writes a `name` section payload that names functions, one entry at a time
 * in increasing index order (as the format requires), from strings or from
 * another name section's bytes.
 *
 * @example
 * ```ts
 * import { decodeNameSection, FunctionNameWriter } from "./custom.ts";
 * const w = new FunctionNameWriter();
 * w.add(0, "start");
 * w.addPrefixed(1, new TextEncoder().encode("app::"), new Uint8Array([0x66]), 0, 1);
 * console.log(decodeNameSection(w.finish()).functions); // Map(2) { 0 => "start", 1 => "app::f" }
 * ```
 */
export class FunctionNameWriter {
  private readonly entries: BinaryWriter;
  private count = 0;
  private last = -1;

  constructor(capacity = 256) {
    this.entries = new BinaryWriter(capacity);
  }

  private next(index: number): BinaryWriter {
    if (index <= this.last) {
      throw new RangeError(
        `function names must come in increasing order: ${index} after ${this.last}`,
      );
    }
    this.last = index;
    this.count++;
    return this.entries.u32(index);
  }

  /** Names function `index`. */
  add(index: number, name: string): this {
    this.next(index).name(name);
    return this;
  }

  /** Names function `index` the UTF-8 bytes `prefix` followed by `src[start, end)`. */
  addPrefixed(
    index: number,
    prefix: Uint8Array,
    src: Uint8Array,
    start: number,
    end: number,
  ): this {
    this.next(index).u32(prefix.length + end - start).bytes(prefix).range(src, start, end);
    return this;
  }

  /** The `name` section payload: the function-name subsection. */
  finish(): Uint8Array {
    const entries = this.entries.finish();
    const w = new BinaryWriter(entries.length + 16);
    w.u8(1).sized((x) => x.u32(this.count).bytes(entries), entries.length + 8);
    return w.finish();
  }
}

// ---- reloc.* --------------------------------------------------------------------------------

/** Relocation types that carry an addend (tool-conventions Linking.md). */
export const RELOC_HAS_ADDEND = new Set([3, 4, 5, 8, 9, 11, 14, 15, 16, 17, 21, 22, 23, 25]);

/** One relocation entry. */
export interface Relocation {
  type: number;
  offset: number;
  index: number;
  addend?: number;
}

/** A `reloc.*` section: the target section's index and its entries. */
export interface RelocSection {
  section: number;
  entries: Relocation[];
}

/** Decodes a `reloc.*` section payload. */
export function decodeRelocSection(data: Uint8Array): RelocSection {
  const r = new BinaryReader(data);
  const section = r.u32("the target section index");
  const n = r.count("relocation count", 3);
  const entries: Relocation[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const type = r.u8("a relocation type");
    const e: Relocation = {
      type,
      offset: r.u32("a relocation offset"),
      index: r.u32("a relocation index"),
    };
    if (RELOC_HAS_ADDEND.has(type)) e.addend = Number(r.s64("a relocation addend"));
    entries[i] = e;
  }
  r.expectEnd("reloc section");
  return { section, entries };
}

/** Encodes a `reloc.*` section payload. */
export function encodeRelocSection(s: RelocSection): Uint8Array {
  const w = new BinaryWriter();
  w.u32(s.section).u32(s.entries.length);
  for (const e of s.entries) {
    w.u8(e.type).u32(e.offset).u32(e.index);
    if (RELOC_HAS_ADDEND.has(e.type)) w.s64(BigInt(e.addend ?? 0));
  }
  return w.finish().slice();
}

// ---- linking ----------------------------------------------------------------------------------

/** Symbol flag: the symbol is undefined (imported). */
export const WASM_SYM_UNDEFINED = 0x10;
/** Symbol flag: an undefined symbol carries its own name. */
export const WASM_SYM_EXPLICIT_NAME = 0x40;

/** A symbol table entry. `kind`: 0 function, 1 data, 2 global, 3 section, 4 tag, 5 table. */
export interface LinkingSymbol {
  kind: number;
  flags: number;
  name?: string;
  /** Function / global / tag / table index, or the section index. */
  index?: number;
  /** Defined data symbols: segment, offset, size. */
  segment?: number;
  offset?: number;
  size?: number;
}

/** The `linking` section: the symbol table decoded, other subsections kept raw. */
export interface LinkingSection {
  version: number;
  symbols?: LinkingSymbol[];
  /** Subsections in file order; the symbol table (8) is re-encoded from `symbols`. */
  subsections: { id: number; data: Uint8Array }[];
}

function readSymbol(r: BinaryReader): LinkingSymbol {
  const kind = r.u8("a symbol kind");
  const flags = r.u32("symbol flags");
  const s: LinkingSymbol = { kind, flags };
  if (kind === 1) {
    s.name = r.name("a data symbol name");
    if (!(flags & WASM_SYM_UNDEFINED)) {
      s.segment = r.u32("a segment index");
      s.offset = r.u32("an offset");
      s.size = r.u32("a size");
    }
  } else if (kind === 3) {
    s.index = r.u32("a section index");
  } else {
    s.index = r.u32("a symbol index");
    if (!(flags & WASM_SYM_UNDEFINED) || (flags & WASM_SYM_EXPLICIT_NAME)) {
      s.name = r.name("a symbol name");
    }
  }
  return s;
}

function writeSymbol(w: BinaryWriter, s: LinkingSymbol): void {
  w.u8(s.kind).u32(s.flags);
  if (s.kind === 1) {
    w.name(s.name ?? "");
    if (!(s.flags & WASM_SYM_UNDEFINED)) w.u32(s.segment ?? 0).u32(s.offset ?? 0).u32(s.size ?? 0);
  } else if (s.kind === 3) w.u32(s.index ?? 0);
  else {
    w.u32(s.index ?? 0);
    if (!(s.flags & WASM_SYM_UNDEFINED) || (s.flags & WASM_SYM_EXPLICIT_NAME)) w.name(s.name ?? "");
  }
}

/**
 * Decodes a `linking` section payload.
 *
 * @example
 * ```ts
 * import { decodeLinkingSection } from "./custom.ts";
 * console.log(decodeLinkingSection(new Uint8Array([2])).version); // 2
 * ```
 */
export function decodeLinkingSection(data: Uint8Array): LinkingSection {
  const r = new BinaryReader(data);
  const out: LinkingSection = { version: r.u32("the linking version"), subsections: [] };
  while (!r.eof) {
    const id = r.u8("a linking subsection id");
    const size = r.u32("a linking subsection size");
    const start = r.pos;
    const sub = r.sub(size, "a linking subsection");
    if (id === 8) {
      const n = sub.count("symbol count", 2);
      out.symbols = [];
      for (let i = 0; i < n; i++) out.symbols.push(readSymbol(sub));
      sub.expectEnd("the symbol table");
    }
    out.subsections.push({ id, data: data.subarray(start, start + size) });
  }
  return out;
}

/** Encodes a `linking` section payload. */
export function encodeLinkingSection(s: LinkingSection): Uint8Array {
  const w = new BinaryWriter();
  w.u32(s.version);
  for (const sub of s.subsections) {
    if (sub.id === 8 && s.symbols) {
      w.u8(8).sized((x) => {
        x.u32(s.symbols!.length);
        for (const sym of s.symbols!) writeSymbol(x, sym);
      });
    } else w.u8(sub.id).u32(sub.data.length).bytes(sub.data);
  }
  return w.finish().slice();
}

// ---- producers, target_features -----------------------------------------------------------------

/** `producers`: field name → [(name, version)]. */
export type ProducersSection = { field: string; values: { name: string; version: string }[] }[];

/** Decodes a `producers` section payload. */
export function decodeProducersSection(data: Uint8Array): ProducersSection {
  const r = new BinaryReader(data);
  const n = r.count("producers field count", 2);
  const out: ProducersSection = [];
  for (let i = 0; i < n; i++) {
    const field = r.name("a producers field");
    const k = r.count("producers value count", 2);
    const values = [];
    for (let j = 0; j < k; j++) {
      values.push({ name: r.name("a producer name"), version: r.name("a version") });
    }
    out.push({ field, values });
  }
  r.expectEnd("producers section");
  return out;
}

/** Encodes a `producers` section payload. */
export function encodeProducersSection(s: ProducersSection): Uint8Array {
  const w = new BinaryWriter();
  w.u32(s.length);
  for (const f of s) {
    w.name(f.field).u32(f.values.length);
    for (const v of f.values) w.name(v.name).name(v.version);
  }
  return w.finish().slice();
}

/** `target_features`: each feature with its prefix (`+` used, `-` disallowed, `=` required). */
export type TargetFeaturesSection = { prefix: "+" | "-" | "="; feature: string }[];

/** Decodes a `target_features` section payload. */
export function decodeTargetFeatures(data: Uint8Array): TargetFeaturesSection {
  const r = new BinaryReader(data);
  const n = r.count("feature count", 2);
  const out: TargetFeaturesSection = [];
  for (let i = 0; i < n; i++) {
    const at = r.offset;
    const p = String.fromCharCode(r.u8("a feature prefix"));
    if (p !== "+" && p !== "-" && p !== "=") {
      r.fail("bad-value", `unknown feature prefix "${p}" at ${at}`);
    }
    out.push({ prefix: p as "+" | "-" | "=", feature: r.name("a feature name") });
  }
  r.expectEnd("target_features section");
  return out;
}

/** Encodes a `target_features` section payload. */
export function encodeTargetFeatures(s: TargetFeaturesSection): Uint8Array {
  const w = new BinaryWriter();
  w.u32(s.length);
  for (const f of s) w.u8(f.prefix.charCodeAt(0)).name(f.feature);
  return w.finish().slice();
}
